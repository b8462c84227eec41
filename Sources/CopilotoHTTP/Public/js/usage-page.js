// usage-page.js — <cp-usage-page>: model usage and cost per day (GET /v1/usage?from=&to=) with totals, a bar
// chart of the daily cost and the per-user breakdown. Hidden gracefully while the server lacks the endpoint.
import { api, query } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';
import { number, usd, dayKey, addDays, shortDay } from './format.js';
import { setPageContext } from './context.js';
import { userNames } from './lookup.js';
import { pageHead, errorBlock } from './ui.js';

const METRICS = [['cost', 'usage.cost'], ['calls', 'usage.calls'], ['tokens', 'col.tokens']];

class UsagePage extends HTMLElement {
  connectedCallback() {
    this.metric = 'cost';
    setPageContext({ page: 'usage', pattern: '#/usage', params: {}, title: t('usage.title') });
    const today = dayKey();
    render(this, html`${pageHead(t('usage.title'), t('usage.subtitle'))}
      <form class="card toolbar" data-range>
        <label class="field">${t('usage.from')}<input type="date" name="from" value="${addDays(today, -29)}"></label>
        <label class="field">${t('usage.to')}<input type="date" name="to" value="${today}"></label>
        <button class="btn primary" type="submit" style="align-self:end">${t('usage.apply')}</button>
      </form>
      <div data-usage></div>`);
    this.querySelector('form').addEventListener('submit', (e) => { e.preventDefault(); this.load(); });
    this.load();
  }

  async load() {
    const f = this.querySelector('form');
    const box = this.querySelector('[data-usage]');
    render(box, html`<div class="card empty">${t('common.loading')}</div>`);
    try {
      const u = await api(`/v1/usage${query({ from: f.from.value, to: addDays(f.to.value, 1) })}`);
      const people = await userNames();
      const tot = u.totals || {};
      const byDay = new Map((u.byDay || []).map((d) => [d.day, d]));
      const days = [];
      for (let d = f.from.value; d <= f.to.value && days.length < 370; d = addDays(d, 1)) days.push(d);
      render(box, html`<section class="kpis" style="grid-template-columns:repeat(4,minmax(0,1fr))">
          ${[['usage.calls', number(tot.calls)], ['usage.prompt', number(tot.promptTokens)], ['usage.completion', number(tot.completionTokens)], ['usage.cost', usd(tot.costUsd)]]
            .map(([k, v]) => html`<div class="card kpi"><span class="label">${t(k)}</span><span class="value">${v}</span></div>`)}</section>
        <section class="card"><div class="card-head"><h2>${t('usage.perDay')}</h2>
          <div class="lang-switch" role="group" aria-label="${t('usage.metric')}">${METRICS.map(([key, label]) => html`
            <button type="button" data-metric="${key}" aria-pressed="${key === this.metric}">${t(label)}</button>`)}</div></div>
          <div class="card-body"><cp-chart data-usage-chart></cp-chart></div></section>
        <section class="card"><div class="card-head"><h2>${t('usage.byUser')}</h2></div><div class="card-body table-wrap">
          <table class="data"><thead><tr><th>${t('col.user')}</th><th class="num">${t('col.calls')}</th><th class="num">${t('col.tokens')}</th><th class="num">${t('col.cost')}</th></tr></thead>
          <tbody>${(u.byUser || []).map((r) => html`<tr><td>${r.name || people.get(String(r.userId).toLowerCase()) || r.userId}</td><td class="num">${number(r.calls)}</td>
            <td class="num">${number((r.promptTokens || 0) + (r.completionTokens || 0))}</td><td class="num">${usd(r.costUsd)}</td></tr>`)}</tbody></table></div></section>`);
      const draw = () => {
        const pick = { cost: (d) => Number(d?.costUsd || 0), calls: (d) => d?.calls || 0, tokens: (d) => (d?.promptTokens || 0) + (d?.completionTokens || 0) }[this.metric];
        this.querySelector('[data-usage-chart]').data = { kind: 'bar', title: t('usage.perDay'),
          points: days.map((d) => ({ label: shortDay(d), value: pick(byDay.get(d)) })), format: this.metric === 'cost' ? (v) => usd(v) : (v) => number(v) };
        this.querySelectorAll('[data-metric]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.metric === this.metric)));
      };
      this.querySelectorAll('[data-metric]').forEach((b) => b.addEventListener('click', () => { this.metric = b.dataset.metric; draw(); }));
      draw();
    } catch (e) {
      render(box, e.status === 404 ? html`<div class="card empty" data-usage-unavailable>${t('usage.unavailable')}</div>` : errorBlock(e));
    }
  }
}

customElements.define('cp-usage-page', UsagePage);
