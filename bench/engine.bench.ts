/**
 * Engine benchmark: 1,000,000 sample events streamed into the engine, then every query kind, a whole default
 * dashboard (last 30 days and its compare period) and a filter change. Budgets from DESIGN §5.
 */
import { bench, median, type Bench } from './harness.js';
import { AnalyticsEngine } from '../src/data/engine/index.js';
import { generateSampleEvents, SAMPLE_VIDEO_ID, type RawEvent } from '../src/data/sample/index.js';
import type { DateRange, Filters, Query, QueryBase, UsersResult } from '../src/data/types.js';

const params = new URLSearchParams(location.search);
const EVENTS = Number(params.get('events') ?? 1_000_000);
const END = '2026-03-31';
const DAYS = 120;
const TZ = 'Europe/Paris';
const CHUNK = 50_000;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const endMs = Date.parse(`${END}T00:00:00Z`);
/** The 30 days ending `shift` days before END, and the 30 days before those. */
function ranges(shift: number): { current: DateRange; previous: DateRange } {
  const to = endMs - shift * DAY;
  return {
    current: { from: iso(to - 29 * DAY), to: iso(to) },
    previous: { from: iso(to - 59 * DAY), to: iso(to - 30 * DAY) },
  };
}
const ALL: DateRange = { from: iso(endMs - (DAYS - 1) * DAY), to: END };

