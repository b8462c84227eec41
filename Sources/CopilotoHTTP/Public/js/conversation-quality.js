// conversation-quality.js — <cp-conversation-quality data-conversation-id>: in the conversation header, the CX score
// (1–5, its reasons on hover) once the conversation closed, and the AI-agent version that answered
// (GET /v1/conversations/{id}/quality).
import { api } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';

class ConversationQuality extends HTMLElement {
  async connectedCallback() {
    try {
      const q = await api(`/v1/conversations/${this.dataset.conversationId}/quality`);
      const tone = !q.cx ? '' : q.cx.score >= 4 ? 'ok' : q.cx.score === 3 ? 'warn' : 'danger';
      render(this, html`${q.cx ? html` <span class="badge ${tone}" data-cx="${q.cx.score}" title="${q.cx.reasons.join(' · ')}">
          ${t('evals.cx', { score: q.cx.score })}</span>` : ''}
        ${q.agentVersion ? html` <span class="badge" data-agent-version="${q.agentVersion}">${t('evals.answeredBy', { n: q.agentVersion })}</span>` : ''}`);
    } catch { render(this, ''); }
  }
}

customElements.define('cp-conversation-quality', ConversationQuality);
