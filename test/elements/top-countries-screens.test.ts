import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/elements/top-countries/define.js';
import type { TopCountries } from '../../src/elements/top-countries/top-countries.js';
import { fakeProvider, until } from '../support/providers.js';
import { geoResult } from '../support/breakdowns.js';
import { setMapModuleImporter, type MapModule } from '../../src/elements/top-countries/atlas.js';

const ATLAS = '/node_modules/world-atlas/countries-110m.json';
const root = (el: Element) => el.shadowRoot!;

const COUNTRIES = [
  { code: 'US', name: 'United States', plays: 500 },
  { code: 'FR', name: 'France', plays: 200 },
  { code: 'DE', name: 'Germany', plays: 150 },
  { code: 'BR', name: 'Brazil', plays: 90 },
  { code: 'IN', name: 'India', plays: 70 },
  { code: 'SG', name: 'Singapore', plays: 50 },
];

const provider = () =>
  fakeProvider({
    geo: (q) =>
      q.level === 'country'
        ? geoResult('country', COUNTRIES)
        : geoResult('region', [{ name: 'Île-de-France', plays: 120, lat: 48.86, lon: 2.35 }]),
  });

async function make(): Promise<TopCountries> {
  const el = await fixture<TopCountries>(
    html`<top-countries entry-id="e1" from="2026-03-01" to="2026-03-31" time-zone="UTC" geometry-url=${ATLAS} .provider=${provider()}></top-countries>`,
  );
  await el.whenLoaded();
  return el;
}

describe('<top-countries> on screens', function () {
  this.timeout(60_000);
  afterEach(async () => {
    setMapModuleImporter(undefined);
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [320, 375, 768]) {
    it(`reserves the map's height before it loads: the table does not move when the map appears (${width} px)`, async () => {
      await setViewport({ width, height: 900 });
      let release!: (m: MapModule) => void;
      setMapModuleImporter(() => new Promise<MapModule>((r) => (release = r)));
      const el = await make();
      await until(() => typeof release === 'function');
      const table = () => root(el).querySelector<HTMLElement>('.table-side')!;
      const before = table().getBoundingClientRect().top;
      release(await import('../../src/elements/top-countries/map-layout.js'));
      await until(() => root(el).querySelector('svg.map') !== null);
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      const after = table().getBoundingClientRect().top;
      console.log(`map layout shift at ${width} px: table top ${before.toFixed(1)} → ${after.toFixed(1)} (${(after - before).toFixed(1)} px)`);
      expect(Math.abs(after - before), `table moved by ${after - before} px`).to.be.at.most(1);
      expect(document.documentElement.scrollWidth, 'no horizontal page overflow').to.be.at.most(width);
      await expect(el).to.be.accessible();
    });
  }

  it('Escape goes up one drill level (country → world), keeping focus on the map', async () => {
    const el = await make();
    await until(() => root(el).querySelector('svg.map path.mark') !== null);
    const fr = root(el).querySelector<SVGElement>('svg.map path.mark[data-code=FR]')!;
    fr.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await until(() => el.country === 'FR');
    await el.whenLoaded();
    await until(() => root(el).querySelector('svg.map circle.mark') !== null);
    const circle = root(el).querySelector<SVGElement>('svg.map circle.mark')!;
    circle.focus();
    circle.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    await until(() => el.country === '');
    await el.whenLoaded();
    await until(() => root(el).querySelector('svg.map path.mark') !== null);
    expect(root(el).querySelector('.crumbs')).to.equal(null);
    await until(() => root(el).activeElement?.classList.contains('mark') === true);
  });

  it('draws countries the atlas has no outline for (Singapore, Malta) as dots, focusable in the table’s order', async () => {
    const el = await fixture<TopCountries>(
      html`<top-countries entry-id="e1" from="2026-03-01" to="2026-03-31" time-zone="UTC" geometry-url=${ATLAS} .provider=${fakeProvider({
        geo: () =>
          geoResult('country', [
            ...COUNTRIES,
            { code: 'MT', name: 'Malta', plays: 40 },
            { code: 'BH', name: 'Bahrain', plays: 30, lat: 26.1, lon: 50.5 },
          ]),
      })}></top-countries>`,
    );
    await el.whenLoaded();
    await until(() => root(el).querySelector('svg.map .mark') !== null);
    const dots = [...root(el).querySelectorAll<SVGCircleElement>('svg.map circle.country-point')];
    expect(dots.map((d) => d.dataset['code']).sort()).to.deep.equal(['BH', 'MT', 'SG']);
    for (const d of dots) {
      expect(d.getAttribute('role')).to.equal('button');
      expect(d.getAttribute('tabindex')).to.equal('-1');
      expect(Number(d.getAttribute('r'))).to.be.greaterThan(3);
    }
    const sg = dots.find((d) => d.dataset['code'] === 'SG')!;
    expect(sg.getAttribute('aria-label')).to.contain('Singapore');
    // Singapore lies east of India and south of it on the map.
    const india = root(el).querySelector<SVGPathElement>('svg.map path.mark[data-code=IN]')!.getBBox();
    expect(Number(sg.getAttribute('cx'))).to.be.greaterThan(india.x + india.width / 2);
    expect(Number(sg.getAttribute('cy'))).to.be.greaterThan(india.y + india.height / 2);
    // The marks follow the table: India (5th), then Singapore (6th), Malta, Bahrain.
    const marks = [...root(el).querySelectorAll<SVGElement>('svg.map .marks .mark')].sort(
      (a, b) => Number(a.dataset['i']) - Number(b.dataset['i']),
    );
    expect(marks.map((m) => m.dataset['code'])).to.deep.equal(['US', 'FR', 'DE', 'BR', 'IN', 'SG', 'MT', 'BH']);
    marks[0]!.focus();
    marks[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true, cancelable: true }));
    await until(() => root(el).activeElement === root(el).querySelector('circle.country-point[data-code=BH]'));
    expect(root(el).querySelector('.tooltip')!.textContent).to.contain('Bahrain');
    root(el).activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
    await until(() => el.country === 'BH');
    await expect(el).to.be.accessible();
  });
});
