// copilot-builder.js — <cp-copilot-builder>: the no-code builder of a background copilot — name, icon, directive,
// model, triggers with throttles, output fields — with save, delete and a simulation over recent conversations.
// Set `.copilot` (or leave it empty for a new one) before adding it; it fires `cp:copilot-saved` after a change.
import { api } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';
import { dateTime } from './format.js';
import { state } from './state.js';

const EVENTS = ['NEW_MESSAGE_RECEIVED', 'TICKET_WON', 'TICKET_LOST', 'INACTIVITY', 'MACRO_BUTTON_CLICKED'];
const TYPES = ['STRING', 'NUMBER', 'BOOLEAN', 'ARRAY', 'ENUM'];
const num = (value) => (value === '' || value === undefined ? undefined : Number(value));

const triggerRow = (tr = {}) => html`<div class="builder-row" data-trigger>
  <label>${t('builder.event')}<select name="eventType">${EVENTS.map((e) => html`<option value="${e}" ${tr.eventType === e ? 'selected' : ''}>${t(`event.${e}`)}</option>`)}</select></label>
  <label>${t('builder.minutes')}<input type="number" min="1" name="inactivityMinutes" value="${tr.inactivityMinutes ?? ''}"></label>
  <label>${t('builder.perTicket')}<input type="number" min="1" name="ticketRuns" value="${tr.throttleRules?.perTicket?.maxRuns ?? ''}"></label>
  <label>${t('builder.window')}<input type="number" min="1" name="ticketWindow" value="${tr.throttleRules?.perTicket?.windowMinutes ?? ''}"></label>
  <label>${t('builder.perTenant')}<input type="number" min="1" name="tenantRuns" value="${tr.throttleRules?.perTenant?.maxRuns ?? ''}"></label>
  <label>${t('builder.window')}<input type="number" min="1" name="tenantWindow" value="${tr.throttleRules?.perTenant?.windowMinutes ?? ''}"></label>
  <button class="btn sm ghost" type="button" data-remove>${t('builder.remove')}</button></div>`;

const fieldRow = (f = {}) => html`<div class="builder-row" data-field-row>
  <label>${t('builder.fieldName')}<input name="fieldName" required pattern="[A-Za-z_][A-Za-z0-9_]*" value="${f.fieldName ?? ''}"></label>
  <label>${t('builder.fieldType')}<select name="fieldType">${TYPES.map((k) => html`<option value="${k}" ${f.fieldType === k ? 'selected' : ''}>${t(`type.${k}`)}</option>`)}</select></label>
  <label class="wide">${t('builder.description')}<input name="description" required value="${f.description ?? ''}"></label>
  <label>${t('builder.enumValues')}<input name="enumValues" value="${(f.enumValues ?? []).join(', ')}"></label>
  <label class="check"><input type="checkbox" name="isRequired" ${f.isRequired ? 'checked' : ''}> ${t('builder.required')}</label>
  <button class="btn sm ghost" type="button" data-remove>${t('builder.remove')}</button></div>`;

function readTrigger(row) {
  const v = (name) => row.querySelector(`[name=${name}]`).value;
  const limit = (runs, window) => (num(v(runs)) ? { maxRuns: num(v(runs)), windowMinutes: num(v(window)) ?? 60 } : undefined);
  const trigger = { eventType: v('eventType'), throttleRules: { perTicket: limit('ticketRuns', 'ticketWindow'), perTenant: limit('tenantRuns', 'tenantWindow') } };
  if (trigger.eventType === 'INACTIVITY') trigger.inactivityMinutes = num(v('inactivityMinutes')) ?? 120;
  return trigger;
}

function readField(row) {
  const v = (name) => row.querySelector(`[name=${name}]`).value.trim();
  const field = { fieldName: v('fieldName'), fieldType: v('fieldType'), description: v('description'),
    isRequired: row.querySelector('[name=isRequired]').checked };
  if (field.fieldType === 'ENUM') field.enumValues = v('enumValues').split(',').map((x) => x.trim()).filter(Boolean);
  return field;
}

