// insights-page.js — <cp-insights-page>: the tenant's insight feed, live, filtered by status.
import { html, render } from './dom.js';
import { t } from './i18n.js';
import { setPageContext } from './context.js';
import { pageHead } from './ui.js';

class InsightsPage extends HTMLElement {
  connectedCallback() {
    setPageContext({ page: 'insights', pattern: '#/insights', params: {}, title: t('insights.title') });
    render(this, html`${pageHead(t('insights.title'), t('insights.subtitle'))}
      <form class="toolbar" data-insight-filter><select name="status" aria-label="${t('col.status')}">
        <option value="">${t('insights.all')}</option>
        ${['SUGGESTION', 'APPLIED', 'DISMISSED'].map((s) => html`<option value="${s}">${t(`insights.status.${s}`)}</option>`)}</select></form>
      <cp-insight-feed live></cp-insight-feed>`);
    this.querySelector('form').addEventListener('change', (e) => {
      const feed = this.querySelector('cp-insight-feed');
      if (e.target.value) feed.setAttribute('status', e.target.value); else feed.removeAttribute('status');
      feed.refresh();
    });
  }
}

customElements.define('cp-insights-page', InsightsPage);
