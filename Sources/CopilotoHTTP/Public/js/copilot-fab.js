// copilot-fab.js — <cp-copilot-fab>: the round button fixed 24px from the bottom-right corner of every page
// (seed 000) that opens the copilot's chat window.
import { html, render, icon } from './dom.js';
import { t } from './i18n.js';

class CopilotFab extends HTMLElement {
  connectedCallback() {
    render(this, html`<button class="fab" type="button" aria-label="${t('copilot.open')}" title="${t('copilot.open')}" aria-haspopup="dialog">${icon('spark', 26)}</button>`);
    this.querySelector('button').addEventListener('click', () => document.dispatchEvent(new CustomEvent('cp:copilot-open', { detail: { docked: false, focus: true } })));
  }
}

customElements.define('cp-copilot-fab', CopilotFab);
