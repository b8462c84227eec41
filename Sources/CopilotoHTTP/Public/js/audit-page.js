// audit-page.js — <cp-audit-page>: the audit log (GET /v1/audit) filtered by action and session, with each
// execution's input and output, paginated by cursor.
import { api, query } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';
import { state } from './state.js';
import { dateTime, number } from './format.js';
import { setPageContext } from './context.js';
import { userNames } from './lookup.js';
import { pageHead, statusBadge, errorBlock } from './ui.js';

class AuditPage extends HTMLElement {
  connectedCallback() {
    setPageContext({ page: 'audit', pattern: '#/audit', params: {}, title: t('audit.title') });
    const names = [...new Set(state.actions.map((a) => a.name))].sort();
    render(this, html`${pageHead(t('audit.title'), t('audit.subtitle'))}
      <section class="card">
        <form class="toolbar" data-filters>
          <select name="action" aria-label="${t('col.action')}"><option value="">${t('audit.allActions')}</option>
            ${names.map((n) => html`<option value="${n}">${n}</option>`)}</select>
          <input type="text" name="sessionId" placeholder="${t('audit.session')}" aria-label="${t('audit.session')}" style="max-width:320px">
          <button class="btn primary" type="submit">${t('audit.filter')}</button>
          <button class="btn ghost" type="reset">${t('audit.clear')}</button>
        </form>
        <div class="table-wrap" data-rows></div>
        <div class="list-foot"><span data-count></span><button class="btn sm" type="button" data-more hidden>${t('list.more')}</button></div>
      </section>`);
    const form = this.querySelector('form');
    form.addEventListener('submit', (e) => { e.preventDefault(); this.load(); });
    form.addEventListener('reset', () => setTimeout(() => this.load()));
    form.elements.action.addEventListener('change', () => this.load());
    this.querySelector('[data-more]').addEventListener('click', () => this.load(this.cursor));
    this.load();
  }

  async load(cursor = null) {
    const f = this.querySelector('form');
    const box = this.querySelector('[data-rows]');
    try {
      const res = await api(`/v1/audit${query({ action: f.elements.action.value, sessionId: f.sessionId.value.trim(), limit: 50, cursor })}`);
      const people = await userNames();
      this.items = cursor ? this.items.concat(res.items) : res.items;
      this.cursor = res.nextCursor;
      this.querySelector('[data-more]').hidden = !this.cursor;
      this.querySelector('[data-count]').textContent = t('list.count', { count: this.items.length });
      if (!this.items.length) { render(box, html`<div class="empty">${t('list.empty')}</div>`); return; }
      render(box, html`<table class="data"><thead><tr><th>${t('col.created')}</th><th>${t('col.action')}</th><th>${t('col.status')}</th>
        <th class="hide-sm">${t('col.user')}</th><th class="num hide-sm">${t('col.duration')}</th><th>${t('audit.details')}</th></tr></thead><tbody>${this.items.map((a) => html`<tr data-audit-row>
          <td class="muted">${dateTime(a.createdAt)}</td><td><code>${a.action}</code></td><td>${statusBadge(a.status)}</td>
          <td class="hide-sm">${people.get(String(a.userId).toLowerCase()) || a.userId}</td><td class="num hide-sm">${number(a.durationMs)} ms</td>
          <td><details><summary>${t('audit.input')} / ${t('audit.output')}</summary>
            <div class="small muted">${t('col.user')}: ${a.userId}${a.sessionId ? html` · ${t('col.session')}: ${a.sessionId}` : ''}</div>
            <pre class="json">${JSON.stringify(a.input, null, 2)}</pre>${a.output !== undefined ? html`<pre class="json">${JSON.stringify(a.output, null, 2)}</pre>` : ''}</details></td></tr>`)}</tbody></table>`);
    } catch (e) { render(box, errorBlock(e)); }
  }
}

customElements.define('cp-audit-page', AuditPage);
