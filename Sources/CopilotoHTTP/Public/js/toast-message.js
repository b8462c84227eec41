// toast-message.js — <cp-toast>: a short, polite status message ("Anotação salva.") shown for a few seconds.
import { html, render } from './dom.js';

class ToastMessage extends HTMLElement {
  connectedCallback() {
    this.onToast = (e) => this.show(e.detail);
    document.addEventListener('cp:toast', this.onToast);
    this.setAttribute('role', 'status');
    this.setAttribute('aria-live', 'polite');
  }

  disconnectedCallback() { document.removeEventListener('cp:toast', this.onToast); }

  show(text) {
    render(this, html`<div class="toast">${text}</div>`);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => render(this, ''), 3500);
  }
}

/** Shows a toast from anywhere. */
export const toast = (text) => document.dispatchEvent(new CustomEvent('cp:toast', { detail: text }));

customElements.define('cp-toast', ToastMessage);
