// app-shell.js — <cp-app>: signs in (or shows the login page), lays out sidebar, header and the routed page,
// and mounts the copilot surfaces (floating button, chat window / side panel, ⌘K palette, Ctrl+. popup) once.
import { getToken, clearToken, api } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';
import { loadSession, clearSession, reloadActions } from './state.js';
import { parseRoute } from './nav.js';
import { resetLookup } from './lookup.js';
import { clearCards } from './card-store.js';

const PAGES = {
  dashboard: () => document.createElement('cp-dashboard'),
  audit: () => document.createElement('cp-audit-page'),
  approvals: () => document.createElement('cp-approvals-page'),
  permissions: () => document.createElement('cp-permissions-page'),
  usage: () => document.createElement('cp-usage-page'),
  inbox: () => document.createElement('cp-inbox-page'),
  'ai-agents': () => document.createElement('cp-ai-agents-page'),
  copilots: () => document.createElement('cp-copilots-page'),
  insights: () => document.createElement('cp-insights-page'),
  knowledge: () => document.createElement('cp-knowledge-page'),
};
const RESOURCES = ['customers', 'products', 'orders', 'invoices', 'agenda', 'tickets'];

class AppShell extends HTMLElement {
  connectedCallback() {
    window.addEventListener('hashchange', () => this.route());
    document.addEventListener('cp:unauthenticated', () => this.showLogin());
    document.addEventListener('cp:signed-in', () => this.boot());
    document.addEventListener('cp:sign-out', () => this.signOut());
    document.addEventListener('cp:lang', async () => {
      if (!this.querySelector('.layout')) { this.showLogin(); return; }
      await reloadActions().catch(() => {});
      this.querySelector('cp-app-header')?.update();
      this.querySelector('cp-app-sidebar')?.update();
      this.route();
    });
    this.boot();
  }

  async boot() {
    if (!getToken()) { this.showLogin(); return; }
    try {
      await loadSession();
      this.showShell();
    } catch (error) {
      if (error.status === 401) this.showLogin();
      else render(this, html`<div class="empty">${t('list.error', { message: error.message })}</div>`);
    }
  }

  showLogin() {
    clearSession();
    resetLookup();
    clearCards();
    sessionStorage.removeItem('copiloto.session');
    document.body.className = '';
    render(this, html`<cp-login-page></cp-login-page><cp-toast></cp-toast>`);
  }

  async signOut() {
    try { await api('/v1/auth/logout', { method: 'POST' }); } catch { /* the token is dropped anyway */ }
    clearToken();
    this.showLogin();
  }

  showShell() {
    render(this, html`
      <a class="skip-link" href="#main" data-skip>${t('common.skip')}</a>
      <div class="layout">
        <cp-app-sidebar></cp-app-sidebar>
        <div class="main-col">
          <cp-app-header></cp-app-header>
          <main id="main" class="page" tabindex="-1"></main>
        </div>
      </div>
      <cp-copilot></cp-copilot>
      <cp-copilot-fab></cp-copilot-fab>
      <cp-palette></cp-palette>
      <cp-quick-assist></cp-quick-assist>
      <cp-toast></cp-toast>`);
    this.querySelector('[data-skip]').addEventListener('click', (e) => { e.preventDefault(); this.querySelector('#main').focus(); });
    this.route();
  }

  route() {
    const main = this.querySelector('#main');
    if (!main) return;
    const { section, id } = parseRoute();
    let page;
    if (RESOURCES.includes(section) && id) {
      page = document.createElement('cp-record-page');
      page.setAttribute('resource', section);
      page.setAttribute('record-id', id);
    } else if (RESOURCES.includes(section)) {
      page = document.createElement('cp-list-page');
      page.setAttribute('resource', section);
    } else {
      page = (PAGES[section] || PAGES.dashboard)();
    }
    main.replaceChildren(page);
    document.body.classList.remove('nav-open');
    this.querySelector('cp-app-sidebar')?.update();
    window.scrollTo(0, 0);
  }
}

customElements.define('cp-app', AppShell);