class CopilotBuilder extends HTMLElement {
  connectedCallback() {
    const c = this.copilot ?? { triggers: [{ eventType: 'NEW_MESSAGE_RECEIVED' }], schemaFields: [{}] };
    render(this, html`<form class="builder" data-builder>
      <div class="grid-2"><label>${t('builder.name')}<input name="name" required maxlength="100" value="${c.name ?? ''}"></label>
        <label>${t('builder.icon')}<input name="icon" maxlength="40" value="${c.icon ?? '🤖'}"></label></div>
      <label>${t('builder.prompt')}<textarea name="systemPrompt" rows="4" required>${c.systemPrompt ?? ''}</textarea></label>
      <div class="grid-2"><label>${t('builder.model')}<input name="model" maxlength="200" value="${c.model ?? ''}"></label>
        <label>${t('builder.applyTool')}<input name="applyTool" maxlength="100" list="cp-http-tools" value="${c.applyTool ?? ''}"></label></div>
      <datalist id="cp-http-tools" data-tool-names></datalist>
      <label class="check"><input type="checkbox" name="isActive" ${c.isActive === false ? '' : 'checked'}> ${t('builder.active')}</label>
      <fieldset><legend>${t('builder.triggers')}</legend><div data-triggers>${c.triggers.map(triggerRow)}</div>
        <button class="btn sm" type="button" data-add-trigger>${t('builder.addTrigger')}</button></fieldset>
      <fieldset><legend>${t('builder.fields')}</legend><div data-fields>${c.schemaFields.map(fieldRow)}</div>
        <button class="btn sm" type="button" data-add-field>${t('builder.addField')}</button></fieldset>
      <div class="actions"><button class="btn primary" type="submit">${t('builder.save')}</button>
        ${c.id ? html`<button class="btn" type="button" data-simulate>${t('builder.simulate')}</button>
          <button class="btn ghost" type="button" data-delete>${t('builder.delete')}</button>` : ''}</div>
      <div class="small" role="status" data-builder-status></div><div data-simulation></div></form>`);
    const form = this.querySelector('form');
    const wireRemove = () => form.querySelectorAll('[data-remove]').forEach((b) => { b.onclick = () => b.closest('.builder-row').remove(); });
    wireRemove();
    form.querySelector('[data-add-trigger]').addEventListener('click', () => { this.append('[data-triggers]', triggerRow()); wireRemove(); });
    form.querySelector('[data-add-field]').addEventListener('click', () => { this.append('[data-fields]', fieldRow()); wireRemove(); });
    form.addEventListener('submit', (e) => { e.preventDefault(); this.save(); });
    form.querySelector('[data-simulate]')?.addEventListener('click', () => this.simulate());
    form.querySelector('[data-delete]')?.addEventListener('click', () => this.remove_());
    // HTTP tools to suggest (only roles that manage tools may list them; the field stays free text otherwise).
    if (['owner', 'admin'].includes(state.user?.role)) {
      api('/v1/ai-tools').then((res) => render(form.querySelector('[data-tool-names]'), html`${(res.items ?? []).map((tool) => html`<option value="${tool.name}">`)}`))
        .catch(() => {});
    }
  }

  append(selector, markup) {
    const holder = document.createElement('div');
    render(holder, markup);
    this.querySelector(selector).append(...holder.children);
  }

  status(text) { this.querySelector('[data-builder-status]').textContent = text; }

  body() {
    const f = this.querySelector('form').elements;
    return { name: f.name.value.trim(), icon: f.icon.value.trim() || undefined, systemPrompt: f.systemPrompt.value, model: f.model.value.trim() || null,
      applyTool: f.applyTool.value.trim() || null,
      isActive: f.isActive.checked, triggers: [...this.querySelectorAll('[data-trigger]')].map(readTrigger),
      schemaFields: [...this.querySelectorAll('[data-field-row]')].map(readField) };
  }

  async save() {
    const c = this.copilot;
    try {
      const saved = await api(c?.id ? `/v1/copilots/${c.id}` : '/v1/copilots', { method: c?.id ? 'PATCH' : 'POST', body: this.body() });
      this.copilot = saved;
      this.dispatchEvent(new CustomEvent('cp:copilot-saved', { bubbles: true, detail: saved }));
      this.status(t('builder.saved'));
    } catch (e) {
      const fields = Object.entries(e.details?.fields ?? {}).map(([k, v]) => `${k}: ${v}`).join(' · ');
      this.status(fields ? `${e.message} ${fields}` : e.message);
    }
  }

  async simulate() {
    const box = this.querySelector('[data-simulation]');
    this.status(t('builder.simulating'));
    try {
      const res = await api(`/v1/copilots/${this.copilot.id}/simulate`, { method: 'POST', body: { limit: 5 } });
      this.status('');
      render(box, res.items.length ? html`<h3>${t('builder.simulation')}</h3><ol class="insight-list" data-simulated>${res.items.map((item) => html`
        <li class="insight card"><header><strong>${t(`event.${item.event.type}`)}</strong><span class="small muted">${dateTime(item.event.createdAt)}</span></header>
          <dl class="insight-payload">${Object.entries(item.payload).map(([k, v]) => html`<dt>${k}</dt><dd>${Array.isArray(v) ? v.join(', ') : String(v)}</dd>`)}</dl>
          ${item.missingFields.length ? html`<p class="small muted">${t('insights.missing', { fields: item.missingFields.join(', ') })}</p>` : ''}</li>`)}</ol>`
        : html`<div class="empty">${t('builder.noSimulation')}</div>`);
    } catch (e) { this.status(e.message); }
  }

  async remove_() {
    try {
      await api(`/v1/copilots/${this.copilot.id}`, { method: 'DELETE' });
      this.dispatchEvent(new CustomEvent('cp:copilot-saved', { bubbles: true, detail: null }));
    } catch (e) { this.status(e.message); }
  }
}

customElements.define('cp-copilot-builder', CopilotBuilder);
