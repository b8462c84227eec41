// knowledge-strings.js — texts of the knowledge base page (documents, upload, indexing status).
export const KNOWLEDGE_STRINGS = {
  'pt-BR': {
    'nav.knowledge': 'Base de conhecimento',
    'kb.title': 'Base de conhecimento', 'kb.subtitle': 'Políticas, FAQ e manuais que o Copiloto e os agentes de IA consultam e citam.',
    'kb.add': 'Adicionar documento', 'kb.docTitle': 'Título', 'kb.file': 'Arquivo (texto, Markdown, HTML ou PDF)',
    'kb.text': 'Ou cole o texto', 'kb.send': 'Enviar', 'kb.sending': 'Enviando…', 'kb.sent': 'Documento recebido; a indexação continua em segundo plano.',
    'kb.needContent': 'Escolha um arquivo ou cole o texto.', 'kb.chunks': 'Trechos',
    'kb.state.indexing': 'Indexando {done}/{total}', 'kb.state.ready': 'Pronto', 'kb.state.failed': 'Falhou',
    'kb.failedReason': 'Motivo: {reason}', 'kb.delete': 'Excluir', 'kb.deleteConfirm': 'Excluir “{title}”?',
  },
  en: {
    'nav.knowledge': 'Knowledge base',
    'kb.title': 'Knowledge base', 'kb.subtitle': 'Policies, FAQs and manuals that Copiloto and the AI agents look up and cite.',
    'kb.add': 'Add a document', 'kb.docTitle': 'Title', 'kb.file': 'File (text, Markdown, HTML or PDF)',
    'kb.text': 'Or paste the text', 'kb.send': 'Upload', 'kb.sending': 'Uploading…', 'kb.sent': 'Document received; indexing goes on in the background.',
    'kb.needContent': 'Choose a file or paste the text.', 'kb.chunks': 'Chunks',
    'kb.state.indexing': 'Indexing {done}/{total}', 'kb.state.ready': 'Ready', 'kb.state.failed': 'Failed',
    'kb.failedReason': 'Reason: {reason}', 'kb.delete': 'Delete', 'kb.deleteConfirm': 'Delete “{title}”?',
  },
};
