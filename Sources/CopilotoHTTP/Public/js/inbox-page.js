// inbox-page.js — <cp-inbox-page>: customer conversations (WhatsApp, web chat) with who attends them; the thread
// with AI/human badges; reply (which takes the conversation from the AI), give back to the AI, escalate, close.
// Live: the page follows GET /v1/stream and refreshes the list and the open thread as messages arrive.
import { api, query, stream } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';
import { dateTime, time } from './format.js';
import { setPageContext } from './context.js';
import { userNames } from './lookup.js';
import { pageHead, errorBlock } from './ui.js';
import { parseRoute } from './nav.js';
import { messageBody, hydrateMedia, ticks, windowBadge, windowLeft, templateComposer, variableInputs, templateRequest } from './inbox-media.js';
import './conversation-quality.js';

const SENDER_TONE = { contact: '', agent: 'info', ai_agent: 'ok', system: 'warn' };

class InboxPage extends HTMLElement {
  connectedCallback() {
    setPageContext({ page: 'inbox', pattern: '#/inbox', params: {}, title: t('inbox.title') });
    this.selected = parseRoute().id || null;
    render(this, html`${pageHead(t('inbox.title'), t('inbox.subtitle'))}
      <div class="inbox">
        <section class="card inbox-list">
          <form class="toolbar" data-filters>
            <select name="status" aria-label="${t('col.status')}">
              <option value="">${t('inbox.allStatuses')}</option>
              ${['open', 'pending', 'closed'].map((s) => html`<option value="${s}">${t(`inbox.status.${s}`)}</option>`)}</select>
            <select name="channel" aria-label="${t('inbox.channel')}">
              <option value="">${t('inbox.allChannels')}</option>
              ${['whatsapp', 'webchat', 'instagram', 'messenger'].map((c) => html`<option value="${c}">${t(`inbox.channel.${c}`)}</option>`)}</select>
            <select name="stage" aria-label="${t('inbox.stage')}" data-stage-filter><option value="">${t('inbox.allStages')}</option></select>
            <button class="btn sm ghost" type="button" data-availability hidden></button>
          </form>
          <div data-conversations></div>
        </section>
        <section class="card inbox-thread" data-thread><div class="empty">${t('inbox.pick')}</div></section>
      </div>`);
    this.querySelector('form').addEventListener('change', () => this.loadList());
    this.loadSettings();
    this.abort = new AbortController();
    this.follow();
    this.loadList();
    if (this.selected) this.loadThread();
  }

  disconnectedCallback() { this.abort?.abort(); }

  /** Funnels for the stage filter and picker; the away/available switch for people of the distribution pool. */
  async loadSettings() {
    try {
      const [settings, me] = await Promise.all([api('/v1/inbox/settings'), api('/v1/me')]);
      this.funnels = settings.funnels;
      const select = this.querySelector('[data-stage-filter]');
      render(select, html`<option value="">${t('inbox.allStages')}</option>${settings.funnels.map((f) => html`<optgroup label="${f.name}">
        ${f.stages.map((st) => html`<option value="${st}">${st}</option>`)}</optgroup>`)}`);
      const mine = settings.members.find((m) => m.kind === 'user' && m.id.toLowerCase() === me.id.toLowerCase());
      const button = this.querySelector('[data-availability]');
      if (!mine) return;
      const show = (available) => { button.hidden = false; button.textContent = available ? t('inbox.available') : t('inbox.away');
        button.dataset.available = String(available); };
      show(mine.available);
      button.addEventListener('click', async () => {
        const next = button.dataset.available !== 'true';
        try { show((await api('/v1/inbox/availability', { method: 'PUT', body: { available: next } })).available); } catch { /* keep */ }
      });
    } catch { /* the filter stays with "all stages" */ }
  }

  /** Follows the live feed; reconnects after a pause if it drops. */
  async follow() {
    while (!this.abort.signal.aborted) {
      try {
        await stream('/v1/stream', null, (name, data) => {
          if (name === 'conversation.updated' || name === 'message.created') this.loadList();
          if ((name === 'message.created' || name === 'message.updated') && data?.conversationId?.toLowerCase() === this.selected?.toLowerCase()) {
            this.loadThread();
          }
        }, { method: 'GET', signal: this.abort.signal });
      } catch { /* dropped or aborted */ }
      await new Promise((r) => setTimeout(r, 3000));
    }
  }

