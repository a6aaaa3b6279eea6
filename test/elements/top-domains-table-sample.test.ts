/**
 * The compare period and the CSV of every row of the breakdown panels on the embedded engine over the sample: the
 * compare figures the panels ask for (narrowed to the keys on the page) must equal what the engine answers for the
 * same keys unnarrowed, and the CSV must hold every row.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/top-domains-table/define.js';
import '../../src/elements/top-countries/define.js';
import type { TopDomainsTable } from '../../src/elements/top-domains-table/top-domains-table.js';
import type { TopCountries } from '../../src/elements/top-countries/top-countries.js';
import { createEventsProvider } from '../../src/data/engine/index.js';
import { generateSample, SAMPLE_VIDEO_ID } from '../../src/data/sample/index.js';
import type { DataProvider, DomainsResult, GeoResult, Query, UrlsResult } from '../../src/data/types.js';

let provider: DataProvider;
const END = '2026-03-31';
const RANGE = { from: '2026-03-02', to: END };
const COMPARE = { from: '2026-01-31', to: '2026-03-01' };
const base = (range: { from: string; to: string }) => ({ entryId: SAMPLE_VIDEO_ID, range, timeZone: 'UTC', filters: {} });
const ask = <R,>(q: Query) => provider(q, { signal: new AbortController().signal }) as Promise<R>;
const root = (el: Element) => el.shadowRoot!;
const column = (el: Element, sel: string, key: string) => {
  const heads = [...root(el).querySelectorAll(`${sel} thead th`)].map((th) => th.getAttribute('data-key'));
  const i = heads.indexOf(key);
  return [...root(el).querySelectorAll(`${sel} tbody tr`)].map((tr) => tr.children[i]!.textContent!.trim());
};
const pct = (now: number, before: number) =>
  before === 0 ? (now === 0 ? 'no change' : 'new') : new Intl.NumberFormat('en', { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: Math.abs(((now - before) / before) * 100) < 10 ? 1 : 0 }).format((now - before) / before);

describe('breakdown panels on the sample, comparing two periods', () => {
  before(() => {
    const data = generateSample({ seed: 5, end: END, days: 90, events: 60_000 });
    provider = createEventsProvider({ entries: data.entries, users: data.users, events: data.events });
  });

  it('<top-domains-table>: compare plays of the page equal the engine’s unnarrowed answer; the CSV has every domain and page', async () => {
    const el = await fixture<TopDomainsTable>(html`<top-domains-table
      .provider=${provider}
      entry-id=${SAMPLE_VIDEO_ID}
      from=${RANGE.from}
      to=${RANGE.to}
      compare-from=${COMPARE.from}
      compare-to=${COMPARE.to}
      time-zone="UTC"
      page-size="3"
      csv-headers="fields"
    ></top-domains-table>`);
    await el.whenLoaded();
    const all = await ask<DomainsResult>({ ...base(COMPARE), kind: 'domains', sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 1000 } });
    const now = await ask<DomainsResult>({ ...base(RANGE), kind: 'domains', sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 1000 } });
    expect(now.total).to.be.above(3);
    const before = (d: string) => all.rows.find((r) => r.domain === d)?.plays ?? 0;
    const shown = now.rows.slice(0, 3);
    expect(column(el, '', 'playsCompare')).to.deep.equal(shown.map((r) => before(r.domain).toLocaleString('en')));
    expect(column(el, '', 'playsChange')).to.deep.equal(shown.map((r) => pct(r.plays, before(r.domain))));

    const lines = (await el.csvAll())!.split('\r\n').filter(Boolean);
    expect(lines).to.have.length(now.total + 1);
    const cols = lines[0]!.split(',');
    const at = (line: string, name: string) => line.split(',')[cols.indexOf(name)];
    for (const [i, r] of now.rows.entries()) {
      expect(at(lines[i + 1]!, 'domain')).to.equal(r.domain);
      expect(at(lines[i + 1]!, `plays ${COMPARE.from}..${COMPARE.to}`)).to.equal(String(before(r.domain)));
    }

    el.domain = now.rows[0]!.domain;
    await el.updateComplete;
    await el.whenLoaded();
    const urlsBefore = await ask<UrlsResult>({ ...base(COMPARE), kind: 'urls', domain: el.domain, sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 1000 } });
    const urlsNow = await ask<UrlsResult>({ ...base(RANGE), kind: 'urls', domain: el.domain, sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 1000 } });
    expect(column(el, '', 'playsCompare')).to.deep.equal(
      urlsNow.rows.slice(0, 3).map((r) => (urlsBefore.rows.find((b) => b.url === r.url)?.plays ?? 0).toLocaleString('en')),
    );
    expect(root(el).querySelector('path.compare-line')!.getAttribute('d')).to.match(/^M/);
    expect((await el.csvAll())!.split('\r\n').filter(Boolean)).to.have.length(urlsNow.total + 1);
    await expect(el).to.be.accessible();
  });

  it('<top-countries>: compare plays per country equal the engine’s answer for the compare range', async () => {
    const el = await fixture<TopCountries>(html`<top-countries
      .provider=${provider}
      entry-id=${SAMPLE_VIDEO_ID}
      from=${RANGE.from}
      to=${RANGE.to}
      compare-from=${COMPARE.from}
      compare-to=${COMPARE.to}
      time-zone="UTC"
      geometry-url="/node_modules/world-atlas/countries-110m.json"
    ></top-countries>`);
    await el.whenLoaded();
    const then = await ask<GeoResult>({ ...base(COMPARE), kind: 'geo', level: 'country' });
    const now = await ask<GeoResult>({ ...base(RANGE), kind: 'geo', level: 'country' });
    const before = (code?: string) => then.rows.find((r) => r.code === code)?.plays ?? 0;
    expect(column(el, '.table-side', 'playsCompare')).to.deep.equal(
      now.rows.slice(0, 10).map((r) => before(r.code).toLocaleString('en')),
    );
    const lines = el.toCsv()!.split('\r\n').filter(Boolean);
    expect(lines).to.have.length(now.rows.length + 1);
  });
});
