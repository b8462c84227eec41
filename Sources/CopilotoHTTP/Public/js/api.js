// api.js — the one door to the Copiloto HTTP API: bearer token (sessionStorage, or localStorage when the user
// asked to stay signed in; never in URLs), Accept-Language, JSON errors, and a fetch-based SSE reader
// (EventSource cannot POST or send headers).
import { getLang } from './i18n.js';

const TOKEN_KEY = 'copiloto.token';

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY) || localStorage.getItem(TOKEN_KEY);
}

export function setToken(token, remember = false) {
  clearToken();
  (remember ? localStorage : sessionStorage).setItem(TOKEN_KEY, token);
}

export function clearToken() {
  sessionStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(TOKEN_KEY);
}

/** An error answer of the API: `status`, `code`, `message` (already in the user's language), `details`. */
export class ApiError extends Error {
  constructor(status, body, retryAfter) {
    const err = body?.error || {};
    super(err.message || `HTTP ${status}`);
    this.status = status;
    this.code = err.code || 'http_error';
    this.details = err.details || {};
    this.retryAfter = retryAfter ? Number(retryAfter) : null;
  }
}

function headers(extra = {}) {
  const h = { 'Accept-Language': getLang(), Accept: 'application/json', ...extra };
  const token = getToken();
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

async function failure(res) {
  let body = null;
  try { body = await res.json(); } catch { body = null; }
  if (res.status === 401 && getToken()) {
    clearToken();
    document.dispatchEvent(new CustomEvent('cp:unauthenticated'));
  }
  return new ApiError(res.status, body, res.headers.get('Retry-After'));
}

/** Calls a JSON endpoint; resolves with the parsed body (null for 204), rejects with ApiError. */
export async function api(path, { method = 'GET', body, signal } = {}) {
  const init = { method, headers: headers(body !== undefined ? { 'Content-Type': 'application/json' } : {}), signal };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(path, init);
  if (!res.ok) throw await failure(res);
  if (res.status === 204) return null;
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

/** Builds a query string from an object, skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Runs a read action through `/v1/actions/{name}/prepare` and returns its result. */
export async function runRead(name, params = {}) {
  const res = await api(`/v1/actions/${encodeURIComponent(name)}/prepare`, { method: 'POST', body: { params } });
  return res.result;
}

function parseFrame(frame, onEvent) {
  let event = 'message';
  const data = [];
  for (const line of frame.split('\n')) {
    if (!line || line.startsWith(':')) continue;
    const idx = line.indexOf(':');
    const field = idx < 0 ? line : line.slice(0, idx);
    const value = idx < 0 ? '' : line.slice(idx + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (!data.length) return;
  let payload = data.join('\n');
  try { payload = JSON.parse(payload); } catch { /* keep the text */ }
  onEvent(event, payload);
}

/**
 * POSTs `body` with `Accept: text/event-stream` and calls `onEvent(name, data)` for each SSE event as it arrives.
 * A server answering JSON instead is passed through as one `json` event.
 */
export async function stream(path, body, onEvent, { signal, method = 'POST' } = {}) {
  const res = await fetch(path, method === 'GET'
    ? { method, signal, headers: headers({ Accept: 'text/event-stream' }) }
    : { method, signal, body: JSON.stringify(body), headers: headers({ 'Content-Type': 'application/json', Accept: 'text/event-stream' }) });
  if (!res.ok) throw await failure(res);
  if (!(res.headers.get('Content-Type') || '').includes('text/event-stream')) {
    onEvent('json', await res.json());
    return;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    // Normalise CRLF/CR line ends, holding back a trailing CR that may pair with the next chunk's LF.
    const hold = buffer.endsWith('\r') ? '\r' : '';
    buffer = buffer.slice(0, buffer.length - hold.length).replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      parseFrame(buffer.slice(0, end), onEvent);
      buffer = buffer.slice(end + 2);
    }
    buffer += hold;
  }
  if (buffer.trim()) parseFrame(buffer.replace(/\r\n?/g, '\n'), onEvent);
}
