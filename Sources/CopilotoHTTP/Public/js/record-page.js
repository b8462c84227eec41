// record-page.js — <cp-record-page resource="orders" record-id="…">: one CRM record with its fields, items,
// related orders and notes. It declares the record as the copilot's page entity, and its note field carries the
// Ctrl+. quick-assist marker.
import { api, query } from './api.js';
import { html, render, icon } from './dom.js';
import { t } from './i18n.js';
import { RESOURCES } from './resources.js';
import { customerNames } from './lookup.js';
import { setPageContext, assistField } from './context.js';
import { money, dateTime } from './format.js';
import { statusBadge, errorBlock } from './ui.js';
import { toast } from './toast-message.js';

class RecordPage extends HTMLElement {
  async connectedCallback() {
    this.name = this.getAttribute('resource');
    this.id = this.getAttribute('record-id');
    this.config = RESOURCES[this.name];
    render(this, html`<p class="muted">${t('common.loading')}</p>`);
    try {
      this.record = await api(`/v1/${this.name}/${encodeURIComponent(this.id)}`);
      if (this.record.customerId) await customerNames([this.record.customerId]);
    } catch (e) {
      render(this, html`<a href="#/${this.name}" class="small">← ${t('record.back')}</a>${e.status === 404 ? html`<div class="card empty">${t('record.notFound')}</div>` : errorBlock(e)}`);
      return;
    }
    const r = this.record;
    const label = this.config.label(r);
    setPageContext({ page: `${this.name}.detail`, pattern: `#/${this.name}/:id`, params: { id: r.id }, title: label,
      entity: { type: this.config.entity, id: r.id, data: this.config.data(r) } });
    this.draw(label);
  }

  draw(label) {
    const r = this.record;
    const items = this.config.items?.(r) || [];
    render(this, html`
      <a href="#/${this.name}" class="small">← ${t(this.config.title)}</a>
      <div class="page-head"><div><h1 data-record-title>${label}</h1></div>
        <button class="btn" type="button" data-ask>${icon('spark', 16)} ${t('record.askCopilot')}</button></div>
      <section class="card"><div class="card-body"><dl class="detail-grid">
        ${this.config.fields.map(([k, f]) => html`<div><dt>${k.includes('.') ? t(k) : k}</dt><dd>${f(r)}</dd></div>`)}
      </dl></div></section>
      ${items.length ? html`<section class="card"><div class="card-head"><h2>${t('col.items')}</h2></div><div class="card-body table-wrap">
        <table class="data"><thead><tr><th>${t('col.description')}</th><th class="num">${t('col.quantity')}</th><th class="num">${t('col.price')}</th></tr></thead>
        <tbody>${items.map((i) => html`<tr><td>${i.description}</td><td class="num">${i.quantity}</td><td class="num">${money(i.unitPrice, r.currency)}</td></tr>`)}</tbody></table></div></section>` : ''}
      ${this.name === 'customers' ? html`<section class="card"><div class="card-head"><h2>${t('record.orders')}</h2></div><div class="card-body table-wrap" data-customer-orders>${t('common.loading')}</div></section>` : ''}
      ${this.config.noteSubject ? html`<section class="card"><div class="card-head"><h2>${t('record.notes')}</h2></div><div class="card-body stack">
        <ul class="note-list" data-notes></ul>
        <label class="field">${t('record.newNote')}<textarea data-note placeholder="${t('record.notePlaceholder')}"></textarea></label>
        <div class="row"><button class="btn primary" type="button" data-save-note>${t('record.saveNote')}</button><span class="muted small"><kbd>Ctrl</kbd> + <kbd>.</kbd></span></div>
      </div></section>` : ''}`);
    this.querySelector('[data-ask]').addEventListener('click', () => document.dispatchEvent(new CustomEvent('cp:copilot-open', { detail: { focus: true } })));
    const note = this.querySelector('[data-note]');
    if (note) {
      assistField(note, `${this.config.noteSubject}-note-${r.id}`);
      this.querySelector('[data-save-note]').addEventListener('click', () => this.saveNote(note));
      this.notes();
    }
    if (this.name === 'customers') this.customerOrders();
  }

  async notes() {
    const list = this.querySelector('[data-notes]');
    try {
      const res = await api(`/v1/notes${query({ subjectId: this.record.id, limit: 20 })}`);
      render(list, res.items.length ? res.items.map((n) => html`<li>${n.text}<div class="small muted">${dateTime(n.createdAt)}</div></li>`)
        : html`<li class="muted">${t('record.noNotes')}</li>`);
    } catch { render(list, ''); }
  }

  async saveNote(field) {
    const text = field.value.trim();
    if (!text) { field.focus(); return; }
    try {
      await api('/v1/notes', { method: 'POST', body: { subjectType: this.config.noteSubject, subjectId: this.record.id, text } });
      field.value = '';
      toast(t('record.noteSaved'));
      this.notes();
    } catch (e) { toast(e.message); }
  }

  async customerOrders() {
    const box = this.querySelector('[data-customer-orders]');
    try {
      const res = await api(`/v1/orders${query({ customerId: this.record.id, limit: 10 })}`);
      render(box, res.items.length ? html`<table class="data"><tbody>${res.items.map((o) => html`<tr>
        <td><a href="#/orders/${o.id}">#${o.number}</a></td><td>${statusBadge(o.status)}</td><td class="num">${money(o.total, o.currency)}</td>
        <td class="muted hide-sm">${dateTime(o.createdAt)}</td></tr>`)}</tbody></table>` : html`<p class="muted">${t('list.empty')}</p>`);
    } catch (e) { render(box, errorBlock(e)); }
  }
}

customElements.define('cp-record-page', RecordPage);
