// dashboard-page.js — <cp-dashboard>: KPI cards (today / month revenue, orders, average ticket, overdue invoices),
// the 30-day revenue chart, today's agenda and the latest orders. Uses the read actions fetchKpis and salesReport
// when the role may run them, and otherwise computes the same figures from the REST lists.
import { api, runRead, query } from './api.js';
import { html, render, icon } from './dom.js';
import { t, statusName } from './i18n.js';
import { state, can, hasRole } from './state.js';
import { money, number, dayKey, addDays, dayStart, shortDay, time, dateTime } from './format.js';
import { customerNames } from './lookup.js';
import { setPageContext } from './context.js';
import { statusBadge, invoiceStatus, pageHead } from './ui.js';

async function ordersSince(fromIso) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < 6; page += 1) {
    const res = await api(`/v1/orders${query({ from: fromIso, limit: 200, cursor })}`);
    items.push(...res.items);
    if (!(cursor = res.nextCursor)) break;
  }
  return items.filter((o) => o.status !== 'cancelled');
}

async function kpisFromLists(today) {
  const orders = await ordersSince(dayStart(today.slice(0, 8) + '01'));
  const sum = (list) => list.reduce((s, o) => s + Number(o.total), 0);
  const todays = orders.filter((o) => dayKey(o.createdAt) === today);
  const k = { revenueToday: sum(todays), ordersToday: todays.length, revenueMonth: sum(orders), orders: orders.length };
  k.averageTicket = orders.length ? k.revenueMonth / orders.length : 0;
  if (!hasRole('owner', 'admin', 'manager', 'finance', 'attendant')) return { ...k, overdueInvoices: null };
  try {
    const open = (await api('/v1/invoices?status=open&limit=200')).items.filter((i) => invoiceStatus(i) === 'overdue');
    k.overdueInvoices = open.length;
    k.overdueAmount = open.reduce((s, i) => s + Number(i.amount) - Number(i.paidAmount), 0);
  } catch { k.overdueInvoices = null; }
  return k;
}

async function loadKpis(today) {
  if (!can('fetchKpis')) return kpisFromLists(today);
  const [d, m] = await Promise.all([runRead('fetchKpis', { period: 'today' }), runRead('fetchKpis', { period: 'month' })]);
  return { revenueToday: d.revenue, ordersToday: d.orders, revenueMonth: m.revenue, orders: m.orders,
    averageTicket: m.averageTicket, overdueInvoices: m.overdueInvoices, overdueAmount: m.overdueAmount };
}

async function loadSeries(today) {
  const from = addDays(today, -29);
  const days = Array.from({ length: 30 }, (_, i) => addDays(from, i));
  const totals = new Map(days.map((d) => [d, 0]));
  if (can('salesReport')) {
    const report = await runRead('salesReport', { from: dayStart(from), to: new Date().toISOString(), groupBy: 'day' });
    for (const row of report.rows || []) if (totals.has(row.key)) totals.set(row.key, Number(row.revenue));
  } else {
    for (const o of await ordersSince(dayStart(from))) {
      const k = dayKey(o.createdAt);
      if (totals.has(k)) totals.set(k, totals.get(k) + Number(o.total));
    }
  }
  return days.map((d) => ({ key: d, label: shortDay(d), value: totals.get(d) }));
}

class DashboardPage extends HTMLElement {
  connectedCallback() {
    const first = (state.user?.name || '').split(' ')[0];
    setPageContext({ page: 'dashboard', pattern: '#/', params: {}, title: t('dash.title') });
    render(this, html`
      ${pageHead(t('dash.greeting', { name: first }), t('dash.subtitle', { tenant: state.tenant?.name || '' }))}
      <section class="kpis" aria-label="KPIs" data-kpis>${[0, 1, 2, 3, 4].map(() => html`<div class="card kpi"><span class="label">&nbsp;</span><span class="value muted">…</span></div>`)}</section>
      <div class="dash-grid">
        <section class="card"><div class="card-head"><h2>${t('dash.chart')}</h2><span class="muted small" data-chart-total></span></div>
          <div class="card-body"><cp-chart data-revenue-chart></cp-chart></div></section>
        <section class="card"><div class="card-head"><h2>${t('dash.agenda')}</h2><a href="#/agenda" class="small">${t('dash.seeAll')}</a></div>
          <div class="card-body" data-agenda><p class="muted">${t('dash.loading')}</p></div></section>
      </div>
      <section class="card"><div class="card-head"><h2>${t('dash.orders')}</h2><a href="#/orders" class="small">${t('dash.seeAll')}</a></div>
        <div class="card-body table-wrap" data-orders><p class="muted">${t('dash.loading')}</p></div></section>`);
    const today = dayKey();
    this.kpis(today);
    this.chart(today);
    this.agenda(today);
    this.orders();
  }

