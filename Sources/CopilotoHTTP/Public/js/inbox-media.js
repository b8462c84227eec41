// inbox-media.js — what the inbox shows of WhatsApp as it really is: customers' photos, files and voice notes
// (fetched with the bearer token, so never by a bare URL), a voice note's transcript, delivery ticks, the 24-hour
// window's remaining time and, once it is closed, a picker of approved templates instead of free text.
import { api, getToken } from './api.js';
import { html } from './dom.js';
import { t } from './i18n.js';

const WINDOW_MS = 24 * 3600 * 1000;

/** The message's body: text, media (with a placeholder the loader fills) and a voice note's transcript. */
export function messageBody(m) {
  const media = m.media;
  if (!media) return html`<div class="msg-text">${m.text}</div>`;
  const caption = m.text ? html`<div class="msg-text">${m.text}</div>` : '';
  if (media.url && media.state === 'stored') {
    const kind = media.type === 'audio' ? 'audio' : ['image', 'sticker'].includes(media.type) ? 'image' : media.type === 'video' ? 'video' : 'file';
    const transcript = media.type === 'audio'
      ? html`<div class="small transcript" data-transcript>${media.transcript ? `“${media.transcript}”` : t('wa.noTranscript')}</div>` : '';
    return html`<div class="msg-media" data-media="${kind}" data-src="${media.url}" data-mime="${media.mime_type ?? ''}">
      <span class="small muted">${t(`wa.media.${kind}`)}${media.filename ? ` · ${media.filename}` : ''}</span></div>${transcript}${caption}`;
  }
  if (media.state === 'pending') return html`<div class="small muted" data-media-pending>${t('wa.fetching')}</div>${caption}`;
  if (media.state === 'refused' || media.state === 'failed') return html`<div class="small warn">${t('wa.mediaFailed')}</div>${caption}`;
  if (media.type === 'template') return html`<div class="msg-text">${m.text}</div><span class="badge" data-template>${t('wa.template')}: ${media.name}</span>`;
  return html`<div class="msg-text">${m.text || `[${media.type}]`}</div>`;
}

/** Downloads each shown file with the token and puts it in an image, video or audio player, or a download link. */
export async function hydrateMedia(root) {
  for (const box of root.querySelectorAll('[data-media][data-src]:not([data-loaded])')) {
    box.dataset.loaded = '1';
    try {
      const res = await fetch(box.dataset.src, { headers: { Authorization: `Bearer ${getToken()}` } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const url = URL.createObjectURL(await res.blob());
      const kind = box.dataset.media;
      const el = document.createElement(kind === 'image' ? 'img' : kind === 'audio' ? 'audio' : kind === 'video' ? 'video' : 'a');
      if (kind === 'file') { el.href = url; el.download = 'arquivo'; el.textContent = t('wa.download'); } else { el.src = url; }
      if (kind === 'audio' || kind === 'video') el.controls = true;
      if (kind === 'image') el.alt = t('wa.media.image');
      box.append(el);
    } catch { box.append(Object.assign(document.createElement('span'), { className: 'small warn', textContent: t('wa.mediaFailed') })); }
  }
}

/** Delivery ticks of an outgoing message: ✓ sent, ✓✓ delivered, blue ✓✓ read (or played), ⚠ failed with the reason. */
export function ticks(m) {
  if (m.sender === 'contact' || m.isInternal) return '';
  const marks = { queued: '🕓', sent: '✓', delivered: '✓✓', read: '✓✓', played: '✓✓', failed: '⚠' };
  const reason = m.failureReason ? t(m.failureReason.startsWith('outside_24h_window') ? 'wa.reason.window' : 'wa.reason.meta', { reason: m.failureReason }) : '';
  return html` <span class="ticks ${m.status}" data-ticks="${m.status}" title="${t(`inbox.msgStatus.${m.status}`)}">${marks[m.status] ?? ''}</span>${reason
    ? html` <span class="small warn" data-failure>${reason}</span>` : ''}`;
}

/** Milliseconds left in the customer's 24-hour window (null for web chat or before they wrote). */
export function windowLeft(conversation, now = Date.now()) {
  if (conversation.channel === 'webchat' || !conversation.lastInboundAt) return null;
  return Date.parse(conversation.lastInboundAt) + WINDOW_MS - now;
}

/** The window's line in the thread header. */
export function windowBadge(conversation) {
  const left = windowLeft(conversation);
  if (left === null) return '';
  if (left <= 0) return html` · <span class="badge warn" data-window="closed">${t('wa.windowClosed')}</span>`;
  const h = Math.floor(left / 3600000), min = Math.floor((left % 3600000) / 60000);
  return html` · <span class="badge" data-window="open">${t('wa.windowLeft', { time: h ? `${h} h ${min} min` : `${min} min` })}</span>`;
}

/** The composer once the window is closed: an approved template and its variables. */
export async function templateComposer() {
  let templates = [];
  try { templates = (await api('/v1/whatsapp/templates')).items.filter((x) => x.status === 'APPROVED'); } catch { templates = []; }
  if (!templates.length) return html`<div class="empty small" data-no-templates>${t('wa.noTemplates')}</div>`;
  return html`<form class="composer" data-template-form>
    <label class="small">${t('wa.pickTemplate')} <select name="template" data-template-select>${templates.map((x) => html`
      <option value="${x.name}|${x.language}" data-variables="${x.variables}" data-body="${x.body}">${x.name} (${x.language})</option>`)}</select></label>
    <div class="small muted" data-template-body>${templates[0].body}</div>
    <div data-variables>${variableInputs(templates[0].variables)}</div>
    <button class="btn primary" type="submit">${t('wa.sendTemplate')}</button></form>`;
}

export function variableInputs(count) {
  return Array.from({ length: count }, (_, i) => html`<input name="v${i + 1}" required placeholder="{{${i + 1}}}" aria-label="{{${i + 1}}}">`);
}

/** The body to POST for the chosen template and the typed variables. */
export function templateRequest(form) {
  const [name, language] = form.elements.template.value.split('|');
  const count = Number(form.elements.template.selectedOptions[0].dataset.variables || 0);
  const variables = Array.from({ length: count }, (_, i) => form.elements[`v${i + 1}`].value.trim());
  return { template: { name, language, variables } };
}
