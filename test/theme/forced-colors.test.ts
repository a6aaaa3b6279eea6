import { expect } from '@open-wc/testing';
import type { EntryAnalytics } from '../../src/shell/entry-analytics.js';
import { setDefaultGeometryUrl } from '../../src/elements/top-countries/atlas.js';
import { resolveColors } from '../../src/elements/shared/colors.js';
import { COLOR_TOKENS } from '../../src/theme/tokens.js';
import { deepAll, sampleDashboard, until } from '../support/dashboard.js';
import { emulateFeatures } from '../support/media.js';

const bgOf = (el: Element) => getComputedStyle(el).backgroundColor;
const system = (...names: string[]) => resolveColors(document.body, names);

describe('forced colours (forced-colors: active)', function () {
  this.timeout(90_000);
  let el: EntryAnalytics;
  before(async () => {
    await emulateFeatures([{ name: 'forced-colors', value: 'active' }]);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    el = await sampleDashboard(undefined, { persist: true });
  });
  after(async () => {
    el.remove();
    await emulateFeatures([]);
    setDefaultGeometryUrl(undefined);
  });

  it('bars of the funnel, devices, users and tables are filled with a system colour (not the page colour)', () => {
    const [canvas, highlight] = system('Canvas', 'Highlight');
    for (const sel of ['.fill', '.bar', '.bar > span', '.dist-bar']) {
      const bars = deepAll(el.shadowRoot!, sel)
        .filter((b) => b instanceof HTMLElement).filter((b) => b.getBoundingClientRect().width > 0 && !b.closest('.previous'));
      if (sel !== '.bar > span' && sel !== '.bar') expect(bars.length, sel).to.be.greaterThan(0);
      for (const b of bars) {
        if (b.matches('.bar') && b.firstElementChild) continue; // the users table's track; its span is the bar
        expect(bgOf(b), sel).to.equal(highlight);
        expect(bgOf(b), sel).to.not.equal(canvas);
      }
    }
  });

  it('legend swatches show system colours: series and heatmap tiers stay distinct', () => {
    const swatches = deepAll(el.shadowRoot!, '.legend .swatch');
    expect(swatches.length).to.be.greaterThan(3);
    const [canvas] = system('Canvas');
    const tierSwatches = deepAll(el.shadowRoot!, 'engagement-heatmap')
      .flatMap((h) => [...h.shadowRoot!.querySelectorAll('.legend .swatch')])
      .slice(0, 4);
    expect(tierSwatches).to.have.length(4);
    const colours = tierSwatches.map(bgOf);
    expect(colours.slice(1)).to.not.include(canvas);
    expect(new Set(colours).size).to.equal(4);
    expect(colours).to.deep.equal(system('Canvas', 'GrayText', 'Highlight', 'CanvasText'));
  });

  it('the selected metric tab and the pressed Daily/Monthly button stand apart from the others', () => {
    const mot = el.panelElements.find((p) => p.localName === 'metrics-over-time')!.shadowRoot!;
    const tabs = [...mot.querySelectorAll('[role=tab]')];
    const selected = tabs.find((t) => t.getAttribute('aria-selected') === 'true')!;
    const other = tabs.find((t) => t !== selected)!;
    expect(bgOf(selected)).to.not.equal(bgOf(other));
    expect(bgOf(selected)).to.equal(system('Highlight')[0]);
    const pressed = mot.querySelector('[aria-pressed=true]')!;
    const unpressed = mot.querySelector('[aria-pressed=false]')!;
    expect(bgOf(pressed)).to.not.equal(bgOf(unpressed));
  });

  it('the heatmap canvas is drawn in the forced palette, not the theme’s tier colours', async () => {
    const heat = deepAll(el.shadowRoot!, 'engagement-heatmap').find((h) => h.shadowRoot!.querySelector('canvas'))!;
    const canvas = heat.shadowRoot!.querySelector('canvas')!;
    await until(() => canvas.width > 1);
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set<string>();
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] === 255) seen.add(`rgb(${data[i]}, ${data[i + 1]}, ${data[i + 2]})`);
    const [gray, highlight, text] = system('GrayText', 'Highlight', 'CanvasText');
    const rgbOf = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    const lightTiers = COLOR_TOKENS.filter((t) => /--_tier-[123]/.test(t.local)).map((t) => rgbOf(t.light));
    const opaque = (c: string) => c.replace(/^rgba\((\d+), (\d+), (\d+), [\d.]+\)$/, 'rgb($1, $2, $3)');
    expect([gray, highlight, text].map(opaque).some((c) => seen.has(c)), [...seen].slice(0, 8).join(' ')).to.equal(true);
    for (const c of lightTiers) expect(seen.has(c), c).to.equal(false);
  });

  it('SVG text and marks take system colours', () => {
    const [canvasText] = system('CanvasText');
    const texts = deepAll<SVGTextElement>(el.shadowRoot!, 'svg text').filter((t) => t.textContent?.trim());
    expect(texts.length).to.be.greaterThan(10);
    for (const t of texts) expect(getComputedStyle(t).fill, t.textContent!).to.equal(canvasText);
  });

  it('stays accessible', async () => {
    await expect(el).to.be.accessible();
  });
});
