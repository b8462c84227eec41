// whatsapp-strings.js — texts of WhatsApp media, voice notes, delivery ticks, the 24-hour window and templates.
export const WHATSAPP_STRINGS = {
  'pt-BR': {
    'wa.media.image': 'Foto', 'wa.media.audio': 'Áudio', 'wa.media.video': 'Vídeo', 'wa.media.file': 'Arquivo',
    'wa.download': 'Baixar arquivo', 'wa.fetching': 'Baixando a mídia do WhatsApp…', 'wa.mediaFailed': 'Não foi possível baixar esta mídia.',
    'wa.noTranscript': 'Sem transcrição (configure um serviço de transcrição).', 'wa.template': 'Modelo',
    'wa.reason.window': 'Não enviada: passaram 24 h desde a última mensagem do cliente. Use um modelo aprovado.',
    'wa.reason.meta': 'Recusada pelo WhatsApp ({reason}).',
    'wa.windowLeft': 'Janela de 24 h: restam {time}', 'wa.windowClosed': 'Janela de 24 h fechada: só modelos aprovados',
    'wa.noTemplates': 'Janela de 24 h fechada e nenhum modelo aprovado sincronizado. Sincronize os modelos nas configurações.',
    'wa.pickTemplate': 'Modelo aprovado', 'wa.sendTemplate': 'Enviar modelo', 'inbox.msgStatus.played': 'ouvida',
  },
  en: {
    'wa.media.image': 'Photo', 'wa.media.audio': 'Voice note', 'wa.media.video': 'Video', 'wa.media.file': 'File',
    'wa.download': 'Download file', 'wa.fetching': 'Fetching the media from WhatsApp…', 'wa.mediaFailed': 'This media could not be fetched.',
    'wa.noTranscript': 'No transcript (set up a transcription service).', 'wa.template': 'Template',
    'wa.reason.window': "Not sent: 24 h have passed since the customer's last message. Use an approved template.",
    'wa.reason.meta': 'Refused by WhatsApp ({reason}).',
    'wa.windowLeft': '24-hour window: {time} left', 'wa.windowClosed': '24-hour window closed: approved templates only',
    'wa.noTemplates': '24-hour window closed and no approved template synced. Sync the templates in the settings.',
    'wa.pickTemplate': 'Approved template', 'wa.sendTemplate': 'Send template', 'inbox.msgStatus.played': 'played',
  },
};
