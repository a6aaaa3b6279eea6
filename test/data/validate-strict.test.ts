/**
 * The validator enforces the contract's ranges and formats (issue #14, items 5 and 6): bounded answers, percents
 * within 0–100 where the definitions cap them, counts as non-negative integers with -0 read as 0, real calendar
 * dates, coordinates in range, ISO instants, dense arrays; every rejection names the field and the rule.
 */
import { expect } from '@open-wc/testing';
import { LIMITS, MalformedResultError, validateResult } from '../../src/data/validate.js';
import { BUCKETS, DEVICES, type Query, type QueryKind } from '../../src/data/types.js';

const metrics = (over: Record<string, unknown> = {}) => ({
  impressions: 10,
  plays: 4,
  uniqueViewers: 3,
  minutesViewed: 12.5,
  avgCompletionRate: 40,
  avgDropOffRate: 25,
  ...over,
});
const totals = (over: Record<string, unknown> = {}) => ({ ...metrics(over), playThrough: { 25: 2, 50: 1, 75: 1, 100: 0 } });
const row = (over: Record<string, unknown> = {}) => ({ ...metrics(), distribution: 10, playImpressionRatio: 40, ...over });
const base = { entryId: 'e', range: { from: '2026-01-01', to: '2026-01-31' }, timeZone: 'UTC', filters: {} };
const page = (limit: number) => ({ sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit } });
const entry = (over: Record<string, unknown> = {}) => ({
  id: 'e',
  name: 'n',
  type: 'video',
  duration: 60,
  owner: { id: 'o', name: 'O' },
  created: '2026-01-01T09:17:00.000Z',
  ...over,
});

/** Expects a MalformedResultError whose message names `path` and matches `rule`. */
function rejects(kind: QueryKind, value: unknown, path: string, rule: RegExp, query?: Query) {
  let error: unknown;
  try {
    validateResult(kind, value, query);
  } catch (e) {
    error = e;
  }
  expect(error, `${path} rejected`).to.be.instanceOf(MalformedResultError);
  const e = error as MalformedResultError;
  expect(e.path).to.equal(path);
  expect(e.message).to.match(rule);
}

describe('validator: bounded answers (break 5)', () => {
  it('rows beyond page.limit are an invalid answer', () => {
    const rows = Array.from({ length: 6 }, (_, i) => ({ ...row(), domain: `d${i}.example` }));
    const query = { ...base, kind: 'domains', ...page(5) } as Query;
    rejects('domains', { rows, total: 100, totals: metrics() }, 'rows', /at most 5 items \(the page limit asked for\), got 6/, query);
    expect(validateResult('domains', { rows: rows.slice(0, 5), total: 100, totals: metrics() }, query).rows).to.have.length(5);
    const users = Array.from({ length: 100_000 }, (_, i) => ({ userId: `u${i}`, name: 'x', impressions: 1, plays: 1, avgCompletionRate: 1, totalCompletionRate: 1 }));
    rejects('users', { rows: users, total: 100_000 }, 'rows', /at most 25 items/, { ...base, kind: 'users', ...page(25) } as Query);
    rejects('urls', { rows: [{ ...row(), url: 'u' }, { ...row(), url: 'v' }], total: 2, totals: metrics() }, 'rows', /at most 1 items/, {
      ...base,
      kind: 'urls',
      domain: 'd',
      ...page(1),
    } as Query);
  });
  it('lists without a page have documented maximums', () => {
    const markers = Array.from({ length: LIMITS.markers + 1 }, (_, i) => ({ time: i, label: 'm', kind: 'note' }));
    rejects('entry', entry({ markers }), 'markers', /at most 1000 items/);
    const links = Array.from({ length: LIMITS.links + 1 }, () => ({ label: 'l', href: 'https://a.example' }));
    rejects('entry', entry({ links }), 'links', /at most 100 items/);
    const devices = [...DEVICES, 'Computer'].map((device) => ({ ...row(), device }));
    rejects('devices', { rows: devices, totals: metrics() }, 'rows', /at most 6 items/);
    const geo = Array.from({ length: LIMITS.geoRows + 1 }, (_, i) => ({ ...row(), name: `c${i}` }));
    rejects('geo', { level: 'city', rows: geo, totals: metrics() }, 'rows', /at most 10000 items/);
    const heat = Array.from({ length: 3 }, (_, i) => ({ userId: `u${i}`, name: 'x', counts: new Array(BUCKETS).fill(0) }));
    rejects('heatmap', { duration: 60, users: heat }, 'users', /at most 2 items/, { ...base, kind: 'heatmap', userIds: ['u0', 'u1'] } as Query);
  });
});

