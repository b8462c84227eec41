// channel-accounts.js — <cp-channel-accounts>: the store's own WhatsApp, Messenger and Instagram accounts (owner and
// admin): business id, verify token, app secret and access token — secrets are write-only, shown only as "set".
import { api } from './api.js';
import { html, render } from './dom.js';
import { t } from './i18n.js';

class ChannelAccounts extends HTMLElement {
  connectedCallback() { this.load(); }

  async load() {
    try {
      // The role as the server sees it for this session's token (the app's cached user may be a moment behind).
      if (!['owner', 'admin'].includes((await api('/v1/me')).role)) return;
      this.draw((await api('/v1/channels')).items);
    } catch { /* unavailable: nothing to show */ }
  }

  draw(items) {
    const secret = (name, set) => html`<label>${t(`channels.${name}`)}<input type="password" name="${name}" autocomplete="off"
      placeholder="${set ? t('channels.isSet') : ''}"></label>`;
    render(this, html`<section class="card"><h2 class="card-title">${t('channels.title')}</h2><div class="card-body">
      <p class="small muted">${t('channels.hint')}</p>
      ${items.map((c) => html`<form class="form" data-channel-form="${c.channel}"><fieldset><legend>${t(`inbox.channel.${c.channel}`)}</legend>
        <p class="small">${t('channels.webhook')} <code>${location.origin}${c.webhookPath}</code></p>
        <div class="grid-2">
          <label>${t('channels.account')}<input name="externalAccountId" value="${c.externalAccountId ?? ''}" maxlength="100"></label>
          ${secret('verifyToken', c.verifyTokenSet)}${secret('appSecret', c.appSecretSet)}${secret('accessToken', c.accessTokenSet)}
        </div>
        <label class="check"><input type="checkbox" name="enabled" ${c.enabled ? 'checked' : ''}> ${t('channels.enabled')}</label>
        <div class="actions"><button class="btn" type="submit">${t('agents.save')}</button><span class="small muted" data-status role="status"></span></div>
      </fieldset></form>`)}</div></section>`);
    this.querySelectorAll('[data-channel-form]').forEach((form) => form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = form.elements;
      const body = { externalAccountId: f.externalAccountId.value.trim(), enabled: f.enabled.checked };
      for (const name of ['verifyToken', 'appSecret', 'accessToken']) if (f[name].value) body[name] = f[name].value;
      try {
        await api(`/v1/channels/${form.dataset.channelForm}`, { method: 'PUT', body });
        await this.load();
        this.querySelector(`[data-channel-form="${form.dataset.channelForm}"] [data-status]`).textContent = t('agents.saved');
      } catch (err) { form.querySelector('[data-status]').textContent = err.message; }
    }));
  }
}

customElements.define('cp-channel-accounts', ChannelAccounts);
