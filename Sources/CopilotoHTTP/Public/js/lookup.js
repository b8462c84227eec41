// lookup.js — names for ids shown in lists (orders and invoices carry only customerId), cached per sign-in.
import { api } from './api.js';
import { hasRole } from './state.js';

const names = new Map();
let primed = null;

async function prime() {
  try {
    const page = await api('/v1/customers?limit=200');
    for (const c of page.items) names.set(c.id, c.name);
  } catch { /* a role without customer access sees ids only */ }
}

/** Resolves customer ids to names (missing ones are fetched one by one, a few at a time). */
export async function customerNames(ids) {
  primed ??= prime();
  await primed;
  const missing = [...new Set(ids.filter((id) => id && !names.has(id)))];
  for (let i = 0; i < missing.length; i += 6) {
    await Promise.all(missing.slice(i, i + 6).map(async (id) => {
      try { names.set(id, (await api(`/v1/customers/${id}`)).name); } catch { names.set(id, null); }
    }));
  }
  return names;
}

export const customerName = (id) => names.get(id) || null;

/** Forgets cached names (after sign-out or a new customer). */
export function resetLookup() { names.clear(); primed = null; users = null; }

let users = null;

/** User id (lower-cased) → name: the user list for roles that may read it, else the people mention search. */
export function userNames() {
  users ??= (async () => {
    const map = new Map();
    try {
      const list = hasRole('owner', 'admin', 'manager')
        ? (await api('/v1/users?limit=200')).items
        : (await api('/v1/mentions?type=user&limit=50')).items.map((m) => ({ id: m.id, name: m.label }));
      for (const u of list) map.set(String(u.id).toLowerCase(), u.name);
    } catch { /* ids only */ }
    return map;
  })();
  return users;
}
