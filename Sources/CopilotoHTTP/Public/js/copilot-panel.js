// copilot-panel.js — <cp-copilot>: the copilot as a floating chat window (seed 000) or docked side panel
// (seed 003). Owns the current session: history, new/rename/delete, and sending messages with the page context
// and mentions, streaming the SSE answer (deltas, tools, proposed actions) into <cp-chat-log>.
import { api, stream } from './api.js';
import { html, render, icon, trapFocus } from './dom.js';
import { t } from './i18n.js';
import { contextEnabled, getPageContext } from './context.js';
import { resetLookup } from './lookup.js';

const DOCK_KEY = 'copiloto.docked';
const SESSION_KEY = 'copiloto.session';
const CONFIRM = new Set(['sim', 'ok', 'confirma', 'confirmar', 'pode', 'pode fazer', 'manda', 'yes', 'confirm', 'go ahead', 'sim, pode', 'pode sim', 'confirmo']);
const CANCEL = new Set(['nao', 'cancela', 'cancelar', 'deixa', 'no', 'cancel', 'deixa pra la', 'nao precisa']);
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');

class CopilotPanel extends HTMLElement {
  connectedCallback() {
    this.docked = localStorage.getItem(DOCK_KEY) === 'true';
    this.sessionId = sessionStorage.getItem(SESSION_KEY);
    this.skeleton();
    this.listeners = {
      'cp:copilot-open': (e) => this.onOpen(e.detail || {}),
      'cp:lang': () => { const open = this.isOpen; this.skeleton(); if (open) this.show(this.docked, false); },
      'cp:data-changed': () => resetLookup(),
    };
    for (const [name, fn] of Object.entries(this.listeners)) document.addEventListener(name, fn);
    if (this.docked && matchMedia('(min-width: 1181px)').matches) this.show(true, false);
  }

  disconnectedCallback() {
    this.abort?.abort();
    for (const [name, fn] of Object.entries(this.listeners || {})) document.removeEventListener(name, fn);
  }

  skeleton() {
    render(this, html`
      <section class="copilot" role="dialog" aria-modal="false" aria-labelledby="cp-copilot-title" hidden>
        <header class="copilot-head">
          <div class="title"><span class="brand-mark" style="width:26px;height:26px;border-radius:8px">${icon('spark', 14)}</span>
            <b id="cp-copilot-title" data-session-title>${t('copilot.title')}</b></div>
          <button class="icon-btn" type="button" data-history aria-pressed="false" aria-label="${t('copilot.history')}" title="${t('copilot.history')}">${icon('history')}</button>
          <button class="icon-btn" type="button" data-new aria-label="${t('copilot.new')}" title="${t('copilot.new')}">${icon('plus')}</button>
          <button class="icon-btn hide-sm" type="button" data-dock>${icon('dock')}</button>
          <button class="icon-btn" type="button" data-close aria-label="${t('copilot.close')}" title="${t('copilot.close')}">${icon('close')}</button>
        </header>
        <div class="copilot-body"><cp-chat-log></cp-chat-log><cp-chat-history hidden></cp-chat-history></div>
        <cp-chat-suggestions aria-label="${t('copilot.suggestions')}"></cp-chat-suggestions>
        <cp-chat-composer></cp-chat-composer>
      </section>`);
    this.panel = this.querySelector('.copilot');
    this.log = this.querySelector('cp-chat-log');
    this.historyView = this.querySelector('cp-chat-history');
    this.composer = this.querySelector('cp-chat-composer');
    this.loaded = false;
    this.querySelector('[data-close]').addEventListener('click', () => this.hide());
    this.querySelector('[data-new]').addEventListener('click', () => this.newSession());
    this.querySelector('[data-history]').addEventListener('click', () => this.toggleHistory());
    this.querySelector('[data-dock]').addEventListener('click', () => this.show(!this.docked));
    this.addEventListener('cp-send', (e) => this.send(e.detail.content, e.detail.mentions));
    this.addEventListener('cp-stop', () => this.abort?.abort());
    this.addEventListener('cp-suggest', (e) => (e.detail.fill ? this.composer.setText(e.detail.prompt) : this.send(e.detail.prompt)));
    this.addEventListener('cp-select', (e) => { this.toggleHistory(false); if (e.detail.id) this.loadSession(e.detail.id); else this.newSession(); });
    this.addEventListener('cp-deleted', (e) => { if (e.detail.id === this.sessionId) this.newSession(false); });
    this.addEventListener('cp-renamed', (e) => { if (e.detail.id === this.sessionId) this.setTitle(e.detail.title); });
    this.panel.addEventListener('keydown', (e) => this.onKey(e));
  }

  get isOpen() { return !this.panel.hidden; }

  onKey(e) {
    if (e.key === 'Escape') {
      if (!this.historyView.hidden) { this.toggleHistory(false); e.stopPropagation(); return; }
      if (!this.docked) { this.hide(); e.stopPropagation(); }
    }
    if (!this.docked && matchMedia('(max-width: 860px)').matches) trapFocus(this.panel, e);
  }

  async onOpen({ docked, toggle, prompt, send, sessionId, newSession, focus = true }) {
    if (toggle) { this.hide(); return; }
    this.show(docked ?? this.docked, focus);
    if (newSession) this.newSession();
    if (sessionId) await this.loadSession(sessionId);
    if (prompt && send) this.send(prompt);
    else if (prompt) this.composer.setText(prompt);
  }

