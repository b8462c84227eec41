// main.js — the web app's entry point: registers every custom element (one per file) and starts the shell.
import './app-shell.js';
import './login-page.js';
import './app-header.js';
import './app-sidebar.js';
import './toast-message.js';
import './dashboard-page.js';
import './chart-view.js';
import './list-page.js';
import './record-page.js';
import './audit-page.js';
import './permissions-page.js';
import './usage-page.js';
import './inbox-page.js';
import './ai-agents-page.js';
import './copilot-fab.js';
import './copilot-panel.js';
import './chat-log.js';
import './chat-history.js';
import './chat-composer.js';
import './chat-suggestions.js';
import './mention-menu.js';
import './action-card.js';
import './command-palette.js';
import './quick-assist.js';
import { getLang } from './i18n.js';

document.documentElement.lang = getLang();