  async loadList() {
    const f = this.querySelector('form');
    const box = this.querySelector('[data-conversations]');
    try {
      const res = await api(`/v1/conversations${query({ status: f.elements.status.value, channel: f.elements.channel.value, stage: f.elements.stage.value, limit: 100 })}`);
      if (!res.items.length) { render(box, html`<div class="empty">${t('inbox.empty')}</div>`); return; }
      render(box, html`<ul class="conversation-list">${res.items.map((c) => html`<li>
        <a href="#/inbox/${c.id}" data-conversation="${c.id}" class="${c.id.toLowerCase() === this.selected?.toLowerCase() ? 'active' : ''}">
          <span class="row-title">${c.externalContact}</span>
          <span class="badge">${t(`inbox.channel.${c.channel}`)}</span>
          ${c.aiPaused || !c.aiAgentId ? html`<span class="badge info" data-badge="human">${t('inbox.human')}</span>`
            : html`<span class="badge ok" data-badge="ai">${t('inbox.ai')}</span>`}
          <span class="small muted">${t(`inbox.status.${c.status}`)} · ${time(c.lastMessageAt)}</span></a></li>`)}</ul>`);
      box.querySelectorAll('[data-conversation]').forEach((a) => a.addEventListener('click', (e) => {
        e.preventDefault();
        this.selected = a.dataset.conversation;
        history.replaceState(null, '', `#/inbox/${this.selected}`);
        box.querySelectorAll('a.active').forEach((x) => x.classList.remove('active'));
        a.classList.add('active');
        this.loadThread();
      }));
    } catch (e) { render(box, errorBlock(e)); }
  }

