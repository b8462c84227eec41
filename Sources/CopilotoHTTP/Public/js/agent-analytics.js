// agent-analytics.js — <cp-agent-analytics>: per AI agent over the last 30 days — conversations, resolution by the
// AI, hand-overs, first response and cost — as bar charts and a table (GET /v1/analytics/agents).
import { api } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';
import { number, usd } from './format.js';
import { errorBlock } from './ui.js';
import './chart-view.js';

class AgentAnalytics extends HTMLElement {
  connectedCallback() { this.load(); }

  async load() {
    render(this, html`<section class="card"><h2 class="card-title">${t('analytics.title')}</h2><div class="card-body" data-body>
      <div class="empty small">${t('common.loading')}</div></div></section>`);
    const box = this.querySelector('[data-body]');
    try {
      const { items } = await api('/v1/analytics/agents');
      if (!items.some((a) => a.conversations > 0)) { render(box, html`<div class="empty">${t('analytics.empty')}</div>`); return; }
      render(box, html`<div class="grid-2">
          <cp-chart data-chart="conversations"></cp-chart><cp-chart data-chart="resolution"></cp-chart></div>
        <cp-chart data-chart="cost"></cp-chart>
        <table class="table" data-analytics><thead><tr><th>${t('agents.name')}</th><th>${t('analytics.conversations')}</th>
          <th>${t('analytics.resolution')}</th><th>${t('analytics.escalation')}</th><th>${t('analytics.firstResponse')}</th>
          <th>${t('analytics.cost')}</th></tr></thead>
        <tbody>${items.map((a) => html`<tr data-agent-row="${a.agentId}"><td>${a.name}</td><td>${number(a.conversations)}</td>
          <td>${Math.round(a.resolutionRate * 100)}%</td><td>${Math.round(a.escalationRate * 100)}%</td>
          <td>${a.firstResponseSeconds == null ? '—' : `${number(Math.round(a.firstResponseSeconds))} s`}</td><td>${usd(a.costUsd)}</td></tr>`)}</tbody></table>`);
      const points = (pick) => items.map((a) => ({ label: a.name, value: pick(a) }));
      this.querySelector('[data-chart=conversations]').data = { kind: 'bar', title: t('analytics.conversations'), points: points((a) => a.conversations) };
      this.querySelector('[data-chart=resolution]').data = { kind: 'bar', title: t('analytics.resolution'),
        points: points((a) => Math.round(a.resolutionRate * 100)), format: (v) => `${Math.round(v)}%` };
      this.querySelector('[data-chart=cost]').data = { kind: 'bar', title: t('analytics.cost'), points: points((a) => a.costUsd), format: usd };
    } catch (e) { render(box, errorBlock(e)); }
  }
}

customElements.define('cp-agent-analytics', AgentAnalytics);
