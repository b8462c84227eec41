// mention-menu.js — <cp-mention-menu>: the autocomplete list under "@" (people, customers) and "#" (orders,
// tickets, invoices, products) in the composer. The composer drives it with the keyboard; a click picks too.
import { html, render } from './dom.js';
import { t } from './i18n.js';

class MentionMenu extends HTMLElement {
  connectedCallback() { this.hidden = true; this.items = []; this.index = 0; }

  get open() { return !this.hidden && this.items.length > 0; }

  show(items) {
    this.items = items;
    this.index = 0;
    this.hidden = !items.length;
    this.draw();
  }

  hide() { this.hidden = true; this.items = []; }

  move(delta) {
    if (!this.items.length) return;
    this.index = (this.index + delta + this.items.length) % this.items.length;
    this.draw();
  }

  get selected() { return this.items[this.index] || null; }

  draw() {
    render(this, html`<ul class="menu" role="listbox" id="cp-mention-list" aria-label="${t('copilot.mentions')}">${this.items.map((m, i) => html`
      <li role="option" id="cp-mention-${i}" data-index="${i}" aria-selected="${i === this.index}">
        <span class="mention-type ${m.type}">${t(`mention.${m.type}`)}</span><span>${m.label}</span><small>${m.detail || ''}</small></li>`)}</ul>`);
    this.querySelectorAll('li').forEach((li) => li.addEventListener('mousedown', (e) => {
      e.preventDefault();
      this.index = Number(li.dataset.index);
      this.dispatchEvent(new CustomEvent('cp-pick', { detail: this.selected, bubbles: true }));
    }));
    this.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }
}

customElements.define('cp-mention-menu', MentionMenu);
