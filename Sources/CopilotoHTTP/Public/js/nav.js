// nav.js — the app's pages: route, label, icon, group and the roles that see them (the API checks again).
import { state } from './state.js';

export const NAV = [
  { id: 'dashboard', route: '#/', label: 'nav.dashboard', icon: 'home', group: 'nav.crm' },
  { id: 'customers', route: '#/customers', label: 'nav.customers', icon: 'users', group: 'nav.crm' },
  { id: 'products', route: '#/products', label: 'nav.products', icon: 'box', group: 'nav.crm' },
  { id: 'orders', route: '#/orders', label: 'nav.orders', icon: 'cart', group: 'nav.crm' },
  { id: 'invoices', route: '#/invoices', label: 'nav.invoices', icon: 'receipt', group: 'nav.crm',
    roles: ['owner', 'admin', 'manager', 'finance', 'attendant'] },
  { id: 'agenda', route: '#/agenda', label: 'nav.agenda', icon: 'calendar', group: 'nav.crm' },
  { id: 'tickets', route: '#/tickets', label: 'nav.tickets', icon: 'ticket', group: 'nav.crm' },
  { id: 'inbox', route: '#/inbox', label: 'nav.inbox', icon: 'chat', group: 'nav.service',
    roles: ['owner', 'admin', 'manager', 'attendant', 'assistant', 'viewer'] },
  { id: 'ai-agents', route: '#/ai-agents', label: 'nav.aiAgents', icon: 'shield', group: 'nav.service',
    roles: ['owner', 'admin', 'manager'] },
  { id: 'insights', route: '#/insights', label: 'nav.insights', icon: 'spark', group: 'nav.service',
    roles: ['owner', 'admin', 'manager', 'attendant', 'assistant', 'viewer'] },
  { id: 'copilots', route: '#/copilots', label: 'nav.copilots', icon: 'spark', group: 'nav.service',
    roles: ['owner', 'admin', 'manager'] },
  { id: 'approvals', route: '#/approvals', label: 'nav.approvals', icon: 'check', group: 'nav.admin',
    visible: () => state.actions.some((a) => a.risk !== 'read') },
  { id: 'knowledge', route: '#/knowledge', label: 'nav.knowledge', icon: 'list', group: 'nav.service' },
  { id: 'audit', route: '#/audit', label: 'nav.audit', icon: 'list', group: 'nav.admin', roles: ['owner', 'admin', 'manager'] },
  { id: 'permissions', route: '#/permissions', label: 'nav.permissions', icon: 'shield', group: 'nav.admin', roles: ['owner', 'admin'] },
  { id: 'usage', route: '#/usage', label: 'nav.usage', icon: 'chart', group: 'nav.admin', roles: ['owner', 'admin', 'manager', 'finance'] },
];

/** The pages the signed-in role may open. */
export const visibleNav = () => NAV.filter((n) => (!n.roles || n.roles.includes(state.user?.role)) && (!n.visible || n.visible()));

/** Splits the hash into route parts: "#/orders/ID" → { section: "orders", id: "ID" }. */
export function parseRoute(hash = location.hash) {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?');
  const [section = '', id = ''] = path.split('/').map(decodeURIComponent);
  return { section: section || 'dashboard', id, query: new URLSearchParams(search) };
}
