// chat-history.js — <cp-chat-history>: the user's conversations (GET /v1/assistant/sessions) with open, new,
// rename (PATCH) and delete (DELETE) — all keyboard reachable. Emits `cp-select` {id} and `cp-deleted` {id}.
import { api } from './api.js';
import { html, render, icon } from './dom.js';
import { t } from './i18n.js';
import { dateTime } from './format.js';

class ChatHistory extends HTMLElement {
  async load(currentId) {
    this.currentId = currentId;
    render(this, html`<div class="history-head"><h2>${t('copilot.history')}</h2>
      <button class="btn sm primary" type="button" data-new>${icon('plus', 14)} ${t('copilot.new')}</button></div>
      <ul class="history-list" data-list><li class="muted" style="padding:10px">${t('common.loading')}</li></ul>`);
    this.querySelector('[data-new]').addEventListener('click', () => this.emit('cp-select', { id: null }));
    try {
      this.sessions = (await api('/v1/assistant/sessions?limit=50')).items;
      this.draw();
    } catch {
      render(this.querySelector('[data-list]'), html`<li class="muted" style="padding:10px">${t('copilot.sessionsLoadError')}</li>`);
    }
  }

  emit(name, detail) { this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true })); }

  draw(editing = null, deleting = null) {
    const list = this.querySelector('[data-list]');
    if (!this.sessions.length) { render(list, html`<li class="muted" style="padding:10px">${t('copilot.noSessions')}</li>`); return; }
    render(list, this.sessions.map((s) => {
      if (s.id === editing) {
        return html`<li data-id="${s.id}"><form data-rename><input type="text" name="sessionTitle" value="${s.title}" maxlength="200" aria-label="${t('copilot.rename')}">
          <button class="btn sm primary" type="submit">${t('copilot.save')}</button><button class="btn sm" type="button" data-cancel>${t('copilot.cancel')}</button></form></li>`;
      }
      if (s.id === deleting) {
        return html`<li data-id="${s.id}" class="current" role="alert"><span style="flex:1;padding:8px 10px">${t('copilot.deleteConfirm')}</span>
          <button class="btn sm danger" type="button" data-really-delete>${t('copilot.delete')}</button><button class="btn sm" type="button" data-cancel>${t('copilot.cancel')}</button></li>`;
      }
      return html`<li data-id="${s.id}" class="${s.id === this.currentId ? 'current' : ''}">
        <button class="open" type="button" data-open ${s.id === this.currentId ? html`aria-current="true"` : ''}><span>${s.title}</span><small>${dateTime(s.updatedAt)}</small></button>
        <button class="icon-btn" type="button" data-rename-btn aria-label="${t('copilot.rename')}: ${s.title}" title="${t('copilot.rename')}">${icon('edit', 15)}</button>
        <button class="icon-btn" type="button" data-delete aria-label="${t('copilot.delete')}: ${s.title}" title="${t('copilot.delete')}">${icon('trash', 15)}</button></li>`;
    }));
    list.querySelectorAll('li[data-id]').forEach((li) => this.bind(li, li.dataset.id));
    const input = list.querySelector('input[name=sessionTitle]');
    if (input) { input.focus(); input.select(); }
    list.querySelector('[data-really-delete]')?.focus();
  }

  bind(li, id) {
    li.querySelector('[data-open]')?.addEventListener('click', () => this.emit('cp-select', { id }));
    li.querySelector('[data-rename-btn]')?.addEventListener('click', () => this.draw(id));
    li.querySelector('[data-delete]')?.addEventListener('click', () => this.draw(null, id));
    li.querySelector('[data-cancel]')?.addEventListener('click', () => this.draw());
    li.querySelector('[data-really-delete]')?.addEventListener('click', () => this.deleteSession(id));
    li.addEventListener('keydown', (e) => { if (e.key === 'Escape' && (li.querySelector('form') || li.querySelector('[data-really-delete]'))) { e.stopPropagation(); this.draw(); } });
    li.querySelector('form')?.addEventListener('submit', (e) => { e.preventDefault(); this.rename(id, e.target.elements.sessionTitle.value.trim()); });
  }

  async rename(id, title) {
    if (!title) return;
    const updated = await api(`/v1/assistant/sessions/${id}`, { method: 'PATCH', body: { title } });
    this.sessions = this.sessions.map((s) => (s.id === id ? updated : s));
    this.draw();
    this.emit('cp-renamed', updated);
  }

  async deleteSession(id) {
    await api(`/v1/assistant/sessions/${id}`, { method: 'DELETE' });
    this.sessions = this.sessions.filter((s) => s.id !== id);
    this.draw();
    this.emit('cp-deleted', { id });
  }
}

customElements.define('cp-chat-history', ChatHistory);
