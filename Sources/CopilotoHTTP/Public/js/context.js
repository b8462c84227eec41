// context.js — the ONE helper pages use to tell the copilot where the user is (seed 003):
//   setPageContext({ page, pattern, params, title, entity: { type, id, data } })
// plus the remembered on/off context toggle and `assistField`, which marks a text field for the Ctrl+. popup.

const TOGGLE_KEY = 'copiloto.contextEnabled';
let current = { page: 'dashboard', pattern: '#/', params: {}, title: '' };

/** Declares the current page's context; the copilot sends it with each message while the toggle is on. */
export function setPageContext(ctx) {
  current = { page: ctx.page, pattern: ctx.pattern || '', params: ctx.params || {}, title: ctx.title || '' };
  if (ctx.entity) current.entity = ctx.entity;
  document.dispatchEvent(new CustomEvent('cp:context', { detail: current }));
}

/** The context as the API expects it (`page`, `pattern`, `params`, `entity`). */
export function getPageContext() {
  const { title, ...ctx } = current;
  return structuredClone(ctx);
}

export const pageTitle = () => current.title;

export function contextEnabled() {
  return localStorage.getItem(TOGGLE_KEY) !== 'false';
}

export function setContextEnabled(on) {
  localStorage.setItem(TOGGLE_KEY, on ? 'true' : 'false');
  document.dispatchEvent(new CustomEvent('cp:context-toggle', { detail: on }));
}

/** Marks a textarea or input so Ctrl+. opens the quick-assist popup on it. */
export function assistField(el, fieldId) {
  el.setAttribute('data-copiloto-assist', fieldId);
  return el;
}
