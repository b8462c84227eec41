// login-page.js — <cp-login-page>: e-mail/password sign-in with one-click demo accounts and a language switch.
import { api, setToken } from './api.js';
import { html, render, icon } from './dom.js';
import { t, getLang, setLang, roleName } from './i18n.js';

const DEMO = ['owner', 'admin', 'manager', 'editor', 'finance', 'attendant', 'assistant', 'viewer']
  .map((role) => ({ email: `${role}@demo.local`, role, tenant: 'demo' }))
  .concat([{ email: 'owner@outra.local', role: 'owner', tenant: 'outra' }]);
const PASSWORD = 'demo1234';

class LoginPage extends HTMLElement {
  connectedCallback() { this.render(); }

  render() {
    const lang = getLang();
    render(this, html`
      <div class="login">
        <section class="login-hero">
          <div class="brand"><span class="brand-mark">${icon('spark', 18)}</span> Copiloto</div>
          <div class="stack">
            <h1>${t('app.tagline')}</h1>
            <p class="hero-extra">${lang === 'en'
              ? 'Ask in plain language, get answers from your real CRM data and run actions with a preview and your confirmation.'
              : 'Pergunte do seu jeito, receba respostas com os dados reais do CRM e execute ações sempre com prévia e confirmação.'}</p>
          </div>
          <p class="small hero-extra">⌘K · Ctrl+. · @ #</p>
        </section>
        <section class="login-form">
          <div class="login-card">
            <div class="row" style="justify-content:space-between">
              <h2>${t('login.title')}</h2>
              <div class="lang-switch" role="group" aria-label="${t('header.language')}">
                <button type="button" data-lang="pt-BR" aria-pressed="${lang === 'pt-BR'}">PT</button>
                <button type="button" data-lang="en" aria-pressed="${lang === 'en'}">EN</button>
              </div>
            </div>
            <p class="muted" style="margin:0">${t('login.subtitle')}</p>
            <form novalidate>
              <label class="field">${t('login.email')}<input type="email" name="email" id="login-email" autocomplete="username" required></label>
              <label class="field">${t('login.password')}<input type="password" name="password" id="login-password" autocomplete="current-password" required></label>
              <label class="check"><input type="checkbox" name="remember"> ${t('login.remember')}</label>
              <div class="form-error" role="alert" hidden></div>
              <button class="btn primary" type="submit" id="login-submit">${t('login.submit')}</button>
            </form>
            <div class="stack">
              <h3>${t('login.demo')}</h3>
              <p class="muted small" style="margin:0">${t('login.demoHint', { password: PASSWORD })}</p>
              <div class="demo-list">
                ${DEMO.map((d) => html`<button type="button" data-email="${d.email}"><b>${roleName(d.role)}${d.tenant === 'outra' ? ' · outra' : ''}</b>${d.email}</button>`)}
              </div>
            </div>
          </div>
        </section>
      </div>`);
    const form = this.querySelector('form');
    form.addEventListener('submit', (e) => { e.preventDefault(); this.submit(form); });
    this.querySelectorAll('[data-email]').forEach((b) => b.addEventListener('click', () => {
      form.email.value = b.dataset.email;
      form.password.value = PASSWORD;
      form.querySelector('button[type=submit]').focus();
    }));
    this.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => setLang(b.dataset.lang)));
    form.email.focus();
  }

  async submit(form) {
    const error = this.querySelector('.form-error');
    const button = form.querySelector('button[type=submit]');
    error.hidden = true;
    button.disabled = true;
    button.textContent = t('login.busy');
    try {
      const res = await api('/v1/auth/login', { method: 'POST', body: { email: form.email.value.trim(), password: form.password.value } });
      setToken(res.token, form.remember.checked);
      document.dispatchEvent(new CustomEvent('cp:signed-in'));
    } catch (e) {
      error.textContent = e.status === 401 ? t('login.failed') : e.message;
      error.hidden = false;
      button.disabled = false;
      button.textContent = t('login.submit');
    }
  }
}

customElements.define('cp-login-page', LoginPage);
