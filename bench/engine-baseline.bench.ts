/**
 * The engine against its floor, side by side in one page on the same 1,000,000 generated events: plain
 * dictionary-coding into typed arrays and one hand-written pass per aggregate (bench/baseline.ts) versus the engine's
 * ingest, preparation and queries. Ratios are engine / baseline; their budgets are the engine's targets (the
 * dashboard's aggregates within 2×, ingest within 1.5×, memory at most 2× the coded columns), plus the first query
 * (preparation) under 150 ms and a filter change under 50 ms. Ingest is timed twice: one after the other (cold, as a
 * page ingests once), and paired, chunk by chunk in turns (steady on a shared machine whose speed drifts).
 *
 *   npm run bench -- engine-baseline [--events=1000000]
 */
import { bench, median, type Bench } from './harness.js';
import { BaselineQueries, CodedColumns } from './baseline.js';
import { AnalyticsEngine } from '../src/data/engine/index.js';
import { domainOf, decodeReferrer } from '../src/data/engine/parse.js';
import { generateSampleEvents, SAMPLE_VIDEO_ID, VIDEO_DURATION, type RawEvent } from '../src/data/sample/index.js';
import { addDays } from '../src/data/dates.js';
import type { DateRange, Filters, Query } from '../src/data/types.js';

const params = new URLSearchParams(location.search);
const EVENTS = Number(params.get('events') ?? 1_000_000);
const END = '2026-03-31';
const DAYS = 120;
const TZ = 'Europe/Paris';
const CHUNK = 50_000;
const SAMPLE = { seed: 1, end: END, days: DAYS, events: EVENTS };
/**
 * Each aggregate runs over nine ranges (30 days ending 0–8 days before END; 120 days likewise) so no cache answers;
 * baseline and engine take turns on each range, and the ratio is taken pair by pair (its median is reported), which
 * keeps it meaningful when the machine's speed drifts during the run.
 */
const SHIFTS = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const last30 = (shift: number): DateRange => ({ from: addDays(END, -29 - shift), to: addDays(END, -shift) });
const last120 = (shift: number): DateRange => ({ from: addDays(END, -(DAYS - 1) - shift), to: addDays(END, -shift) });

/** Feeds the sample to `sink` in chunks and returns the milliseconds spent in `sink` alone. */
function feed(sink: (chunk: RawEvent[]) => void): number {
  let chunk: RawEvent[] = [];
  let ms = 0;
  const flush = () => {
    const t = performance.now();
    sink(chunk);
    ms += performance.now() - t;
    chunk = [];
  };
  generateSampleEvents(SAMPLE, (e) => {
    chunk.push(e);
    if (chunk.length >= CHUNK) flush();
  });
  if (chunk.length) flush();
  return ms;
}

/**
 * Feeds the sample to two sinks, chunk by chunk, taking turns on which one goes first; returns the milliseconds each
 * spent. Both see the same event objects at the same moment, so a change in the machine's speed during the run (a
 * shared machine's load) weighs on both alike, unlike two ingests one after the other.
 */
function feedPaired(a: (chunk: RawEvent[]) => void, b: (chunk: RawEvent[]) => void): [number, number] {
  let chunk: RawEvent[] = [];
  let msA = 0;
  let msB = 0;
  let turn = 0;
  const flush = () => {
    if (turn++ % 2 === 0) {
      msA += timed(() => a(chunk));
      msB += timed(() => b(chunk));
    } else {
      msB += timed(() => b(chunk));
      msA += timed(() => a(chunk));
    }
    chunk = [];
  };
  generateSampleEvents(SAMPLE, (e) => {
    chunk.push(e);
    if (chunk.length >= CHUNK) flush();
  });
  if (chunk.length) flush();
  return [msA, msB];
}

const timed = (fn: () => void): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

/** Baseline and engine in turns over the shifted ranges: their times and the per-pair ratios. */
function paired(baseline: (shift: number) => unknown, engine: (shift: number) => unknown) {
  const b: number[] = [];
  const e: number[] = [];
  for (const s of SHIFTS) {
    b.push(timed(() => baseline(s)));
    e.push(timed(() => engine(s)));
  }
  return { baseline: b, engine: e, ratios: b.map((x, k) => e[k]! / x) };
}

const r2 = (x: number) => Math.round(x * 100) / 100;

