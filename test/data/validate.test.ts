import { expect } from '@open-wc/testing';
import { MalformedResultError, runQuery, validateResult } from '../../src/data/validate.js';
import type { DataProvider, TotalsQuery } from '../../src/data/types.js';

const totals = {
  impressions: 10,
  plays: 4,
  uniqueViewers: 3,
  minutesViewed: 12.5,
  avgCompletionRate: 40,
  avgDropOffRate: 25,
  playThrough: { 25: 2, 50: 1, 75: 1, 100: 0 },
};
const query: TotalsQuery = {
  kind: 'totals',
  entryId: 'e',
  range: { from: '2026-01-01', to: '2026-01-31' },
  timeZone: 'UTC',
  filters: {},
};

describe('validateResult', () => {
  it('accepts a well-formed result and returns a copy of it', () => {
    expect(validateResult('totals', totals)).to.deep.equal(totals);
  });
  it('names the first field that does not fit', () => {
    const bad = { ...totals, plays: '4' };
    expect(() => validateResult('totals', bad)).to.throw(MalformedResultError, /plays: expected a non-negative integer, got "4"/);
  });
  it('checks nested arrays with their index', () => {
    const r = { rows: [{ domain: 'a.com', plays: 1 }], total: 1, totals: { ...totals } };
    expect(() => validateResult('domains', r)).to.throw(/rows\[0\]\.impressions/);
  });
  it('requires 100 buckets', () => {
    const r = { duration: 60, plays: 1, views: [1], viewers: [1], uniqueUsers: [1] };
    expect(() => validateResult('retention', r)).to.throw(/views: expected 100 items, got 1/);
  });
  it('rejects null and non-objects', () => {
    expect(() => validateResult('entry', null)).to.throw(/expected an object, got null/);
  });
});

describe('runQuery', () => {
  it('rejects with the abort reason even when the provider ignores the signal', async () => {
    const never: DataProvider = () => new Promise(() => {});
    const c = new AbortController();
    const p = runQuery(never, query, c.signal);
    c.abort(new Error('gone'));
    let err: unknown;
    try {
      await p;
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).to.equal('gone');
  });
  it('turns a synchronous throw into a rejection', async () => {
    const boom: DataProvider = () => {
      throw new Error('boom');
    };
    let err: unknown;
    try {
      await runQuery(boom, query, new AbortController().signal);
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).to.equal('boom');
  });
  it('validates the answer', async () => {
    const wrong: DataProvider = async () => ({ ...totals, minutesViewed: -1 }) as never;
    let err: unknown;
    try {
      await runQuery(wrong, query, new AbortController().signal);
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(MalformedResultError);
  });
});
