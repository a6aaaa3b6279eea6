// End to end: the same queries answered by the embedded engine directly and by the Kaltura provider through the local
// Kaltura-compatible endpoint (server/kaltura-mock, started by scripts/wtr-plugins.mjs). Equal, except the
// differences documented in docs/kaltura.md, which are listed (and only those are skipped) below.
import { expect } from '@open-wc/testing';
// @ts-expect-error virtual module served by the kaltura-mock dev-server plugin
import mockUrl, { error as mockError, sample as mockSample } from '/__kaltura-mock-url.js';
import { AnalyticsEngine } from '../../src/data/engine/index.js';
import { SAMPLE_VIDEO_ID, generateSample } from '../../src/data/sample/index.js';
import { createKalturaProvider } from '../../src/data/kaltura/index.js';
import { validateResult } from '../../src/data/validate.js';
import type { DataProvider, Query, QueryBase } from '../../src/data/types.js';

/** Paths (with `*` for any index/key) whose values differ by design: see docs/kaltura.md "Differences". */
const DIFFERENCES: Partial<Record<Query['kind'], string[]>> = {
  entry: ['created', 'links'], // seconds precision on Kaltura (compared as instants below); links are KMC/KMS ones
  retention: ['viewers.*'], // no distinct sessions per percentile: viewers = views
  geo: ['rows.*.minutesViewed', 'rows.*.avgCompletionRate', 'totals.minutesViewed', 'totals.avgCompletionRate'],
  devices: ['rows.*.avgCompletionRate', 'totals.avgCompletionRate'],
  domains: ['rows.*.uniqueViewers', 'totals.uniqueViewers'],
  urls: ['rows.*.uniqueViewers', 'totals.uniqueViewers'],
};

function compare(a: unknown, b: unknown, path: string, skip: string[], out: string[]) {
  const skipped = skip.some((p) => new RegExp(`^${p.replaceAll('.', '\\.').replaceAll('*', '[^.]+')}$`).test(path));
  if (skipped) return;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.abs(a - b) > 1e-4 * Math.max(1, Math.abs(a))) out.push(`${path}: engine ${a}, kaltura ${b}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: length ${a.length} vs ${b.length}`);
    a.forEach((x, i) => i < b.length && compare(x, b[i], `${path}.${i}`, skip, out));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) compare((a as any)[k], (b as any)[k], path ? `${path}.${k}` : k, skip, out);
    return;
  }
  if (a !== b) out.push(`${path}: engine ${JSON.stringify(a)}, kaltura ${JSON.stringify(b)}`);
}

describe('Kaltura provider through the local endpoint = the engine', function () {
  this.timeout(120_000);
  let engine: AnalyticsEngine;
  let kaltura: DataProvider;

  before(function () {
    if (!mockUrl) throw new Error(`the Kaltura mock did not start: ${mockError}`);
    const data = generateSample(mockSample);
    engine = new AnalyticsEngine({ entries: data.entries, users: data.users });
    engine.ingest(data.events);
    kaltura = createKalturaProvider({ serviceUrl: mockUrl, ks: 'test-ks', partnerId: 1, timeoutMs: 60_000 });
  });

  const base = (timeZone = 'UTC', filters: QueryBase['filters'] = {}): QueryBase => ({
    entryId: SAMPLE_VIDEO_ID,
    range: { from: '2026-02-01', to: '2026-03-31' },
    timeZone,
    filters,
  });

  async function same(query: Query, extraSkip: string[] = []) {
    const direct = validateResult(query.kind, engine.query(query));
    const viaKaltura = validateResult(query.kind, await kaltura(query, { signal: new AbortController().signal }));
    const diffs: string[] = [];
    compare(direct, viaKaltura, '', [...(DIFFERENCES[query.kind] ?? []), ...extraSkip], diffs);
    expect(diffs.slice(0, 10), `${query.kind}: ${diffs.length} differences`).to.deep.equal([]);
    return { direct, viaKaltura };
  }

  it('entry', async () => {
    const { direct, viaKaltura } = await same({ kind: 'entry', ...base() });
    expect(Math.floor(Date.parse((direct as any).created) / 1000)).to.equal(Date.parse((viaKaltura as any).created) / 1000);
  });
  it('totals, with and without filters', async () => {
    const { direct } = await same({ kind: 'totals', ...base() });
    expect((direct as any).plays).to.be.greaterThan(0);
    await same({ kind: 'totals', ...base('UTC', { devices: ['Mobile', 'Tablet'] }) });
    await same({ kind: 'totals', ...base('UTC', { countries: ['US'] }) });
  });
  it('timeline by day and by month, in UTC and in a zone east of UTC', async () => {
    await same({ kind: 'timeline', ...base(), granularity: 'day' });
    await same({ kind: 'timeline', ...base('Asia/Tokyo'), granularity: 'day' });
    await same({ kind: 'timeline', ...base(), granularity: 'month' });
  });
  it('retention (views over the duration), all and for users', async () => {
    await same({ kind: 'retention', ...base() });
    const users = engine.query({ kind: 'users', ...base(), sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 3 } }) as any;
    await same({ kind: 'retention', ...base(), userIds: users.rows.map((r: any) => r.userId) });
  });
  it('users table: sorts, pages, search', async () => {
    await same({ kind: 'users', ...base(), sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 20 } });
    await same({ kind: 'users', ...base(), sort: { field: 'name', direction: 'asc' }, page: { offset: 20, limit: 10 } });
    await same({ kind: 'users', ...base(), sort: { field: 'totalCompletionRate', direction: 'desc' }, page: { offset: 5, limit: 10 } });
  });
  it('heatmaps of given users', async () => {
    const users = engine.query({ kind: 'users', ...base(), sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 5 } }) as any;
    await same({ kind: 'heatmap', ...base(), userIds: [...users.rows.map((r: any) => r.userId), 'nobody-at-all'] });
  });
  it('geography: countries, regions of the top country, cities of its top region', async () => {
    // Country names are display text (Kaltura sends its own upper-case English names; elements localise from `code`):
    // compare the codes, not the names.
    const { direct } = await same({ kind: 'geo', ...base(), level: 'country' }, ['rows.*.name']);
    const country = (direct as any).rows[0].code;
    const { direct: regions } = await same({ kind: 'geo', ...base(), level: 'region', country });
    const region = (regions as any).rows[0]?.name;
    if (region) await same({ kind: 'geo', ...base(), level: 'city', country, region });
  });
  it('devices', async () => {
    await same({ kind: 'devices', ...base() });
  });
  it('domains and the URLs of the top domain', async () => {
    const { direct } = await same({ kind: 'domains', ...base(), sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 } });
    await same({ kind: 'domains', ...base(), sort: { field: 'key', direction: 'asc' }, page: { offset: 0, limit: 5 } });
    const domain = (direct as any).rows[0].domain;
    await same({ kind: 'urls', ...base(), domain, sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 } });
  });
  it('rejects with the KalturaAPIException message for a bad KS', async () => {
    const bad = createKalturaProvider({ serviceUrl: mockUrl, ks: 'expired' });
    const err = await bad({ kind: 'totals', ...base() }, { signal: new AbortController().signal }).then(() => null, (e) => e);
    expect(err?.message).to.match(/Invalid KS/);
  });
});
