// widget.js — the web-chat widget a store embeds on its own site:
//   <script src="https://COPILOTO_HOST/widget.js" data-tenant="demo" data-title="Fale com a gente" async></script>
// A floating button opens a small chat; messages go to POST /v1/channels/webchat/{tenant}/messages and replies are
// fetched from GET …/messages?visitorId=&after= every few seconds. The visitor id is random and kept in
// localStorage, so a returning visitor sees their conversation. The first message's answer carries a signed visitor
// token, kept beside the id and sent as X-Visitor-Token on every later read and write (the id alone gets 401).
// No cookies, no third-party code.
(() => {
  const script = document.currentScript;
  if (!script) return;
  const tenant = script.dataset.tenant;
  if (!tenant) { console.warn('copiloto widget: data-tenant is required'); return; }
  const base = new URL(script.src).origin;
  const endpoint = `${base}/v1/channels/webchat/${encodeURIComponent(tenant)}/messages`;
  const lang = (script.dataset.lang || document.documentElement.lang || navigator.language || 'pt-BR').toLowerCase().startsWith('en') ? 'en' : 'pt';
  const text = {
    pt: { title: script.dataset.title || 'Fale com a gente', placeholder: 'Escreva sua mensagem\u2026', send: 'Enviar', open: 'Abrir o chat',
          close: 'Fechar', failed: 'N\u00e3o foi poss\u00edvel enviar. Tente de novo.' },
    en: { title: script.dataset.title || 'Chat with us', placeholder: 'Type your message\u2026', send: 'Send', open: 'Open chat',
          close: 'Close', failed: 'Could not send. Please try again.' },
  }[lang];
  const key = `copiloto-visitor-${tenant}`;
  const tokenKey = `copiloto-visitor-token-${tenant}`;
  let visitor = localStorage.getItem(key);
  let token = localStorage.getItem(tokenKey);
  function newVisitor() {
    visitor = (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);
    token = null;
    localStorage.setItem(key, visitor);
    localStorage.removeItem(tokenKey);
  }
  if (!visitor) newVisitor();
  const auth = () => (token ? { 'X-Visitor-Token': token } : {});
  let after = 0;
  let timer = null;

  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>
    :host { all: initial; }
    .fab { position: fixed; right: 20px; bottom: 20px; width: 56px; height: 56px; border-radius: 50%; border: 0; cursor: pointer;
      background: ${script.dataset.color || '#4f46e5'}; color: #fff; display: grid; place-items: center; box-shadow: 0 6px 20px rgba(0,0,0,.2); z-index: 2147483000; }
    .panel { position: fixed; right: 20px; bottom: 88px; width: min(360px, calc(100vw - 24px)); height: min(520px, calc(100vh - 120px));
      background: #fff; border-radius: 14px; box-shadow: 0 12px 40px rgba(0,0,0,.25); display: none; flex-direction: column; overflow: hidden;
      font: 14px/1.45 system-ui, sans-serif; color: #111827; z-index: 2147483000; }
    .panel.open { display: flex; }
    header { background: ${script.dataset.color || '#4f46e5'}; color: #fff; padding: 12px 14px; display: flex; justify-content: space-between; align-items: center; }
    header button { background: transparent; border: 0; color: #fff; font-size: 20px; cursor: pointer; }
    ol { list-style: none; margin: 0; padding: 12px; flex: 1; overflow-y: auto; display: flex; flex-direction: column; gap: 8px; }
    li { max-width: 80%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
    li.me { align-self: flex-end; background: #e0e7ff; }
    li.them { align-self: flex-start; background: #f3f4f6; }
    form { display: flex; gap: 6px; padding: 10px; border-top: 1px solid #e5e7eb; }
    input { flex: 1; padding: 9px 10px; border: 1px solid #d1d5db; border-radius: 8px; font: inherit; }
    form button { padding: 0 14px; border: 0; border-radius: 8px; background: ${script.dataset.color || '#4f46e5'}; color: #fff; font: inherit; cursor: pointer; }
    .error { color: #b91c1c; padding: 0 12px 8px; font-size: 12px; }
  </style>
  <button class="fab" type="button" aria-label="${text.open}" data-open><svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M4 5h16v11H9l-5 4z"/></svg></button>
  <section class="panel" role="dialog" aria-label="${text.title}">
    <header><strong>${text.title}</strong><button type="button" aria-label="${text.close}" data-close>&times;</button></header>
    <ol aria-live="polite" data-messages></ol>
    <div class="error" data-error hidden></div>
    <form data-form><input name="text" autocomplete="off" maxlength="4000" placeholder="${text.placeholder}" aria-label="${text.placeholder}">
      <button type="submit">${text.send}</button></form>
  </section>`;
  document.body.appendChild(host);
  const panel = root.querySelector('.panel');
  const list = root.querySelector('[data-messages]');
  const error = root.querySelector('[data-error]');

  function add(message) {
    const item = document.createElement('li');
    item.className = message.sender === 'contact' ? 'me' : 'them';
    item.textContent = message.text || (message.media ? `[${message.media.type}]` : '');
    list.appendChild(item);
    list.scrollTop = list.scrollHeight;
  }

  async function poll() {
    if (!token) return; // no conversation yet
    try {
      const res = await fetch(`${endpoint}?visitorId=${encodeURIComponent(visitor)}&after=${after}`, { headers: auth() });
      if (res.ok) {
        const body = await res.json();
        for (const message of body.items) { add(message); after = Math.max(after, message.seq); }
      }
    } catch { /* offline: try again later */ }
  }

  function open() {
    panel.classList.add('open');
    root.querySelector('input').focus();
    poll();
    clearInterval(timer);
    timer = setInterval(poll, 3000);
  }

  root.querySelector('[data-open]').addEventListener('click', () => (panel.classList.contains('open') ? (panel.classList.remove('open'), clearInterval(timer)) : open()));
  root.querySelector('[data-close]').addEventListener('click', () => { panel.classList.remove('open'); clearInterval(timer); });
  root.querySelector('[data-form]').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = event.target.elements.text;
    const value = input.value.trim();
    if (!value) return;
    input.value = '';
    error.hidden = true;
    const send = () => fetch(endpoint, {
      method: 'POST', headers: { 'Content-Type': 'application/json', ...auth() },
      body: JSON.stringify({ visitorId: visitor, messageId: `${Date.now()}-${Math.random().toString(16).slice(2)}`, text: value }),
    });
    try {
      let res = await send();
      // A thread started before visitor tokens existed cannot be reopened by its id alone: start a fresh one.
      if (res.status === 401) { newVisitor(); after = 0; list.replaceChildren(); res = await send(); }
      if (!res.ok) throw new Error(String(res.status));
      const body = await res.json();
      if (body.visitorToken) { token = body.visitorToken; localStorage.setItem(tokenKey, token); }
      await poll();
    } catch {
      error.textContent = text.failed;
      error.hidden = false;
      input.value = value;
    }
  });
})();
