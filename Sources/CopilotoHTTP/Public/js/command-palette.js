// command-palette.js — <cp-palette>: the ⌘K / Ctrl+K command palette (seed 001). Typing filters pages and the
// actions the role may run (GET /v1/actions); free text goes to the copilot. ↑↓ move, Enter runs, Esc closes.
import { html, render, icon, trapFocus } from './dom.js';
import { t } from './i18n.js';
import { state } from './state.js';
import { visibleNav } from './nav.js';

const norm = (s) => String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const copilot = (detail) => document.dispatchEvent(new CustomEvent('cp:copilot-open', { detail }));

function entries() {
  const nav = visibleNav().map((n) => ({ group: 'palette.navigation', icon: n.icon, label: t(n.label), keywords: n.id, run: () => { location.hash = n.route; } }));
  const general = [
    { group: 'palette.general', icon: 'plus', label: t('palette.newChat'), keywords: 'chat copilot novo new', run: () => copilot({ focus: true, newSession: true }) },
    { group: 'palette.general', icon: 'dock', label: t('palette.openPanel'), keywords: 'painel panel lateral side', run: () => copilot({ docked: true }) },
  ];
  const actions = state.actions.map((a) => {
    const required = a.parameters?.required || [];
    const title = a.title || a.name;
    return { group: 'palette.actions', icon: a.risk === 'read' ? 'search' : a.risk === 'destructive' ? 'alert' : 'edit', label: title, hint: a.name,
      keywords: `${a.name} ${(a.aliases || []).join(' ')} ${a.description || ''}`, risk: a.risk,
      // Reads without required parameters run at once; anything else starts the sentence for the user to finish.
      run: () => (a.risk === 'read' && !required.length ? copilot({ prompt: title, send: true }) : copilot({ prompt: `${title} ` })) };
  });
  return [...nav, ...general, ...actions];
}

class CommandPalette extends HTMLElement {
  connectedCallback() {
    this.hidden = true;
    this.onKey = (e) => {
      if ((e.metaKey || e.ctrlKey) && !e.altKey && e.key.toLowerCase() === 'k') { e.preventDefault(); if (this.hidden) this.open(); else this.close(); }
    };
    this.onOpen = () => this.open();
    document.addEventListener('keydown', this.onKey);
    document.addEventListener('cp:palette-open', this.onOpen);
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this.onKey);
    document.removeEventListener('cp:palette-open', this.onOpen);
  }

  open() {
    this.returnFocus = document.activeElement;
    this.hidden = false;
    this.all = entries();
    render(this, html`<div class="backdrop" data-backdrop>
      <div class="palette" role="dialog" aria-modal="true" aria-label="${t('palette.label')}">
        <div class="palette-input">${icon('search')}<input type="text" role="combobox" aria-expanded="true" aria-controls="cp-palette-list"
          aria-autocomplete="list" placeholder="${t('palette.placeholder')}" aria-label="${t('palette.placeholder')}" data-palette-input autocomplete="off"></div>
        <ul class="palette-list" id="cp-palette-list" role="listbox" aria-label="${t('palette.label')}"></ul>
        <div class="palette-foot">${t('palette.hint')}</div>
      </div></div>`);
    this.input = this.querySelector('input');
    this.input.addEventListener('input', () => { this.index = 0; this.filter(); });
    this.input.addEventListener('keydown', (e) => this.key(e));
    this.querySelector('.palette').addEventListener('keydown', (e) => trapFocus(this.querySelector('.palette'), e));
    this.querySelector('[data-backdrop]').addEventListener('mousedown', (e) => { if (e.target.dataset.backdrop !== undefined) this.close(); });
    this.index = 0;
    this.filter();
    this.input.focus();
  }

  close() {
    this.hidden = true;
    render(this, '');
    if (this.returnFocus?.isConnected) this.returnFocus.focus();
  }

  filter() {
    const q = this.input.value.trim();
    const words = norm(q).split(/\s+/).filter(Boolean);
    this.items = this.all.filter((e) => words.every((w) => norm(`${e.label} ${e.keywords}`).includes(w)));
    if (q) this.items.push({ group: 'palette.ask', icon: 'spark', label: t('palette.askItem', { text: q }), run: () => copilot({ prompt: q, send: true }), ask: true });
    this.index = Math.min(this.index, Math.max(0, this.items.length - 1));
    const list = this.querySelector('ul');
    let group = null;
    render(list, this.items.map((e, i) => {
      const head = e.group !== group ? html`<li class="group" role="presentation">${t(e.group)}</li>` : '';
      group = e.group;
      return html`${head}<li class="item" role="option" id="cp-palette-${i}" data-index="${i}" aria-selected="${i === this.index}" ${e.ask ? html`data-ask` : ''}>
        ${icon(e.icon, 16)}<span>${e.label}</span>${e.risk && e.risk !== 'read' ? html`<small>${t(`card.risk.${e.risk}`)}</small>` : ''}</li>`;
    }));
    if (!this.items.length) render(list, html`<li class="empty">${t('palette.empty')}</li>`);
    list.querySelectorAll('.item').forEach((li) => li.addEventListener('click', () => this.run(Number(li.dataset.index))));
    this.input.setAttribute('aria-activedescendant', `cp-palette-${this.index}`);
    list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  key(e) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = this.items.length;
      if (n) this.index = (this.index + (e.key === 'ArrowDown' ? 1 : -1) + n) % n;
      this.filter();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this.run(this.index);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    }
  }

  run(i) {
    const item = this.items[i];
    if (!item) return;
    this.returnFocus = null;
    this.close();
    item.run();
  }
}

customElements.define('cp-palette', CommandPalette);
