// list-page.js — <cp-list-page resource="customers">: a searchable, filterable, cursor-paginated list of a CRM
// resource (config in resources.js); rows open the record page.
import { api, query } from './api.js';
import { html, render, icon } from './dom.js';
import { t, statusName } from './i18n.js';
import { RESOURCES } from './resources.js';
import { customerNames } from './lookup.js';
import { setPageContext } from './context.js';
import { pageHead, errorBlock } from './ui.js';

class ListPage extends HTMLElement {
  connectedCallback() {
    this.name = this.getAttribute('resource');
    this.config = RESOURCES[this.name];
    this.items = [];
    const title = t(this.config.title);
    render(this, html`
      ${pageHead(title, '')}
      <section class="card">
        <form class="toolbar" role="search">
          <label class="search"><span class="sr-only">${t('list.search')}</span>${icon('search', 16)}
            <input type="search" name="q" placeholder="${t('list.searchIn', { what: title.toLowerCase() })}" autocomplete="off" data-list-search></label>
          ${this.config.statuses ? html`<select name="status" aria-label="${t('col.status')}"><option value="">${t('list.allStatuses')}</option>
            ${this.config.statuses.map((s) => html`<option value="${s}">${statusName(s)}</option>`)}</select>` : ''}
        </form>
        <div class="table-wrap" data-rows></div>
        <div class="list-foot"><span data-count></span><button class="btn sm" type="button" data-more hidden>${t('list.more')}</button></div>
      </section>`);
    const form = this.querySelector('form');
    form.addEventListener('submit', (e) => { e.preventDefault(); this.load(); });
    form.q.addEventListener('input', () => { clearTimeout(this.debounce); this.debounce = setTimeout(() => this.load(), 250); });
    form.status?.addEventListener('change', () => this.load());
    this.querySelector('[data-more]').addEventListener('click', () => this.load(this.cursor));
    this.load();
  }

  context(q) {
    setPageContext({ page: `${this.name}.list`, pattern: `#/${this.name}`, params: q ? { q } : {}, title: t(this.config.title) });
  }

  async load(cursor = null) {
    const form = this.querySelector('form');
    const q = form.q.value.trim();
    const seq = (this.seq = (this.seq || 0) + 1);
    this.context(q);
    try {
      const res = await api(`/v1/${this.name}${query({ q, status: form.status?.value, limit: 25, cursor })}`);
      if (this.config.needsCustomers) await customerNames(res.items.map((r) => r.customerId));
      if (seq !== this.seq) return;
      this.items = cursor ? this.items.concat(res.items) : res.items;
      this.cursor = res.nextCursor;
      this.draw();
    } catch (e) {
      if (seq === this.seq) render(this.querySelector('[data-rows]'), errorBlock(e));
    }
  }

  draw() {
    const cols = this.config.columns;
    const box = this.querySelector('[data-rows]');
    this.querySelector('[data-more]').hidden = !this.cursor;
    this.querySelector('[data-count]').textContent = t('list.count', { count: this.items.length });
    if (!this.items.length) { render(box, html`<div class="empty">${t('list.empty')}</div>`); return; }
    render(box, html`<table class="data"><thead><tr>${cols.map((c) => html`<th class="${c.num ? 'num' : ''} ${c.hideSm ? 'hide-sm' : ''}">${t(c.head)}</th>`)}</tr></thead>
      <tbody>${this.items.map((r) => html`<tr data-href="#/${this.name}/${r.id}" data-id="${r.id}">${cols.map((c) => html`
        <td class="${c.num ? 'num' : ''} ${c.hideSm ? 'hide-sm' : ''}">${c.cell(r)}</td>`)}</tr>`)}</tbody></table>`);
    box.querySelectorAll('tr[data-href]').forEach((tr) => tr.addEventListener('click', (e) => {
      if (!e.target.closest('a')) location.hash = tr.dataset.href;
    }));
  }
}

customElements.define('cp-list-page', ListPage);
