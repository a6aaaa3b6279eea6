/**
 * The ClickHouse provider against the embedded engine: the same events (sample data, the real KAVA beacons of
 * test/fixtures/kava, and hand-made sessions for each rule of DESIGN §3, with invalid and resent beacons) go into
 * both, and every query kind must answer the same, field by field. Counts must be equal; fractional numbers may
 * differ only in the last bits (sums of view seconds are added in another order).
 *
 * The server is the one the test runner provides (scripts/wtr-clickhouse.mjs). Without one, these tests fail.
 */
import { expect } from '@open-wc/testing';
// @ts-expect-error virtual module served by the test runner's ClickHouse plugin (scripts/wtr-clickhouse.mjs)
import clickhouseUrl, { error as clickhouseError } from '/__clickhouse.js';
import { AnalyticsEngine, type RawEvent } from '../../src/data/engine/index.js';
import {
  createClickHouseProvider,
  createSchema,
  dropSchema,
  eventStats,
  insertEntries,
  insertEvents,
  insertUsers,
} from '../../src/data/clickhouse/index.js';
import { generateSample } from '../../src/data/sample/index.js';
import { FILTER_FIELDS, type DataProvider, type EntryResult, type Filters, type Query } from '../../src/data/types.js';

const CLIP: EntryResult = {
  id: '0_hidden01',
  name: 'Acceptance clip',
  type: 'video',
  duration: 120,
  owner: { id: 'o', name: 'O' },
  created: '2026-11-01T00:00:00Z',
};
const RULES: EntryResult = { ...CLIP, id: 'rules', name: 'Rules', duration: 100 };

