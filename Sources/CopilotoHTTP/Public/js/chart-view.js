// chart-view.js — <cp-chart>: a small SVG line/area or bar chart drawn at the element's real width.
// Set `chart.data = { points: [{ label, value }], kind: 'line' | 'bar', format: (v) => text, title }`.
import { esc } from './dom.js';

const H = 220;
const PAD = { top: 12, right: 12, bottom: 26, left: 56 };

function niceMax(v) {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 1.2, 1.6, 2, 4, 6, 8, 10].map((m) => m * p).find((m) => m >= v) || v;
}

class ChartView extends HTMLElement {
  connectedCallback() {
    this.classList.add('chart');
    this.observer = new ResizeObserver(() => this.draw());
    this.observer.observe(this);
  }

  disconnectedCallback() { this.observer?.disconnect(); }

  set data(value) { this._data = value; this.draw(); }

  draw() {
    const d = this._data;
    const width = Math.max(260, Math.round(this.clientWidth || 600));
    if (!d || !this.isConnected) return;
    if (this._drawnWidth === width && this._drawnData === d) return;
    this._drawnWidth = width;
    this._drawnData = d;
    const fmt = d.format || String;
    const pts = d.points;
    const max = niceMax(Math.max(0, ...pts.map((p) => p.value)));
    const iw = width - PAD.left - PAD.right;
    const ih = H - PAD.top - PAD.bottom;
    const step = iw / Math.max(1, pts.length);
    const x = (i) => PAD.left + step * i + step / 2;
    const y = (v) => PAD.top + ih - (v / max) * ih;
    const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => max * f);
    const every = Math.ceil(pts.length / Math.max(2, Math.floor(iw / 64)));
    let marks = '';
    if (d.kind === 'bar') {
      const bw = Math.max(2, step * 0.62);
      marks = pts.map((p, i) => `<rect class="bar" tabindex="0" x="${x(i) - bw / 2}" y="${y(p.value)}" width="${bw}" height="${Math.max(0, PAD.top + ih - y(p.value))}" rx="3"><title>${esc(p.label)}: ${esc(fmt(p.value))}</title></rect>`).join('');
    } else {
      const line = pts.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join('');
      const area = pts.length ? `${line}L${x(pts.length - 1)},${PAD.top + ih}L${x(0)},${PAD.top + ih}Z` : '';
      marks = `<path class="area" d="${area}"/><path class="line" d="${line}"/>` + pts.map((p, i) =>
        `<rect class="hit" tabindex="0" x="${x(i) - step / 2}" y="${PAD.top}" width="${step}" height="${ih}"><title>${esc(p.label)}: ${esc(fmt(p.value))}</title></rect><circle class="dot" cx="${x(i)}" cy="${y(p.value)}" r="4"/>`).join('');
    }
    this.innerHTML = `<svg width="${width}" height="${H}" viewBox="0 0 ${width} ${H}" role="img" aria-label="${esc(d.title || '')}">
      <defs><linearGradient id="cp-chart-fill" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#5b4ff5" stop-opacity=".22"/><stop offset="1" stop-color="#5b4ff5" stop-opacity="0"/></linearGradient></defs>
      <g class="grid">${ticks.map((v) => `<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${y(v)}" y2="${y(v)}"/>`).join('')}</g>
      <g class="axis">${ticks.map((v) => `<text x="${PAD.left - 8}" y="${y(v) + 4}" text-anchor="end">${esc(fmt(v, true))}</text>`).join('')}
      ${pts.map((p, i) => (i % every === 0 ? `<text x="${x(i)}" y="${H - 6}" text-anchor="middle">${esc(p.label)}</text>` : '')).join('')}</g>
      ${marks}</svg><div class="chart-tip" aria-live="polite"></div>`;
    const tip = this.querySelector('.chart-tip');
    this.querySelectorAll('.hit, .bar').forEach((el, i) => {
      const show = () => { tip.textContent = `${pts[i].label}: ${fmt(pts[i].value)}`; };
      el.addEventListener('mouseenter', show);
      el.addEventListener('focus', show);
    });
  }
}

customElements.define('cp-chart', ChartView);