bench('engine', (b: Bench) => {
  b.log(`generating ${EVENTS.toLocaleString('en')} events and ingesting them in chunks of ${CHUNK.toLocaleString('en')}`);
  const heapBefore = b.heap(true);
  let engine: AnalyticsEngine | undefined;
  let chunk: RawEvent[] = [];
  let ingestMs = 0;
  let chunks = 0;
  let accepted = 0;
  const skipped: Record<string, number> = {};
  const flush = () => {
    const t = performance.now();
    const report = engine!.ingest(chunk);
    ingestMs += performance.now() - t;
    chunks++;
    accepted += report.accepted;
    for (const [k, n] of Object.entries(report.skipped)) skipped[k] = (skipped[k] ?? 0) + (n ?? 0);
    chunk = [];
    b.heap();
  };
  const options = { seed: 1, end: END, days: DAYS, events: EVENTS };
  // Same seed and dates with no events: the entries and the user directory, without generating anything else.
  const meta = generateSampleEvents({ ...options, events: 0 }, () => {});
  engine = new AnalyticsEngine({ entries: meta.entries, users: meta.users });
  const t0 = performance.now();
  generateSampleEvents(options, (e) => {
    chunk.push(e);
    if (chunk.length >= CHUNK) flush();
  });
  if (chunk.length) flush();
  const generateMs = performance.now() - t0 - ingestMs;
  b.row({ name: `generate ${EVENTS.toLocaleString('en')} sample events`, value: Math.round(generateMs), unit: 'ms' });
  b.row({
    name: `ingest ${EVENTS.toLocaleString('en')} events (${chunks} chunks)`,
    value: Math.round(ingestMs),
    unit: 'ms',
    note: `${accepted.toLocaleString('en')} accepted${Object.keys(skipped).length ? `, skipped ${JSON.stringify(skipped)}` : ''}`,
  });
  const heapAfter = b.heap(true);
  b.row({ name: 'retained heap after ingest (after gc)', value: Math.round((heapAfter - heapBefore) * 10) / 10, unit: 'MB' });

  const base = (range: DateRange, filters: Filters = {}): QueryBase => ({ entryId: SAMPLE_VIDEO_ID, range, timeZone: TZ, filters });
  const q = <Q extends Query>(query: Q) => engine!.query(query);
  const { current } = ranges(0);

  const t1 = performance.now();
  q({ kind: 'totals', ...base(current) });
  const firstQueryMs = performance.now() - t1;
  b.row({ name: 'first query: totals, last 30 days (includes lazy preparation)', value: Math.round(firstQueryMs * 100) / 100, unit: 'ms' });
  b.heap();

  // Each query kind: first run, then the median of 5.
  b.time('entry', () => q({ kind: 'entry', ...base(current) }));
  b.time('totals (30 days)', () => q({ kind: 'totals', ...base(current) }));
  b.time('totals (120 days)', () => q({ kind: 'totals', ...base(ALL) }));
  b.time('timeline day (30 days)', () => q({ kind: 'timeline', granularity: 'day', ...base(current) }));
  b.time('timeline month (120 days)', () => q({ kind: 'timeline', granularity: 'month', ...base(ALL) }));
  b.time('retention (30 days)', () => q({ kind: 'retention', ...base(current) }));
  const page = b.time('users page 1 by plays desc (50 rows)', () =>
    q({ kind: 'users', ...base(current), sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 50 } }),
  ) as UsersResult;
  b.time('users page 3 by name asc (50 rows)', () =>
    q({ kind: 'users', ...base(current), sort: { field: 'name', direction: 'asc' }, page: { offset: 100, limit: 50 } }),
  );
  b.time('users search "mar"', () =>
    q({ kind: 'users', ...base(current), sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 50 }, search: 'mar' }),
  );
  const userIds = page.rows.map((r) => r.userId);
  b.time(`heatmap (${userIds.length} users)`, () => q({ kind: 'heatmap', ...base(current), userIds }));
  b.time('geo country', () => q({ kind: 'geo', level: 'country', ...base(current) }));
  b.time('geo region (US)', () => q({ kind: 'geo', level: 'region', country: 'US', ...base(current) }));
  b.time('geo city (US, California)', () =>
    q({ kind: 'geo', level: 'city', country: 'US', region: 'California', ...base(current) }),
  );
  b.time('devices', () => q({ kind: 'devices', ...base(current) }));
  b.time('domains page 1', () =>
    q({ kind: 'domains', ...base(current), sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 } }),
  );
  b.time('urls of lms.northfield.edu', () =>
    q({
      kind: 'urls',
      domain: 'lms.northfield.edu',
      ...base(current),
      sort: { field: 'plays', direction: 'desc' },
      page: { offset: 0, limit: 10 },
    }),
  );
  b.heap();

  /** Every query the default dashboard's panels make for one range. */
  const dashboardFor = (range: DateRange, filters: Filters) => {
    const bq = base(range, filters);
    q({ kind: 'entry', ...bq });
    q({ kind: 'totals', ...bq });
    q({ kind: 'timeline', granularity: 'day', ...bq });
    q({ kind: 'retention', ...bq });
    const users = q({ kind: 'users', ...bq, sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 25 } });
    q({ kind: 'heatmap', ...bq, userIds: users.rows.map((r) => r.userId) });
    q({ kind: 'geo', level: 'country', ...bq });
    q({ kind: 'devices', ...bq });
    q({ kind: 'domains', ...bq, sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 } });
  };
  const dashboard = (shift: number, filters: Filters = {}) => {
    const r = ranges(shift);
    dashboardFor(r.current, filters);
    dashboardFor(r.previous, filters);
  };

  // Cold: ranges not asked before (shifted by 1–5 days), so no result can come from a cache.
  const cold = (name: string, variants: Array<() => void>, budget: number, note: string): number[] => {
    const times = variants.map((run) => {
      const t = performance.now();
      run();
      return performance.now() - t;
    });
    b.row({
      name,
      value: Math.round(median(times) * 100) / 100,
      unit: 'ms',
      first: Math.round(times[0]! * 100) / 100,
      min: Math.round(Math.min(...times) * 100) / 100,
      max: Math.round(Math.max(...times) * 100) / 100,
      runs: times.length,
      budget,
      note,
    });
    return times;
  };
  const dashboardTimes = cold('dashboard: 30 days + previous 30 days (new ranges)', [1, 2, 3, 4, 5].map((s) => () => dashboard(s)), 1000, '18 queries');
  b.row({
    name: 'ingest + first query + first dashboard (DESIGN §5: well under 1 s)',
    value: Math.round(ingestMs + firstQueryMs + dashboardTimes[0]!),
    unit: 'ms',
    budget: 1000,
    note: 'generation excluded',
  });
  b.time('dashboard: same ranges again', () => dashboard(5), { runs: 5, budget: 1000, note: '18 queries' });
  const filterChanges: Filters[] = [
    { devices: ['Mobile'] },
    { devices: ['Computer'] },
    { countries: ['US'] },
    { domains: ['lms.northfield.edu'] },
    { devices: ['Mobile'], countries: ['IN', 'GB'] },
  ];
  cold(
    'filter change: dashboard with one filter more',
    filterChanges.map((f) => () => dashboard(0, f)),
    100,
    'devices Mobile / Computer, countries US, domain, 2 fields',
  );
  b.time('filter change: devices Mobile again', () => dashboard(0, { devices: ['Mobile'] }), { runs: 5, budget: 100 });
  b.time('filter change: users filter (5 users)', () => dashboard(0, { users: userIds.slice(0, 5) }), {
    runs: 0,
    budget: 100,
  });

  b.heap(true);
  b.row({ name: 'peak JS heap sampled (whole run)', value: b.peakHeap, unit: 'MB' });
  b.row({ name: 'JS heap at the end (after gc)', value: b.heap(true), unit: 'MB' });
});
