import { expect } from '@open-wc/testing';
import {
  atlasCountries,
  AtlasFormatError,
  angularDistance,
  choroplethClass,
  choroplethLegend,
  choroplethThresholds,
  countryLayout,
  mainland,
  placePoints,
  worldLayout,
  worldHeight,
  type AtlasCountry,
} from '../../src/charts/geo.js';
import { COUNTRY_POINTS, countryPoint } from '../../src/charts/country-points.js';

let countries: AtlasCountry[];
before(async () => {
  const res = await fetch('/node_modules/world-atlas/countries-110m.json');
  countries = atlasCountries(await res.json());
});

const numbers = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

describe('geo layout', () => {
  it('reads the atlas into countries keyed by alpha-2, Kosovo as XK, nameless features without a code', () => {
    expect(countries).to.have.length(177);
    const fr = countries.find((c) => c.code === 'FR')!;
    expect(fr.name).to.equal('France');
    expect(countries.find((c) => c.code === 'XK')!.name).to.equal('Kosovo');
    const uncoded = countries.filter((c) => !c.code).map((c) => c.name);
    expect(uncoded.sort()).to.deep.equal(['N. Cyprus', 'Somaliland']);
  });

  it('has a point for small countries the atlas has no outline for, and projects it on the world map', () => {
    const outlined = new Set(countries.map((c) => c.code));
    const codes = Object.keys(COUNTRY_POINTS);
    expect(codes).to.include.members(['SG', 'HK', 'BH', 'MT']);
    expect(codes.filter((c) => outlined.has(c)), 'codes that have an outline').to.deep.equal([]);
    for (const [code, p] of Object.entries(COUNTRY_POINTS)) {
      expect(p.lat, code).to.be.within(-90, 90);
      expect(p.lon, code).to.be.within(-180, 180);
    }
    expect(countryPoint('sg', {})).to.deep.equal(COUNTRY_POINTS['SG']);
    expect(countryPoint('SG', { lat: 1.3, lon: 103.9 })).to.deep.equal({ lat: 1.3, lon: 103.9 });
    expect(countryPoint('FR', {})).to.equal(undefined);
    const layout = worldLayout(countries, 800, worldHeight(800));
    const sg = layout.project!(COUNTRY_POINTS['SG']!)!;
    const my = layout.shapes.find((s) => s.code === 'MY')!.anchor!;
    expect(Math.hypot(sg[0] - my[0], sg[1] - my[1]), 'Singapore near Malaysia').to.be.below(20);
    const it = layout.shapes.find((s) => s.code === 'IT')!.anchor!;
    const mt = layout.project!(COUNTRY_POINTS['MT']!)!;
    expect(mt[1], 'Malta south of Italy').to.be.above(it[1]);
  });

  it('rejects what is not a countries topology', () => {
    expect(() => atlasCountries({ nope: 1 })).to.throw(AtlasFormatError);
    expect(() => atlasCountries(null)).to.throw(AtlasFormatError);
    expect(() => atlasCountries({ type: 'Topology', objects: { land: {} }, arcs: [] })).to.throw(AtlasFormatError);
  });

  it('fits the world into the box, every country inside it', () => {
    const layout = worldLayout(countries, 800, worldHeight(800));
    expect(layout.height).to.equal(400);
    expect(layout.sphere.startsWith('M')).to.equal(true);
    for (const s of layout.shapes) {
      expect(s.d, s.name).to.match(/^M/);
      const n = numbers(s.d);
      const xs = n.filter((_, i) => i % 2 === 0);
      const ys = n.filter((_, i) => i % 2 === 1);
      expect(Math.min(...xs), s.name).to.be.at.least(3.9);
      expect(Math.max(...xs), s.name).to.be.at.most(796.1);
      expect(Math.min(...ys), s.name).to.be.at.least(3.9);
      expect(Math.max(...ys), s.name).to.be.at.most(396.1);
    }
    // Europe is in the upper middle, Australia lower right.
    const fr = layout.shapes.find((s) => s.code === 'FR')!.anchor!;
    const au = layout.shapes.find((s) => s.code === 'AU')!.anchor!;
    expect(fr[0]).to.be.within(350, 450);
    expect(fr[1]).to.be.below(200);
    expect(au[0]).to.be.above(600);
    expect(au[1]).to.be.above(200);
  });

  it('keeps the mainland of a country with far-off parts', () => {
    const fr = countries.find((c) => c.code === 'FR')!.feature;
    expect(fr.geometry.type).to.equal('MultiPolygon');
    const main = mainland(fr);
    const before = (fr.geometry as { coordinates: unknown[] }).coordinates.length;
    const after = (main.geometry as { coordinates: unknown[] }).coordinates.length;
    expect(after).to.be.below(before); // French Guiana left out
  });

  it('zooms on a country: its outline fills the view and its cities project inside it', () => {
    const paris = { lon: 2.35, lat: 48.86 };
    const lyon = { lon: 4.84, lat: 45.76 };
    const layout = countryLayout(countries, 'fr', [paris, lyon], 600, 400);
    const fr = layout.shapes.find((s) => s.code === 'FR')!;
    const n = numbers(fr.d);
    const xs = n.filter((_, i) => i % 2 === 0);
    expect(Math.max(...xs) - Math.min(...xs)).to.be.above(250); // zoomed in: France spans much of the width
    const p = layout.project(paris)!;
    const l = layout.project(lyon)!;
    expect(p[1]).to.be.below(l[1]); // Paris north of Lyon
    expect(p[0]).to.be.below(l[0]); // and west of it
    for (const v of [...p, ...l]) expect(v).to.be.within(0, 600);
    // The far side of the globe is hidden.
    expect(layout.project({ lon: -177, lat: -45 })).to.equal(undefined);
    // Australia is clipped away entirely.
    expect(layout.shapes.find((s) => s.code === 'AU')!.d).to.equal('');
  });

  it('zooms on a country that spans the antimeridian without tearing it', () => {
    const layout = countryLayout(countries, 'RU', [], 600, 400);
    const ru = layout.shapes.find((s) => s.code === 'RU')!;
    const n = numbers(ru.d);
    const xs = n.filter((_, i) => i % 2 === 0);
    expect(Math.min(...xs)).to.be.at.least(0);
    expect(Math.max(...xs)).to.be.at.most(600);
    expect(Math.max(...xs) - Math.min(...xs)).to.be.above(400);
  });

  it('fits the points when the atlas has no outline for the country', () => {
    const sg = { lon: 103.85, lat: 1.29 };
    const layout = countryLayout(countries, 'SG', [sg], 400, 300);
    const [x, y] = layout.project(sg)!;
    expect(x).to.be.closeTo(200, 1);
    expect(y).to.be.closeTo(150, 1);
  });

  it('measures angular distances', () => {
    expect(angularDistance([0, 0], [90, 0])).to.be.closeTo(90, 1e-9);
    expect(angularDistance([0, 90], [0, -90])).to.be.closeTo(180, 1e-9);
    expect(angularDistance([10, 20], [10, 20])).to.equal(0);
  });

  it('spaces choropleth classes by square root, rounded', () => {
    expect(choroplethThresholds(1000, 5)).to.deep.equal([40, 160, 360, 640]);
    expect(choroplethThresholds(0, 5)).to.deep.equal([]);
    expect(choroplethThresholds(3, 5)).to.deep.equal([1, 2]);
    expect(choroplethThresholds(10, 5, false)).to.deep.equal([0.4, 1.6, 3.6, 6.4]);
    const t = [40, 160, 360, 640];
    expect([0, 1, 39, 40, 159, 360, 1000].map((v) => choroplethClass(v, t))).to.deep.equal([0, 1, 1, 2, 2, 4, 5]);
    expect(choroplethLegend(t)).to.deep.equal([
      { cls: 1, from: 0, to: 40 },
      { cls: 2, from: 40, to: 160 },
      { cls: 3, from: 160, to: 360 },
      { cls: 4, from: 360, to: 640 },
      { cls: 5, from: 640, to: undefined },
    ]);
  });

  it('sizes circles by square root, leaves out places without coordinates, draws large ones first', () => {
    const rows = [
      { name: 'a', v: 25, c: { lon: 1, lat: 1 } },
      { name: 'b', v: 100, c: { lon: 2, lat: 2 } },
      { name: 'c', v: 50, c: undefined },
      { name: 'd', v: 0, c: { lon: 3, lat: 3 } },
      { name: 'e', v: 1, c: { lon: 4, lat: 4 } },
    ];
    const pts = placePoints(
      rows,
      (r) => r.v,
      (r) => r.c,
      (p) => [p.lon * 10, p.lat * 20],
      20,
      3,
    );
    expect(pts.map((p) => p.item.name)).to.deep.equal(['b', 'a', 'e', 'd']);
    expect(pts[0]!.r).to.equal(20);
    expect(pts[1]!.r).to.equal(10);
    expect(pts[2]!.r).to.equal(3); // 2 px by area, raised to the minimum
    expect(pts[3]!.r).to.equal(1.5);
    expect([pts[0]!.x, pts[0]!.y]).to.deep.equal([20, 40]);
  });
});
