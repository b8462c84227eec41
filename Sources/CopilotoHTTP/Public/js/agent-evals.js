// agent-evals.js — <cp-agent-evals data-agent-id>: the AI agent's "Testes" — its eval cases (written, or made from a
// conversation), runs of the draft or the published version in the sandbox, results with the simulated
// conversation, and the comparison with the previous run (flipped cases, cost and latency deltas).
import { api } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';
import { usd } from './format.js';
import { errorBlock } from './ui.js';
import './agent-versions.js';

const list = (text) => text.split(',').map((x) => x.trim()).filter(Boolean);
const verdict = (passed) => (passed === true ? 'pass' : passed === false ? 'fail' : 'null');
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

class AgentEvals extends HTMLElement {
  connectedCallback() {
    render(this, html`<section class="card" data-evals-card><div class="card-head"><h2 class="card-title">${t('evals.title')}</h2></div>
      <div class="card-body"><p class="small muted">${t('evals.subtitle')}</p>
      <cp-agent-versions data-agent-id="${this.agentId}"></cp-agent-versions>
      <h3>${t('evals.cases')}</h3><div data-cases></div>
      <form class="form" data-case-form>
        <label>${t('evals.name')}<input name="name" required maxlength="200"></label>
        <label>${t('evals.turns')}<textarea name="turns" rows="3" required></textarea></label>
        <div class="grid-2"><label>${t('evals.mustInclude')}<input name="mustInclude"></label>
          <label>${t('evals.mustNotInclude')}<input name="mustNotInclude"></label>
          <label>${t('evals.handover')}<select name="handover"><option value="">${t('evals.handover.any')}</option>
            <option value="true">${t('evals.handover.yes')}</option><option value="false">${t('evals.handover.no')}</option></select></label>
          <label>${t('evals.rubric')}<input name="rubric" maxlength="2000"></label></div>
        <div class="actions"><button class="btn" type="submit">${t('evals.add')}</button></div></form>
      <form class="form inline" data-from-conversation><label>${t('evals.fromConversation')}<input name="conversationId" required></label>
        <button class="btn ghost" type="submit">${t('evals.addFromConversation')}</button></form>
      <div class="actions"><button class="btn primary" type="button" data-run="draft">${t('evals.runDraft')}</button>
        <button class="btn" type="button" data-run="published">${t('evals.runPublished')}</button></div>
      <div class="small muted" data-evals-status role="status"></div><div data-run-result></div><div data-compare></div></div></section>`);
    this.querySelector('[data-case-form]').addEventListener('submit', (e) => { e.preventDefault(); this.addCase(e.target); });
    this.querySelector('[data-from-conversation]').addEventListener('submit', (e) => { e.preventDefault(); this.fromConversation(e.target); });
    this.querySelectorAll('[data-run]').forEach((b) => b.addEventListener('click', () => this.run(b.dataset.run)));
    this.loadCases();
  }

  get agentId() { return this.dataset.agentId; }
  get base() { return `/v1/ai-agents/${this.agentId}/evals`; }
  status(text) { this.querySelector('[data-evals-status]').textContent = text; }

  async loadCases() {
    const box = this.querySelector('[data-cases]');
    try {
      const { items } = await api(this.base);
      render(box, items.length ? html`<ul class="case-list">${items.map((c) => html`<li data-case="${c.id}"><strong>${c.name}</strong>
        <span class="small muted">${t('evals.turnsCount', { n: c.turns.length })}</span>
        <button class="btn ghost" type="button" data-remove="${c.id}">${t('evals.remove')}</button></li>`)}</ul>`
        : html`<div class="empty small">${t('evals.noCases')}</div>`);
      box.querySelectorAll('[data-remove]').forEach((b) => b.addEventListener('click', async () => {
        try { await api(`${this.base}/${b.dataset.remove}`, { method: 'DELETE' }); this.loadCases(); } catch (err) { this.status(err.message); }
      }));
    } catch (e) { render(box, errorBlock(e)); }
  }