/** Differences between two JSON values: paths, with values. Integers must be equal; other numbers within 1e-9. */
export function differences(a: unknown, b: unknown, path = '$', out: string[] = []): string[] {
  if (out.length > 10) return out;
  if (typeof a === 'number' && typeof b === 'number') {
    const same = Number.isInteger(a) && Number.isInteger(b) ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    if (!same) out.push(`${path}: ${a} ≠ ${b}`);
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: length ${a.length} ≠ ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) differences(a[i], b[i], `${path}[${i}]`, out);
    return out;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join() !== kb.join()) out.push(`${path}: keys ${ka.join(',')} ≠ ${kb.join(',')}`);
    for (const k of ka) if (k in (b as object)) differences((a as never)[k], (b as never)[k], `${path}.${k}`, out);
    return out;
  }
  if (a !== b) out.push(`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  return out;
}

async function fixture(name: string): Promise<string> {
  const res = await fetch(new URL(`../fixtures/kava/${name}`, import.meta.url));
  if (!res.ok) throw new Error(`fixture ${name}: HTTP ${res.status}`);
  return res.text();
}

/** Hand-made sessions of entry `rules` (duration 100 s), one per rule, with numbers as strings here and there. */
function ruleEvents(): RawEvent[] {
  const out: RawEvent[] = [];
  let t = Date.parse('2026-03-28T22:30:00Z'); // crosses midnight in Paris on the night DST starts
  const session = (sessionId: string, extra: RawEvent = {}) => {
    let idx = 0;
    return (eventType: number | string, fields: RawEvent = {}, wait = 1000) => {
      t += wait;
      const e: RawEvent = { entryId: 'rules', sessionId, eventIndex: ++idx, time: t, eventType, ...extra, ...fields };
      out.push(e);
      return e;
    };
  };
  // Seek back: 0→30, seek to 10, play to 35 (re-watch of 10–30).
  let s = session('seek-back', { userId: 'u1', country: 'FR', region: 'Île-de-France', city: 'Paris', device: 'Desktop', referrer: 'https://www.Example.org/a?x=1#frag', playbackContext: 'Math, Physics', playbackType: 'VOD' });
  s(1, { position: 0 });
  s(3, { position: 0 });
  s(99, { position: '0', playTimeSum: '0' });
  s(99, { position: '10', playTimeSum: '10' }, 10_000);
  s(99, { position: 20, playTimeSum: 20 }, 10_000);
  s(99, { position: 30, playTimeSum: 30 }, 10_000);
  s(11, { position: 30 }, 0);
  s(35, { position: 10, targetPosition: 10 });
  s(99, { position: 20, playTimeSum: 40 }, 10_000);
  s(99, { position: 35, playTimeSum: 55 }, 15_000);
  // Seek ahead, then a pause of more than 30 s: counters reset, the after-seek part is longer than the seconds.
  s = session('reset', { country: 'US', region: 'Ohio', city: 'Springfield', device: 'smartphone', referrer: btoa('https://lms.example.edu/course/7'), latitude: '39.9', longitude: -83.8 });
  s(1, { position: 0, userId: '' });
  s(3, { position: 0 });
  s(99, { position: 0, playTimeSum: 0 });
  s(99, { position: 10, playTimeSum: 10 }, 10_000);
  s(35, { targetPosition: '60' });
  s(33, { position: 62 }, 2000);
  s(4, { position: 62, eventIndex: 1 }, 40_000);
  s(99, { position: 70, playTimeSum: 8, eventIndex: 2, userId: 'u2' }, 8000);
  s(12, { position: 70, userId: 'u2' }, 0);
  s(13, { position: 70, userId: 'u2' }, 0);
  s(99, { position: 80, playTimeSum: 18, eventIndex: 3, userId: 'u2' }, 10_000);
  // Replay, and positions past the duration.
  s = session('replay', { userId: 'u3', country: 'FR', region: 'Bretagne', device: 'Tablet', referrer: 'about:blank', playbackType: 'live', latitude: 48.1, longitude: -1.7 });
  s(1, { position: 0 });
  s(3, { position: 0 });
  s(99, { position: 90, playTimeSum: 0 });
  s(99, { position: 100, playTimeSum: 10 }, 10_000);
  s(99, { position: 108, playTimeSum: 18 }, 8000);
  s(14, { position: 100 }, 0);
  s(34, { position: 0 }, 1000);
  s(99, { position: 10, playTimeSum: 28 }, 10_000);
  s(99, { position: 15, playTimeSum: 33 }, 5000);
  // Resent beacons (duplicates), events in the wrong order, and invalid ones.
  const resend = out.slice(2, 6).map((e) => ({ ...e }));
  out.push(...resend);
  out.push({ ...out[4]!, time: (out[4]!.time as number) + 5 });
  out.push({ entryId: 'rules', sessionId: 'bad', eventType: 'x', time: t });
  out.push({ entryId: 'rules', eventType: 1, time: t });
  out.push({ sessionId: 'no-entry', eventType: 1, time: t });
  out.push({ entryId: 'rules', sessionId: 'bad', eventType: 1, time: 'yesterday' });
  out.push({ entryId: 'rules', sessionId: 'bad', eventType: 99, time: t, position: 'ten', playTimeSum: 1 });
  out.push({ entryId: 'rules', sessionId: 'bad', eventType: 99, time: t, position: 3 });
  out.push({ entryId: 'rules', sessionId: 'bad', eventType: 35, time: t });
  out.push({ entryId: 'rules', sessionId: 'bad', eventType: 3, time: t, position: -1 });
  out.push({ entryId: 'rules', sessionId: 'bad', eventType: 99, time: t, position: 2e9, playTimeSum: 1 });
  out.push({ entryId: 'rules', sessionId: 'bad', eventType: 99, time: t, position: 5, playTimeSum: '3e9' });
  out.push({ entryId: 'elsewhere', sessionId: 'x', eventType: 1, time: t });
  out.push(null as unknown as RawEvent, [] as unknown as RawEvent);
  return out;
}

const signal = () => new AbortController().signal;

describe('ClickHouse provider = embedded engine', function () {
  this.timeout(180_000);
  const database = `test_compare_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const options = { url: clickhouseUrl, database, timeoutMs: 60_000 };
  const sample = generateSample({ seed: 11, end: '2026-03-31', days: 45, events: 12_000, users: 200 });
  const video = sample.entries[0]!;
  let engine: AnalyticsEngine;
  let ch: DataProvider;
  let events: RawEvent[] = [];
  let kava = '';

  before(async () => {
    if (!clickhouseUrl) throw new Error(clickhouseError || 'No ClickHouse server for the tests');
    // Two lines that are not JSON among the real beacons: malformed-json, counted and skipped by both.
    kava = (await fixture('b.ndjson')) + '\n{"eventType": 3,\nnot json\n' + (await fixture('f.ndjson'));
    const entries = [...sample.entries, CLIP, RULES];
    events = [...sample.events, ...ruleEvents()];
    engine = new AnalyticsEngine({ entries, users: { ...sample.users, u1: 'Ada', u3: 'Émile' } });
    engine.ingest(events);
    engine.ingest(kava);
    await dropSchema(options);
    await createSchema(options);
    await insertEntries(options, entries);
    await insertUsers(options, { ...sample.users, u1: 'Ada', u3: 'Émile' });
    const r1 = await insertEvents(options, events, { batchSize: 10_000 });
    const r2 = await insertEvents(options, kava);
    (globalThis as { __loadReports?: unknown }).__loadReports = [r1, r2];
    ch = createClickHouseProvider(options);
  });

  after(async () => {
    if (clickhouseUrl) await dropSchema(options).catch(() => {});
  });

  it('skips what the engine skips, for the same reasons', async () => {
    const [r1, r2] = (globalThis as unknown as { __loadReports: { accepted: number; skipped: Record<string, number> }[] }).__loadReports;
    const stats = await eventStats(options);
    const skipped: Record<string, number> = {};
    for (const r of [r1!, r2!]) for (const [k, n] of Object.entries(r.skipped)) skipped[k] = (skipped[k] ?? 0) + n;
    if (stats.duplicate) skipped['duplicate'] = stats.duplicate;
    if (stats.unknownEntry) skipped['unknown-entry'] = stats.unknownEntry;
    expect(skipped).to.deep.equal(engine.stats.skipped);
    expect(stats.accepted).to.equal(engine.stats.accepted);
    // Every reason occurs in the data, so each is really compared.
    for (const reason of ['invalid-event', 'invalid-type', 'missing-entry', 'missing-session', 'invalid-time', 'invalid-number', 'out-of-range', 'duplicate', 'unknown-entry', 'malformed-json']) {
      expect(engine.stats.skipped, reason).to.have.property(reason).that.is.greaterThan(0);
    }
  });

  async function same(q: Query): Promise<void> {
    const want = engine.query(q);
    const got = await ch(q, { signal: signal() });
    const diff = differences(got, want);
    expect(diff, `${q.kind} ${JSON.stringify({ range: q.range, timeZone: q.timeZone, filters: q.filters })}`).to.deep.equal([]);
  }

  const kinds = (entryId: string, range: { from: string; to: string }, timeZone: string, filters: Filters): Query[] => {
    const b = { entryId, range, timeZone, filters };
    return [
      { kind: 'entry', ...b },
      { kind: 'totals', ...b },
      { kind: 'timeline', granularity: 'day', ...b },
      { kind: 'timeline', granularity: 'month', ...b },
      { kind: 'retention', ...b },
      { kind: 'users', sort: { field: 'name', direction: 'asc' }, page: { offset: 0, limit: 20 }, ...b },
      { kind: 'users', sort: { field: 'plays', direction: 'desc' }, page: { offset: 10, limit: 15 }, ...b },
      { kind: 'users', sort: { field: 'avgCompletionRate', direction: 'asc' }, page: { offset: 0, limit: 30 }, search: 'a', ...b },
      { kind: 'heatmap', limit: 8, ...b },
      { kind: 'geo', level: 'country', ...b },
      { kind: 'devices', ...b },
      { kind: 'domains', sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 }, ...b },
      ...(['countries', 'users', 'categories'] as const).map((field) => ({ kind: 'filterValues', field, limit: 50, ...b })),
    ] as Query[];
  };

  it('answers every query kind on the sample data (30 days, Paris, across the DST change)', async () => {
    for (const q of kinds(video.id, { from: '2026-03-02', to: '2026-03-31' }, 'Europe/Paris', {})) await same(q);
  });

  it('answers drill-downs, per-user queries and the URL table like the engine', async () => {
    const base = { entryId: video.id, range: { from: '2026-02-15', to: '2026-03-31' }, timeZone: 'America/New_York', filters: {} };
    const geo = engine.query({ kind: 'geo', level: 'country', ...base });
    const country = geo.rows[0]!;
    const regions = engine.query({ kind: 'geo', level: 'region', country: country.code!, ...base });
    await same({ kind: 'geo', level: 'region', country: country.code!, ...base });
    await same({ kind: 'geo', level: 'city', country: country.code!, region: regions.rows[0]!.name, ...base });
    const domains = engine.query({ kind: 'domains', sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 5 }, ...base });
    for (const d of domains.rows.slice(0, 2)) {
      await same({ kind: 'urls', domain: d.domain, sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 }, ...base });
      await same({ kind: 'timeline', granularity: 'day', ...base, filters: { domains: [d.domain] } });
    }
    const users = engine.query({ kind: 'users', sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 4 }, ...base });
    const ids = users.rows.map((r) => r.userId);
    await same({ kind: 'heatmap', userIds: [...ids, 'nobody'], ...base });
    await same({ kind: 'retention', userIds: ids.slice(0, 2), ...base });
    await same({ kind: 'heatmap', search: 'e', limit: 5, ...base });
  });

  it('applies every filter on session attributes like the engine', async () => {
    const base = { entryId: video.id, range: { from: '2026-03-10', to: '2026-03-24' }, timeZone: 'Asia/Kolkata' };
    const all = { ...base, filters: {} };
    const geo = engine.query({ kind: 'geo', level: 'country', ...all });
    const domains = engine.query({ kind: 'domains', sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 3 }, ...all });
    const users = engine.query({ kind: 'users', sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 3 }, ...all });
    const regions = engine.query({ kind: 'geo', level: 'region', country: geo.rows[0]!.code!, ...all });
    const filterSets: Filters[] = [
      { countries: [geo.rows[0]!.code!.toLowerCase(), geo.rows[1]!.code!] },
      { regions: [regions.rows[0]!.name] },
      { devices: ['Mobile', 'Tablet'] },
      { domains: [`www.${domains.rows[0]!.domain}`] },
      { users: users.rows.map((r) => r.userId) },
      { playbackTypes: ['vod'] },
      { categories: ['nope'] },
      { countries: [geo.rows[0]!.code!], devices: ['Computer'] },
    ];
    for (const filters of filterSets) {
      for (const kind of ['totals', 'geo'] as const) {
        const q = kind === 'geo' ? { kind, level: 'country' as const, ...base, filters } : { kind, ...base, filters };
        await same(q as Query);
      }
    }
  });

  it("lists filter values like the engine (the field's own filter left out, the others applied, search, limit)", async () => {
    const base = { entryId: video.id, range: { from: '2026-03-01', to: '2026-03-31' }, timeZone: 'Europe/Paris' };
    const countries = engine.query({ kind: 'filterValues', field: 'countries', limit: 3, ...base, filters: {} });
    expect(countries.values.length).to.be.greaterThan(1);
    const top = countries.values[0]!.value;
    const filterSets: Filters[] = [{}, { countries: [top], devices: ['Mobile'] }];
    for (const filters of filterSets) {
      for (const field of FILTER_FIELDS) {
        await same({ kind: 'filterValues', field, limit: 7, ...base, filters });
      }
    }
    for (const [field, search] of [['countries', 'united'], ['countries', 'FR'], ['users', 'a'], ['devices', 'MOB'], ['domains', 'zzz']] as const) {
      await same({ kind: 'filterValues', field, limit: 5, search, ...base, filters: { users: ['nobody'] } });
      await same({ kind: 'filterValues', field, limit: 5, search, ...base, filters: {} });
    }
    let error: unknown;
    await ch({ kind: 'filterValues', field: 'nope', limit: 5, ...base, filters: {} } as unknown as Query, { signal: signal() }).catch((e) => (error = e));
    expect(String(error)).to.contain('unknown field');
    error = undefined;
    await ch({ kind: 'filterValues', field: 'users', limit: 0, ...base, filters: {} }, { signal: signal() }).catch((e) => (error = e));
    expect(String(error)).to.contain('limit');
  });

  it('answers the real KAVA beacons (counter resets, seek back) like the engine', async () => {
    for (const q of kinds(CLIP.id, { from: '2026-11-27', to: '2026-11-27' }, 'UTC', {})) await same(q);
  });

  it('answers the hand-made rule sessions (seeks, replays, resets, past the duration, sign-in, duplicates) like the engine', async () => {
    for (const q of kinds(RULES.id, { from: '2026-03-28', to: '2026-03-29' }, 'Europe/Paris', {})) await same(q);
    await same({ kind: 'timeline', granularity: 'day', entryId: RULES.id, range: { from: '2026-03-28', to: '2026-03-29' }, timeZone: 'UTC', filters: {} });
    await same({ kind: 'users', sort: { field: 'totalCompletionRate', direction: 'desc' }, page: { offset: 0, limit: 10 }, entryId: RULES.id, range: { from: '2026-03-28', to: '2026-03-29' }, timeZone: 'UTC', filters: {} });
    await same({ kind: 'domains', sort: { field: 'key', direction: 'asc' }, page: { offset: 1, limit: 3 }, entryId: RULES.id, range: { from: '2026-03-28', to: '2026-03-29' }, timeZone: 'UTC', filters: {} });
    const b = { entryId: RULES.id, range: { from: '2026-03-28', to: '2026-03-29' }, timeZone: 'Europe/Paris' };
    await same({ kind: 'geo', level: 'region', country: 'fr', ...b, filters: {} });
    await same({ kind: 'geo', level: 'city', country: 'US', region: 'Ohio', ...b, filters: {} });
    await same({ kind: 'urls', domain: 'WWW.example.org', sort: { field: 'key', direction: 'asc' }, page: { offset: 0, limit: 5 }, ...b, filters: {} });
    await same({ kind: 'urls', domain: 'lms.example.edu', sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 5 }, ...b, filters: {} });
    for (const filters of [{ categories: ['Physics'] }, { users: ['u2'] }, { domains: ['lms.example.edu'] }, { playbackTypes: ['live'] }, { cities: ['Springfield'] }, { users: [''] }]) {
      await same({ kind: 'retention', ...b, filters } as Query);
    }
    // The rules are really exercised: the re-watch, the long after-seek part and the replay show in the numbers.
    const r = await ch({ kind: 'retention', ...b, filters: {} }, { signal: signal() });
    expect((r as { views: number[] }).views.slice(10, 30).every((v) => v >= 2)).to.equal(true);
  });

  it('rejects what the engine rejects, with a clear error', async () => {
    const b = { range: { from: '2026-03-01', to: '2026-03-02' }, timeZone: 'UTC', filters: {} };
    let error: unknown;
    await ch({ kind: 'totals', entryId: 'missing', ...b }, { signal: signal() }).catch((e) => (error = e));
    expect(String(error)).to.contain('Unknown entryId');
    error = undefined;
    await ch({ kind: 'totals', entryId: video.id, ...b, timeZone: 'Mars/Olympus' }, { signal: signal() }).catch((e) => (error = e));
    expect(String(error)).to.contain('Invalid time zone');
  });
});
