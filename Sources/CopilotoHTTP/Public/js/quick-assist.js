// quick-assist.js — <cp-quick-assist>: the Ctrl+. popup (seed 003) on any field marked with data-copiloto-assist.
// It takes an instruction ("Torne mais formal"), streams the rewrite from POST /v1/assistant/quick, applies it to
// the field (or its selection) and can promote the exchange to a chat session ("Continuar no chat").
import { api, stream } from './api.js';
import { html, render, icon, trapFocus } from './dom.js';
import { t } from './i18n.js';

class QuickAssist extends HTMLElement {
  connectedCallback() {
    this.hidden = true;
    this.onKey = (e) => {
      if (e.ctrlKey && !e.altKey && (e.key === '.' || e.code === 'Period')) {
        const field = e.target.closest?.('[data-copiloto-assist]');
        if (field) { e.preventDefault(); this.open(field); }
      }
    };
    document.addEventListener('keydown', this.onKey);
  }

  disconnectedCallback() { document.removeEventListener('keydown', this.onKey); }

  open(field) {
    this.field = field;
    const { selectionStart: s = 0, selectionEnd: e = 0, value = '' } = field;
    this.range = s !== e ? [s, e] : null;
    this.source = this.range ? value.slice(s, e) : value;
    this.result = '';
    this.quickId = null;
    this.hidden = false;
    const presets = ['quick.formal', 'quick.shorter', 'quick.fix', 'quick.friendly'];
    render(this, html`<div class="quick" role="dialog" aria-modal="true" aria-labelledby="cp-quick-title">
      <div class="quick-head">${icon('spark', 16)}<span class="grow" id="cp-quick-title">${t('quick.title')}</span>
        <span class="badge">${t(this.range ? 'quick.selection' : 'quick.whole')}</span>
        <button class="icon-btn" type="button" data-close aria-label="${t('quick.close')}">${icon('close', 16)}</button></div>
      <form class="row" data-quick-form>
        <input type="text" name="instruction" data-quick-instruction placeholder="${t('quick.placeholder')}" aria-label="${t('quick.instruction')}" style="flex:1" autocomplete="off">
        <button class="btn primary sm" type="submit" data-quick-send>${t('quick.send')}</button>
      </form>
      <div class="chips">${presets.map((k) => html`<button class="chip" type="button" data-preset="${t(k)}">${t(k)}</button>`)}</div>
      <div class="result" data-quick-result aria-live="polite" hidden></div>
      <div class="row" style="justify-content:flex-end">
        <button class="btn sm" type="button" data-to-chat disabled>${t('quick.toChat')}</button>
        <button class="btn sm primary" type="button" data-apply disabled>${t('quick.apply')}</button>
      </div></div>`);
    this.place();
    const box = this.querySelector('.quick');
    box.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') { ev.preventDefault(); ev.stopPropagation(); this.close(); }
      trapFocus(box, ev);
    });
    this.querySelector('[data-close]').addEventListener('click', () => this.close());
    this.querySelector('form').addEventListener('submit', (ev) => { ev.preventDefault(); this.run(); });
    this.querySelectorAll('[data-preset]').forEach((b) => b.addEventListener('click', () => { this.querySelector('[data-quick-instruction]').value = b.dataset.preset; this.run(); }));
    this.querySelector('[data-apply]').addEventListener('click', () => this.apply());
    this.querySelector('[data-to-chat]').addEventListener('click', () => this.promote());
    this.querySelector('[data-quick-instruction]').focus();
  }

  /** Next to the field: below it, or above it when the space below is short. */
  place() {
    const r = this.field.getBoundingClientRect();
    const box = this.querySelector('.quick');
    const width = Math.min(420, window.innerWidth - 24);
    const height = Math.max(box.offsetHeight, 300);
    const left = Math.max(12, Math.min(r.left, window.innerWidth - width - 12)) + window.scrollX;
    const above = r.bottom + height + 12 > window.innerHeight && r.top > height + 12;
    box.style.left = `${left}px`;
    box.style.top = above ? '' : `${r.bottom + window.scrollY + 6}px`;
    box.style.bottom = above ? `${document.documentElement.clientHeight - r.top - window.scrollY + 6}px` : '';
    box.scrollIntoView({ block: 'nearest' });
  }

  show(text, done = false) {
    const out = this.querySelector('[data-quick-result]');
    out.hidden = false;
    out.textContent = text;
    this.querySelector('[data-apply]').disabled = !done || !this.result;
    if (done) this.querySelector('.quick').scrollIntoView({ block: 'nearest' });
  }

  async run() {
    const instruction = this.querySelector('[data-quick-instruction]').value.trim() || t('quick.formal');
    if (!this.source.trim()) { this.show(t('quick.empty')); return; }
    this.result = '';
    this.show(t('quick.working'));
    const body = { fieldId: this.field.getAttribute('data-copiloto-assist'), text: this.source, instruction };
    try {
      await stream('/v1/assistant/quick', body, (event, data) => {
        if (event === 'message.delta') { this.result += data.text || ''; this.show(this.result); }
        if (event === 'message.completed') { this.result = data.content ?? this.result; this.quickId = data.messageId; }
        if (event === 'json') { this.result = data.content || ''; this.quickId = data.id; }
        if (event === 'error') throw new Error(data.message);
      });
      this.show(this.result, true);
      this.querySelector('[data-to-chat]').disabled = !this.quickId;
    } catch (e) {
      this.show(e.status === 404 ? t('quick.unavailable') : t('copilot.error', { message: e.message }));
    }
  }

  apply() {
    const f = this.field;
    const [s, e] = this.range || [0, f.value.length];
    f.value = f.value.slice(0, s) + this.result + f.value.slice(e);
    f.dispatchEvent(new Event('input', { bubbles: true }));
    this.close();
    f.setSelectionRange(s, s + this.result.length);
  }

  async promote() {
    try {
      const session = await api(`/v1/assistant/quick/${this.quickId}/promote`, { method: 'POST' });
      this.close(false);
      document.dispatchEvent(new CustomEvent('cp:copilot-open', { detail: { sessionId: session.id } }));
    } catch (e) { this.show(e.status === 404 ? t('quick.unavailable') : e.message); }
  }

  close(refocus = true) {
    this.hidden = true;
    render(this, '');
    if (refocus) this.field?.focus();
  }
}

customElements.define('cp-quick-assist', QuickAssist);
