// approvals-page.js — <cp-approvals-page>: proposals from integrations (API tokens, MCP) and AI agents waiting for a
// person (GET /v1/pending-actions), each in the usual confirmation card (preview, before → after, approve / refuse).
// Also `approvalsCount()`, the number the sidebar's badge shows.
import { api } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';
import { state } from './state.js';
import { dateTime } from './format.js';
import { setPageContext } from './context.js';
import { pageHead, errorBlock } from './ui.js';

/** True when the signed-in role may run some write, so it may have proposals to approve. */
export const mayApprove = () => state.actions.some((a) => a.risk !== 'read');

/** How many proposals wait for this user's approval (0 when it cannot be read). */
export async function approvalsCount() {
  if (!mayApprove()) return 0;
  try { return ((await api('/v1/pending-actions')).items || []).length; } catch { return 0; }
}

class ApprovalsPage extends HTMLElement {
  connectedCallback() {
    setPageContext({ page: 'approvals', pattern: '#/approvals', params: {}, title: t('approvals.title') });
    render(this, html`${pageHead(t('approvals.title'), t('approvals.subtitle'))}
      <section class="card"><div class="approvals" data-approvals></div></section>`);
    this.onChange = () => document.dispatchEvent(new CustomEvent('cp:approvals-changed'));
    this.addEventListener('click', (e) => { if (e.target.closest('[data-confirm], [data-cancel]')) setTimeout(this.onChange, 500); });
    this.load();
  }

  async load() {
    const box = this.querySelector('[data-approvals]');
    try {
      const items = (await api('/v1/pending-actions')).items || [];
      if (!items.length) { render(box, html`<div class="empty" data-approvals-empty>${t('approvals.empty')}</div>`); return; }
      render(box, html`${items.map((p) => html`<article class="approval" data-approval="${p.id}">
        <div class="small muted">${t('approvals.from', { origin: t(`approvals.origin.${p.origin}`) })}${p.originName ? html` · <b>${p.originName}</b>` : ''}
          · ${t('approvals.at', { when: dateTime(p.createdAt) })}</div>
        <cp-action-card data-card="${p.id}"></cp-action-card></article>`)}`);
      for (const p of items) box.querySelector(`[data-card="${p.id}"]`).proposal = p;
    } catch (e) { render(box, errorBlock(e)); }
  }
}

customElements.define('cp-approvals-page', ApprovalsPage);
