// permissions-page.js — <cp-permissions-page>: the role × action matrix (GET /v1/settings/permissions), editable
// by owners and admins; saving PUTs only the actions that changed. The owner column is always on.
import { api } from './api.js';
import { html, render } from './dom.js';
import { t, roleName } from './i18n.js';
import { state, reloadActions, hasRole } from './state.js';
import { setPageContext } from './context.js';
import { pageHead, errorBlock } from './ui.js';
import { toast } from './toast-message.js';

const ROLES = ['owner', 'admin', 'manager', 'editor', 'finance', 'attendant', 'assistant', 'viewer'];

class PermissionsPage extends HTMLElement {
  async connectedCallback() {
    setPageContext({ page: 'permissions', pattern: '#/permissions', params: {}, title: t('perm.title') });
    render(this, html`${pageHead(t('perm.title'), t('perm.subtitle'))}<section class="card" data-matrix><div class="empty">${t('common.loading')}</div></section>`);
    if (!hasRole('owner', 'admin')) { render(this.querySelector('[data-matrix]'), html`<div class="empty">${t('perm.noAccess')}</div>`); return; }
    try {
      this.original = (await api('/v1/settings/permissions')).permissions;
      this.current = structuredClone(this.original);
      this.draw();
    } catch (e) {
      render(this.querySelector('[data-matrix]'), e.status === 403 ? html`<div class="empty">${t('perm.noAccess')}</div>` : errorBlock(e));
    }
  }

  changed() {
    return Object.keys(this.current).filter((a) => [...this.current[a]].sort().join() !== [...this.original[a]].sort().join());
  }

  draw() {
    const titles = Object.fromEntries(state.actions.map((a) => [a.name, a.title]));
    const changed = new Set(this.changed());
    render(this.querySelector('[data-matrix]'), html`
      <div class="toolbar"><span class="muted small" style="flex:1" data-changed>${t('perm.changed', { count: changed.size })}</span>
        <button class="btn" type="button" data-reset ${changed.size ? '' : 'disabled'}>${t('perm.reset')}</button>
        <button class="btn primary" type="button" data-save ${changed.size ? '' : 'disabled'}>${t('perm.save')}</button></div>
      <div class="table-wrap"><table class="data matrix"><thead><tr><th>${t('col.action')}</th>${ROLES.map((r) => html`<th class="role">${roleName(r)}</th>`)}</tr></thead>
      <tbody>${Object.keys(this.current).sort().map((a) => html`<tr class="${changed.has(a) ? 'changed' : ''}"><td>${titles[a] ? html`${titles[a]} <span class="muted small">${a}</span>` : a}</td>
        ${ROLES.map((r) => html`<td class="cell"><input type="checkbox" data-action="${a}" data-role="${r}" aria-label="${a}: ${roleName(r)}"
          ${this.current[a].includes(r) ? 'checked' : ''} ${r === 'owner' ? 'disabled' : ''}></td>`)}</tr>`)}</tbody></table></div>`);
    this.querySelectorAll('input[data-action]').forEach((box) => box.addEventListener('change', () => {
      const { action, role } = box.dataset;
      const set = new Set(this.current[action]);
      if (box.checked) set.add(role); else set.delete(role);
      this.current[action] = ROLES.filter((r) => set.has(r));
      this.draw();
      this.querySelector(`input[data-action="${CSS.escape(action)}"][data-role="${role}"]`)?.focus();
    }));
    this.querySelector('[data-reset]').addEventListener('click', () => { this.current = structuredClone(this.original); this.draw(); });
    this.querySelector('[data-save]').addEventListener('click', () => this.save());
  }

  async save() {
    const body = Object.fromEntries(this.changed().map((a) => [a, this.current[a]]));
    try {
      this.original = (await api('/v1/settings/permissions', { method: 'PUT', body })).permissions;
      this.current = structuredClone(this.original);
      await reloadActions();
      toast(t('perm.saved'));
      this.draw();
    } catch (e) { toast(e.message); }
  }
}

customElements.define('cp-permissions-page', PermissionsPage);
