// action-card.js — <cp-action-card>: the confirmation card of an `action.proposed` event: preview, before → after,
// risk badge, Confirm / Cancel (POST /v1/pending-actions/{id}/confirm|cancel), a countdown to expiresAt and the
// final state (executed with a link to the record, cancelled, expired, denied, failed).
import { api } from './api.js';
import { html, render, icon } from './dom.js';
import { t, statusName } from './i18n.js';
import { action as actionInfo } from './state.js';
import { countdown } from './format.js';
import { getCard, saveCard } from './card-store.js';

const RECORD_OF = { createCustomer: 'customers', updateCustomer: 'customers', addNoteToClient: 'customers', createProduct: 'products',
  updateProduct: 'products', updateOrderStatus: 'orders', addOrderNote: 'orders', createInvoice: 'invoices', sendPaymentReminder: 'invoices',
  createAgendaTask: 'agenda', scheduleJob: 'agenda', escalateTicket: 'tickets', createCategory: null };
const PARAM_OF = { customers: 'customerId', products: 'productId', orders: 'orderId', invoices: 'invoiceId', tickets: 'ticketId' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The in-app link of the record an executed action created or changed, if there is one. */
function recordLink(name, params = {}, result = {}) {
  const res = RECORD_OF[name];
  if (!res) return null;
  const fromParams = params[PARAM_OF[res]];
  const id = UUID.test(String(fromParams || '')) ? fromParams : result?.id;
  return UUID.test(String(id || '')) ? `#/${res}/${id}` : null;
}

const FIELDS = { name: 'col.name', email: 'col.email', phone: 'col.phone', document: 'col.document', tags: 'col.tags', status: 'col.status',
  price: 'col.price', stock: 'col.stock', sku: 'col.sku', title: 'col.title', dueAt: 'col.due', dueDate: 'col.due', amount: 'col.amount',
  kind: 'col.kind', active: 'col.active', startsAt: 'col.when', customerId: 'col.customer', text: 'col.description', quantity: 'col.quantity' };
const fieldName = (f) => (FIELDS[f] ? t(FIELDS[f]) : f);
const fieldValue = (f, v) => (f === 'status' && typeof v === 'string' ? statusName(v) : f === 'kind' && typeof v === 'string' ? t(`kind.${v}`) : show(v));

const show = (v) => (v === undefined || v === null || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

class ActionCard extends HTMLElement {
  /** Sets the proposal ({ pendingActionId | id, action, params, preview, risk, expiresAt }) and draws the card. */
  set proposal(p) {
    this.id = p.pendingActionId || p.id;
    const saved = getCard(this.id);
    this.p = { ...(saved?.proposal || {}), ...p, id: this.id };
    this.state = saved?.state || (p.action ? 'pending' : 'unknown');
    this.result = saved?.result;
    this.message = saved?.message;
    if (p.action) saveCard(this.id, { proposal: this.p });
    this.draw();
  }

  connectedCallback() {
    this.timer = setInterval(() => this.tick(), 1000);
  }

  disconnectedCallback() { clearInterval(this.timer); }

  tick() {
    if (this.state !== 'pending' || !this.p?.expiresAt) return;
    const left = new Date(this.p.expiresAt) - Date.now();
    if (left <= 0) { this.finish('expired'); return; }
    const el = this.querySelector('[data-countdown]');
    if (el) el.textContent = t('card.expiresIn', { time: countdown(left) });
  }

  finish(state, result, message) {
    Object.assign(this, { state, result, message });
    saveCard(this.id, { state, result, message });
    this.draw();
    if (state === 'executed') document.dispatchEvent(new CustomEvent('cp:data-changed', { detail: { action: this.p.action } }));
  }

  /** Confirms (true) or cancels (false) through the API; repeated calls return the first outcome. */
  async decide(confirm) {
    if (this.state !== 'pending' && this.state !== 'unknown') return;
    this.state = 'working';
    this.draw();
    try {
      const res = await api(`/v1/pending-actions/${this.id}/${confirm ? 'confirm' : 'cancel'}`, { method: 'POST' });
      this.finish(confirm ? 'executed' : 'cancelled', res.result);
    } catch (e) {
      if (e.status === 410) this.finish('expired');
      else if (e.status === 403) this.finish('denied', null, e.message);
      else if (e.status === 409 && e.details?.reason === 'actionCancelled') this.finish('cancelled');
      else this.finish('failed', null, e.message);
    }
  }

  /** After "sim"/"não" typed in the chat: the server already decided; fetch the outcome (idempotent calls). */
  settleFromChat(confirm) { this.decide(confirm); }

  draw() {
    const p = this.p || {};
    const info = actionInfo(p.action);
    const preview = p.preview && typeof p.preview === 'object' ? p.preview : { summary: p.preview };
    const risk = p.risk || info?.risk || 'write';
    const changes = preview.changes || [];
    const params = Object.entries(p.params || {});
    render(this, html`
      <div class="action-card ${risk}" role="group" aria-label="${t('card.title')}">
        <div class="ac-head">${icon(risk === 'destructive' ? 'alert' : 'shield', 16)}<b>${preview.summary || info?.title || p.action || t('card.title')}</b>
          <span class="badge ${risk === 'destructive' ? 'danger' : risk === 'write' ? 'warn' : 'info'}">${t(`card.risk.${risk}`)}</span></div>
        ${changes.length || params.length || preview.count ? html`<div class="ac-body">
          ${changes.length ? html`<table><thead><tr><th>${t('card.field')}</th><th>${t('card.before')}</th><th>${t('card.after')}</th></tr></thead><tbody>
            ${changes.map((c) => html`<tr><td>${fieldName(c.field)}</td><td class="before">${'before' in c ? fieldValue(c.field, c.before) : '—'}</td><td class="after">${fieldValue(c.field, c.after)}</td></tr>`)}</tbody></table>`
          : !preview.count && params.length ? html`<table><tbody>${params.map(([k, v]) => html`<tr><th>${fieldName(k)}</th><td>${fieldValue(k, v)}</td></tr>`)}</tbody></table>` : ''}
          ${preview.count ? html`<div class="small"><b>${t('card.count', { count: preview.count })}</b></div>
            ${(preview.sample || []).length ? html`<table><thead><tr><th>${t('card.sample')}</th><th>${t('card.before')}</th><th>${t('card.after')}</th></tr></thead><tbody>
              ${preview.sample.slice(0, 5).map((s) => html`<tr><td>${s.name || s.label || s.id}</td><td class="before">${show(s.before)}</td><td class="after">${show(s.after)}</td></tr>`)}</tbody></table>` : ''}` : ''}
          ${preview.irreversible || risk === 'destructive' ? html`<div class="irreversible">${t('card.irreversible')}</div>` : ''}
        </div>` : ''}
        <div class="ac-foot">${this.footer()}</div>
      </div>`);
    this.querySelector('[data-confirm]')?.addEventListener('click', () => this.decide(true));
    this.querySelector('[data-cancel]')?.addEventListener('click', () => this.decide(false));
    this.setAttribute('data-state', this.state);
    this.tick();
  }

  footer() {
    switch (this.state) {
      case 'pending':
      case 'unknown':
        return html`<span class="grow" data-countdown></span>
          <button class="btn sm" type="button" data-cancel>${t('card.cancel')}</button>
          <button class="btn sm ${this.p.risk === 'destructive' ? 'danger' : 'primary'}" type="button" data-confirm>${icon('check', 14)} ${t('card.confirm')}</button>`;
      case 'working': return html`<span class="state neutral"><span class="tool"><span class="spin"></span></span> ${t('card.executing')}</span>`;
      case 'executed': {
        const link = recordLink(this.p.action || '', this.p.params, this.result);
        return html`<span class="state ok grow">${icon('check', 16)} ${t('card.executed')}</span>${link ? html`<a class="btn sm" href="${link}" data-record-link>${t('card.open')} ${icon('arrow', 14)}</a>` : ''}`;
      }
      case 'cancelled': return html`<span class="state neutral">${t('card.cancelled')}</span>`;
      case 'expired': return html`<span class="state neutral">${t('card.expired')}</span>`;
      case 'denied': return html`<span class="state bad">${icon('alert', 16)} ${t('card.denied')}</span>`;
      default: return html`<span class="state bad">${icon('alert', 16)} ${t('card.failed', { message: this.message || '' })}</span>`;
    }
  }
}

customElements.define('cp-action-card', ActionCard);
