// chat-suggestions.js — <cp-chat-suggestions>: quick chips for the current page and role. Asks the server
// (GET /v1/assistant/suggestions?page=) and falls back to a local list; either way a chip tied to an action is
// shown only when the role may run it (GET /v1/actions). Emits `cp-suggest` {prompt, fill}.
import { api, query } from './api.js';
import { html, render } from './dom.js';
import { getLang } from './i18n.js';
import { can } from './state.js';
import { getPageContext } from './context.js';

let serverSuggestions = true;

const L = (pt, en) => (getLang() === 'en' ? en : pt);

function local(page, entity) {
  const s = (label, prompt, action, fill = false) => ({ label, prompt, action, fill });
  const data = entity?.data || {};
  const common = [
    s(L('Resumo financeiro do mês', 'Financial summary'), L('resumo financeiro do mês', 'financial summary for the month'), 'fetchKpis'),
    s(L('Consultar a agenda', 'Check the agenda'), L('consultar agenda', 'show the agenda'), 'listAgenda'),
  ];
  const byPage = {
    dashboard: [s(L('Cadastrar cliente', 'Add a customer'), L('cadastra o cliente ', 'create customer '), 'createCustomer', true),
      s(L('Relatório de vendas', 'Sales report'), L('relatório de vendas', 'sales report'), 'salesReport'),
      s(L('Estoque baixo', 'Low stock'), L('produtos com estoque baixo', 'inventory report'), 'inventoryReport')],
    customers: [s(L('Cadastrar cliente', 'Add a customer'), L('cadastra o cliente ', 'create customer '), 'createCustomer', true),
      s(L('Relatório de clientes', 'Customers report'), L('relatório de clientes', 'customers report'), 'customersReport')],
    products: [s(L('Relatório de estoque', 'Inventory report'), L('relatório de estoque', 'inventory report'), 'inventoryReport'),
      s(L('Reajustar preços', 'Adjust prices'), L('aumenta em 10% o preço de todos os produtos', 'raise all product prices by 10%'), 'bulkUpdateProductsPrice', true)],
    orders: [s(L('Mudar status de pedido', 'Change an order status'), L('muda o pedido #', 'set order #'), 'updateOrderStatus', true),
      s(L('Relatório de vendas', 'Sales report'), L('relatório de vendas', 'sales report'), 'salesReport')],
    invoices: [s(L('Gerar fatura', 'Create an invoice'), L('gera uma fatura para ', 'create an invoice for '), 'createInvoice', true)],
    agenda: [s(L('Agendar serviço', 'Book a service'), L('agenda um corte para ', 'book a haircut for '), 'scheduleJob', true)],
    tickets: [s(L('Escalar chamado', 'Escalate a ticket'), L('escala o chamado #', 'escalate ticket #'), 'escalateTicket', true)],
  };
  const section = page.split('.')[0];
  const list = [...(byPage[section] || []), ...common];
  if (page === 'orders.detail' && data.number) {
    list.unshift(s(L(`Marcar #${data.number} como pago`, `Mark #${data.number} as paid`), L(`muda o pedido #${data.number} para pago`, `set order #${data.number} to paid`), 'updateOrderStatus'));
  }
  if (page === 'customers.detail' && data.name) {
    list.unshift(s(L('Anotar neste cliente', 'Add a note'), L(`anota no cliente ${data.name}: `, `add a note to ${data.name}: `), 'addNoteToClient', true));
  }
  return list;
}

class ChatSuggestions extends HTMLElement {
  connectedCallback() {
    this.setAttribute('role', 'group');
    this.onContext = () => this.load();
    document.addEventListener('cp:context', this.onContext);
    this.load();
  }

  disconnectedCallback() { document.removeEventListener('cp:context', this.onContext); }

  async load() {
    const ctx = getPageContext();
    const seq = (this.seq = (this.seq || 0) + 1);
    let items = null;
    if (serverSuggestions) {
      try { items = (await api(`/v1/assistant/suggestions${query({ page: ctx.page })}`)).items; } catch (e) { if (e.status === 404) serverSuggestions = false; }
    }
    if (seq !== this.seq) return;
    items = (items || local(ctx.page || 'dashboard', ctx.entity)).filter((s) => !s.action || can(s.action)).slice(0, 5);
    render(this, items.map((s) => html`<button class="chip" type="button" data-suggestion data-action="${s.action || ''}" data-prompt="${s.prompt}" data-fill="${s.fill ? '1' : ''}">${s.label}</button>`));
    this.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => this.dispatchEvent(new CustomEvent('cp-suggest', {
      detail: { prompt: b.dataset.prompt, fill: !!b.dataset.fill || /[\s#:]$/.test(b.dataset.prompt) }, bubbles: true }))));
  }
}

customElements.define('cp-chat-suggestions', ChatSuggestions);
