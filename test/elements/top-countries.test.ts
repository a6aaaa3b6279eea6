import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/top-countries/define.js';
import type { TopCountries } from '../../src/elements/top-countries/top-countries.js';
import type { GeoQuery, Query } from '../../src/data/types.js';
import { fakeProvider, failingProvider, until } from '../support/providers.js';
import { geoResult, metricTotals } from '../support/breakdowns.js';
import { setMapModuleImporter, type MapModule } from '../../src/elements/top-countries/atlas.js';

const ATLAS = '/node_modules/world-atlas/countries-110m.json';
const root = (el: Element) => el.shadowRoot!;
const texts = (el: Element, sel: string) =>
  [...root(el).querySelectorAll(sel)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
const cells = (el: Element, row: number) =>
  [...root(el).querySelectorAll('.table-side tbody tr')[row]!.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
const geoCalls = (calls: Query[]) =>
  calls.filter((c): c is GeoQuery => c.kind === 'geo').map((c) => ({ level: c.level, country: c.country, region: c.region }));

const COUNTRIES = [
  { code: 'US', name: 'United States', plays: 500 },
  { code: 'FR', name: 'France', plays: 200 },
  { code: 'DE', name: 'Germany', plays: 150 },
  { code: 'SG', name: 'Singapore', plays: 50 }, // not in the 110m atlas: table only
  { code: 'XK', name: 'Kosovo', plays: 40 },
  { name: 'Unknown', plays: 10 },
];

function provider() {
  return fakeProvider({
    geo: (q) => {
      if (q.level === 'country') return geoResult('country', COUNTRIES);
      if (q.level === 'region')
        return geoResult('region', [
          { name: 'Île-de-France', plays: 120, lat: 48.86, lon: 2.35 },
          { name: 'Auvergne-Rhône-Alpes', plays: 60, lat: 45.76, lon: 4.84 },
          { name: 'Nowhere', plays: 20 },
        ]);
      return geoResult('city', [
        { name: 'Paris', plays: 100, lat: 48.86, lon: 2.35 },
        { name: 'Versailles', plays: 20, lat: 48.8, lon: 2.13 },
      ]);
    },
  });
}

async function make(p: ReturnType<typeof provider> | ReturnType<typeof failingProvider> = provider(), attrs: Record<string, string> = {}) {
  const node = document.createElement('top-countries');
  const all: Record<string, string> = { 'entry-id': 'e1', from: '2026-03-01', to: '2026-03-31', 'time-zone': 'UTC', 'geometry-url': ATLAS, ...attrs };
  for (const [k, v] of Object.entries(all)) node.setAttribute(k, v);
  node.provider = p as never;
  node.filters = { devices: ['Mobile'] };
  const el = await fixture<TopCountries>(html`${node}`);
  await el.whenLoaded();
  return el;
}
const mapReady = (el: TopCountries) => until(() => root(el).querySelector('svg.map') !== null || root(el).querySelector('.map-message[role=note]') !== null);
const settle = async (el: TopCountries) => {
  await el.updateComplete;
  await el.whenLoaded();
};

describe('<top-countries>', () => {
  it('asks for countries and shows the ranked table with localised names', async () => {
    const p = provider();
    const el = await make(p);
    expect(p.calls).to.deep.equal([
      {
        kind: 'geo',
        level: 'country',
        entryId: 'e1',
        range: { from: '2026-03-01', to: '2026-03-31' },
        timeZone: 'UTC',
        filters: { devices: ['Mobile'] },
      },
    ]);
    expect(texts(el, '.table-side thead th')).to.deep.equal([
      'Rank',
      'Country',
      'Plays',
      'Plays distribution',
      'Player impressions',
      'Minutes viewed',
      'Avg. completion rate',
      'Filter',
    ]);
    expect(cells(el, 0)).to.deep.equal(['1', 'United States', '500', '52.6%', '1,000', '1,750', '40%', 'Filter']);
    expect(cells(el, 1)[1]).to.equal('France');
    expect(cells(el, 5)).to.deep.equal(['6', 'Unknown', '10', '1.1%', '20', '35', '40%', '']);
    await mapReady(el);
    await expect(el).to.be.accessible();
  });

  it('colours the countries of the atlas by the metric, with a legend, and leaves the others blank', async () => {
    const el = await make();
    await mapReady(el);
    const path = (code: string) => root(el).querySelector(`svg.map path[data-code=${code}]`)!;
    expect(path('US').getAttribute('class')).to.match(/\bq5\b/);
    expect(path('FR').getAttribute('class')).to.match(/\bq4\b/); // thresholds for 500: 20, 80, 180, 320
    expect(path('XK').getAttribute('class')).to.match(/\bq2\b/);
    expect(path('BR').getAttribute('class')).to.match(/\bq0\b/);
    // The map's styles arrive with its code: the darkest class is the series colour, no data the alternate surface.
    expect(getComputedStyle(path('US')).fill).to.equal('rgb(28, 95, 184)');
    expect(getComputedStyle(path('BR')).fill).to.equal('rgb(245, 247, 250)');
    expect(getComputedStyle(root(el).querySelector('.legend .swatch.q5')!).backgroundColor).to.equal('rgb(28, 95, 184)');
    expect(path('US').getAttribute('role')).to.equal('button');
    expect(path('BR').getAttribute('role')).to.equal(null);
    expect(path('FR').getAttribute('aria-label')).to.equal('France: Plays 200 (21.1% of plays)');
    expect(texts(el, '.legend li')).to.deep.equal(['No data', '0 – 20', '20 – 80', '80 – 180', '180 – 320', '320 or more']);
    expect(root(el).querySelector('svg.map')!.getAttribute('aria-label')).to.equal('World map of Plays by country');
    // Choosing another metric recolours without asking again.
    const select = root(el).querySelector<HTMLSelectElement>('select')!;
    select.value = 'impressions';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(texts(el, '.legend li')[5]).to.equal('640 or more');
    expect(path('FR').getAttribute('aria-label')).to.equal('France: Player impressions 400 (21.1% of plays)');
  });

  it('keeps the table working and says why when the geometry cannot be loaded', async () => {
    for (const [url, reason] of [
      ['/nope/countries.json', 'the server answered HTTP 404'],
      ['/src/charts/geo.ts', 'the file is not JSON'],
      ['/package.json', 'the file is not a world-atlas countries topology'],
    ]) {
      const el = await make(provider(), { 'geometry-url': url! });
      await mapReady(el);
      expect(root(el).querySelector('.map-message')!.textContent).to.equal(
        `The map could not be loaded (${reason}). The table lists every place.`,
      );
      expect(root(el).querySelectorAll('.table-side tbody tr')).to.have.length(6);
      expect(root(el).querySelector('[role=alert]')).to.equal(null);
      await expect(el).to.be.accessible();
      el.remove(); // the next one must be on screen: the map loads when it is first shown
    }
  });

  it('loads the map code and geometry only once the panel is on screen', async () => {
    let imports = 0;
    setMapModuleImporter(() => {
      imports++;
      return import('../../src/elements/top-countries/map-layout.js');
    });
    try {
      const spacer = await fixture<HTMLDivElement>(html`<div style="height: 3000px"></div>`);
      const node = document.createElement('top-countries');
      node.setAttribute('entry-id', 'e1');
      node.setAttribute('geometry-url', ATLAS);
      node.provider = provider();
      spacer.after(node);
      await node.whenLoaded();
      await new Promise((r) => setTimeout(r, 100));
      expect(root(node).querySelector('.map-message')!.textContent).to.equal('Loading the map…');
      expect(root(node).querySelectorAll('.table-side tbody tr')).to.have.length(6);
      expect(imports).to.equal(0);
      node.scrollIntoView();
      await mapReady(node);
      expect(root(node).querySelector('svg.map')).to.exist;
      expect(imports).to.equal(1);
      node.remove();
    } finally {
      setMapModuleImporter(undefined);
    }
  });

  it('renders the table before the map code arrives, then the map', async () => {
    let release!: (m: MapModule) => void;
    setMapModuleImporter(() => new Promise<MapModule>((r) => (release = r)));
    try {
      const el = await make();
      await until(() => release !== undefined); // on screen: the code was asked for…
      expect(cells(el, 0).slice(0, 3)).to.deep.equal(['1', 'United States', '500']); // …and the table did not wait
      expect(root(el).querySelector('.map-message')!.textContent).to.equal('Loading the map…');
      expect(root(el).querySelector('svg.map')).to.equal(null);
      await expect(el).to.be.accessible();
      release(await import('../../src/elements/top-countries/map-layout.js'));
      await mapReady(el);
      expect(root(el).querySelector('svg.map path[data-code=US]')!.getAttribute('class')).to.match(/\bq5\b/);
    } finally {
      setMapModuleImporter(undefined);
    }
  });

  it('says why when the map code cannot be loaded, and keeps the table', async () => {
    setMapModuleImporter(() => Promise.reject(new Error('chunk 404')));
    try {
      const el = await make();
      await mapReady(el);
      expect(root(el).querySelector('.map-message')!.textContent).to.equal(
        'The map could not be loaded (its code did not load: chunk 404). The table lists every place.',
      );
      expect(root(el).querySelectorAll('.table-side tbody tr')).to.have.length(6);
    } finally {
      setMapModuleImporter(undefined);
    }
  });

  it('drills from the map to regions, shows circles where there are coordinates, then to cities, and back', async () => {
    const p = provider();
    const el = await make(p);
    await mapReady(el);
    (root(el).querySelector('svg.map path[data-code=FR]') as SVGPathElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(el);
    expect(el.country).to.equal('FR');
    expect(geoCalls(p.calls).at(-1)).to.deep.equal({ level: 'region', country: 'FR', region: undefined });
    expect(texts(el, '.crumbs li')).to.deep.equal(['World', 'France']);
    expect(texts(el, '.table-side thead th')[1]).to.equal('Region');
    const circles = [...root(el).querySelectorAll<SVGCircleElement>('circle.place')];
    expect(circles.map((c) => c.dataset.name)).to.deep.equal(['Île-de-France', 'Auvergne-Rhône-Alpes']);
    expect(Number(circles[0]!.getAttribute('r'))).to.be.above(Number(circles[1]!.getAttribute('r')));
    // Paris is north-west of Lyon on the zoomed map.
    expect(Number(circles[0]!.getAttribute('cy'))).to.be.below(Number(circles[1]!.getAttribute('cy')));
    expect(texts(el, '.note')).to.deep.equal([
      'Circle area is proportional to Plays.',
      '1 place without coordinates is listed in the table only.',
    ]);
    expect(root(el).querySelector('path.country.target[data-code=FR]')).to.exist;
    expect(root(el).querySelector('svg.map')!.getAttribute('aria-label')).to.equal('Map of Plays by region in France');
    await expect(el).to.be.accessible();

    circles[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(el);
    expect(geoCalls(p.calls).at(-1)).to.deep.equal({ level: 'city', country: 'FR', region: 'Île-de-France' });
    expect(texts(el, '.crumbs li')).to.deep.equal(['World', 'France', 'Île-de-France']);
    expect(root(el).querySelector('.table-side button.drill')).to.equal(null); // cities are the last level
    expect(root(el).querySelector('circle.place')!.getAttribute('role')).to.equal('img');
    await expect(el).to.be.accessible();

    [...root(el).querySelectorAll<HTMLButtonElement>('.crumbs button')][1]!.click();
    await settle(el);
    expect(geoCalls(p.calls).at(-1)).to.deep.equal({ level: 'region', country: 'FR', region: undefined });
    root(el).querySelector<HTMLButtonElement>('.crumbs button')!.click();
    await settle(el);
    expect(geoCalls(p.calls).at(-1)).to.deep.equal({ level: 'country', country: undefined, region: undefined });
    expect(root(el).querySelector('.crumbs')).to.equal(null);
    expect(el.country).to.equal('');
  });

  it('drills from the table too, and not for rows without a code', async () => {
    const p = provider();
    const el = await make(p);
    const drills = [...root(el).querySelectorAll<HTMLButtonElement>('.table-side button.drill')];
    expect(drills.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Show the regions of United States',
      'Show the regions of France',
      'Show the regions of Germany',
      'Show the regions of Singapore',
      'Show the regions of Kosovo',
    ]);
    drills[3]!.click(); // Singapore has no outline at 110m: the map fits its places
    await settle(el);
    expect(geoCalls(p.calls).at(-1)).to.deep.equal({ level: 'region', country: 'SG', region: undefined });
    await mapReady(el);
    expect(root(el).querySelectorAll('circle.place')).to.have.length(2);
  });

  it('moves between places with the keyboard, with tooltip and announcement, and drills with Enter', async () => {
    const p = provider();
    const el = await make(p);
    await mapReady(el);
    const us = root(el).querySelector<SVGPathElement>('path[data-code=US]')!;
    expect(us.getAttribute('tabindex')).to.equal('0');
    expect(root(el).querySelector('path[data-code=FR]')!.getAttribute('tabindex')).to.equal('-1');
    us.focus();
    await el.updateComplete;
    const live = () => root(el).querySelector('.map-live')!.textContent;
    expect(live()).to.equal('United States: Plays 500 (52.6% of plays)');
    expect(root(el).querySelector('.tooltip')!.textContent).to.contain('United States');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    await el.updateComplete;
    expect(live()).to.equal('France: Plays 200 (21.1% of plays)');
    expect(root(el).activeElement!.getAttribute('data-code')).to.equal('FR');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    await el.updateComplete;
    expect(root(el).activeElement!.getAttribute('data-code')).to.equal('XK'); // Singapore is not on the map
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    await el.updateComplete;
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(geoCalls(p.calls).at(-1)).to.deep.equal({ level: 'region', country: 'FR', region: undefined });
  });

  it('fires filter-add for a country, region or city, and nothing on programmatic sets', async () => {
    const el = await make();
    let fired = 0;
    el.addEventListener('filter-add', () => fired++);
    el.metric = 'impressions';
    el.country = 'FR';
    await settle(el);
    el.region = 'Île-de-France';
    await settle(el);
    el.country = '';
    el.region = '';
    el.filters = {};
    await settle(el);
    expect(fired).to.equal(0);
    const b = root(el).querySelectorAll<HTMLButtonElement>('button.filter')[1]!;
    expect(b.getAttribute('aria-label')).to.equal('Filter the dashboard by country: France');
    setTimeout(() => b.click());
    const e = await oneEvent(el, 'filter-add');
    expect(e.detail).to.deep.equal({ field: 'countries', value: 'FR', label: 'France' });
    el.country = 'FR';
    await settle(el);
    const r = root(el).querySelector<HTMLButtonElement>('button.filter')!;
    setTimeout(() => r.click());
    const e2 = await oneEvent(el, 'filter-add');
    expect(e2.detail).to.deep.equal({ field: 'regions', value: 'Île-de-France', label: 'Île-de-France' });
  });

  it('pages the table on the client', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ code: ['US', 'FR', 'DE', 'IT', 'ES', 'GB', 'CA', 'BR', 'JP', 'IN', 'AU', 'MX'][i], name: `c${i}`, plays: 100 - i }));
    const p = fakeProvider({ geo: () => geoResult('country', many) });
    const el = await make(p);
    expect(root(el).querySelectorAll('.table-side tbody tr')).to.have.length(10);
    expect(texts(el, '.pager .status')).to.deep.equal(['Page 1 of 2']);
    root(el).querySelector<HTMLButtonElement>('button.next')!.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('.table-side tbody tr')).to.have.length(2);
    expect(cells(el, 0).slice(0, 2)).to.deep.equal(['11', 'Australia']);
    expect(p.calls).to.have.length(1);
    el.pageSize = 5;
    await el.updateComplete;
    expect(texts(el, '.pager .status')).to.deep.equal(['Page 1 of 3']);
  });

  it('exports the current level as CSV, titled in the page\'s language or by field names, with no empty column', async () => {
    const el = await make();
    const lines = el.toCsv('fields')!.split('\r\n');
    expect(lines[0]).to.equal(
      'rank,code,country,plays,distribution,impressions,playImpressionRatio,uniqueViewers,minutesViewed,avgCompletionRate,avgDropOffRate',
    );
    // Values as shown (one decimal for percents); no lat/lon columns for countries, which never have coordinates.
    expect(lines[2]).to.equal('2,FR,France,200,21.1,400,50,100,700,40,30');
    expect(el.toCsv()!.split('\r\n')[0]).to.equal(
      'Rank,Code,Country,Plays,Plays distribution,Player impressions,Play/impression ratio,Unique viewers,Minutes viewed,Avg. completion rate,Avg. drop-off rate',
    );
    el.country = 'FR';
    await settle(el);
    // Regions have coordinates and no codes: no code column.
    const regions = el.toCsv('fields')!.split('\r\n');
    expect(regions[0]!.startsWith('rank,region,lat,lon,plays,')).to.equal(true);
    // Drilled, the share of all plays is followed by the share of the country.
    expect(regions[0]!.startsWith('rank,region,lat,lon,plays,distribution,shareOfParent,impressions,')).to.equal(true);
    expect(regions[1]).to.equal('1,Île-de-France,48.86,2.35,120,60,60,240,50,60,420,40,30');
    expect(el.toCsv()!.split('\r\n')[0]!.startsWith('Rank,Region,Latitude,Longitude,Plays,')).to.equal(true);
  });

  it('says, drilled in, what each share is a share of: all plays, and the place drilled into', async () => {
    // The regions of France: 200 plays of 950 in the world; the provider's totals are France's.
    const p = fakeProvider({
      geo: (q) =>
        q.level === 'country'
          ? geoResult('country', COUNTRIES)
          : geoResult('region', [
              { name: 'Île-de-France', plays: 150, distribution: 15.8 },
              { name: 'Bretagne', plays: 50, distribution: 5.3 },
            ]),
    });
    const el = await make(p, { country: 'FR' });
    const head = [...root(el).querySelectorAll('thead th')].map((c) => c.textContent!.trim());
    expect(head).to.include('Share of all plays').and.include('Share of France');
    expect(head).to.not.include('Plays distribution');
    const col = head.indexOf('Share of France');
    expect(cells(el, 0)[head.indexOf('Share of all plays')]).to.equal('15.8%');
    expect(cells(el, 0)[col]).to.equal('75%');
    expect(cells(el, 1)[col]).to.equal('25%');
    const th = root(el).querySelectorAll('thead th')[col]!;
    expect(th.getAttribute('title')).to.equal('This row\'s plays as a share of the plays of France.');
    const lines = el.toCsv()!.split('\r\n');
    expect(lines[0]!.startsWith('Rank,Region,Plays,Share of all plays,Share of France,')).to.equal(true);
    expect(lines[1]!.startsWith('1,Île-de-France,150,15.8,75,')).to.equal(true);
    await expect(el).to.be.accessible();
    // At the top, one share: the plays distribution.
    el.country = '';
    await settle(el);
    const top = [...root(el).querySelectorAll('thead th')].map((c) => c.textContent!.trim());
    expect(top).to.include('Plays distribution');
    expect(top.some((h) => h.startsWith('Share of'))).to.equal(false);
  });

  it('leaves out the metrics of playback for an image, in the table, the map menu and the CSV', async () => {
    const el = await make(provider(), { 'entry-type': 'image' });
    const head = [...root(el).querySelectorAll('thead th')].map((c) => c.textContent!.trim());
    expect(head).to.deep.equal(['Rank', 'Country', 'Plays', 'Plays distribution', 'Player impressions', 'Filter']);
    expect([...root(el).querySelectorAll('select option')].map((o) => o.getAttribute('value'))).to.deep.equal([
      'plays',
      'impressions',
      'uniqueViewers',
    ]);
    expect(el.toCsv('fields')!.split('\r\n')[0]).to.equal(
      'rank,code,country,plays,distribution,impressions,playImpressionRatio,uniqueViewers',
    );
    await expect(el).to.be.accessible();
  });

  it('compares with the compare period: plays then and the change, in the table, tooltip, live region and CSV', async () => {
    const p = fakeProvider({
      geo: (q) => {
        const before = q.range.from === '2026-01-29';
        if (q.level === 'country')
          return geoResult(
            'country',
            before
              ? [
                  { code: 'US', name: 'United States', plays: 400 },
                  { code: 'FR', name: 'France', plays: 250 },
                  { code: 'SG', name: 'Singapore', plays: 50 },
                  { code: 'XK', name: 'Kosovo', plays: 0, impressions: 0 },
                  { name: 'Unknown', plays: 8 },
                  { code: 'IT', name: 'Italy', plays: 99 }, // only then: not a row now
                ]
              : COUNTRIES,
          );
        return geoResult('region', before ? [{ name: 'Île-de-France', plays: 100 }] : [
          { name: 'Île-de-France', plays: 120, lat: 48.86, lon: 2.35 },
          { name: 'Auvergne-Rhône-Alpes', plays: 60, lat: 45.76, lon: 4.84 },
        ]);
      },
    });
    const el = await make(p, { 'compare-from': '2026-01-29', 'compare-to': '2026-02-28' });
    expect(geoCalls(p.calls)).to.deep.equal([
      { level: 'country', country: undefined, region: undefined },
      { level: 'country', country: undefined, region: undefined },
    ]);
    expect((p.calls[1] as GeoQuery).range).to.deep.equal({ from: '2026-01-29', to: '2026-02-28' });
    expect((p.calls[1] as GeoQuery).filters).to.deep.equal({ devices: ['Mobile'] });
    expect(texts(el, '.table-side thead th').slice(2, 5)).to.deep.equal(['Plays', 'Plays, compare period', 'Change']);
    expect(root(el).querySelector('.table-side thead th[data-key=playsCompare]')!.getAttribute('title')).to.equal(
      'Compare period: Jan 29 – Feb 28, 2026',
    );
    const compareCols = (row: number) => cells(el, row).slice(1, 5);
    expect(compareCols(0)).to.deep.equal(['United States', '500', '400', '+25%']);
    expect(compareCols(1)).to.deep.equal(['France', '200', '250', '-20%']);
    expect(compareCols(2)).to.deep.equal(['Germany', '150', '0', 'new']);
    expect(compareCols(3)).to.deep.equal(['Singapore', '50', '50', '0%']);
    expect(compareCols(4)).to.deep.equal(['Kosovo', '40', '0', 'new']);
    expect(compareCols(5)).to.deep.equal(['Unknown', '10', '8', '+25%']);
    expect(root(el).querySelector('.table-side tbody tr .change')!.className).to.equal('change up');
    expect(root(el).querySelectorAll('.table-side tbody tr')[1]!.querySelector('.change')!.className).to.equal('change down');

    await mapReady(el);
    const fr = root(el).querySelector<SVGPathElement>('path[data-code=FR]')!;
    expect(fr.getAttribute('aria-label')).to.equal('France: Plays 200 (21.1% of plays); compare period: 250 (-20%)');
    fr.dispatchEvent(new Event('pointerenter'));
    await el.updateComplete;
    expect(root(el).querySelector('.tooltip .tip-compare')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Compare period: Plays 250 (-20%)',
    );
    const select = root(el).querySelector<HTMLSelectElement>('select')!;
    select.value = 'impressions';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(root(el).querySelector('.tooltip .tip-compare')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Compare period: Plays 250 (-20%), Player impressions 500 (-20%)',
    );
    fr.focus();
    await el.updateComplete;
    expect(root(el).querySelector('.map-live')!.textContent).to.equal(
      'France: Player impressions 400 (21.1% of plays); compare period: 500 (-20%)',
    );
    await expect(el).to.be.accessible();

    const lines = el.toCsv('fields')!.split('\r\n');
    expect(lines[0]!.endsWith(',avgDropOffRate,plays 2026-01-29..2026-02-28,playsChange')).to.equal(true);
    expect(lines[1]!.endsWith(',400,25')).to.equal(true);
    expect(lines[2]!.endsWith(',250,-20')).to.equal(true);
    expect(lines[3]!.endsWith(',0,new')).to.equal(true);

    // Drilled: the regions of the compare period, matched by name.
    el.country = 'FR';
    await settle(el);
    expect(geoCalls(p.calls).slice(-2)).to.deep.equal([
      { level: 'region', country: 'FR', region: undefined },
      { level: 'region', country: 'FR', region: undefined },
    ]);
    expect(cells(el, 0).slice(1, 5)).to.deep.equal(['Île-de-France', '120', '100', '+20%']);
    expect(cells(el, 1).slice(1, 5)).to.deep.equal(['Auvergne-Rhône-Alpes', '60', '0', 'new']);
    await mapReady(el);
    expect(root(el).querySelector('circle.place')!.getAttribute('aria-label')).to.equal(
      'Île-de-France: Player impressions 240 (66.7% of plays); compare period: 200 (+20%)',
    );
  });

  it('exports every place of the level as CSV, not only the page shown', async () => {
    const codes = ['US', 'FR', 'DE', 'IT', 'ES', 'GB', 'CA', 'BR', 'JP', 'IN', 'AU', 'MX'];
    const p = fakeProvider({ geo: () => geoResult('country', codes.map((code, i) => ({ code, name: code, plays: 100 - i }))) });
    const el = await make(p, { 'page-size': '5' });
    expect(root(el).querySelectorAll('.table-side tbody tr')).to.have.length(5);
    root(el).querySelector<HTMLButtonElement>('button.next')!.click();
    await el.updateComplete;
    const lines = el.toCsv()!.split('\r\n').filter(Boolean);
    expect(lines).to.have.length(13);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).to.deep.equal(
      codes.map((c, i) => `${i + 1},${c},${new Intl.DisplayNames('en', { type: 'region' }).of(c)}`),
    );
    expect(lines[12]!.split(',')[3]).to.equal('89');
    expect(p.calls).to.have.length(1); // a geo result is complete: the CSV needs no other query
  });

  it('shows the empty state, and an error in its own panel', async () => {
    const empty = await make(fakeProvider({ geo: () => ({ level: 'country', rows: [], totals: metricTotals(0) }) }));
    expect(root(empty).textContent).to.contain('No data for this period');
    await expect(empty).to.be.accessible();
    const bad = await make(failingProvider('geo down'));
    expect(root(bad).querySelector('[role=alert]')!.textContent).to.contain('geo down');
  });
});
