// app-header.js — <cp-app-header>: ⌘K trigger, language switch, copilot side-panel toggle and the signed-in
// user's name, role and tenant (from /v1/me and /v1/tenant), with sign-out.
import { html, render, icon } from './dom.js';
import { t, getLang, setLang, roleName } from './i18n.js';
import { state } from './state.js';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

class AppHeader extends HTMLElement {
  connectedCallback() {
    this.update();
    this.onDock = () => this.update();
    document.addEventListener('cp:copilot-state', this.onDock);
  }

  disconnectedCallback() { document.removeEventListener('cp:copilot-state', this.onDock); }

  update() {
    const { user, tenant } = state;
    const lang = getLang();
    const initials = (user?.name || '?').split(/\s+/).map((w) => w[0]).slice(0, 2).join('').toUpperCase();
    const docked = document.body.classList.contains('copilot-docked');
    render(this, html`
      <header class="topbar">
        <button class="icon-btn menu-btn" type="button" aria-label="${t('nav.menu')}" data-menu>${icon('menu')}</button>
        <button class="palette-trigger" type="button" data-palette aria-keyshortcuts="${isMac ? 'Meta+K' : 'Control+K'}">
          ${icon('search', 16)} <span class="grow label-text">${t('header.palette')}</span><kbd>${isMac ? '⌘' : 'Ctrl'}</kbd><kbd>K</kbd>
        </button>
        <span class="spacer"></span>
        <div class="lang-switch" role="group" aria-label="${t('header.language')}">
          <button type="button" data-lang="pt-BR" aria-pressed="${lang === 'pt-BR'}">PT</button>
          <button type="button" data-lang="en" aria-pressed="${lang === 'en'}">EN</button>
        </div>
        <button class="icon-btn" type="button" data-panel aria-pressed="${docked}" title="${t('header.panel')}" aria-label="${t('header.panel')}">${icon('dock')}</button>
        <div class="user-chip" id="user-chip">
          <span class="avatar" aria-hidden="true">${initials}</span>
          <span class="user-meta"><b data-user-name>${user?.name}</b><span><span data-user-role>${roleName(user?.role)}</span> · <span data-tenant>${tenant?.name || ''}</span></span></span>
        </div>
        <button class="icon-btn" type="button" data-logout title="${t('header.logout')}" aria-label="${t('header.logout')}">${icon('logout')}</button>
      </header>`);
    this.querySelector('[data-palette]').addEventListener('click', () => document.dispatchEvent(new CustomEvent('cp:palette-open')));
    this.querySelector('[data-menu]').addEventListener('click', () => document.body.classList.toggle('nav-open'));
    this.querySelector('[data-logout]').addEventListener('click', () => document.dispatchEvent(new CustomEvent('cp:sign-out')));
    this.querySelector('[data-panel]').addEventListener('click', () => document.dispatchEvent(new CustomEvent('cp:copilot-open', { detail: { docked: !docked, toggle: docked } })));
    this.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => setLang(b.dataset.lang)));
  }
}

customElements.define('cp-app-header', AppHeader);