describe('validator: ranges and formats (break 6)', () => {
  it('percents capped by definition stay within 0–100', () => {
    rejects('totals', totals({ avgCompletionRate: 250 }), 'avgCompletionRate', /from 0 to 100, got 250/);
    rejects('devices', { rows: [row({ device: 'Computer', distribution: 101 })], totals: metrics() }, 'rows[0].distribution', /from 0 to 100/);
    rejects(
      'users',
      { rows: [{ userId: 'u', name: 'n', impressions: 1, plays: 1, avgCompletionRate: 5, totalCompletionRate: 100.5 }], total: 1 },
      'rows[0].totalCompletionRate',
      /from 0 to 100/,
    );
  });
  it('counts are non-negative integers and -0 reads as 0', () => {
    const r = validateResult('totals', totals({ plays: -0, minutesViewed: -0 }));
    expect(Object.is(r.plays, -0)).to.equal(false);
    expect(Object.is(r.minutesViewed, -0)).to.equal(false);
    expect(String(r.plays)).to.equal('0');
    rejects('totals', totals({ plays: -1 }), 'plays', /non-negative integer, got -1/);
    rejects('totals', totals({ plays: 1.5 }), 'plays', /non-negative integer, got 1.5/);
    rejects('retention', { duration: 60, plays: 2 ** 60, views: [], viewers: [], uniqueUsers: [] }, 'plays', /up to 2\^53/);
  });
  it('dates are real calendar dates', () => {
    const point = (date: string) => ({ granularity: 'day', points: [{ date, ...totals() }] });
    rejects('timeline', point('2026-02-30'), 'points[0].date', /real calendar date, got "2026-02-30"/);
    rejects('timeline', point('2026-13-45'), 'points[0].date', /real calendar date/);
    rejects('timeline', point('2025-02-29'), 'points[0].date', /real calendar date/);
    expect(validateResult('timeline', point('2024-02-29')).points[0]!.date).to.equal('2024-02-29');
    expect(validateResult('timeline', point('0050-06-01')).points[0]!.date).to.equal('0050-06-01');
  });
  it('coordinates are in range', () => {
    rejects('geo', { level: 'city', rows: [row({ name: 'x', lat: 250 })], totals: metrics() }, 'rows[0].lat', /latitude within -90 to 90, got 250/);
    rejects('geo', { level: 'city', rows: [row({ name: 'x', lon: 1e308 })], totals: metrics() }, 'rows[0].lon', /longitude within -180 to 180/);
  });
  it('created is an ISO 8601 instant', () => {
    rejects('entry', entry({ created: 'yesterday' }), 'created', /ISO 8601 instant, got "yesterday"/);
    rejects('entry', entry({ created: '2026-02-30T10:00:00Z' }), 'created', /real calendar date/);
    rejects('entry', entry({ created: '2026-02-01T25:00:00Z' }), 'created', /real time of day/);
    for (const ok of ['2026-02-01T10:00:00Z', '2026-02-01T10:00:00.123+02:00', '2026-02-01', '2026-02-01T10:00Z'])
      expect(validateResult('entry', entry({ created: ok })).created).to.equal(ok);
  });
  it('arrays are dense', () => {
    // eslint-disable-next-line no-sparse-arrays
    const views = new Array(BUCKETS).fill(1);
    delete views[7];
    rejects('retention', { duration: 60, plays: 1, views, viewers: new Array(BUCKETS).fill(1), uniqueUsers: new Array(BUCKETS).fill(1) }, 'views[7]', /dense array, found a hole/);
    const rows = [row({ device: 'Computer' })];
    rows.length = 2;
    rejects('devices', { rows, totals: metrics() }, 'rows[1]', /hole/);
  });
  it('an answer whose getters throw is malformed, not an exception of its own', () => {
    const hostile = Object.defineProperty(totals(), 'plays', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(() => validateResult('totals', hostile)).to.throw(MalformedResultError, /could not be read/);
  });
});
