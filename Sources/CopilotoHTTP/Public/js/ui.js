// ui.js — small shared view helpers: status badges, invoice overdue state, page headers, error blocks.
import { html } from './dom.js';
import { t, statusName } from './i18n.js';
import { dayKey } from './format.js';

const TONE = {
  paid: 'ok', delivered: 'ok', done: 'ok', resolved: 'ok', executed: 'ok', closed: 'ok',
  pending: 'warn', open: 'info', shipped: 'brand', in_progress: 'brand', waiting: 'warn',
  overdue: 'danger', cancelled: '', failed: 'danger', denied: 'danger', expired: '',
  urgent: 'danger', high: 'warn', normal: '', low: '',
};

/** A colored badge for a status value. */
export const statusBadge = (status) => html`<span class="badge ${TONE[status] ?? ''}">${statusName(status)}</span>`;

/** A colored badge for a ticket priority. */
export const priorityBadge = (p) => html`<span class="badge ${TONE[p] ?? ''}">${t(`priority.${p}`)}</span>`;

/** An open invoice past its due day is "overdue" (not stored by the API, derived from dueDate). */
export function invoiceStatus(inv) {
  return inv.status === 'open' && inv.dueDate && inv.dueDate < dayKey() ? 'overdue' : inv.status;
}

/** The title block of a page. */
export const pageHead = (title, subtitle, actions = '') => html`
  <div class="page-head"><div><h1>${title}</h1>${subtitle ? html`<p>${subtitle}</p>` : ''}</div>${actions}</div>`;

/** A message for a failed load: 403 says "no access", anything else shows the API's message. */
export const errorBlock = (error) => html`<div class="card empty" role="alert">${
  error?.status === 403 ? t('common.noAccess') : t('list.error', { message: error?.message || '' })}</div>`;
