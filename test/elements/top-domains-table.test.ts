import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/top-domains-table/define.js';
import type { TopDomainsTable } from '../../src/elements/top-domains-table/top-domains-table.js';
import type { DomainsQuery, Query, TimelineQuery, UrlsQuery } from '../../src/data/types.js';
import { fakeProvider, failingProvider, until } from '../support/providers.js';
import { domainsResult, metrics, metricTotals, timelinePoints, urlsResult } from '../support/breakdowns.js';

const root = (el: Element) => el.shadowRoot!;
const texts = (el: Element, sel: string) =>
  [...root(el).querySelectorAll(sel)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
const cells = (el: Element, row: number) =>
  [...root(el).querySelectorAll('tbody tr')[row]!.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
const button = (el: Element, sel: string) => root(el).querySelector<HTMLButtonElement>(sel)!;
const headerButton = (el: Element, label: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('th button.sort')].find((b) => b.textContent!.replace(/[▲▼]/g, '').trim() === label)!;
/** Lets a state change start its load, then waits for it. */
const settle = async (el: TopDomainsTable) => {
  await el.updateComplete;
  await el.whenLoaded();
};
const kinds = (calls: Query[]) => calls.map((c) => c.kind);
const last = <K extends Query['kind']>(calls: Query[], kind: K) => calls.filter((c) => c.kind === kind).at(-1) as Extract<Query, { kind: K }>;

const URLS = [
  'https://d1.example/course/1',
  'http://d1.example/page?q=1',
  'javascript:alert(1)',
  'ftp://d1.example/file',
  '//d1.example/relative',
  'data:text/html,<b>x</b>',
];

function provider(count = 12) {
  return fakeProvider({
    domains: (q) => domainsResult(count, q.page.offset, q.page.limit),
    urls: (q) => urlsResult(URLS.slice(q.page.offset, q.page.offset + q.page.limit), URLS.length),
    timeline: (q) =>
      q.granularity === 'day'
        ? { granularity: 'day', points: timelinePoints(['2026-03-29', '2026-03-30', '2026-03-31'], [4, 12, 7]) }
        : { granularity: 'month', points: timelinePoints(['2026-03-01'], [23]) },
  });
}

async function make(p = provider(), attrs: Record<string, string> = {}) {
  const node = document.createElement('top-domains-table');
  const all: Record<string, string> = { 'entry-id': 'e1', from: '2026-03-01', to: '2026-03-31', 'time-zone': 'UTC', ...attrs };
  for (const [k, v] of Object.entries(all)) node.setAttribute(k, v);
  node.provider = p;
  node.filters = { countries: ['FR'] };
  const el = await fixture<TopDomainsTable>(html`${node}`);
  await settle(el);
  return el;
}

describe('<top-domains-table>', () => {
  it('asks for the first page by plays and shows the seed columns', async () => {
    const p = provider();
    const el = await make(p);
    expect(p.calls).to.deep.equal([
      {
        kind: 'domains',
        entryId: 'e1',
        range: { from: '2026-03-01', to: '2026-03-31' },
        timeZone: 'UTC',
        filters: { countries: ['FR'] },
        sort: { field: 'plays', direction: 'desc' },
        page: { offset: 0, limit: 5 },
      },
    ]);
    expect(texts(el, 'thead th')).to.deep.equal([
      'Rank',
      'Domain',
      'Plays▼',
      'Plays distribution',
      'Player impressions',
      'Play/impression ratio',
      'Minutes viewed',
      'Avg. completion rate',
      'Avg. drop-off rate',
      'Filter',
    ]);
    expect(root(el).querySelectorAll('tbody tr')).to.have.length(5);
    expect(cells(el, 0)).to.deep.equal(['1', 'd1.example', '120', '10%', '240', '50%', '420', '40%', '30%', 'Filter']);
    expect(texts(el, '.count')).to.deep.equal(['12 domains']);
    expect(root(el).querySelector('th[aria-sort]')!.getAttribute('aria-sort')).to.equal('descending');
    expect(root(el).querySelector<HTMLElement>('.dist-bar')!.style.inlineSize).to.equal('10%');
    expect(root(el).querySelector('img')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('sorts by any column title through the provider, toggling the direction, back to the first page', async () => {
    const p = provider();
    const el = await make(p);
    button(el, 'button.next').click();
    await settle(el);
    expect(last(p.calls, 'domains').page.offset).to.equal(5);
    headerButton(el, 'Player impressions').click();
    await settle(el);
    expect(last(p.calls, 'domains').sort).to.deep.equal({ field: 'impressions', direction: 'desc' });
    expect(last(p.calls, 'domains').page.offset).to.equal(0);
    const sorted = () => root(el).querySelector('th[aria-sort]')!;
    expect(sorted().getAttribute('data-key')).to.equal('impressions');
    expect(sorted().getAttribute('aria-sort')).to.equal('descending');
    expect(root(el).querySelectorAll('th[aria-sort]')).to.have.length(1);
    headerButton(el, 'Player impressions').click();
    await settle(el);
    expect(last(p.calls, 'domains').sort).to.deep.equal({ field: 'impressions', direction: 'asc' });
    expect(sorted().getAttribute('aria-sort')).to.equal('ascending');
    headerButton(el, 'Domain').click();
    await settle(el);
    expect(last(p.calls, 'domains').sort).to.deep.equal({ field: 'key', direction: 'asc' });
    expect(texts(el, 'caption')[0]).to.equal('Referring domains, by Domain');
  });

  it('pages with first, previous, next and last', async () => {
    const p = provider();
    const el = await make(p);
    expect(texts(el, '.pager .status')).to.deep.equal(['Page 1 of 3']);
    expect(button(el, 'button.first').disabled).to.equal(true);
    expect(button(el, 'button.previous').disabled).to.equal(true);
    button(el, 'button.last').click();
    await settle(el);
    expect(last(p.calls, 'domains').page).to.deep.equal({ offset: 10, limit: 5 });
    expect(texts(el, '.pager .status')).to.deep.equal(['Page 3 of 3']);
    expect(texts(el, '.pager .rows')).to.deep.equal(['11–12 of 12']);
    expect(cells(el, 0)[0]).to.equal('11');
    expect(button(el, 'button.next').disabled).to.equal(true);
    button(el, 'button.previous').click();
    await settle(el);
    expect(last(p.calls, 'domains').page.offset).to.equal(5);
    button(el, 'button.first').click();
    await settle(el);
    expect(last(p.calls, 'domains').page.offset).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('takes the page size from page-size and goes back to the first page when filters change', async () => {
    const p = provider();
    const el = await make(p, { 'page-size': '3' });
    expect(last(p.calls, 'domains').page).to.deep.equal({ offset: 0, limit: 3 });
    expect(texts(el, '.pager .status')).to.deep.equal(['Page 1 of 4']);
    button(el, 'button.next').click();
    await settle(el);
    expect(last(p.calls, 'domains').page.offset).to.equal(3);
    el.filters = { devices: ['Mobile'] };
    await settle(el);
    expect(last(p.calls, 'domains').page.offset).to.equal(0);
    expect(last(p.calls, 'domains').filters).to.deep.equal({ devices: ['Mobile'] });
  });

  it('drills into a domain: its pages and its graph, daily then monthly, and back', async () => {
    const p = provider();
    const el = await make(p);
    (root(el).querySelector('button.drill') as HTMLButtonElement).click();
    await until(() => root(el).querySelector('svg[part=graph]') !== null);
    await settle(el);
    expect(el.domain).to.equal('d1.example');
    const urls = last(p.calls, 'urls') as UrlsQuery;
    expect(urls).to.deep.include({ domain: 'd1.example', sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 5 } });
    expect(urls.filters).to.deep.equal({ countries: ['FR'] });
    const timeline = last(p.calls, 'timeline') as TimelineQuery;
    expect(timeline.granularity).to.equal('day');
    expect(timeline.filters).to.deep.equal({ countries: ['FR'], domains: ['d1.example'] });
    expect(texts(el, '.crumbs li')).to.deep.equal(['All domains', 'd1.example']);
    expect(root(el).querySelector('.crumbs [aria-current]')!.textContent).to.equal('d1.example');
    expect(texts(el, '.count')).to.deep.equal(['6 pages']);
    expect(root(el).querySelector('path.line')!.getAttribute('d')).to.match(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
    expect(root(el).querySelector('svg[part=graph]')!.getAttribute('aria-label')).to.equal('Plays from d1.example, Daily');
    await expect(el).to.be.accessible();

    // Sorting the pages does not ask for the graph again.
    const timelines = p.calls.filter((c) => c.kind === 'timeline').length;
    headerButton(el, 'Plays').click();
    await settle(el);
    expect((last(p.calls, 'urls') as UrlsQuery).sort).to.deep.equal({ field: 'plays', direction: 'asc' });
    expect(p.calls.filter((c) => c.kind === 'timeline').length).to.equal(timelines);

    button(el, 'button.granularity[data-granularity=month]').click();
    await settle(el);
    expect((last(p.calls, 'timeline') as TimelineQuery).granularity).to.equal('month');
    expect(button(el, 'button.granularity[data-granularity=month]').getAttribute('aria-pressed')).to.equal('true');

    const before = p.calls.length;
    (root(el).querySelector('.crumbs button') as HTMLButtonElement).click();
    await settle(el);
    expect(kinds(p.calls.slice(before))).to.deep.equal(['domains']);
    expect(el.domain).to.equal('');
    expect(root(el).querySelector('svg[part=graph]')).to.equal(null);
    expect(root(el).querySelectorAll('button.drill')).to.have.length(5);
  });

  it('links page URLs only when http(s), in a new tab without opener or referrer', async () => {
    const el = await make(provider(), { domain: 'd1.example', 'page-size': '10' });
    const rows = [...root(el).querySelectorAll('tbody tr')];
    expect(rows).to.have.length(6);
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('tbody a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://d1.example/course/1', 'http://d1.example/page?q=1']);
    for (const a of links) {
      expect(a.target).to.equal('_blank');
      expect(a.rel).to.equal('noopener noreferrer');
    }
    const plain = texts(el, 'tbody .url');
    expect(plain).to.deep.equal(['javascript:alert(1)', 'ftp://d1.example/file', '//d1.example/relative', 'data:text/html,<b>x</b>']);
    expect(root(el).querySelector('tbody b')).to.equal(null); // text from data is never HTML
    expect(root(el).querySelector('img')).to.equal(null); // no favicon
    await expect(el).to.be.accessible();
  });

  it('keeps the hidden "opens in a new tab" text of a page link inside the scrolled table, not widening the page', async () => {
    const el = await make(provider(), { domain: 'd1.example' });
    const hidden = root(el).querySelector<HTMLElement>('tbody a .sr-only')!;
    expect(hidden).to.exist;
    // Absolutely positioned: its containing block must be the table's own scroll region, which clips it.
    expect(hidden.offsetParent).to.equal(hidden.closest('.table-wrap'));
  });

  it('moves along the graph with the keyboard, with a tooltip and a live announcement', async () => {
    const el = await make(provider(), { domain: 'd1.example' });
    const graph = root(el).querySelector<SVGSVGElement>('svg[part=graph]')!;
    graph.focus();
    await el.updateComplete;
    const live = () => root(el).querySelector('.graph-live')!.textContent;
    expect(live()).to.equal('Mar 31, 2026: Plays 7');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(live()).to.equal('Mar 30, 2026: Plays 12');
    expect(root(el).querySelector('.tooltip')!.textContent).to.contain('Mar 30, 2026');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(live()).to.equal('Mar 29, 2026: Plays 4');
    const select = root(el).querySelector<HTMLSelectElement>('.graph-head select')!;
    select.value = 'minutesViewed';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(root(el).querySelector('svg[part=graph]')!.getAttribute('aria-label')).to.equal('Minutes viewed from d1.example, Daily');
    button(el, 'button.graph-toggle').click();
    await el.updateComplete;
    expect(texts(el, '.graph table tbody tr')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('fires filter-add for a domain or a page, and nothing on programmatic sets', async () => {
    const el = await make();
    let fired = 0;
    el.addEventListener('filter-add', () => fired++);
    el.pageSize = 4;
    el.filters = {};
    await settle(el);
    el.domain = 'd2.example';
    el.granularity = 'month';
    await settle(el);
    el.domain = '';
    await settle(el);
    expect(fired).to.equal(0);
    const b = root(el).querySelectorAll<HTMLButtonElement>('button.filter')[1]!;
    expect(b.getAttribute('aria-label')).to.equal('Filter the dashboard by domain: d2.example');
    setTimeout(() => b.click());
    const e = await oneEvent(el, 'filter-add');
    expect(e.detail).to.deep.equal({ field: 'domains', value: 'd2.example', label: 'd2.example' });
    el.domain = 'd1.example';
    await settle(el);
    const u = root(el).querySelectorAll<HTMLButtonElement>('button.filter')[0]!;
    setTimeout(() => u.click());
    const e2 = await oneEvent(el, 'filter-add');
    expect(e2.detail).to.deep.equal({ field: 'urls', value: URLS[0], label: URLS[0] });
  });

  it('exports the domains and the pages as CSV', async () => {
    const el = await make();
    let lines = el.toCsv('fields')!.split('\r\n');
    expect(lines[0]).to.equal(
      'rank,domain,plays,distribution,impressions,playImpressionRatio,uniqueViewers,minutesViewed,avgCompletionRate,avgDropOffRate',
    );
    expect(el.toCsv()!.split('\r\n')[0]).to.equal(
      'Rank,Domain,Plays,Plays distribution,Player impressions,Play/impression ratio,Unique viewers,Minutes viewed,Avg. completion rate,Avg. drop-off rate',
    );
    expect(lines[1]).to.equal('1,d1.example,120,10,240,50,60,420,40,30');
    el.domain = 'd1.example';
    await settle(el);
    lines = el.toCsv('fields')!.split('\r\n');
    expect(lines[0]!.startsWith('rank,url,plays,distribution,shareOfParent,impressions')).to.equal(true);
    expect(el.toCsv()!.startsWith('Rank,Page,Plays,')).to.equal(true);
    // A page's share of all plays, then of its domain (the domain's totals from the provider: 25 plays).
    expect(lines[3]).to.equal('3,javascript:alert(1),15,1.5,60,30,50,8,52.5,40,30');
    const head = [...root(el).querySelectorAll('thead th')].map((c) => c.textContent!.trim());
    expect(head.slice(3, 5)).to.deep.equal(['Share of all plays', 'Share of d1.example']);
    expect(root(el).querySelectorAll('tbody tr')[2]!.children[4]!.textContent).to.contain('60%');
  });

  it('leaves out the metrics of playback for an image, in both tables, the graph menu and the CSV (every row too)', async () => {
    const el = await make(provider(), { 'entry-type': 'image', 'csv-headers': 'fields' });
    const head = () => [...root(el).querySelectorAll('thead th')].map((c) => c.getAttribute('data-key'));
    expect(head()).to.deep.equal(['rank', 'key', 'plays', 'distribution', 'impressions', 'playImpressionRatio', 'filter']);
    const fields = 'rank,domain,plays,distribution,impressions,playImpressionRatio,uniqueViewers';
    expect(el.toCsv()!.split('\r\n')[0]).to.equal(fields);
    expect((await el.csvAll())!.split('\r\n')[0]).to.equal(fields);
    el.domain = 'd1.example';
    await settle(el);
    expect(head()).to.deep.equal(['rank', 'key', 'plays', 'distribution', 'shareOfParent', 'impressions', 'playImpressionRatio', 'filter']);
    const options = [...root(el).querySelectorAll('.graph-head select option')].map((o) => o.getAttribute('value'));
    expect(options).to.deep.equal(['plays', 'impressions', 'uniqueViewers']);
    await expect(el).to.be.accessible();
  });

  describe('compare period', () => {
    const COMPARE = { 'compare-from': '2026-01-29', 'compare-to': '2026-02-28' };
    const isCompare = (q: Query) => q.range.from === '2026-01-29';
    /** Compare-period plays by domain (d3 had none, so it is "new"). */
    const BEFORE: Record<string, number> = { 'd1.example': 100, 'd2.example': 110, 'd4.example': 200, 'd5.example': 80, 'd9.example': 5 };
    const URL_BEFORE: Record<string, number> = { [URLS[0]!]: 40, [URLS[1]!]: 25 };

    function compareProvider() {
      return fakeProvider({
        domains: (q) => {
          if (!isCompare(q)) return domainsResult(12, q.page.offset, q.page.limit);
          const keys = q.filters.domains ?? Object.keys(BEFORE);
          const rows = keys.filter((d) => d in BEFORE).map((domain) => ({ domain, ...metrics(BEFORE[domain]!, 1000) }));
          return { rows: rows.slice(q.page.offset, q.page.offset + q.page.limit), total: rows.length, totals: metricTotals(495) };
        },
        urls: (q) => {
          if (!isCompare(q)) return urlsResult(URLS.slice(q.page.offset, q.page.offset + q.page.limit), URLS.length);
          const keys = (q.filters.urls ?? URLS).filter((u) => u in URL_BEFORE);
          return { rows: keys.map((url) => ({ url, ...metrics(URL_BEFORE[url]!, 1000) })), total: keys.length, totals: metricTotals(65) };
        },
        timeline: (q) =>
          isCompare(q)
            ? { granularity: 'day', points: timelinePoints(['2026-02-26', '2026-02-27'], [8, 6]) }
            : { granularity: 'day', points: timelinePoints(['2026-03-29', '2026-03-30', '2026-03-31'], [4, 12, 7]) },
      });
    }

    it('asks for the compare rows of the page, narrowed to its domains, and shows plays then and the change', async () => {
      const p = compareProvider();
      const el = await make(p, COMPARE);
      expect(p.calls).to.have.length(2);
      const [, compare] = p.calls as DomainsQuery[];
      expect(compare).to.deep.equal({
        kind: 'domains',
        entryId: 'e1',
        range: { from: '2026-01-29', to: '2026-02-28' },
        timeZone: 'UTC',
        filters: { countries: ['FR'], domains: ['d1.example', 'd2.example', 'd3.example', 'd4.example', 'd5.example'] },
        sort: { field: 'plays', direction: 'desc' },
        page: { offset: 0, limit: 5 },
      });
      expect(texts(el, 'thead th').slice(2, 6)).to.deep.equal(['Plays▼', 'Plays, compare period', 'Change', 'Plays distribution']);
      expect(root(el).querySelector('thead th[data-key=playsChange]')!.getAttribute('title')).to.equal('Compare period: Jan 29 – Feb 28, 2026');
      expect(root(el).querySelector('thead th[data-key=playsCompare] button')).to.equal(null); // the provider cannot sort by it
      const figures = (row: number) => cells(el, row).slice(1, 5);
      expect(figures(0)).to.deep.equal(['d1.example', '120', '100', '+20%']);
      expect(figures(1)).to.deep.equal(['d2.example', '110', '110', '0%']);
      expect(figures(2)).to.deep.equal(['d3.example', '100', '0', 'new']);
      expect(figures(3)).to.deep.equal(['d4.example', '90', '200', '-55%']);
      expect(figures(4)).to.deep.equal(['d5.example', '80', '80', '0%']);
      expect(root(el).querySelectorAll('tbody tr')[3]!.querySelector('.change')!.className).to.equal('change down');
      await expect(el).to.be.accessible();

      const lines = el.toCsv('fields')!.split('\r\n');
      expect(lines[0]).to.equal(
        'rank,domain,plays,distribution,impressions,playImpressionRatio,uniqueViewers,minutesViewed,avgCompletionRate,avgDropOffRate,plays 2026-01-29..2026-02-28,playsChange',
      );
      expect(el.toCsv()!.split('\r\n')[0]!.endsWith(',"Plays, compare period (Jan 29 – Feb 28, 2026)","Change (Jan 29 – Feb 28, 2026)"')).to.equal(true);
      expect(lines[1]).to.equal('1,d1.example,120,10,240,50,60,420,40,30,100,20');
      expect(lines[3]).to.equal('3,d3.example,100,8.3,200,50,50,350,40,30,0,new');

      // The next page asks for its own domains' compare rows.
      button(el, 'button.next').click();
      await settle(el);
      expect((last(p.calls.filter(isCompare), 'domains') as DomainsQuery).filters.domains).to.deep.equal([
        'd6.example',
        'd7.example',
        'd8.example',
        'd9.example',
        'd10.example',
      ]);
      expect(cells(el, 3).slice(1, 5)).to.deep.equal(['d9.example', '40', '5', '+700%']);
    });

    it('compares the pages of a domain and draws the compare line on its graph, aligned by offset', async () => {
      const p = compareProvider();
      const el = await make(p, { ...COMPARE, domain: 'd1.example' });
      const compareCalls = p.calls.filter(isCompare);
      expect(compareCalls.map((c) => c.kind).sort()).to.deep.equal(['timeline', 'urls']);
      const urls = last(compareCalls, 'urls') as UrlsQuery;
      expect(urls.domain).to.equal('d1.example');
      expect(urls.filters).to.deep.equal({ countries: ['FR'], urls: URLS.slice(0, 5) });
      expect(urls.page).to.deep.equal({ offset: 0, limit: 5 });
      const timeline = last(compareCalls, 'timeline') as TimelineQuery;
      expect(timeline.filters).to.deep.equal({ countries: ['FR'], domains: ['d1.example'] });
      expect(timeline.granularity).to.equal('day');

      expect(cells(el, 0).slice(1, 5)).to.deep.equal([`${URLS[0]} (opens in a new tab)`, '25', '40', '-38%']);
      expect(cells(el, 2).slice(1, 5)).to.deep.equal([URLS[2], '15', '0', 'new']);
      // Two compare buckets under the first two of three: the dashed line stops where the compare period ends.
      const d = root(el).querySelector('path.compare-line')!.getAttribute('d')!;
      expect(d).to.match(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
      const line = root(el).querySelector('path.line')!.getAttribute('d')!;
      expect(d.split('L')[0]!.split(',')[0]).to.equal(line.split('L')[0]!.split(',')[0]); // same x for bucket 0
      expect(texts(el, '.graph-legend')).to.deep.equal(['d1.example Compare period: Jan 29 – Feb 28, 2026']);

      const graph = root(el).querySelector<SVGSVGElement>('svg[part=graph]')!;
      graph.focus();
      await el.updateComplete;
      const live = () => root(el).querySelector('.graph-live')!.textContent;
      expect(live()).to.equal('Mar 31, 2026: Plays 7; compare period: no data');
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(live()).to.equal('Mar 30, 2026: Plays 12; compare period: Feb 27, 2026: 6 (+100%)');
      expect(root(el).querySelector('.tooltip .tip-compare')!.textContent).to.equal('Feb 27, 2026: 6 (+100%)');
      button(el, 'button.graph-toggle').click();
      await el.updateComplete;
      const head = texts(el, '.graph table thead th');
      expect(head.slice(-2)).to.deep.equal(['Compare period date', 'Plays, compare period']);
      const firstRow = [...root(el).querySelector('.graph table tbody tr')!.children].map((c) => c.textContent!.trim());
      expect(firstRow.slice(-2)).to.deep.equal(['Feb 26, 2026', '8']);
      await expect(el).to.be.accessible();
    });
  });

  describe('CSV of every row', () => {
    it('asks for every domain in the current sort, with their compare rows, whatever page is shown', async () => {
      const p = fakeProvider({
        domains: (q) =>
          q.range.from === '2026-01-29'
            ? { rows: (q.filters.domains ?? []).slice(0, 2).map((domain) => ({ domain, ...metrics(50) })), total: 2, totals: metricTotals(100) }
            : domainsResult(12, q.page.offset, q.page.limit),
      });
      const el = await make(p, { 'compare-from': '2026-01-29', 'compare-to': '2026-02-28' });
      button(el, 'button.last').click();
      await settle(el);
      const before = p.calls.length;
      const text = (await el.csvAll())!;
      const asked = p.calls.slice(before) as DomainsQuery[];
      expect(asked.map((q) => [q.range.from, q.page])).to.deep.equal([
        ['2026-03-01', { offset: 0, limit: 12 }],
        ['2026-01-29', { offset: 0, limit: 12 }],
      ]);
      expect(asked[1]!.filters.domains).to.have.length(12);
      const lines = text.split('\r\n').filter(Boolean);
      expect(lines).to.have.length(13);
      expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).to.deep.equal(
        Array.from({ length: 12 }, (_, i) => `${i + 1},d${i + 1}.example,${(12 - i) * 10}`),
      );
      expect(lines[1]!.endsWith(',50,140')).to.equal(true);
      expect(lines[12]!.endsWith(',0,new')).to.equal(true);
      // The instant CSV is the page shown, with its ranks.
      expect(el.toCsv()!.split('\r\n').filter(Boolean).map((l) => l.split(',')[0])).to.deep.equal(['Rank', '11', '12']);
    });

    it('exports every page of a domain, saying it is preparing the file and why it failed', async () => {
      let fail = false;
      let release: (() => void) | undefined;
      const p = fakeProvider({
        domains: (q) => domainsResult(12, q.page.offset, q.page.limit),
        urls: async (q) => {
          if (q.page.limit > 5) {
            await new Promise<void>((r) => (release = r));
            if (fail) throw new Error('export service down');
          }
          return urlsResult(URLS.slice(q.page.offset, q.page.offset + q.page.limit), URLS.length);
        },
        timeline: () => ({ granularity: 'day', points: timelinePoints(['2026-03-31'], [7]) }),
      });
      const el = await make(p, { domain: 'd1.example' });
      let saved: { name: string; href: string } | undefined;
      let blob: Blob | undefined;
      const createObjectURL = URL.createObjectURL;
      URL.createObjectURL = (b: Blob | MediaSource) => {
        blob = b as Blob;
        return createObjectURL.call(URL, b);
      };
      const onClick = (e: Event) => {
        const a = e.target as HTMLAnchorElement;
        if (a.tagName === 'A' && a.download) {
          e.preventDefault();
          saved = { name: a.download, href: a.href };
        }
      };
      document.addEventListener('click', onClick, true);
      try {
        root(el).querySelector<HTMLButtonElement>('button.export')!.click();
        await el.updateComplete;
        const status = () => root(el).querySelector('.csv-status')!.textContent!.trim();
        expect(status()).to.equal('Preparing the CSV of 6 rows…');
        await until(() => release !== undefined);
        release!();
        await until(() => saved !== undefined);
        expect(saved!.name).to.equal('pages-of-d1-example_2026-03-01_2026-03-31.csv');
        const text = await blob!.text();
        const lines = text.replace(/^\ufeff/, '').split('\r\n').filter(Boolean);
        expect(lines).to.have.length(7);
        expect(lines[6]!.startsWith('6,"data:text/html,<b>x</b>",5,')).to.equal(true);
        expect((last(p.calls, 'urls') as UrlsQuery).page).to.deep.equal({ offset: 0, limit: 6 });
        await el.updateComplete;
        expect(status()).to.equal('');

        fail = true;
        release = undefined;
        root(el).querySelector<HTMLButtonElement>('button.export')!.click();
        await until(() => release !== undefined);
        release!();
        await until(() => status() !== 'Preparing the CSV of 6 rows…');
        expect(status()).to.equal('The CSV could not be prepared: export service down');
        expect(root(el).querySelector('[role=alert]')).to.equal(null); // the panel itself still shows its data
        expect(root(el).querySelectorAll('tbody tr')).to.have.length(5);
        await expect(el).to.be.accessible();
      } finally {
        document.removeEventListener('click', onClick, true);
        URL.createObjectURL = createObjectURL;
      }
    });
  });

  it('gives up the CSV of every row after the timeout, and forgets an export when the element leaves the page', async () => {
    const p = fakeProvider({
      domains: (q) => (q.page.limit > 5 ? new Promise(() => {}) : domainsResult(12, q.page.offset, q.page.limit)),
    });
    const el = await make(p, { timeout: '150' });
    const status = () => root(el).querySelector('.csv-status')!.textContent!.trim();
    root(el).querySelector<HTMLButtonElement>('button.export')!.click();
    await el.updateComplete;
    expect(status()).to.equal('Preparing the CSV of 12 rows…');
    await until(() => status() !== 'Preparing the CSV of 12 rows…', 3000);
    expect(status()).to.match(/^The CSV could not be prepared: The data source did not answer within [\d.]+ seconds\.$/);
    root(el).querySelector<HTMLButtonElement>('button.export')!.click();
    await el.updateComplete;
    expect(status()).to.equal('Preparing the CSV of 12 rows…');
    el.remove();
    document.body.append(el);
    await el.updateComplete;
    expect(status()).to.equal('');
  });

  it('shows the empty state with no domains, and errors in its own panel', async () => {
    const empty = await make(fakeProvider({ domains: () => ({ rows: [], total: 0, totals: metricTotals(0) }) }));
    expect(root(empty).textContent).to.contain('No data for this period');
    await expect(empty).to.be.accessible();
    const bad = await make(failingProvider('domains down') as never);
    expect(root(bad).querySelector('[role=alert]')!.textContent).to.contain('domains down');
  });

  it('asks with the default sort when attributes drill at start (no domains query)', async () => {
    const p = provider();
    await make(p, { domain: 'd3.example', granularity: 'month' });
    expect(kinds(p.calls).sort()).to.deep.equal(['timeline', 'urls']);
    expect((last(p.calls, 'timeline') as TimelineQuery).granularity).to.equal('month');
    void (p.calls[0] as DomainsQuery);
  });
});
