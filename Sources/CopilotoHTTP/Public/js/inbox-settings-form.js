// inbox-settings-form.js — <cp-inbox-settings>: how new conversations are distributed (method, automatic or not,
// who takes part — people and AI agents together, with weights and specialties), the re-route SLA and the store-wide
// AI limits (PUT /v1/inbox/settings).
import { api } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';
import { errorBlock } from './ui.js';

const METHODS = ['load', 'round_robin', 'specialty', 'performance', 'percentage'];

class InboxSettingsForm extends HTMLElement {
  connectedCallback() { this.load(); }

  async load() {
    try {
      const [settings, agents, users] = await Promise.all([api('/v1/inbox/settings'), api('/v1/ai-agents'), api('/v1/users?limit=200')]);
      this.draw(settings, [
        ...agents.items.map((a) => ({ kind: 'ai_agent', id: a.id, name: a.name })),
        ...users.items.filter((u) => u.active !== false && ['attendant', 'manager', 'admin', 'owner'].includes(u.role))
          .map((u) => ({ kind: 'user', id: u.id, name: u.name })),
      ]);
    } catch (e) { render(this, html`<section class="card">${errorBlock(e)}</section>`); }
  }

  draw(s, people) {
    const member = (id) => s.members.find((m) => m.id.toLowerCase() === id.toLowerCase());
    render(this, html`<section class="card"><h2 class="card-title">${t('dist.title')}</h2>
      <form class="form card-body" data-distribution>
        <label class="check"><input type="checkbox" name="autoAssign" ${s.autoAssign ? 'checked' : ''}> ${t('dist.autoAssign')}</label>
        <div class="grid-2">
          <label>${t('dist.method')}<select name="method">${METHODS.map((m) => html`<option value="${m}" ${s.method === m ? 'selected' : ''}>${t(`dist.method.${m}`)}</option>`)}</select></label>
          <label>${t('dist.sla')}<input type="number" name="slaMinutes" min="1" max="10080" value="${s.slaMinutes ?? ''}"></label>
          <label>${t('dist.maxAI')}<input type="number" name="maxConcurrentAI" min="0" value="${s.maxConcurrentAI ?? ''}"></label>
          <label>${t('dist.tenantUSD')}<input type="number" name="dailyUSD" min="0" step="0.01" value="${s.limits?.dailyUSD ?? ''}"></label>
        </div>
        <fieldset><legend>${t('dist.members')}</legend><p class="small muted">${t('dist.membersHint')}</p>
          <table class="table"><tbody>${people.map((p) => { const m = member(p.id); return html`<tr data-member-row="${p.id}">
            <td><label class="check"><input type="checkbox" name="member" value="${p.id}" data-kind="${p.kind}" ${m ? 'checked' : ''}> ${p.name}</label></td>
            <td><span class="badge ${p.kind === 'user' ? 'info' : 'ok'}">${p.kind === 'user' ? t('dist.person') : t('dist.aiAgent')}</span></td>
            <td><input type="number" min="0" name="weight" aria-label="${t('dist.weight')}" placeholder="${t('dist.weight')}" value="${m?.weight ?? ''}"></td>
            <td><input name="departments" aria-label="${t('dist.departments')}" placeholder="${t('dist.departments')}" value="${(m?.departments ?? []).join(', ')}"></td>
          </tr>`; })}</tbody></table></fieldset>
        <div class="actions"><button class="btn primary" type="submit">${t('dist.save')}</button></div>
        <div class="small muted" data-status role="status"></div></form></section>`);
    const form = this.querySelector('form');
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = form.elements;
      const members = [...form.querySelectorAll('[data-member-row]')].filter((row) => row.querySelector('[name=member]').checked).map((row) => {
        const box = row.querySelector('[name=member]');
        const weight = row.querySelector('[name=weight]').value;
        const departments = row.querySelector('[name=departments]').value.split(',').map((x) => x.trim()).filter(Boolean);
        const old = member(box.value);
        return { kind: box.dataset.kind, id: box.value, available: old?.available ?? true, maxConcurrent: old?.maxConcurrent,
          weight: weight === '' ? undefined : Number(weight), departments };
      });
      const body = { autoAssign: f.autoAssign.checked, method: f.method.value, members,
        slaMinutes: f.slaMinutes.value ? Number(f.slaMinutes.value) : null, maxConcurrentAI: f.maxConcurrentAI.value ? Number(f.maxConcurrentAI.value) : null,
        limits: f.dailyUSD.value ? { ...(s.limits ?? {}), dailyUSD: Number(f.dailyUSD.value) } : null };
      try { await api('/v1/inbox/settings', { method: 'PUT', body }); form.querySelector('[data-status]').textContent = t('dist.saved'); }
      catch (err) { form.querySelector('[data-status]').textContent = err.message; }
    });
  }
}

customElements.define('cp-inbox-settings', InboxSettingsForm);
