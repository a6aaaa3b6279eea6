/**
 * `filterValues` over Kaltura: answered from the reports that rank each field, asked through the provider's own
 * queries (here a stand-in for them), searched, merged and limited; fields without such a report fail clearly.
 */
import { expect } from '@open-wc/testing';
import { kalturaFilterValues } from '../../src/data/kaltura/filter-values.js';
import type { DataProvider, FilterValuesQuery, Query } from '../../src/data/types.js';
import { validateResult } from '../../src/data/validate.js';

const base = { entryId: '1_x', range: { from: '2026-03-01', to: '2026-03-31' }, timeZone: 'UTC', filters: {} };
const breakdown = { impressions: 0, uniqueViewers: 0, minutesViewed: 0, avgCompletionRate: 0, avgDropOffRate: 0, distribution: 0, playImpressionRatio: 0 };

function reports(asked: Query[]): DataProvider {
  return async (q) => {
    asked.push(q);
    switch (q.kind) {
      case 'geo':
        return q.level === 'country'
          ? { level: 'country', rows: [{ code: 'fr', name: 'France', ...breakdown, plays: 5 }, { code: 'US', name: 'United States', ...breakdown, plays: 9 }], totals: { ...breakdown, plays: 14 } }
          : { level: 'region', rows: [{ name: q.country === 'FR' ? 'Bretagne' : 'Texas', ...breakdown, plays: 3 }, { name: 'Springfield', ...breakdown, plays: 1 }], totals: { ...breakdown, plays: 4 } };
      case 'users':
        return { rows: [{ userId: 'u1', name: 'Ana Souza', impressions: 2, plays: 2, avgCompletionRate: 0, totalCompletionRate: 0 }], total: 1 };
      case 'devices':
        return { rows: [{ device: 'Mobile', ...breakdown, plays: 4 }], totals: { ...breakdown, plays: 4 } };
      default:
        throw new Error(`unexpected ${q.kind}`);
    }
  };
}

const q = (over: Partial<FilterValuesQuery>): FilterValuesQuery => ({ ...base, kind: 'filterValues', field: 'countries', limit: 10, ...over });
const signal = new AbortController().signal;

describe('Kaltura filterValues', () => {
  it('lists countries from the country report, upper-case codes, most plays first', async () => {
    const r = await kalturaFilterValues(q({}), reports([]), signal);
    expect(validateResult('filterValues', r).values).to.deep.equal([
      { value: 'US', label: 'United States', plays: 9 },
      { value: 'FR', label: 'France', plays: 5 },
    ]);
    const searched = await kalturaFilterValues(q({ search: 'fra', limit: 1 }), reports([]), signal);
    expect(searched).to.deep.equal({ field: 'countries', values: [{ value: 'FR', label: 'France', plays: 5 }], total: 1 });
  });

  it('lists regions of the filtered countries, merging equal names', async () => {
    const asked: Query[] = [];
    const r = await kalturaFilterValues(q({ field: 'regions', filters: { countries: ['FR', 'US'] } }), reports(asked), signal);
    expect(asked.map((a) => (a.kind === 'geo' ? a.country : ''))).to.deep.equal(['FR', 'US']);
    expect(r.values).to.deep.equal([
      { value: 'Bretagne', label: '', plays: 3 },
      { value: 'Texas', label: '', plays: 3 },
      { value: 'Springfield', label: '', plays: 2 },
    ]);
    let error: unknown;
    try {
      await kalturaFilterValues(q({ field: 'regions' }), reports([]), signal);
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain('need a country filter');
  });

  it('searches users through the users report, and says which fields it cannot list', async () => {
    const asked: Query[] = [];
    const r = await kalturaFilterValues(q({ field: 'users', search: 'souza' }), reports(asked), signal);
    expect(asked[0]).to.include({ kind: 'users', search: 'souza' });
    expect(r.values).to.deep.equal([{ value: 'u1', label: 'Ana Souza', plays: 2 }]);
    const devices = await kalturaFilterValues(q({ field: 'devices' }), reports([]), signal);
    expect(devices.values).to.deep.equal([{ value: 'Mobile', label: '', plays: 4 }]);
    for (const field of ['cities', 'categories', 'urls'] as const) {
      let error: unknown;
      try {
        await kalturaFilterValues(q({ field }), reports([]), signal);
      } catch (e) {
        error = e;
      }
      expect(String(error), field).to.contain(`no report lists the values of "${field}"`);
    }
  });
});
