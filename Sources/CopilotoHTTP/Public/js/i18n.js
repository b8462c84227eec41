// i18n.js — pt-BR (default) and English texts; the chosen language is remembered and sent as Accept-Language.
import { STRINGS } from './strings.js';

const KEY = 'copiloto.lang';

/** The current language: "pt-BR" or "en". */
export function getLang() {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'pt-BR';
}

/** Switches the language and tells every component to re-render. */
export function setLang(lang) {
  localStorage.setItem(KEY, lang === 'en' ? 'en' : 'pt-BR');
  document.documentElement.lang = getLang();
  document.dispatchEvent(new CustomEvent('cp:lang', { detail: getLang() }));
}

/** The text for `key` in the current language, with `{name}` placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const table = STRINGS[getLang()] || STRINGS['pt-BR'];
  const text = table[key] ?? STRINGS['pt-BR'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? ''));
}

/** The role's display name ("Gerente", "Manager"). */
export const roleName = (role) => t(`role.${role}`);

/** Status labels of orders, invoices, tickets, agenda entries. */
export const statusName = (status) => t(`status.${status}`);
