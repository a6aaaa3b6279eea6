/**
 * The engine's answers for the sample seed, as compared by golden.test.ts and written by `npm run golden`
 * (scripts/engine-golden.mjs, which runs this same function in headless Chromium). A fixed set of queries over a
 * seeded sample: every query kind, a non-UTC zone with a DST change in the range, filters and drill-downs.
 */
import { AnalyticsEngine } from '../../../src/data/engine/index.js';
import { generateSample, SAMPLE_IMAGE_ID, SAMPLE_VIDEO_ID } from '../../../src/data/sample/index.js';
import type { Filters, Query } from '../../../src/data/types.js';

/** The sample of the snapshot: the demo's seed, a smaller size so the test stays fast. */
export const GOLDEN_SAMPLE = { seed: 1, end: '2026-03-31', days: 60, events: 40_000, users: 500 } as const;

/** Numbers rounded to 10 significant digits: the snapshot holds results, not the last bits of a float sum. */
function round(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(10)) : v));
}

/**
 * A country row's name comes from `Intl.DisplayNames`, whose wording follows the runtime's CLDR version (Node and
 * Chromium differ: "Hong Kong SAR China" / "Hong Kong"); the snapshot keeps the engine's own output, the code.
 */
function withoutCountryNames(result: unknown): unknown {
  const r = result as { level?: string; rows?: { name?: string }[] };
  if (r.level !== 'country' || !Array.isArray(r.rows)) return result;
  return { ...r, rows: r.rows.map(({ name: _name, ...row }) => row) };
}

/** `[label, answer]` per query, in a fixed order. */
export function goldenSnapshot(): [string, unknown][] {
  const sample = generateSample(GOLDEN_SAMPLE);
  const engine = new AnalyticsEngine({ entries: sample.entries, users: sample.users });
  const out: [string, unknown][] = [['ingest', engine.ingest(sample.events)]];
  const month = { from: '2026-03-01', to: '2026-03-31' };
  const all = { from: '2026-02-01', to: '2026-03-31' };
  const ask = (label: string, query: Record<string, unknown>, filters: Filters = {}, range = month, timeZone = 'Europe/Paris') => {
    const q = { entryId: SAMPLE_VIDEO_ID, range, timeZone, filters, ...query } as Query;
    out.push([label, round(withoutCountryNames(engine.query(q)))]);
  };
  const page = { offset: 0, limit: 10 };
  ask('entry', { kind: 'entry' });
  ask('totals', { kind: 'totals' });
  ask('totals UTC, both months', { kind: 'totals' }, {}, all, 'UTC');
  ask('timeline day', { kind: 'timeline', granularity: 'day' });
  ask('timeline month, New York', { kind: 'timeline', granularity: 'month' }, {}, all, 'America/New_York');
  ask('retention', { kind: 'retention' });
  ask('users by plays', { kind: 'users', sort: { field: 'plays', direction: 'desc' }, page });
  ask('users by completion asc, page 2', { kind: 'users', sort: { field: 'avgCompletionRate', direction: 'asc' }, page: { offset: 10, limit: 10 } });
  ask('users search "an"', { kind: 'users', sort: { field: 'totalCompletionRate', direction: 'desc' }, page, search: 'an' });
  const top = (engine.query({ kind: 'users', entryId: SAMPLE_VIDEO_ID, range: month, timeZone: 'Europe/Paris', filters: {}, sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 5 } })).rows.map((r) => r.userId);
  ask('heatmap of the top 5', { kind: 'heatmap', userIds: top });
  ask('retention of the top 5', { kind: 'retention', userIds: top });
  ask('geo country', { kind: 'geo', level: 'country' });
  ask('geo region US', { kind: 'geo', level: 'region', country: 'US' });
  ask('devices', { kind: 'devices' });
  ask('domains', { kind: 'domains', sort: { field: 'plays', direction: 'desc' }, page });
  const domains = engine.query({ kind: 'domains', entryId: SAMPLE_VIDEO_ID, range: month, timeZone: 'Europe/Paris', filters: {}, sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 1 } });
  const domain = domains.rows[0]?.domain ?? '';
  ask(`urls of the top domain`, { kind: 'urls', domain, sort: { field: 'avgCompletionRate', direction: 'desc' }, page });
  ask('totals, Mobile', { kind: 'totals' }, { devices: ['Mobile'] });
  ask('timeline day, US + GB on the top domain', { kind: 'timeline', granularity: 'day' }, { countries: ['US', 'GB'], domains: [domain] });
  ask('devices, top 5 users', { kind: 'devices' }, { users: top });
  out.push(['image totals', round(engine.query({ kind: 'totals', entryId: SAMPLE_IMAGE_ID, range: month, timeZone: 'UTC', filters: {} }))]);
  return out;
}
