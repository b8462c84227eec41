// knowledge-page.js — <cp-knowledge-page>: the tenant's knowledge documents with their indexing status (indexing
// done/total, ready, failed with the reason), refreshed while any is indexing, and an upload form. An upload is
// answered once the text is stored; its chunks are embedded in the background, so the page polls.
import { api, query } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';
import { state } from './state.js';
import { dateTime, number } from './format.js';
import { setPageContext } from './context.js';
import { pageHead, errorBlock } from './ui.js';

const EDITORS = ['owner', 'admin', 'manager', 'editor'];  // manageKnowledge; every role may list
const TONES = { indexing: 'info', ready: 'ok', failed: 'danger' };

/** The status badge of a document: "Indexando 3/40", "Pronto" or "Falhou" (with the reason beside it). */
export function indexBadge(status) {
  if (!status) return '';
  const label = t(`kb.state.${status.state}`, { done: number(status.done), total: number(status.total) });
  return html`<span class="badge ${TONES[status.state] || ''}" data-index-state="${status.state}">${label}</span>${
    status.state === 'failed' && status.reason ? html` <span class="small muted" data-index-reason>${t('kb.failedReason', { reason: status.reason })}</span>` : ''}`;
}

class KnowledgePage extends HTMLElement {
  connectedCallback() {
    setPageContext({ page: 'knowledge', pattern: '#/knowledge', params: {}, title: t('kb.title') });
    const canEdit = EDITORS.includes(state.user?.role);
    render(this, html`${pageHead(t('kb.title'), t('kb.subtitle'))}
      ${canEdit ? html`<section class="card"><h2>${t('kb.add')}</h2>
        <form class="stack" data-upload>
          <label>${t('kb.docTitle')}<input type="text" name="title" required maxlength="300"></label>
          <label>${t('kb.file')}<input type="file" name="file" accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf"></label>
          <label>${t('kb.text')}<textarea name="content" rows="4"></textarea></label>
          <div><button class="btn primary" type="submit">${t('kb.send')}</button> <span class="small muted" data-upload-status></span></div>
        </form></section>` : ''}
      <section class="card"><div class="table-wrap" data-rows></div></section>`);
    this.querySelector('[data-upload]')?.addEventListener('submit', (e) => { e.preventDefault(); this.upload(e.target); });
    this.load();
  }

  disconnectedCallback() { clearTimeout(this.timer); }

  async upload(form) {
    const note = this.querySelector('[data-upload-status]');
    const file = form.file.files[0];
    const text = form.content.value.trim();
    if (!file && !text) { note.textContent = t('kb.needContent'); return; }
    const body = { title: form.title.value.trim() };
    if (file && (file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf'))) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      Object.assign(body, { contentBase64: btoa(binary), format: 'pdf' });
    } else {
      body.content = file ? await file.text() : text;
    }
    note.textContent = t('kb.sending');
    try {
      await api('/v1/knowledge/documents', { method: 'POST', body });
      note.textContent = t('kb.sent');
      form.reset();
      this.load();
    } catch (e) { render(note, errorBlock(e)); }
  }

  async load() {
    clearTimeout(this.timer);
    const box = this.querySelector('[data-rows]');
    if (!box) return;
    try {
      const res = await api(`/v1/knowledge/documents${query({ limit: 100 })}`);
      const items = res.items || [];
      const canEdit = EDITORS.includes(state.user?.role);
      if (!items.length) render(box, html`<div class="empty">${t('list.empty')}</div>`);
      else {
        render(box, html`<table class="data"><thead><tr><th>${t('kb.docTitle')}</th><th>${t('col.status')}</th>
          <th class="num hide-sm">${t('kb.chunks')}</th><th class="hide-sm">${t('col.created')}</th>${canEdit ? html`<th></th>` : ''}</tr></thead>
          <tbody>${items.map((d) => html`<tr data-document="${d.id}"><td>${d.title}</td><td>${indexBadge(d.indexStatus)}</td>
            <td class="num hide-sm">${d.indexStatus ? number(d.indexStatus.total) : '—'}</td><td class="hide-sm muted">${dateTime(d.createdAt)}</td>
            ${canEdit ? html`<td><button class="btn sm ghost" type="button" data-delete="${d.id}">${t('kb.delete')}</button></td>` : ''}</tr>`)}</tbody></table>`);
        box.querySelectorAll('[data-delete]').forEach((b) => b.addEventListener('click', () => this.remove(items.find((d) => d.id === b.dataset.delete))));
      }
      // While anything is being indexed, show its progress as it goes.
      if (items.some((d) => d.indexStatus?.state === 'indexing') && this.isConnected) this.timer = setTimeout(() => this.load(), 2000);
    } catch (e) { render(box, errorBlock(e)); }
  }

  async remove(doc) {
    if (!doc || !confirm(t('kb.deleteConfirm', { title: doc.title }))) return;
    try { await api(`/v1/knowledge/documents/${doc.id}`, { method: 'DELETE' }); this.load(); } catch (e) { render(this.querySelector('[data-rows]'), errorBlock(e)); }
  }
}

customElements.define('cp-knowledge-page', KnowledgePage);