  async kpis(today) {
    const box = this.querySelector('[data-kpis]');
    try {
      const k = await loadKpis(today);
      const card = (label, ico, value, sub, alert = false) => html`
        <div class="card kpi ${alert ? 'alert' : ''}"><span class="label">${icon(ico, 15)} ${label}</span><span class="value">${value}</span><span class="sub">${sub}</span></div>`;
      render(box, [
        card(t('kpi.revenueToday'), 'chart', money(k.revenueToday), t('kpi.ordersToday', { count: number(k.ordersToday) })),
        card(t('kpi.revenueMonth'), 'chart', money(k.revenueMonth), ''),
        card(t('kpi.ordersMonth'), 'cart', number(k.orders), ''),
        card(t('kpi.avgTicket'), 'receipt', money(k.averageTicket), ''),
        k.overdueInvoices === null
          ? card(t('kpi.overdue'), 'alert', '—', t('kpi.noAccess'))
          : card(t('kpi.overdue'), 'alert', number(k.overdueInvoices), t('kpi.overdueAmount', { amount: money(k.overdueAmount) }), k.overdueInvoices > 0),
      ]);
      setPageContext({ page: 'dashboard', pattern: '#/', params: {}, title: t('dash.title'),
        entity: { type: 'dashboard', id: today, data: { revenueToday: String(k.revenueToday), revenueMonth: String(k.revenueMonth), ordersMonth: k.orders, overdueInvoices: k.overdueInvoices } } });
    } catch (e) {
      render(box, html`<div class="card kpi"><span class="muted">${e.message}</span></div>`);
    }
  }

  async chart(today) {
    try {
      const points = await loadSeries(today);
      const total = points.reduce((s, p) => s + p.value, 0);
      this.querySelector('[data-chart-total]').textContent = t('dash.chartTotal', { amount: money(total) });
      this.querySelector('[data-revenue-chart]').data = {
        kind: 'line', points, title: t('dash.chart'),
        format: (v, axis) => (axis ? new Intl.NumberFormat(document.documentElement.lang, { notation: 'compact' }).format(v) : money(v)),
      };
    } catch (e) {
      this.querySelector('[data-revenue-chart]').textContent = e.message;
    }
  }

  async agenda(today) {
    const box = this.querySelector('[data-agenda]');
    try {
      const res = await api(`/v1/agenda${query({ from: dayStart(today), to: dayStart(addDays(today, 1)), limit: 50 })}`);
      if (!res.items.length) { render(box, html`<p class="muted">${t('dash.agendaEmpty')}</p>`); return; }
      render(box, html`<ul class="agenda-list">${res.items.map((a) => html`
        <li><time>${time(a.startsAt || a.dueAt)}</time><div><a href="#/agenda/${a.id}">${a.title}</a>
          <div class="small muted">${t(`kind.${a.kind}`)} · ${statusName(a.status)}</div></div></li>`)}</ul>`);
    } catch (e) { render(box, html`<p class="muted">${e.status === 403 ? t('common.noAccess') : e.message}</p>`); }
  }

  async orders() {
    const box = this.querySelector('[data-orders]');
    try {
      const res = await api('/v1/orders?limit=6');
      const names = await customerNames(res.items.map((o) => o.customerId));
      render(box, html`<table class="data"><thead><tr><th>${t('col.number')}</th><th>${t('col.customer')}</th><th>${t('col.status')}</th>
        <th class="num">${t('col.total')}</th><th class="hide-sm">${t('col.created')}</th></tr></thead><tbody>${res.items.map((o) => html`
        <tr data-href="#/orders/${o.id}"><td><a href="#/orders/${o.id}">#${o.number}</a></td><td>${names.get(o.customerId) || '—'}</td>
          <td>${statusBadge(o.status)}</td><td class="num">${money(o.total, o.currency)}</td><td class="hide-sm muted">${dateTime(o.createdAt)}</td></tr>`)}</tbody></table>`);
      box.querySelectorAll('tr[data-href]').forEach((tr) => tr.addEventListener('click', (e) => { if (e.target.tagName !== 'A') location.hash = tr.dataset.href; }));
    } catch (e) { render(box, html`<p class="muted">${e.message}</p>`); }
  }
}

customElements.define('cp-dashboard', DashboardPage);
