// copilots-page.js — <cp-copilots-page>: the gallery of templates (one click installs), the tenant's copilots with
// how their insights were received, and the builder of the chosen one.
import { api } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';
import { setPageContext } from './context.js';
import { pageHead, errorBlock } from './ui.js';
import './copilot-builder.js';

class CopilotsPage extends HTMLElement {
  connectedCallback() {
    setPageContext({ page: 'copilots', pattern: '#/copilots', params: {}, title: t('copilots.title') });
    render(this, html`${pageHead(t('copilots.title'), t('copilots.subtitle'),
      html`<button class="btn primary" type="button" data-new-copilot>${t('copilots.new')}</button>`)}
      <section class="card gallery-card"><h2>${t('copilots.gallery')}</h2><div class="template-grid" data-templates></div></section>
      <div class="inbox"><section class="card" data-copilots></section>
        <section class="card inbox-thread" data-builder-slot><div class="empty">${t('copilots.pick')}</div></section></div>`);
    this.querySelector('[data-new-copilot]').addEventListener('click', () => this.open(null));
    this.addEventListener('cp:copilot-saved', (e) => { this.load(); if (!e.detail) this.open(undefined); });
    this.load();
  }

  async load() {
    const list = this.querySelector('[data-copilots]'), gallery = this.querySelector('[data-templates]');
    try {
      const [copilots, templates, stats] = await Promise.all([api('/v1/copilots?limit=200'), api('/v1/copilots/templates'), api('/v1/insights/stats')]);
      this.copilots = copilots.items;
      const installed = new Set(copilots.items.map((c) => c.templateKey).filter(Boolean));
      const byAgent = new Map(stats.items.map((s) => [s.agentId, s]));
      render(gallery, html`${templates.items.map((tpl) => html`<article class="template" data-template="${tpl.key}">
        <div class="template-icon" aria-hidden="true">${tpl.icon}</div><strong>${tpl.name}</strong><p class="small muted">${tpl.description}</p>
        <p class="small">${tpl.triggers.map((tr) => t(`event.${tr.eventType}`)).join(' · ')}</p>
        <button class="btn sm ${installed.has(tpl.key) ? 'ghost' : 'primary'}" type="button" data-install ${installed.has(tpl.key) ? 'disabled' : ''}>
          ${installed.has(tpl.key) ? t('copilots.installed') : t('copilots.install')}</button></article>`)}`);
      gallery.querySelectorAll('[data-install]').forEach((b) => b.addEventListener('click', () => this.install(b.closest('[data-template]').dataset.template)));
      if (!copilots.items.length) { render(list, html`<h2>${t('copilots.mine')}</h2><div class="empty">${t('copilots.empty')}</div>`); return; }
      render(list, html`<h2>${t('copilots.mine')}</h2><ul class="conversation-list">${copilots.items.map((c) => {
        const s = byAgent.get(c.id) ?? { applied: 0, dismissed: 0, suggestions: 0 };
        return html`<li><a href="#/copilots" data-copilot="${c.id}"><span class="row-title">${c.icon} ${c.name}</span>
          <span class="badge ${c.isActive ? 'ok' : ''}">${c.isActive ? t('copilots.on') : t('copilots.off')}</span>
          <span class="small muted" data-copilot-stats>${t('copilots.stats', { applied: s.applied, dismissed: s.dismissed, open: s.suggestions })}</span></a></li>`;
      })}</ul>`);
      list.querySelectorAll('[data-copilot]').forEach((a) => a.addEventListener('click', (e) => {
        e.preventDefault();
        this.open(this.copilots.find((c) => c.id === a.dataset.copilot));
      }));
    } catch (e) { render(list, errorBlock(e)); }
  }

  async install(key) {
    try {
      const copilot = await api(`/v1/copilots/templates/${key}/install`, { method: 'POST', body: {} });
      await this.load();
      this.open(copilot);
    } catch (e) { render(this.querySelector('[data-builder-slot]'), errorBlock(e)); }
  }

  open(copilot) {
    const slot = this.querySelector('[data-builder-slot]');
    if (copilot === undefined) { render(slot, html`<div class="empty">${t('copilots.pick')}</div>`); return; }
    const builder = document.createElement('cp-copilot-builder');
    builder.copilot = copilot;
    slot.replaceChildren(builder);
  }
}

customElements.define('cp-copilots-page', CopilotsPage);
