// ai-agents-page.js — <cp-ai-agents-page>: the AI agents that attend customers — list, and an editor for persona,
// prompt, welcome message, tools (read actions the agent may call), capacity, timing and spending limits.
import { api } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';
import { state } from './state.js';
import { setPageContext } from './context.js';
import { pageHead, errorBlock } from './ui.js';
import './agent-analytics.js';
import './inbox-settings-form.js';
import './channel-accounts.js';
import './agent-evals.js';

const TYPES = ['support', 'sdr', 'cs', 'closer', 'custom'];
const INBOX_TOOLS = ['previousConversations', 'transferToHuman', 'closeConversation', 'updateContact', 'addTag', 'createActivity',
  'moveToStage', 'scheduleFollowUp'];

class AIAgentsPage extends HTMLElement {
  connectedCallback() {
    setPageContext({ page: 'ai-agents', pattern: '#/ai-agents', params: {}, title: t('agents.title') });
    render(this, html`${pageHead(t('agents.title'), t('agents.subtitle'),
      html`<button class="btn primary" type="button" data-new>${t('agents.new')}</button>`)}
      <div class="inbox"><section class="card" data-list></section><section class="card inbox-thread" data-editor>
        <div class="empty">${t('agents.pick')}</div></section></div><div data-evals></div>
      <cp-agent-analytics></cp-agent-analytics><cp-inbox-settings></cp-inbox-settings><cp-channel-accounts></cp-channel-accounts>`);
    this.querySelector('[data-new]').addEventListener('click', () => this.edit(null));
    this.load();
  }

  async load() {
    const box = this.querySelector('[data-list]');
    try {
      const res = await api('/v1/ai-agents');
      this.agents = res.items;
      if (!res.items.length) { render(box, html`<div class="empty">${t('agents.empty')}</div>`); return; }
      render(box, html`<ul class="conversation-list">${res.items.map((a) => html`<li><a href="#/ai-agents" data-agent="${a.id}">
        <span class="row-title">${a.name}</span><span class="badge">${t(`agents.type.${a.type}`)}</span>
        <span class="badge ${a.enabled ? 'ok' : ''}">${a.enabled ? t('agents.on') : t('agents.off')}</span>
        <span class="small muted">${a.tools.length} ${t('agents.toolsCount')}</span></a></li>`)}</ul>`);
      box.querySelectorAll('[data-agent]').forEach((a) => a.addEventListener('click', (e) => {
        e.preventDefault();
        this.edit(this.agents.find((x) => x.id === a.dataset.agent));
      }));
    } catch (e) { render(box, errorBlock(e)); }
  }

  edit(agent) {
    const box = this.querySelector('[data-editor]');
    const s = agent?.settings ?? {};
    const tools = state.actions.filter((a) => a.risk === 'read' && !INBOX_TOOLS.includes(a.name)).map((a) => a.name).sort();
    const chosen = new Set(agent?.tools ?? ['search_kb']);
    render(box, html`<form class="form" data-agent-form>
      <label>${t('agents.name')}<input name="name" required maxlength="120" value="${agent?.name ?? ''}"></label>
      <label>${t('agents.type')}<select name="type">${TYPES.map((k) => html`<option value="${k}" ${agent?.type === k ? 'selected' : ''}>${t(`agents.type.${k}`)}</option>`)}</select></label>
      <label>${t('agents.prompt')}<textarea name="prompt" rows="5">${agent?.prompt ?? ''}</textarea></label>
      <label>${t('agents.welcome')}<input name="welcomeMessage" maxlength="1000" value="${agent?.welcomeMessage ?? ''}"></label>
      <fieldset><legend>${t('agents.tools')}</legend><div class="tool-grid">${tools.map((name) => html`<label class="check">
        <input type="checkbox" name="tool" value="${name}" ${chosen.has(name) ? 'checked' : ''}> <code>${name}</code></label>`)}</div></fieldset>
      <fieldset><legend>${t('agents.inboxTools')}</legend><div class="tool-grid" data-inbox-tools>${INBOX_TOOLS.map((name) => html`<label class="check">
        <input type="checkbox" name="tool" value="${name}" ${chosen.has(name) ? 'checked' : ''}> <code>${name}</code></label>`)}</div></fieldset>
      <div class="grid-2">
        <label>${t('agents.maxConcurrent')}<input type="number" name="maxConcurrent" min="0" value="${agent?.maxConcurrent ?? 50}"></label>
        <label>${t('agents.maxReplies')}<input type="number" name="maxAIReplies" min="1" value="${s.maxAIReplies ?? 20}"></label>
        <label>${t('agents.debounce')}<input type="number" name="debounceMs" min="0" step="100" value="${s.debounceMs ?? 2500}"></label>
        <label>${t('agents.dailyUSD')}<input type="number" name="dailyUSD" min="0" step="0.01" value="${s.limits?.dailyUSD ?? ''}"></label>
        <label>${t('agents.cheaperModel')}<input name="cheaperModel" maxlength="100" value="${s.limits?.cheaperModel ?? ''}"></label>
      </div>
      <label class="check"><input type="checkbox" name="enabled" ${agent?.enabled === false ? '' : 'checked'}> ${t('agents.enabled')}</label>
      <div class="actions"><button class="btn primary" type="submit">${t('agents.save')}</button>
        ${agent ? html`<button class="btn ghost" type="button" data-delete>${t('agents.delete')}</button>` : ''}</div>
      <div class="small muted" data-status role="status"></div></form>`);
    // The agent's tests and version bar ("Testes"): only for a saved agent.
    render(this.querySelector('[data-evals]'), agent ? html`<cp-agent-evals data-agent-id="${agent.id}"></cp-agent-evals>` : '');
    const form = box.querySelector('form');
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = form.elements;
      const debounce = Number(f.debounceMs.value || 0);
      const body = {
        name: f.name.value.trim(), type: f.type.value, prompt: f.prompt.value, welcomeMessage: f.welcomeMessage.value.trim() || undefined,
        enabled: f.enabled.checked, maxConcurrent: Number(f.maxConcurrent.value || 0),
        tools: [...form.querySelectorAll('input[name=tool]:checked')].map((x) => x.value),
        settings: { maxAIReplies: Number(f.maxAIReplies.value || 20), debounceMs: debounce, debounceMaxMs: Math.max(debounce * 4, debounce),
          limits: f.dailyUSD.value ? { ...(s.limits ?? {}), dailyUSD: Number(f.dailyUSD.value), cheaperModel: f.cheaperModel.value.trim() || undefined }
            : undefined },
      };
      try {
        const saved = await api(agent ? `/v1/ai-agents/${agent.id}` : '/v1/ai-agents', { method: agent ? 'PATCH' : 'POST', body });
        box.querySelector('[data-status]').textContent = t('agents.saved');
        await this.load();
        if (!agent) this.edit(saved);
      } catch (err) { box.querySelector('[data-status]').textContent = err.message; }
    });
    box.querySelector('[data-delete]')?.addEventListener('click', async () => {
      try { await api(`/v1/ai-agents/${agent.id}`, { method: 'DELETE' }); render(box, html`<div class="empty">${t('agents.pick')}</div>`); this.load(); }
      catch (err) { box.querySelector('[data-status]').textContent = err.message; }
    });
  }
}

customElements.define('cp-ai-agents-page', AIAgentsPage);
