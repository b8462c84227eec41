// chat-composer.js — <cp-chat-composer>: the message box. Enter sends (Shift+Enter breaks the line), the context
// switch (on by default, remembered) decides whether the page context goes along, and "@" / "#" open the mention
// autocomplete backed by GET /v1/mentions. Emits `cp-send` {content, mentions} and `cp-stop`.
import { api, query } from './api.js';
import { html, render, icon } from './dom.js';
import { t } from './i18n.js';
import { contextEnabled, setContextEnabled, pageTitle } from './context.js';

const TRIGGER = /(^|\s)([@#])([^\s@#]{0,40})$/;
const TYPES = { '@': ['customer', 'user'], '#': ['order', 'ticket', 'invoice', 'product'] };
let mentionsApi = true;

async function searchMentions(trigger, q) {
  const types = TYPES[trigger];
  const lists = await Promise.all(types.map((type) => api(`/v1/mentions${query({ q, type, limit: 8 })}`).then((r) => r.items)));
  return lists.flat().slice(0, 8);
}

class ChatComposer extends HTMLElement {
  connectedCallback() {
    this.mentions = [];
    render(this, html`
      <cp-mention-menu></cp-mention-menu>
      <textarea rows="1" data-composer-input placeholder="${t('copilot.placeholder')}" aria-label="${t('copilot.placeholder')}"
        aria-autocomplete="list" aria-controls="cp-mention-list" aria-expanded="false"></textarea>
      <div class="composer-bar">
        <label class="switch" title="${t('copilot.contextHint')}"><input type="checkbox" role="switch" data-context-toggle ${contextEnabled() ? 'checked' : ''}> ${t('copilot.context')}</label>
        <span class="context-chip" data-context-chip></span>
        <span class="grow"></span>
        <button class="btn primary sm" type="button" data-send>${icon('send', 14)} <span>${t('copilot.send')}</span></button>
      </div>`);
    this.input = this.querySelector('textarea');
    this.menu = this.querySelector('cp-mention-menu');
    this.toggle = this.querySelector('[data-context-toggle]');
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('input', () => { this.autosize(); this.lookup(); });
    this.input.addEventListener('blur', () => setTimeout(() => this.closeMenu(), 150));
    this.toggle.addEventListener('change', () => setContextEnabled(this.toggle.checked));
    this.querySelector('[data-send]').addEventListener('click', () => (this.busy ? this.emit('cp-stop') : this.submit()));
    this.addEventListener('cp-pick', (e) => this.pick(e.detail));
    this.onContext = () => this.chip();
    document.addEventListener('cp:context', this.onContext);
    document.addEventListener('cp:context-toggle', this.onContext);
    this.chip();
  }

  disconnectedCallback() {
    document.removeEventListener('cp:context', this.onContext);
    document.removeEventListener('cp:context-toggle', this.onContext);
  }

  emit(name, detail) { this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true })); }

  chip() {
    this.toggle.checked = contextEnabled();
    this.querySelector('[data-context-chip]').textContent = contextEnabled() ? pageTitle() : '';
  }

  autosize() { this.input.style.height = 'auto'; this.input.style.height = `${Math.min(160, this.input.scrollHeight + 2)}px`; }

  focus() { this.input.focus(); }

  setText(text) { this.input.value = text; this.autosize(); this.input.focus(); this.input.setSelectionRange(text.length, text.length); }

  setBusy(busy) {
    this.busy = busy;
    const b = this.querySelector('[data-send]');
    render(b, busy ? html`${icon('close', 14)} <span>${t('copilot.stop')}</span>` : html`${icon('send', 14)} <span>${t('copilot.send')}</span>`);
    b.classList.toggle('primary', !busy);
  }

  onKey(e) {
    if (this.menu.open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { e.preventDefault(); this.menu.move(e.key === 'ArrowDown' ? 1 : -1); this.activeOption(); return; }
      if (e.key === 'Enter' || e.key === 'Tab') { e.preventDefault(); this.pick(this.menu.selected); return; }
      if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); this.closeMenu(); return; }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); if (!this.busy) this.submit(); }
  }

  activeOption() { this.input.setAttribute('aria-activedescendant', `cp-mention-${this.menu.index}`); }

  closeMenu() { this.menu.hide(); this.input.setAttribute('aria-expanded', 'false'); this.input.removeAttribute('aria-activedescendant'); }

  lookup() {
    const before = this.input.value.slice(0, this.input.selectionStart);
    const m = before.match(TRIGGER);
    clearTimeout(this.timer);
    if (!m || !mentionsApi) { this.closeMenu(); return; }
    this.timer = setTimeout(async () => {
      try {
        const items = await searchMentions(m[2], m[3]);
        this.trigger = { char: m[2], start: before.length - m[3].length - 1 };
        this.menu.show(items);
        this.input.setAttribute('aria-expanded', String(items.length > 0));
        this.activeOption();
      } catch (err) {
        if (err.status === 404) mentionsApi = false;
        this.closeMenu();
      }
    }, 150);
  }

  pick(item) {
    if (!item || !this.trigger) return;
    const { char, start } = this.trigger;
    const label = String(item.label).replace(/^[@#]/, '');
    const end = this.input.selectionStart;
    const text = `${this.input.value.slice(0, start)}${char}${label} ${this.input.value.slice(end)}`;
    this.input.value = text;
    const caret = start + label.length + 2;
    this.input.setSelectionRange(caret, caret);
    this.mentions.push({ type: item.type, id: item.id, label, char });
    this.closeMenu();
    this.input.focus();
  }

  submit() {
    const content = this.input.value.trim();
    if (!content) return;
    const mentions = this.mentions.filter((m) => content.includes(`${m.char}${m.label}`)).map(({ type, id, label }) => ({ type, id, label }));
    this.input.value = '';
    this.mentions = [];
    this.autosize();
    this.emit('cp-send', { content, mentions });
  }
}

customElements.define('cp-chat-composer', ChatComposer);
