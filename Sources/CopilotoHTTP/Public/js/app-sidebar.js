// app-sidebar.js — <cp-app-sidebar>: the navigation (grouped, role-aware), highlighting the current page.
import { html, render, icon } from './dom.js';
import { t } from './i18n.js';
import { visibleNav, parseRoute } from './nav.js';

class AppSidebar extends HTMLElement {
  connectedCallback() { this.update(); }

  update() {
    const { section } = parseRoute();
    const items = visibleNav();
    const groups = [...new Set(items.map((i) => i.group))];
    render(this, html`
      <nav class="sidebar" aria-label="${t('nav.main')}">
        <a class="brand" href="#/"><span class="brand-mark">${icon('spark', 18)}</span> Copiloto</a>
        ${groups.map((g) => html`
          <div class="nav-group">
            <h2>${t(g)}</h2>
            ${items.filter((i) => i.group === g).map((i) => html`
              <a class="nav-link" href="${i.route}" data-nav="${i.id}" ${i.id === section ? html`aria-current="page"` : ''}>${icon(i.icon)} ${t(i.label)}</a>`)}
          </div>`)}
      </nav>`);
  }
}

customElements.define('cp-app-sidebar', AppSidebar);
