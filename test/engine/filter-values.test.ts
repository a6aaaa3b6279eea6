/**
 * The engine's `filterValues` answers (the dashboard's filter pickers): the values a field takes among the range's
 * sessions with the other filters applied, most plays first, searchable, limited, and consistent with the breakdowns.
 */
import { expect } from '@open-wc/testing';
import { createEventsProvider } from '../../src/data/engine/index.js';
import { generateSample, SAMPLE_VIDEO_ID } from '../../src/data/sample/index.js';
import type { DataProvider, FilterField, FilterValuesResult, Filters, Query, ResultOf } from '../../src/data/types.js';
import { validateResult } from '../../src/data/validate.js';

let provider: DataProvider;
const END = '2026-03-31';
const RANGE = { from: '2026-03-02', to: END };
const ask = async <Q extends Query>(q: Q) =>
  validateResult(q.kind, await provider(q, { signal: new AbortController().signal })) as ResultOf<Q>;
const values = (field: FilterField, filters: Filters = {}, more: { search?: string; limit?: number } = {}) =>
  ask({ kind: 'filterValues', entryId: SAMPLE_VIDEO_ID, range: RANGE, timeZone: 'UTC', filters, field, limit: 500, ...more });

describe('engine filterValues', () => {
  before(() => {
    const data = generateSample({ seed: 7, end: END, days: 60, events: 40_000 });
    provider = createEventsProvider({ entries: data.entries, users: data.users, events: data.events });
  });

  it('lists the countries with data, most plays first, their plays equal to the countries breakdown', async () => {
    const r: FilterValuesResult = await values('countries');
    const geo = await ask({ kind: 'geo', level: 'country', entryId: SAMPLE_VIDEO_ID, range: RANGE, timeZone: 'UTC', filters: {} });
    expect(r.values.length).to.be.greaterThan(3);
    expect(r.total).to.equal(r.values.length);
    const plays = r.values.map((v) => v.plays);
    expect(plays).to.deep.equal([...plays].sort((a, b) => b - a));
    for (const v of r.values) {
      expect(v.value).to.match(/^[A-Z]{2}$/);
      expect(v.label).to.not.equal('');
      expect(v.plays, v.value).to.equal(geo.rows.find((row) => row.code === v.value)?.plays ?? 0);
    }
  });

  it('leaves the field’s own filter out and applies the others', async () => {
    const all = await values('countries');
    const top = all.values[0]!.value;
    const same = await values('countries', { countries: [top] });
    expect(same.values.map((v) => v.value)).to.deep.equal(all.values.map((v) => v.value));
    const mobile = await values('countries', { devices: ['Mobile'] });
    const devices = await ask({ kind: 'devices', entryId: SAMPLE_VIDEO_ID, range: RANGE, timeZone: 'UTC', filters: {} });
    const mobilePlays = devices.rows.find((d) => d.device === 'Mobile')?.plays ?? 0;
    expect(mobile.values.reduce((a, v) => a + v.plays, 0)).to.be.at.most(mobilePlays);
    expect(mobile.values.reduce((a, v) => a + v.plays, 0)).to.be.lessThan(all.values.reduce((a, v) => a + v.plays, 0));
  });

  it('gives users by name, searched by name or id, limited, with the count before the limit', async () => {
    const all = await values('users');
    expect(all.values.length).to.be.greaterThan(10);
    const named = all.values.find((v) => v.label)!;
    const word = named.label.split(' ')[0]!.toLowerCase();
    const found = await values('users', {}, { search: word.toUpperCase() });
    expect(found.values.length).to.be.greaterThan(0);
    for (const v of found.values) expect(`${v.value} ${v.label}`.toLowerCase()).to.contain(word);
    const two = await values('users', {}, { search: word, limit: 2 });
    expect(two.values).to.have.length(Math.min(2, found.total));
    expect(two.total).to.equal(found.total);
  });

  it('answers every field, and refuses an unknown field or a bad limit', async () => {
    for (const field of ['regions', 'cities', 'devices', 'domains', 'urls', 'categories', 'playbackTypes'] as FilterField[]) {
      const r = await values(field);
      expect(r.field).to.equal(field);
      expect(r.values.length, field).to.be.greaterThan(0);
    }
    const devices = await values('devices');
    for (const v of devices.values) expect(['Computer', 'Mobile', 'Tablet', 'Game console', 'Digital media receiver', 'Other']).to.include(v.value);
    let error: unknown;
    try {
      await values('bogus' as FilterField);
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain('unknown field');
    error = undefined;
    try {
      await values('countries', {}, { limit: 0 });
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain('limit');
  });
});
