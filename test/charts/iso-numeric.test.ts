import { expect } from '@open-wc/testing';
import { ISO_NUMERIC, ATLAS_NAME_BY_ALPHA2, alpha2ToNumeric, numericToAlpha2 } from '../../src/charts/iso-numeric.js';

interface AtlasGeometry {
  id?: string;
  properties: { name: string };
}
const atlas = async (): Promise<AtlasGeometry[]> => {
  const res = await fetch('/node_modules/world-atlas/countries-110m.json');
  const json = await res.json();
  return json.objects.countries.geometries;
};

describe('ISO 3166-1 alpha-2 → numeric', () => {
  it('lists all 249 assigned codes, each once, with distinct three-digit numbers', () => {
    const entries = Object.entries(ISO_NUMERIC);
    expect(entries).to.have.length(249);
    for (const [alpha2, numeric] of entries) {
      expect(alpha2, alpha2).to.match(/^[A-Z]{2}$/);
      expect(numeric, alpha2).to.match(/^\d{3}$/);
    }
    expect(new Set(entries.map(([, n]) => n)).size).to.equal(249);
  });

  it('knows well-known codes', () => {
    expect(alpha2ToNumeric('FR')).to.equal('250');
    expect(alpha2ToNumeric('us')).to.equal('840');
    expect(alpha2ToNumeric('AF')).to.equal('004');
    expect(alpha2ToNumeric('GB')).to.equal('826');
    expect(alpha2ToNumeric('SS')).to.equal('728');
    expect(alpha2ToNumeric('XK')).to.equal(undefined);
    expect(alpha2ToNumeric('ZZ')).to.equal(undefined);
    expect(numericToAlpha2('036')).to.equal('AU');
    expect(numericToAlpha2(4)).to.equal('AF');
    expect(numericToAlpha2('4')).to.equal('AF');
    expect(numericToAlpha2('999')).to.equal(undefined);
    expect(numericToAlpha2('abc')).to.equal(undefined);
  });

  it('maps every id of the world-atlas countries file back to a code', async () => {
    const geometries = await atlas();
    expect(geometries.length).to.be.greaterThan(170);
    const ids = geometries.map((g) => g.id).filter((id): id is string => Boolean(id));
    expect(ids.length).to.be.greaterThan(170);
    const unmatched = ids.filter((id) => numericToAlpha2(id) === undefined);
    expect(unmatched).to.deep.equal([]);
    for (const id of ids) expect(alpha2ToNumeric(numericToAlpha2(id)!)).to.equal(id);
  });

  it('matches the extra codes to atlas features without an id by name', async () => {
    const geometries = await atlas();
    for (const name of Object.values(ATLAS_NAME_BY_ALPHA2))
      expect(geometries.some((g) => !g.id && g.properties.name === name), name).to.equal(true);
  });
});
