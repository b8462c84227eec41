// insight-feed.js — <cp-insight-feed>: the copilots' insights as cards (newest first) with apply/dismiss; with a
// `ticket` attribute only those about that ticket or conversation (beside the inbox thread). With `live` it follows
// GET /v1/stream and shows new insights as they are published.
import { api, query, stream } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';
import { dateTime } from './format.js';
import { errorBlock } from './ui.js';

const TONE = { SUGGESTION: 'info', APPLIED: 'ok', DISMISSED: '' };

/** A payload value as short text: yes/no, lists joined, numbers as they are. */
function show(value) {
  if (value === true) return t('insights.yes');
  if (value === false) return t('insights.no');
  if (Array.isArray(value)) return value.join(', ');
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export const insightCard = (i) => html`<li class="insight card" data-insight="${i.id}" data-status="${i.actionStatus}">
  <header><span class="insight-icon" aria-hidden="true">${i.agentIcon || '🤖'}</span><strong>${i.agentName || i.agentId}</strong>
    <span class="badge ${TONE[i.actionStatus]}" data-insight-status>${t(`insights.status.${i.actionStatus}`)}</span>
    <span class="small muted">${t(`event.${i.eventType}`) === `event.${i.eventType}` ? i.eventType : t(`event.${i.eventType}`)} · ${dateTime(i.createdAt)}
      · ${i.provider === 'local' ? t('insights.local') : i.provider}</span></header>
  <dl class="insight-payload">${Object.entries(i.payload || {}).map(([k, v]) => html`<dt>${k}</dt><dd data-field="${k}">${show(v)}</dd>`)}</dl>
  ${i.missingFields?.length ? html`<p class="small muted" data-missing>${t('insights.missing', { fields: i.missingFields.join(', ') })}</p>` : ''}
  ${i.actionStatus === 'SUGGESTION' ? html`<div class="actions"><button class="btn sm primary" type="button" data-apply>${t('insights.apply')}</button>
    <button class="btn sm ghost" type="button" data-dismiss>${t('insights.dismiss')}</button></div>` : ''}
  <div class="small muted" role="status" data-insight-error></div></li>`;

class InsightFeed extends HTMLElement {
  connectedCallback() {
    this.tools = new Map();
    render(this, html`${this.hasAttribute('ticket') ? html`<h3 class="small">${t('insights.forConversation')}</h3>` : ''}
      <ol class="insight-list" data-insights aria-live="polite"></ol>`);
    this.abort = new AbortController();
    this.refresh();
    if (this.hasAttribute('live')) this.follow();
  }

  disconnectedCallback() { this.abort?.abort(); }

  async follow() {
    while (!this.abort.signal.aborted) {
      try {
        await stream('/v1/stream', null, (name) => { if (name === 'insight.created' || name === 'insight.updated') this.refresh(); },
          { method: 'GET', signal: this.abort.signal });
      } catch { /* dropped or aborted */ }
      await new Promise((r) => setTimeout(r, 3000));
    }
  }

  async refresh() {
    const box = this.querySelector('[data-insights]');
    try {
      const res = await api(`/v1/insights${query({ ticketId: this.getAttribute('ticket'), status: this.getAttribute('status'), limit: 50 })}`);
      if (!res.items.length) { render(box, html`<li class="empty small">${t('insights.empty')}</li>`); return; }
      render(box, html`${res.items.map(insightCard)}`);
      box.querySelectorAll('[data-insight]').forEach((card) => {
        card.querySelector('[data-apply]')?.addEventListener('click', () => this.decide(card, 'APPLIED'));
        card.querySelector('[data-dismiss]')?.addEventListener('click', () => this.decide(card, 'DISMISSED'));
      });
      for (const [id, tool] of this.tools) this.showTool(id, tool);
    } catch (e) { render(box, html`<li>${errorBlock(e)}</li>`); }
  }

  async decide(card, actionStatus) {
    const id = card.dataset.insight;
    try {
      const res = await api(`/v1/insights/${id}`, { method: 'PATCH', body: { actionStatus } });
      if (res.toolAction) this.tools.set(id, res.toolAction);
      await this.refresh();
    } catch (e) { card.querySelector('[data-insight-error]').textContent = e.message; }
  }

  /** The copilot's tool after applying: done, failed, or waiting for this user's confirmation (kept across refreshes). */
  showTool(id, tool) {
    const slot = this.querySelector(`[data-insight="${id}"] [data-insight-error]`);
    if (!slot) return;
    if (tool.status !== 'pending') {
      slot.textContent = tool.status === 'executed' ? t('insights.toolDone', { tool: tool.action }) : `${tool.action}: ${tool.message}`;
      return;
    }
    render(slot, html`${t('insights.toolPending', { tool: tool.action })}
      <button class="btn sm primary" type="button" data-confirm-tool>${t('insights.toolConfirm')}</button>`);
    slot.querySelector('[data-confirm-tool]').addEventListener('click', async () => {
      try {
        await api(`/v1/pending-actions/${tool.pendingAction.id}/confirm`, { method: 'POST', body: {} });
        this.tools.set(id, { status: 'executed', action: tool.action });
        this.showTool(id, this.tools.get(id));
      } catch (e) { slot.textContent = e.message; }
    });
  }
}

customElements.define('cp-insight-feed', InsightFeed);
