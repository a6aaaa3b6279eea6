import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/top-domains-table/define.js';
import type { TopDomainsTable } from '../../src/elements/top-domains-table/top-domains-table.js';
import type { DomainsQuery, Query, TimelineQuery, UrlsQuery } from '../../src/data/types.js';
import { fakeProvider, failingProvider, until } from '../support/providers.js';
import { domainsResult, metricTotals, timelinePoints, urlsResult } from '../support/breakdowns.js';

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
    let lines = el.toCsv()!.split('\r\n');
    expect(lines[0]).to.equal(
      'rank,domain,plays,distribution,impressions,playImpressionRatio,minutesViewed,avgCompletionRate,avgDropOffRate,uniqueViewers',
    );
    expect(lines[1]).to.equal('1,d1.example,120,10,240,50,420,40,30,60');
    el.domain = 'd1.example';
    await settle(el);
    lines = el.toCsv()!.split('\r\n');
    expect(lines[0]!.startsWith('rank,url,plays')).to.equal(true);
    expect(lines[3]).to.equal('3,javascript:alert(1),15,1.5,30,50,52.5,40,30,8');
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
