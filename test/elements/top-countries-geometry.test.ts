/**
 * Where `<top-countries>` gets its geometry: by default the module that comes with the package (no request at all),
 * else the URL a host names (`geometry-url`, or `setDefaultGeometryUrl` for every map). And the committed module is
 * world-atlas's file, unchanged.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/top-countries/define.js';
import type { TopCountries } from '../../src/elements/top-countries/top-countries.js';
import { defaultGeometryUrl, setDefaultGeometryUrl } from '../../src/elements/top-countries/atlas.js';
import geometry from '../../src/elements/top-countries/countries-110m.js';
import { fakeProvider, until } from '../support/providers.js';
import { geoResult } from '../support/breakdowns.js';

const ATLAS = '/node_modules/world-atlas/countries-110m.json';
const provider = () => fakeProvider({ geo: () => geoResult('country', [{ code: 'FR', name: 'France', plays: 3 }, { code: 'BR', name: 'Brazil', plays: 1 }]) });

/** Requests for TopoJSON/JSON files made while `run` runs, from the Resource Timing entries. */
async function jsonRequests(run: () => Promise<void>): Promise<string[]> {
  performance.clearResourceTimings();
  await run();
  return performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.json(\?|$)/.test(n));
}

async function show(attrs = ''): Promise<TopCountries> {
  const node = document.createElement('top-countries');
  node.setAttribute('entry-id', 'e1');
  node.setAttribute('time-zone', 'UTC');
  if (attrs) node.setAttribute('geometry-url', attrs);
  node.provider = provider();
  const el = await fixture<TopCountries>(html`${node}`);
  await el.whenLoaded();
  await until(() => el.shadowRoot!.querySelector('svg.map') !== null || el.shadowRoot!.querySelector('.map-message[role=note]') !== null, 10_000);
  return el;
}
const countryPaths = (el: TopCountries) => el.shadowRoot!.querySelectorAll('svg.map path').length;

describe('<top-countries> geometry', () => {
  afterEach(() => setDefaultGeometryUrl(undefined));

  it('the committed geometry module is world-atlas countries-110m.json, unchanged', async () => {
    const file = await (await fetch(ATLAS)).json();
    expect(geometry).to.deep.equal(file);
  });

  it('draws the map from the module that comes with the package, without fetching any file', async () => {
    let el!: TopCountries;
    const requests = await jsonRequests(async () => {
      el = await show();
    });
    expect(requests).to.deep.equal([]);
    expect(countryPaths(el)).to.be.greaterThan(150);
    await expect(el).to.be.accessible();
  });

  it('fetches the file a host names with setDefaultGeometryUrl, and geometry-url over that', async () => {
    setDefaultGeometryUrl(`${ATLAS}?default`);
    expect(defaultGeometryUrl()).to.equal(`${ATLAS}?default`);
    let requests = await jsonRequests(async () => {
      const el = await show();
      expect(countryPaths(el)).to.be.greaterThan(150);
      el.remove(); // the next map must be on screen to load
    });
    expect(requests.map((r) => new URL(r).search)).to.deep.equal(['?default']);
    requests = await jsonRequests(async () => {
      expect(countryPaths(await show(`${ATLAS}?own`))).to.be.greaterThan(150);
    });
    expect(requests.map((r) => new URL(r).search)).to.deep.equal(['?own']);
    setDefaultGeometryUrl('');
    expect(defaultGeometryUrl()).to.equal(undefined);
  });
});