  show(docked, focus = true) {
    this.docked = !!docked;
    localStorage.setItem(DOCK_KEY, String(this.docked));
    this.panel.hidden = false;
    this.panel.classList.toggle('docked', this.docked);
    // Full screen on a phone: modal there (focus stays inside), a side window on larger screens.
    this.panel.setAttribute('aria-modal', String(matchMedia('(max-width: 860px)').matches));
    document.body.classList.toggle('copilot-docked', this.docked);
    document.body.classList.toggle('copilot-open', !this.docked);
    const dock = this.querySelector('[data-dock]');
    render(dock, icon(this.docked ? 'float' : 'dock'));
    dock.setAttribute('aria-label', t(this.docked ? 'copilot.undock' : 'copilot.dock'));
    dock.title = dock.getAttribute('aria-label');
    document.dispatchEvent(new CustomEvent('cp:copilot-state'));
    if (!this.loaded) { this.loaded = true; if (this.sessionId) this.loadSession(this.sessionId); else this.log.clear(); }
    if (focus) this.composer.focus();
  }

  hide() {
    this.panel.hidden = true;
    document.body.classList.remove('copilot-docked', 'copilot-open');
    if (this.docked) localStorage.setItem(DOCK_KEY, 'false');
    this.docked = false;
    document.dispatchEvent(new CustomEvent('cp:copilot-state'));
    document.querySelector('cp-copilot-fab button')?.focus();
  }

  toggleHistory(force) {
    const open = force ?? this.historyView.hidden;
    this.historyView.hidden = !open;
    this.querySelector('[data-history]').setAttribute('aria-pressed', String(open));
    if (open) this.historyView.load(this.sessionId).then(() => this.historyView.querySelector('button')?.focus());
    else this.composer.focus();
  }

  setTitle(title) { this.querySelector('[data-session-title]').textContent = title || t('copilot.title'); }

  setSession(id) {
    this.sessionId = id;
    if (id) sessionStorage.setItem(SESSION_KEY, id); else sessionStorage.removeItem(SESSION_KEY);
  }

  newSession(focus = true) {
    this.abort?.abort();
    this.setSession(null);
    this.setTitle(t('copilot.new'));
    this.log.clear();
    if (focus) this.composer.focus();
  }

  async loadSession(id) {
    try {
      const s = await api(`/v1/assistant/sessions/${id}`);
      this.setSession(s.id);
      this.setTitle(s.title);
      this.log.history(s.messages || []);
    } catch { this.newSession(false); }
  }

  async ensureSession() {
    if (this.sessionId) return this.sessionId;
    const s = await api('/v1/assistant/sessions', { method: 'POST', body: { mode: 'agent' } });
    this.setSession(s.id);
    this.setTitle(s.title);
    return s.id;
  }

  /** Sends a message and streams the answer into the log. */
  async send(content, mentions = [], retry = true) {
    if (this.busy || !content.trim()) return;
    if (!this.isOpen) this.show(this.docked);
    const enabled = contextEnabled();
    const body = { content, contextEnabled: enabled };
    if (enabled) body.context = getPageContext();
    if (mentions.length) body.mentions = mentions;
    this.busy = true;
    this.composer.setBusy(true);
    this.log.setAttribute('aria-busy', 'true');
    this.log.addUser(content, { context: enabled ? body.context : null, mentions });
    const reply = this.log.startAssistant();
    this.abort = new AbortController();
    try {
      const id = await this.ensureSession();
      await stream(`/v1/assistant/sessions/${id}/messages`, body, (event, data) => this.onEvent(reply, event, data), { signal: this.abort.signal });
      reply.finish();
      this.afterReply(content, reply);
    } catch (e) {
      if (e.name === 'AbortError') reply.finish();
      else if (e.status === 404 && retry) { this.setSession(null); this.busy = false; reply.el.remove(); this.log.lastElementChild?.remove(); return this.send(content, mentions, false); }
      else reply.error(e.status === 429 ? t('copilot.rateLimited', { seconds: e.retryAfter || 30 }) : t('copilot.error', { message: e.message }));
    } finally {
      this.busy = false;
      this.composer.setBusy(false);
      this.log.removeAttribute('aria-busy');
    }
    return undefined;
  }

  onEvent(reply, event, data) {
    switch (event) {
      case 'message.delta': reply.append(data.text); break;
      case 'tool.started': reply.toolStarted(data); break;
      case 'tool.completed': reply.toolCompleted(data); break;
      case 'action.proposed': reply.card(data); break;
      case 'message.completed': reply.complete(data); break;
      case 'error': reply.error(data.message || data.code); break;
      case 'json':
        for (const m of (data.messages || []).filter((x) => x.role === 'assistant')) reply.append(m.content);
        for (const p of data.pendingActions || []) reply.card(p);
        reply.finish();
        break;
      default: break;
    }
  }

  /**
   * After an answer: "sim" / "não" typed in the chat means the server settled the newest pending action, so its card
   * shows the outcome; the stored session gives the (AI-made) title and the context receipt of the answer.
   */
  async afterReply(content, reply) {
    const word = fold(content);
    if (CONFIRM.has(word) || CANCEL.has(word)) this.log.latestPendingCard()?.settleFromChat(CONFIRM.has(word));
    if (!this.sessionId) return;
    try {
      const session = await api(`/v1/assistant/sessions/${this.sessionId}`);
      this.setTitle(session.title);
      const id = String(reply.messageId || '').toLowerCase();
      const stored = (session.messages || []).find((m) => String(m.id).toLowerCase() === id);
      if (stored && stored.context !== undefined) reply.receipt(stored.context);
    } catch { /* the answer is shown already; title and receipt are extras */ }
  }
}

customElements.define('cp-copilot', CopilotPanel);