  async addCase(form) {
    const f = form.elements;
    const expect = { mustInclude: list(f.mustInclude.value), mustNotInclude: list(f.mustNotInclude.value) };
    if (f.handover.value) expect.handover = f.handover.value === 'true';
    if (f.rubric.value.trim()) expect.rubric = f.rubric.value.trim();
    const turns = f.turns.value.split('\n').map((x) => x.trim()).filter(Boolean).map((text) => ({ text }));
    try {
      await api(this.base, { method: 'POST', body: { name: f.name.value.trim(), turns, expect } });
      form.reset();
      this.status('');
      this.loadCases();
    } catch (err) { this.status(err.message); }
  }

  async fromConversation(form) {
    try {
      await api(`${this.base}/from-conversation`, { method: 'POST', body: { conversationId: form.elements.conversationId.value.trim() } });
      form.reset();
      this.loadCases();
    } catch (err) { this.status(err.message); }
  }

  async run(version) {
    try {
      const { id } = await api(`${this.base}/run`, { method: 'POST', body: { version } });
      let run = await api(`${this.base}/runs/${id}`);
      for (let i = 0; i < 240 && run.status === 'running'; i += 1) {
        this.status(t('evals.running', { done: run.results.length, total: run.caseIds.length }));
        await sleep(500);
        run = await api(`${this.base}/runs/${id}`);
      }
      this.status('');
      this.showRun(run);
      const { items } = await api(`${this.base}/runs?limit=2`);
      if (items.length === 2) this.showCompare(items[1].id, items[0].id);
    } catch (err) { this.status(err.message); }
  }

  showRun(run) {
    const passed = run.results.filter((r) => r.passed === true).length;
    const cost = run.results.reduce((sum, r) => sum + r.costUsd, 0);
    render(this.querySelector('[data-run-result]'), html`<div data-run="${run.id}" data-run-status="${run.status}">
      <p>${t('evals.summary', { passed, total: run.results.length, cost: usd(cost) })}</p>
      <table class="table"><tbody>${run.results.map((r) => html`<tr data-result="${r.caseId}" data-passed="${verdict(r.passed)}">
        <td>${r.name}</td><td><span class="badge ${r.passed === true ? 'ok' : r.passed === false ? 'danger' : 'warn'}">${t(`evals.result.${verdict(r.passed)}`)}</span></td>
        <td class="small">${r.reasons.join('; ')}</td><td><details><summary>${t('evals.transcript')}</summary>
          ${r.transcript.map((line) => html`<div class="small"><strong>${line.role}:</strong> ${line.text}</div>`)}
          ${r.toolCalls.map((c) => html`<div class="small"><code>${c.name}</code> ${c.wouldRun ? html`<span class="badge">${t('evals.wouldRun')}</span>` : ''}</div>`)}
        </details></td></tr>`)}</tbody></table></div>`);
  }

  async showCompare(baseId, headId) {
    try {
      const c = await api(`${this.base}/compare?base=${baseId}&head=${headId}`);
      render(this.querySelector('[data-compare]'), html`<div data-comparison><h3>${t('evals.compare', { base: c.baseVersion, head: c.headVersion })}</h3>
        <p class="small">${t('evals.delta', { cost: usd(c.costDeltaUsd), latency: c.latencyDeltaMs })}</p>
        ${c.flipped.length ? html`<ul>${c.flipped.map((f) => html`<li data-flip="${f.caseId}">${f.name}:
          ${t(`evals.result.${verdict(f.before ?? null)}`)} → ${t(`evals.result.${verdict(f.after ?? null)}`)}</li>`)}</ul>`
          : html`<p class="small muted">${t('evals.noFlips')}</p>`}</div>`);
    } catch (err) { this.status(err.message); }
  }
}

customElements.define('cp-agent-evals', AgentEvals);
