// approvals-strings.js — texts of the approvals list (proposals from integrations and AI agents).
export const APPROVALS_STRINGS = {
  'pt-BR': {
    'nav.approvals': 'Aprovações', 'approvals.title': 'Aprovações',
    'approvals.subtitle': 'Mudanças propostas por integrações (tokens de API, MCP) e agentes de IA. Nada muda até alguém aprovar.',
    'approvals.empty': 'Nenhuma proposta esperando aprovação.', 'approvals.from': 'Proposta por {origin}',
    'approvals.origin.integration': 'integração', 'approvals.origin.aiAgent': 'agente de IA',
    'approvals.at': 'em {when}', 'approvals.badge': '{count} aguardando aprovação',
  },
  en: {
    'nav.approvals': 'Approvals', 'approvals.title': 'Approvals',
    'approvals.subtitle': 'Changes proposed by integrations (API tokens, MCP) and AI agents. Nothing changes until someone approves.',
    'approvals.empty': 'No proposals waiting for approval.', 'approvals.from': 'Proposed by {origin}',
    'approvals.origin.integration': 'integration', 'approvals.origin.aiAgent': 'AI agent',
    'approvals.at': 'at {when}', 'approvals.badge': '{count} waiting for approval',
  },
};
