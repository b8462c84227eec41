// app-sidebar.js — <cp-app-sidebar>: the navigation (grouped, role-aware), highlighting the current page, with the
// number of proposals waiting for approval as a badge on "Aprovações" (refreshed on changes and every 30 s).
import { html, render, icon } from './dom.js';
import { t } from './i18n.js';
import { visibleNav, parseRoute } from './nav.js';
import { approvalsCount } from './approvals-page.js';

class AppSidebar extends HTMLElement {
  connectedCallback() {
    this.pending = 0;
    this.refresh = () => this.countApprovals();
    for (const name of ['cp:approvals-changed', 'cp:data-changed']) document.addEventListener(name, this.refresh);
    this.timer = setInterval(this.refresh, 30000);
    this.update();
    this.countApprovals();
  }

  disconnectedCallback() {
    for (const name of ['cp:approvals-changed', 'cp:data-changed']) document.removeEventListener(name, this.refresh);
    clearInterval(this.timer);
  }

  async countApprovals() {
    const count = await approvalsCount();
    if (count !== this.pending) { this.pending = count; this.update(); }
  }

  update() {
    const { section } = parseRoute();
    const items = visibleNav();
    const groups = [...new Set(items.map((i) => i.group))];
    const badge = (i) => (i.id === 'approvals' && this.pending
      ? html` <span class="badge warn" data-approvals-badge title="${t('approvals.badge', { count: this.pending })}">${this.pending}</span>` : '');
    render(this, html`
      <nav class="sidebar" aria-label="${t('nav.main')}">
        <a class="brand" href="#/"><span class="brand-mark">${icon('spark', 18)}</span> Copiloto</a>
        ${groups.map((g) => html`
          <div class="nav-group">
            <h2>${t(g)}</h2>
            ${items.filter((i) => i.group === g).map((i) => html`
              <a class="nav-link" href="${i.route}" data-nav="${i.id}" ${i.id === section ? html`aria-current="page"` : ''}>${icon(i.icon)} ${t(i.label)}${badge(i)}</a>`)}
          </div>`)}
      </nav>`);
  }
}

customElements.define('cp-app-sidebar', AppSidebar);