bench('engine vs plain typed arrays', (b: Bench) => {
  const meta = generateSampleEvents({ ...SAMPLE, events: 0 }, () => {});

  // Baseline: ingest (plain dictionary-coding) and the memory its columns hold.
  b.log(`coding ${EVENTS.toLocaleString('en')} events into plain columns`);
  const heap0 = b.heap(true);
  const cols = new CodedColumns(EVENTS + CHUNK);
  const baseIngest = feed((chunk) => cols.add(chunk));
  const baseHeap = b.heap(true) - heap0;

  // Engine: ingest, then the first query (lazy preparation), and what it holds.
  b.log('ingesting the same events into the engine');
  const heap1 = b.heap(true);
  const engine = new AnalyticsEngine({ entries: meta.entries, users: meta.users });
  const engineIngest = feed((chunk) => engine.ingest(chunk));
  const base = (range: DateRange, filters: Filters = {}) => ({ entryId: SAMPLE_VIDEO_ID, range, timeZone: TZ, filters });
  const q = <Q extends Query>(query: Q) => engine.query(query);
  // The garbage of ingest (the generated events) is collected first, so that the figure is the preparation's and
  // not a collection that any next allocation would have triggered.
  b.gc();
  const t = performance.now();
  q({ kind: 'totals', ...base(last30(0)) });
  const firstQuery = performance.now() - t;
  const engineHeap = b.heap(true) - heap1;

  b.row({ name: 'ingest: baseline (plain dictionary-coding)', value: Math.round(baseIngest), unit: 'ms' });
  b.row({ name: 'ingest: engine', value: Math.round(engineIngest), unit: 'ms', note: `${engine.stats.accepted.toLocaleString('en')} accepted` });
  b.row({ name: 'ingest: engine / baseline', value: r2(engineIngest / baseIngest), unit: '×', budget: 1.5 });
  b.row({ name: 'first query (preparation + totals)', value: r2(firstQuery), unit: 'ms', budget: 150 });
  b.row({ name: 'memory: baseline columns (heap after gc)', value: Math.round(baseHeap * 10) / 10, unit: 'MB', note: `typed arrays ${(cols.bytes / 1048576).toFixed(1)} MB` });
  b.row({ name: 'memory: engine after ingest + preparation', value: Math.round(engineHeap * 10) / 10, unit: 'MB' });
  b.row({ name: 'memory: engine / baseline', value: r2(engineHeap / baseHeap), unit: '×', budget: 2 });

  // Ingest again, paired: fresh columns and a fresh engine, each chunk to both in turns (code already compiled).
  b.log('coding and ingesting the same events again, chunk by chunk in turns');
  {
    const cols2 = new CodedColumns(EVENTS + CHUNK);
    const engine2 = new AnalyticsEngine({ entries: meta.entries, users: meta.users });
    const [msBase, msEngine] = feedPaired(
      (chunk) => cols2.add(chunk),
      (chunk) => engine2.ingest(chunk),
    );
    b.row({
      name: 'ingest, paired in turns: engine / baseline',
      value: r2(msEngine / msBase),
      unit: '×',
      note: `engine ${Math.round(msEngine)} ms, baseline ${Math.round(msBase)} ms; the same chunks, in turns`,
    });
  }
  b.gc();

  // The eight aggregates, each side by side.
  const video = cols.entries.code(SAMPLE_VIDEO_ID);
  const bq = new BaselineQueries(cols, video, TZ);
  const domainOfReferrer = (ref: number) => domainOf(decodeReferrer(cols.referrers.values[ref]!));
  const aggregates: [string, (s: number) => unknown, (s: number) => unknown][] = [
    ['totals (30 days)', (s) => bq.totals(last30(s)), (s) => q({ kind: 'totals', ...base(last30(s)) })],
    ['daily (30 days)', (s) => bq.daily(last30(s)), (s) => q({ kind: 'timeline', granularity: 'day', ...base(last30(s)) })],
    ['daily (120 days)', (s) => bq.daily(last120(s)), (s) => q({ kind: 'timeline', granularity: 'day', ...base(last120(s)) })],
    ['retention (30 days)', (s) => bq.retention(last30(s), VIDEO_DURATION), (s) => q({ kind: 'retention', ...base(last30(s)) })],
    ['by country', (s) => bq.by(last30(s), cols.country, cols.countries.values.length), (s) => q({ kind: 'geo', level: 'country', ...base(last30(s)) })],
    ['by device', (s) => bq.by(last30(s), cols.device, cols.devices.values.length), (s) => q({ kind: 'devices', ...base(last30(s)) })],
    [
      'by domain',
      (s) => {
        const r = bq.by(last30(s), cols.referrer, cols.referrers.values.length);
        const byDomain = new Map<string, number>();
        for (let g = 1; g < r.plays.length; g++) {
          if (r.plays[g] === 0 && r.impressions[g] === 0) continue;
          const d = domainOfReferrer(g - 1);
          byDomain.set(d, (byDomain.get(d) ?? 0) + r.plays[g]!);
        }
        return byDomain;
      },
      (s) => q({ kind: 'domains', ...base(last30(s)), sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 } }),
    ],
    [
      'per user',
      (s) => bq.by(last30(s), cols.user, cols.users.values.length),
      (s) => q({ kind: 'users', ...base(last30(s)), sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 50 } }),
    ],
  ];
  // Per aggregate: medians of both and of the per-pair ratios. Then all eight per range, paired the same way.
  for (const [name, baseline, eng] of aggregates) {
    const r = paired(baseline, eng);
    b.row({
      name: `${name}: engine / baseline`,
      value: r2(median(r.ratios)),
      unit: '×',
      note: `engine ${r2(median(r.engine))} ms (min ${r2(Math.min(...r.engine))}), baseline ${r2(median(r.baseline))} ms (min ${r2(Math.min(...r.baseline))})`,
    });
  }
  const all = paired(
    (s) => aggregates.forEach(([, baseline]) => baseline(s + 20)),
    (s) => aggregates.forEach(([, , eng]) => eng(s + 20)),
  );
  b.row({ name: 'the 8 aggregates: baseline', value: r2(median(all.baseline)), unit: 'ms', min: r2(Math.min(...all.baseline)), runs: SHIFTS.length });
  b.row({ name: 'the 8 aggregates: engine', value: r2(median(all.engine)), unit: 'ms', min: r2(Math.min(...all.engine)), runs: SHIFTS.length });
  b.row({ name: 'the 8 aggregates: engine / baseline', value: r2(median(all.ratios)), unit: '×', budget: 2, note: 'median of per-range ratios' });

  // A filter change: the same eight aggregates with one filter more (filters not asked before).
  const filters: Filters[] = [{ devices: ['Mobile'] }, { countries: ['US'] }, { devices: ['Computer'], countries: ['IN', 'GB'] }];
  const filterTimes = filters.map((f) => {
    const s = performance.now();
    q({ kind: 'totals', ...base(last30(0), f) });
    q({ kind: 'timeline', granularity: 'day', ...base(last30(0), f) });
    q({ kind: 'retention', ...base(last30(0), f) });
    q({ kind: 'geo', level: 'country', ...base(last30(0), f) });
    q({ kind: 'devices', ...base(last30(0), f) });
    q({ kind: 'domains', ...base(last30(0), f), sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 } });
    q({ kind: 'users', ...base(last30(0), f), sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 25 } });
    return performance.now() - s;
  });
  b.row({ name: 'filter change: the panels\' queries with one filter more', value: r2(median(filterTimes)), unit: 'ms', budget: 50, note: 'Mobile; US; Computer + IN, GB' });

  // The engine's counts agree with the baseline's.
  const range = last30(0);
  const bt = bq.totals(range);
  const et = q({ kind: 'totals', ...base(range) });
  const bc = bq.by(range, cols.country, cols.countries.values.length);
  const ec = q({ kind: 'geo', level: 'country', ...base(range) });
  const bd = bq.daily(last120(0));
  const ed = q({ kind: 'timeline', granularity: 'day', ...base(last120(0)) });
  const mismatches: string[] = [];
  if (bt.impressions !== et.impressions || bt.plays !== et.plays || bt.uniqueViewers !== et.uniqueViewers) mismatches.push('totals');
  for (const row of ec.rows) {
    const g = cols.countries.values.indexOf(row.code!) + 1;
    if (bc.plays[g] !== row.plays || bc.impressions[g] !== row.impressions) mismatches.push(`country ${row.code}`);
  }
  ed.points.forEach((p, d) => {
    if (p.plays !== bd[d]!.plays || p.impressions !== bd[d]!.impressions) mismatches.push(`day ${p.date}`);
  });
  b.row({ name: 'counts agree (totals, countries, 120 days)', value: mismatches.length, unit: 'mismatches', budget: 0, note: mismatches.slice(0, 3).join(', ') });
});
