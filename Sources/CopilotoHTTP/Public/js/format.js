// format.js — money, numbers, dates and day keys in the user's language and the store's time zone.
import { getLang } from './i18n.js';

let timeZone = 'America/Sao_Paulo';
let currency = 'BRL';

/** Sets the store's time zone and currency (from /v1/settings/store). */
export function setStoreFormat(settings = {}) {
  if (settings.timezone) timeZone = settings.timezone;
  if (settings.currency) currency = settings.currency;
}

export const storeTimeZone = () => timeZone;

export function money(value, cur = currency) {
  const n = Number(value);
  if (!Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(getLang(), { style: 'currency', currency: cur || currency }).format(n);
}

export function usd(value) {
  const n = Number(value) || 0;
  return new Intl.NumberFormat(getLang(), { style: 'currency', currency: 'USD', maximumFractionDigits: n && n < 0.01 ? 5 : 2 }).format(n);
}

export function number(value) {
  return new Intl.NumberFormat(getLang()).format(Number(value) || 0);
}

export function dateTime(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(getLang(), { dateStyle: 'short', timeStyle: 'short', timeZone }).format(new Date(iso));
}

export function date(iso) {
  if (!iso) return '—';
  // A bare day (YYYY-MM-DD) is a calendar date, not an instant: format it without shifting time zones.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const [y, m, d] = iso.split('-').map(Number);
    return new Intl.DateTimeFormat(getLang(), { dateStyle: 'short', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
  }
  return new Intl.DateTimeFormat(getLang(), { dateStyle: 'short', timeZone }).format(new Date(iso));
}

export function time(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(getLang(), { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** The calendar day (YYYY-MM-DD) of an instant in the store's time zone. */
export function dayKey(when = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(when));
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The day `n` days after the YYYY-MM-DD `day` (negative goes back). */
export function addDays(day, n) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** A short day label ("21/11", "Nov 21") for chart axes. */
export function shortDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(getLang(), { day: '2-digit', month: getLang() === 'en' ? 'short' : '2-digit', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** "mm:ss" for countdowns. */
export function countdown(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The instant (ISO) at which the YYYY-MM-DD `day` starts in the store's time zone. */
export function dayStart(day) {
  const [y, m, d] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
    .formatToParts(new Date(guess));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (local - guess)).toISOString();
}
