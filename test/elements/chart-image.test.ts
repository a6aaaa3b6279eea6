/**
 * Chart images: every chart panel offers PNG and SVG; the SVG holds the panel's title, the date range and the legend,
 * in the page's language, with no inline style; the PNG is an image of the chart's size.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import '../../src/i18n/de.js';
import type { AnalyticsPanel } from '../../src/elements/shared/analytics-panel.js';
import { svgToPng } from '../../src/elements/shared/chart-image.js';
import { SAMPLE_ENTRY_ID, sampleProvider, sampleRange } from '../../stories/support.js';
import { formatters } from '../../src/i18n/index.js';
import { until } from '../support/providers.js';

const ATLAS = '/node_modules/world-atlas/countries-110m.json';
const range = sampleRange();
const compare = { from: '2026-01-01', to: '2026-01-30' };

type Panel = AnalyticsPanel<unknown>;

async function panel(tag: string, lang = 'en', extra: Record<string, string> = {}): Promise<Panel> {
  const el = document.createElement(tag) as Panel;
  Object.assign(el, { provider: sampleProvider() });
  const attrs: Record<string, string> = {
    'entry-id': SAMPLE_ENTRY_ID,
    from: range.from,
    to: range.to,
    'time-zone': 'UTC',
    lang,
    'geometry-url': ATLAS,
    ...extra,
  };
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: 900px"></div>`);
  wrap.append(el);
  await el.whenLoaded();
  return el;
}

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');
const texts = (doc: Document) => [...doc.querySelectorAll('text')].map((t) => t.textContent!.trim());

const CHARTS: [string, string[]][] = [
  ['playback-views', ['Views', 'Viewers', 'Unique users']],
  ['metrics-over-time', ['Plays']],
  ['engagement-funnel', ['Player impressions', 'Plays']],
  ['devices-overview', ['Computer']],
  ['engagement-heatmap', ['Not viewed', 'Viewed once', 'Viewed twice', 'Viewed more than twice']],
  ['class-engagement', ['Not viewed', 'Viewed once']],
  ['top-countries', ['No data']],
];

describe('chart images', () => {
  // The sample is generated on the first query: once, before the timed tests.
  before(async function () {
    this.timeout(120_000);
    await sampleProvider()(
      { kind: 'entry', entryId: SAMPLE_ENTRY_ID, range, timeZone: 'UTC', filters: {} },
      { signal: new AbortController().signal },
    );
  });

  for (const [tag, legend] of CHARTS)
    it(`<${tag}>: PNG and SVG buttons; the SVG has the title, the date range and the legend`, async () => {
      const el = await panel(tag);
      if (tag === 'top-countries') await until(() => Boolean(el.shadowRoot!.querySelector('[part~=map]')), 30_000);
      await el.updateComplete;
      const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.export-image')];
      expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['PNG', 'SVG']);
      expect(buttons[0]!.getAttribute('aria-label')).to.match(/^Download the chart of .+ as PNG$/);
      const image = el.chartImage()!;
      expect(image, tag).to.not.equal(undefined);
      const doc = parse(image.svg);
      expect(doc.querySelector('parsererror'), tag).to.equal(null);
      const all = texts(doc);
      const title = el.shadowRoot!.querySelector('[part~=title]')!.textContent!.trim();
      expect(all[0]).to.equal(title);
      expect(all[1]).to.equal(formatters('en').dateRange(range.from, range.to));
      for (const label of legend) expect(all.join('\n'), `${tag}: ${label}`).to.contain(label);
      // Strict CSP: styles are presentation attributes, never style attributes or elements.
      expect(image.svg).to.not.match(/\sstyle=|<style/);
      expect(image.width).to.be.within(300, 1400);
      expect(image.height).to.be.within(150, 4300);
      if (tag === 'engagement-heatmap') expect(doc.querySelector('image')?.getAttribute('href')).to.match(/^data:image\/png;base64,/);
      if (tag === 'top-countries') expect(doc.querySelectorAll('path').length).to.be.greaterThan(100);
    });

  it('draws the PNG from the SVG at twice its size', async () => {
    const el = await panel('devices-overview');
    const image = el.chartImage()!;
    const png = await svgToPng(image);
    expect(png.type).to.equal('image/png');
    const bitmap = await createImageBitmap(png);
    expect(bitmap.width).to.equal(Math.ceil(image.width * 2));
    expect(bitmap.height).to.equal(Math.ceil(image.height * 2));
    // Not blank: the bars and text left pixels of more than one colour.
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    expect(colours.size).to.be.greaterThan(3);
  });

  it('speaks the page’s language and names the compare period', async () => {
    const el = await panel('metrics-over-time', 'de', { 'compare-from': compare.from, 'compare-to': compare.to });
    const doc = parse(el.chartImage()!.svg);
    const all = texts(doc);
    const de = formatters('de');
    expect(all[0]).to.equal('Kennzahlen im Zeitverlauf');
    expect(all[1]).to.equal(`${de.dateRange(range.from, range.to)}, verglichen mit ${de.dateRange(compare.from, compare.to)}`);
    expect(all).to.include('Wiedergaben');
    expect(all).to.include('Wiedergaben, Vergleichszeitraum');
    expect(doc.documentElement.getAttribute('xml:lang')).to.equal('de');
  });

  it('leaves controls out, and names the compare period only where the chart draws it', async () => {
    const extra = { 'compare-from': compare.from, 'compare-to': compare.to };
    const devices = await panel('devices-overview', 'en', extra);
    const all = texts(parse(devices.chartImage()!.svg));
    expect(devices.shadowRoot!.querySelector('button.filter, [part~=filter-button], button')).to.not.equal(null);
    expect(all).to.not.include('Filter');
    expect(all[1]).to.contain('compared with');
    const heatmap = await panel('engagement-heatmap', 'en', extra);
    expect(texts(parse(heatmap.chartImage()!.svg))[1]).to.equal(formatters('en').dateRange(range.from, range.to));
  });

  it('lays the header out right to left for Arabic', async () => {
    const el = await panel('devices-overview', 'ar');
    const doc = parse(el.chartImage()!.svg);
    const title = doc.querySelector('text')!;
    expect(title.getAttribute('direction')).to.equal('rtl');
    expect(Number(title.getAttribute('x'))).to.be.greaterThan(Number(doc.documentElement.getAttribute('width')) / 2);
  });

  it('offers no image for a table: the domains’ top level, highlights and users', async () => {
    const domains = await panel('top-domains-table');
    expect(domains.shadowRoot!.querySelector('.export-image')).to.equal(null);
    expect(domains.chartImage()).to.equal(undefined);
    domains.shadowRoot!.querySelector<HTMLButtonElement>('button.drill')!.click();
    await domains.whenLoaded();
    await until(() => Boolean(domains.shadowRoot!.querySelector('[part~=graph]')));
    expect(domains.shadowRoot!.querySelectorAll('.export-image')).to.have.length(2);
    expect(texts(parse(domains.chartImage()!.svg))[0]).to.equal(domains.shadowRoot!.querySelector('[part~=title]')!.textContent!.trim());
    for (const tag of ['entry-highlights', 'user-engagement']) {
      const el = await panel(tag);
      expect(el.shadowRoot!.querySelector('.export-image'), tag).to.equal(null);
      expect(el.chartImage(), tag).to.equal(undefined);
    }
    await expect(domains).to.be.accessible();
  });
});