  async loadThread() {
    const box = this.querySelector('[data-thread]');
    const id = this.selected;
    try {
      const [conversation, thread, people] = await Promise.all([api(`/v1/conversations/${id}`), api(`/v1/conversations/${id}/messages`), userNames()]);
      const who = conversation.assignedUserId ? people.get(conversation.assignedUserId.toLowerCase()) || t('inbox.someone')
        : conversation.aiAgentId && !conversation.aiPaused ? t('inbox.ai') : t('inbox.nobody');
      const left = windowLeft(conversation);
      const picker = conversation.channel === 'whatsapp' && left !== null && left <= 0 ? await templateComposer() : null;
      render(box, html`<header class="thread-head">
          <div><strong>${conversation.externalContact}</strong>
            <div class="small muted">${t(`inbox.channel.${conversation.channel}`)} · ${t('inbox.attendedBy')} <span data-attendant>${who}</span>
            ${conversation.escalationReason ? html` · ${t(`inbox.reason.${conversation.escalationReason}`)}` : ''}${windowBadge(conversation)}
            ${conversation.tags.map((tag) => html` <span class="badge" data-tag>${tag}</span>`)}
            <cp-conversation-quality data-conversation-id="${conversation.id}"></cp-conversation-quality></div>
            <label class="small">${t('inbox.stage')} <select data-stage>${(this.funnels ?? []).map((f) => html`<optgroup label="${f.name}">
              ${f.stages.map((st) => html`<option value="${f.name}|${st}" ${conversation.funnel === f.name && conversation.stage === st ? 'selected' : ''}>${st}</option>`)}</optgroup>`)}
            </select></label></div>
          <div class="actions">
            ${conversation.aiPaused && conversation.aiAgentId ? html`<button class="btn sm" type="button" data-give-back>${t('inbox.giveBack')}</button>` : ''}
            ${!conversation.aiPaused && conversation.aiAgentId ? html`<button class="btn sm" type="button" data-take-over>${t('inbox.takeOver')}</button>` : ''}
            ${conversation.status !== 'closed' ? html`<button class="btn sm ghost" type="button" data-close>${t('inbox.close')}</button>` : ''}
          </div></header>
        <ol class="thread" data-messages>${thread.items.map((m) => html`<li class="msg ${m.sender} ${m.isInternal ? 'note' : ''}"
          data-sender="${m.isInternal ? 'note' : m.sender}">
          <span class="badge ${m.isInternal ? 'warn' : SENDER_TONE[m.sender] ?? ''}">${m.isInternal ? t('inbox.noteBadge') : t(`inbox.sender.${m.sender}`)}</span>
          ${messageBody(m)}
          <span class="small muted">${dateTime(m.createdAt)}${m.sender !== 'contact' && !m.isInternal ? ` · ${t(`inbox.msgStatus.${m.status}`)}` : ''}</span>${ticks(m)}</li>`)}</ol>
        ${conversation.status !== 'closed' && picker ? picker : conversation.status !== 'closed' ? html`<form class="composer" data-reply>
          <textarea name="text" rows="2" required placeholder="${t('inbox.replyPlaceholder')}" aria-label="${t('inbox.reply')}"></textarea>
          <label class="check small"><input type="checkbox" name="note" data-note-toggle> ${t('inbox.note')}</label>
          <button class="btn primary" type="submit">${t('inbox.send')}</button></form>` : html`<div class="empty small">${t('inbox.closed')}</div>`}
        <cp-insight-feed ticket="${id}" live></cp-insight-feed>`);
      const list = box.querySelector('[data-messages]');
      list.scrollTop = list.scrollHeight;
      hydrateMedia(list);
      box.querySelector('[data-template-select]')?.addEventListener('change', (e) => {
        const option = e.target.selectedOptions[0];
        box.querySelector('[data-template-body]').textContent = option.dataset.body;
        render(box.querySelector('[data-variables]'), html`${variableInputs(Number(option.dataset.variables || 0))}`);
      });
      box.querySelector('[data-template-form]')?.addEventListener('submit', async (e) => {
        e.preventDefault();
        e.target.querySelector('button').disabled = true;
        try { await api(`/v1/conversations/${id}/messages`, { method: 'POST', body: templateRequest(e.target) }); await this.loadThread(); this.loadList(); }
        catch (err) { render(box, errorBlock(err)); }
      });
      box.querySelector('[data-reply]')?.addEventListener('submit', async (e) => {
        e.preventDefault();
        const text = e.target.elements.text.value.trim();
        if (!text) return;
        e.target.querySelector('button').disabled = true;
        const path = e.target.elements.note.checked ? `/v1/conversations/${id}/notes` : `/v1/conversations/${id}/messages`;
        try { await api(path, { method: 'POST', body: { text } }); await this.loadThread(); this.loadList(); }
        catch (err) { render(box, errorBlock(err)); }
      });
      box.querySelector('[data-note-toggle]')?.addEventListener('change', (e) => {
        box.querySelector('[data-reply] textarea').placeholder = e.target.checked ? t('inbox.notePlaceholder') : t('inbox.replyPlaceholder');
      });
      box.querySelector('[data-stage]')?.addEventListener('change', async (e) => {
        const [funnel, stage] = e.target.value.split('|');
        try { await api(`/v1/conversations/${id}`, { method: 'PATCH', body: { funnel, stage } }); this.loadList(); }
        catch (err) { render(box, errorBlock(err)); }
      });
      box.querySelector('[data-take-over]')?.addEventListener('click', () => this.act(`/v1/conversations/${id}/escalate`, { reason: 'manual' }));
      box.querySelector('[data-give-back]')?.addEventListener('click', () => this.act(`/v1/conversations/${id}/assign`, { aiAgentId: conversation.aiAgentId }));
      box.querySelector('[data-close]')?.addEventListener('click', () => this.act(`/v1/conversations/${id}/close`, {}));
    } catch (e) { render(box, errorBlock(e)); }
  }

  async act(path, body) {
    try { await api(path, { method: 'POST', body }); await this.loadThread(); this.loadList(); }
    catch (e) { render(this.querySelector('[data-thread]'), errorBlock(e)); }
  }
}

customElements.define('cp-inbox-page', InboxPage);
