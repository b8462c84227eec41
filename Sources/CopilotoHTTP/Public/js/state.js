// state.js — who is signed in: the user (/v1/me), the tenant, the store settings and the actions the role may run.
import { api } from './api.js';
import { setStoreFormat } from './format.js';

export const state = { user: null, tenant: null, actions: [], settings: null };

/** Loads everything the shell needs after sign-in; rejects with ApiError(401) when the token is no good. */
export async function loadSession() {
  const [user, tenant, actions, settings] = await Promise.all([
    api('/v1/me'),
    api('/v1/tenant').catch(() => null),
    api('/v1/actions').catch(() => ({ items: [] })),
    api('/v1/settings/store').catch(() => null),
  ]);
  Object.assign(state, { user, tenant: tenant?.tenant || null, actions: actions.items || [], settings });
  setStoreFormat(settings || {});
  return state;
}

/** Reloads the action list (titles follow the language). */
export async function reloadActions() {
  state.actions = (await api('/v1/actions')).items || [];
}

export const can = (name) => state.actions.some((a) => a.name === name || (a.aliases || []).includes(name));
export const action = (name) => state.actions.find((a) => a.name === name || (a.aliases || []).includes(name));
export const hasRole = (...roles) => roles.includes(state.user?.role);

export function clearSession() {
  Object.assign(state, { user: null, tenant: null, actions: [], settings: null });
}
