// chat-log.js — <cp-chat-log role="log">: the conversation. User bubbles carry a "context sent" disclosure;
// assistant replies render Markdown incrementally, show tool indicators ("Consultando pedidos…") and hold the
// confirmation cards of proposed actions.
import { html, render, raw, icon } from './dom.js';
import { t } from './i18n.js';
import { markdown } from './markdown.js';
import { action as actionInfo } from './state.js';

function toolLabel(name) {
  const key = `tool.${name}`;
  const text = t(key);
  if (text !== key) return text;
  const info = actionInfo(name);
  if (info && info.risk !== 'read') return t('tool.prepare', { title: info.title || name });
  return t('tool.generic', { name: info?.title || name });
}

/** One assistant reply being streamed into the log. */
class Reply {
  constructor(log, el) {
    this.log = log; this.el = el; this.text = ''; this.done = false;
    this.tools = el.querySelector('[data-tools]');
    this.bubble = el.querySelector('.bubble');
    this.cards = el.querySelector('[data-cards]');
    this.meta = el.querySelector('.msg-meta');
  }

  draw() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.bubble.hidden = !this.text && this.done;
      render(this.bubble, this.text ? raw(markdown(this.text)) : html`<span class="typing" aria-label="${t('copilot.thinking')}"><i></i><i></i><i></i></span>`);
      this.log.stick();
    });
  }

  append(text) { this.text += text || ''; this.draw(); }

  toolStarted({ callId, name }) {
    const row = document.createElement('div');
    row.className = 'tool';
    row.dataset.callId = callId;
    row.dataset.tool = name;
    render(row, html`<span class="spin" aria-hidden="true"></span><span>${t('tool.running', { label: toolLabel(name) })}</span>`);
    this.tools.append(row);
    this.log.stick();
  }

  toolCompleted({ callId, name, status, output }) {
    let row = this.tools.querySelector(`[data-call-id="${CSS.escape(callId || '')}"]`);
    if (!row) { this.toolStarted({ callId, name }); row = this.tools.lastElementChild; }
    const ok = status !== 'error';
    row.classList.add('done', ok ? 'ok' : 'error');
    const pending = output && output.status === 'pending';
    const label = t(ok ? 'tool.done' : 'tool.failed', { label: toolLabel(name) });
    render(row, html`${icon(ok ? 'check' : 'alert', 14)}<span>${label}</span>${ok && output && !pending ? html`
      <details class="small"><summary>${t('audit.details')}</summary><pre class="json">${JSON.stringify(output, null, 2)}</pre></details>` : ''}`);
  }

  card(proposal) {
    const card = document.createElement('cp-action-card');
    this.cards.append(card);
    card.proposal = proposal;
    this.log.stick();
    return card;
  }

  complete({ messageId, content, provider, notice, context, usage }) {
    this.messageId = messageId;
    if (typeof content === 'string' && content) this.text = content;
    if (context !== undefined) this.receipt(context);
    this.finish(provider, notice, usage);
  }

  /** The context receipt: what the server actually gave the model for this answer. */
  receipt(context) {
    if (this.el.querySelector('[data-context-receipt]')) return;
    const box = document.createElement('details');
    box.dataset.contextReceipt = '';
    render(box, html`<summary>${t('copilot.contextReceipt')}</summary>${context === null
      ? html`<p>${t('copilot.contextOff')}</p>` : html`<pre class="json">${JSON.stringify(context, null, 2)}</pre>`}`);
    this.el.append(box);
    this.log.stick();
  }

  error(message) {
    this.bubble.classList.add('error');
    this.text += `${this.text ? '\n\n' : ''}⚠️ ${message}`;
    this.finish();
  }

  finish(provider, notice, usage) {
    if (this.done) return;
    this.done = true;
    if (provider) this.meta.textContent = t('copilot.provider', { provider });
    const tokens = usage ? (usage.promptTokens || 0) + (usage.completionTokens || 0) : 0;
    if (tokens) this.meta.textContent += ` · ${tokens} tokens`;
    if (notice) this.meta.textContent += ` · ${typeof notice === 'string' ? notice : notice.message || ''}`;
    this.draw();
  }
}

class ChatLog extends HTMLElement {
  connectedCallback() {
    this.setAttribute('role', 'log');
    this.setAttribute('aria-live', 'polite');
    this.setAttribute('aria-label', t('copilot.log'));
    this.tabIndex = 0;
    this.pinned = true;
    this.addEventListener('scroll', () => { this.pinned = this.scrollHeight - this.scrollTop - this.clientHeight < 60; }, { passive: true });
  }

  clear() { this.replaceChildren(); this.empty(); }

  empty() {
    render(this, html`<div class="copilot-empty" data-empty><span class="brand-mark">${icon('spark', 22)}</span>
      <h2>${t('copilot.empty')}</h2><p class="small muted" style="margin:0">${t('copilot.emptyHint')}</p></div>`);
  }

  /** Keeps the newest message in view unless the user scrolled up to read. */
  stick(force = false) {
    if (force || this.pinned) { this.scrollTop = this.scrollHeight; this.pinned = true; }
  }

  add(markup) {
    this.querySelector('[data-empty]')?.remove();
    const wrap = document.createElement('div');
    render(wrap, markup);
    const el = wrap.firstElementChild;
    this.append(el);
    this.stick(true);
    return el;
  }

  /** A user message; `context` is what was sent (null when the toggle was off), `receipt` what the server used. */
  addUser(text, opts = {}) {
    const mentions = opts.mentions || [];
    const receipt = opts.receipt !== undefined;
    const known = receipt || 'context' in opts;
    const shown = receipt ? opts.receipt : opts.context;
    return this.add(html`<div class="msg user" data-role="user">
      <div class="bubble">${text}</div>
      <div class="msg-meta">${mentions.map((m) => html`<span class="mention-type ${m.type}">${t(`mention.${m.type}`)}: ${m.label}</span>`)}</div>
      ${known ? html`<details data-context-sent><summary>${t(receipt ? 'copilot.contextReceipt' : 'copilot.contextSent')}</summary>
        ${shown === null || shown === undefined ? html`<p>${t('copilot.contextOff')}</p>` : html`<pre class="json">${JSON.stringify(shown, null, 2)}</pre>`}</details>` : ''}
    </div>`);
  }

  /** Starts an assistant reply and returns its handle. */
  startAssistant() {
    const el = this.add(html`<div class="msg assistant" data-role="assistant"><div data-tools class="stack"></div>
      <div class="bubble"></div><div data-cards class="stack"></div><div class="msg-meta"></div></div>`);
    const reply = new Reply(this, el);
    reply.draw();
    return reply;
  }

  /** Renders a stored conversation (GET /v1/assistant/sessions/{id}). */
  history(messages) {
    this.replaceChildren();
    if (!messages.length) { this.empty(); return; }
    for (const m of messages) {
      if (m.role === 'user') this.addUser(m.content, { mentions: m.mentions });
      if (m.role !== 'assistant') continue;
      const reply = this.startAssistant();
      reply.text = m.content || '';
      if (m.pendingActionId) reply.card({ pendingActionId: m.pendingActionId });
      if (m.context !== undefined) reply.receipt(m.context);
      reply.finish(m.provider, null, m.usage);
    }
    this.stick(true);
  }

  /** The newest card, if it still waits for a decision (an older one is never settled by a typed "sim"). */
  latestPendingCard() {
    const cards = this.querySelectorAll('cp-action-card');
    const last = cards[cards.length - 1];
    return last && (last.state === 'pending' || last.state === 'unknown') ? last : null;
  }
}

customElements.define('cp-chat-log', ChatLog);
