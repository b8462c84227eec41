// agent-versions.js — <cp-agent-versions data-agent-id>: the AI agent's version bar — the draft (what edits change),
// the version customers get, the history with rollback, and "publish the draft" (POST …/publish, …/rollback).
import { api } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';
import { errorBlock } from './ui.js';

class AgentVersions extends HTMLElement {
  connectedCallback() { this.load(); }

  get agentId() { return this.dataset.agentId; }

  async load() {
    try {
      const listing = await api(`/v1/ai-agents/${this.agentId}/versions`);
      const live = listing.published;
      render(this, html`<div class="version-bar" data-version-bar>
          <span class="badge info">${t('evals.draft')}</span>
          <span class="badge ${live ? 'ok' : ''}" data-published="${live ?? ''}">${live ? t('evals.published', { n: live }) : t('evals.neverPublished')}</span>
          <button class="btn primary" type="button" data-publish>${t('evals.publish')}</button>
          <span class="small muted" data-version-status role="status"></span></div>
        ${listing.versions.length ? html`<details class="small"><summary>${t('evals.history')}</summary><ul data-versions>
          ${listing.versions.map((v) => html`<li data-version="${v.number}">v${v.number} · ${new Date(v.createdAt).toLocaleString()}
            ${v.number === live ? html`<span class="badge ok">${t('evals.live')}</span>`
              : html`<button class="btn ghost" type="button" data-rollback="${v.number}">${t('evals.rollback')}</button>`}</li>`)}
        </ul></details>` : ''}`);
      this.querySelector('[data-publish]').addEventListener('click', () => this.change(`/v1/ai-agents/${this.agentId}/publish`, {}));
      this.querySelectorAll('[data-rollback]').forEach((b) => b.addEventListener('click', () =>
        this.change(`/v1/ai-agents/${this.agentId}/rollback`, { version: Number(b.dataset.rollback) })));
    } catch (e) { render(this, errorBlock(e)); }
  }

  async change(path, body) {
    try {
      await api(path, { method: 'POST', body });
      await this.load();
      this.dispatchEvent(new CustomEvent('cp:versions', { bubbles: true }));
    } catch (err) { this.querySelector('[data-version-status]').textContent = err.message; }
  }
}

customElements.define('cp-agent-versions', AgentVersions);
