// resources.js — how each CRM list and record is shown: endpoint, columns, filters, detail fields and the
// entity data a record page hands to the copilot as context. Data only; list-page and record-page render it.
import { html } from './dom.js';
import { t } from './i18n.js';
import { money, dateTime, date, number } from './format.js';
import { statusBadge, priorityBadge, invoiceStatus } from './ui.js';
import { customerName } from './lookup.js';

const tags = (list) => (list || []).map((x) => html`<span class="tag">${x}</span>`);
const customer = (r) => (r.customerId ? html`<a href="#/customers/${r.customerId}">${customerName(r.customerId) || '—'}</a>` : '—');

export const RESOURCES = {
  customers: {
    title: 'nav.customers', entity: 'customer', noteSubject: 'customer',
    label: (r) => r.name,
    columns: [
      { head: 'col.name', cell: (r) => html`<a href="#/customers/${r.id}">${r.name}</a>` },
      { head: 'col.email', cell: (r) => r.email || '—' },
      { head: 'col.phone', cell: (r) => r.phone || '—', hideSm: true },
      { head: 'col.tags', cell: (r) => tags(r.tags), hideSm: true },
      { head: 'col.created', cell: (r) => date(r.createdAt), hideSm: true },
    ],
    fields: [['col.email', (r) => r.email || '—'], ['col.phone', (r) => r.phone || '—'], ['col.document', (r) => r.document || '—'],
      ['col.tags', (r) => tags(r.tags)], ['col.created', (r) => dateTime(r.createdAt)]],
    data: (r) => ({ name: r.name, email: r.email, phone: r.phone, tags: r.tags }),
  },
  products: {
    title: 'nav.products', entity: 'product',
    label: (r) => r.name,
    columns: [
      { head: 'col.name', cell: (r) => html`<a href="#/products/${r.id}">${r.name}</a>` },
      { head: 'col.sku', cell: (r) => r.sku || '—', hideSm: true },
      { head: 'col.price', cell: (r) => money(r.price), num: true },
      { head: 'col.stock', cell: (r) => number(r.stock), num: true },
      { head: 'col.active', cell: (r) => statusBadge(r.active ? 'open' : 'cancelled'), hideSm: true },
    ],
    fields: [['col.sku', (r) => r.sku || '—'], ['col.price', (r) => money(r.price)], ['col.stock', (r) => number(r.stock)],
      ['col.active', (r) => (r.active ? t('yes') : t('no'))], ['NCM', (r) => r.ncm || '—'], ['CEST', (r) => r.cest || '—']],
    data: (r) => ({ name: r.name, sku: r.sku, price: r.price, stock: r.stock, active: r.active }),
  },
  orders: {
    title: 'nav.orders', entity: 'order', noteSubject: 'order', statuses: ['pending', 'paid', 'shipped', 'delivered', 'cancelled'],
    label: (r) => `#${r.number}`, needsCustomers: true,
    columns: [
      { head: 'col.number', cell: (r) => html`<a href="#/orders/${r.id}">#${r.number}</a>` },
      { head: 'col.customer', cell: customer },
      { head: 'col.status', cell: (r) => statusBadge(r.status) },
      { head: 'col.total', cell: (r) => money(r.total, r.currency), num: true },
      { head: 'col.created', cell: (r) => dateTime(r.createdAt), hideSm: true },
    ],
    fields: [['col.customer', customer], ['col.status', (r) => statusBadge(r.status)], ['col.total', (r) => money(r.total, r.currency)],
      ['col.created', (r) => dateTime(r.createdAt)]],
    items: (r) => r.items,
    data: (r) => ({ number: r.number, status: r.status, total: r.total, customerName: customerName(r.customerId), items: r.items.map((i) => i.description) }),
  },
  invoices: {
    title: 'nav.invoices', entity: 'invoice', noteSubject: 'invoice', statuses: ['open', 'paid', 'cancelled'],
    label: (r) => `#${r.number}`, needsCustomers: true,
    columns: [
      { head: 'col.number', cell: (r) => html`<a href="#/invoices/${r.id}">#${r.number}</a>` },
      { head: 'col.customer', cell: customer },
      { head: 'col.status', cell: (r) => statusBadge(invoiceStatus(r)) },
      { head: 'col.amount', cell: (r) => money(r.amount, r.currency), num: true },
      { head: 'col.due', cell: (r) => date(r.dueDate), hideSm: true },
    ],
    fields: [['col.customer', customer], ['col.status', (r) => statusBadge(invoiceStatus(r))], ['col.amount', (r) => money(r.amount, r.currency)],
      ['col.paid', (r) => money(r.paidAmount, r.currency)], ['col.due', (r) => date(r.dueDate)]],
    items: (r) => r.items,
    data: (r) => ({ number: r.number, status: invoiceStatus(r), amount: r.amount, paidAmount: r.paidAmount, dueDate: r.dueDate, customerName: customerName(r.customerId) }),
  },
  agenda: {
    title: 'nav.agenda', entity: 'agenda', statuses: ['open', 'done', 'cancelled'],
    label: (r) => r.title, needsCustomers: true,
    columns: [
      { head: 'col.when', cell: (r) => dateTime(r.startsAt || r.dueAt) },
      { head: 'col.title', cell: (r) => html`<a href="#/agenda/${r.id}">${r.title}</a>` },
      { head: 'col.kind', cell: (r) => t(`kind.${r.kind}`), hideSm: true },
      { head: 'col.status', cell: (r) => statusBadge(r.status) },
    ],
    fields: [['col.when', (r) => dateTime(r.startsAt || r.dueAt)], ['col.kind', (r) => t(`kind.${r.kind}`)], ['col.status', (r) => statusBadge(r.status)],
      ['col.customer', customer], ['col.description', (r) => r.notes || '—']],
    data: (r) => ({ title: r.title, kind: r.kind, status: r.status, startsAt: r.startsAt, dueAt: r.dueAt, notes: r.notes }),
  },
  tickets: {
    title: 'nav.tickets', entity: 'ticket', noteSubject: 'ticket', statuses: ['open', 'pending', 'escalated', 'won', 'lost', 'closed'],
    label: (r) => `#${r.number} ${r.subject}`, needsCustomers: true, reply: true,
    columns: [
      { head: 'col.number', cell: (r) => html`<a href="#/tickets/${r.id}">#${r.number}</a>` },
      { head: 'col.subject', cell: (r) => r.subject },
      { head: 'col.priority', cell: (r) => priorityBadge(r.priority), hideSm: true },
      { head: 'col.status', cell: (r) => statusBadge(r.status) },
      { head: 'col.created', cell: (r) => dateTime(r.createdAt), hideSm: true },
    ],
    fields: [['col.customer', customer], ['col.status', (r) => statusBadge(r.status)], ['col.priority', (r) => priorityBadge(r.priority)],
      ['col.created', (r) => dateTime(r.createdAt)], ['col.description', (r) => r.description || '—']],
    data: (r) => ({ number: r.number, subject: r.subject, status: r.status, priority: r.priority, description: r.description }),
  },
};
