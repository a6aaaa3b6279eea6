/**
 * Heatmap and users-table benchmark (DESIGN §5): drawing 10,000 users × 100 buckets on the heatmap's canvas (budget
 * 50 ms), the class view's derived figures over the same matrix, the `<engagement-heatmap>` element end to end, and
 * the users table's sort and filter through the embedded engine with 100,000 users (budget 100 ms each).
 *
 *   npm run bench -- heatmap                     defaults: 10,000 heatmap users; 100,000 directory users, 1,000,000 events
 *   npm run bench -- heatmap --users=20000 --events=500000
 */
import { bench, type Bench } from './harness.js';
import { buildRaster, drawFrame } from '../src/elements/engagement-heatmap/draw.js';
import { EngagementHeatmap } from '../src/elements/engagement-heatmap/engagement-heatmap.js';
import { visibleRows, type Rgba } from '../src/charts/heatmap.js';
import { tierCounts } from '../src/charts/tiers.js';
import { notableSpans, rewatchCounts, skipCounts, missedSpan } from '../src/charts/spans.js';
import { AnalyticsEngine } from '../src/data/engine/index.js';
import { generateSampleEvents, SAMPLE_VIDEO_ID, type RawEvent } from '../src/data/sample/index.js';
import type { HeatmapResult, QueryBase, UserSortField, UsersQuery, UsersResult } from '../src/data/types.js';

const params = new URLSearchParams(location.search);
const HEATMAP_USERS = Number(params.get('heatmapUsers') ?? 10_000);
const DIRECTORY_USERS = Number(params.get('users') ?? 100_000);
const EVENTS = Number(params.get('events') ?? 1_000_000);

const COLORS: [Rgba, Rgba, Rgba, Rgba] = [
  [228, 231, 235, 255],
  [156, 195, 239, 255],
  [61, 125, 208, 255],
  [18, 56, 107, 255],
];

/** A seeded matrix: each user watched from a start to an end, re-watching a passage now and then. */
function matrix(n: number): number[][] {
  let s = 12345;
  const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, () => {
    const row = new Array<number>(100).fill(0);
    const a = Math.floor(rnd() * 30);
    const b = a + Math.floor(rnd() * (100 - a));
    for (let i = a; i < b; i++) row[i] = 1;
    if (rnd() < 0.4) {
      const r = 40 + Math.floor(rnd() * 20);
      for (let i = r; i < r + 8; i++) row[i] = (row[i] ?? 0) + 1 + Math.floor(rnd() * 3);
    }
    return row;
  });
}

/** Makes the canvas finish its pending drawing (software canvases draw lazily). */
const flush = (c: HTMLCanvasElement) => void c.getContext('2d')!.getImageData(0, 0, 1, 1);

// Registered here: the bundler treats src/**/define.js as side-effect free (package.json `sideEffects` names dist/).
if (!customElements.get('engagement-heatmap')) customElements.define('engagement-heatmap', EngagementHeatmap);

async function canvasBench(b: Bench) {
  const rows = matrix(HEATMAP_USERS);
  const n = rows.length.toLocaleString('en');
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  const dpr = window.devicePixelRatio || 1;
  const width = 900;
  const viewH = 420;
  const rowHeight = 18;

  const raster = b.time(`heatmap: rasterize ${n} users × 100 buckets (tiles of 4,096 rows)`, () => buildRaster(rows, COLORS), {
    runs: 7,
  });
  b.time(
    `heatmap: draw the rows in view (${width} × ${viewH} px, ${rowHeight} px rows)`,
    () => {
      const { start, end } = visibleRows(2000 * rowHeight, viewH, rowHeight, rows.length, 1);
      drawFrame(canvas, raster, { width, height: viewH, dpr, rowHeight, gap: 2, start, end, scrollTop: 2000 * rowHeight, rtl: false });
      flush(canvas);
    },
    { runs: 15 },
  );
  b.time(
    `heatmap: full draw of ${n} × 100 (rasterize + draw the view)`,
    () => {
      const r = buildRaster(rows, COLORS);
      const { start, end } = visibleRows(0, viewH, rowHeight, rows.length, 1);
      drawFrame(canvas, r, { width, height: viewH, dpr, rowHeight, gap: 2, start, end, scrollTop: 0, rtl: false });
      flush(canvas);
    },
    { runs: 7, budget: 50 },
  );
  b.time(
    `heatmap: overview of all ${n} rows on one ${width} × 600 px canvas`,
    () => {
      const r = buildRaster(rows, COLORS);
      drawFrame(canvas, r, { width, height: 600, dpr, rowHeight: 600 / rows.length, gap: 0, start: 0, end: rows.length, scrollTop: 0, rtl: false });
      flush(canvas);
    },
    { runs: 7, budget: 50 },
  );
  canvas.remove();

  // The element end to end: rows set → loaded, laid out, rasterized and drawn.
  const data: HeatmapResult = {
    duration: 840,
    users: rows.map((counts, k) => ({ userId: `u${k}`, name: `User ${k}`, counts })),
  };
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const el = document.createElement('engagement-heatmap') as EngagementHeatmap;
    el.style.cssText = 'display:block;width:1100px';
    document.body.append(el);
    const t = performance.now();
    el.rows = { ...data };
    await el.whenLoaded();
    while (el.drawnRows !== rows.length) await new Promise((r) => setTimeout(r, 0));
    flush(el.shadowRoot!.querySelector('canvas')!);
    times.push(performance.now() - t);
    el.remove();
  }
  const sorted = [...times].sort((a, b) => a - b);
  b.row({
    name: `<engagement-heatmap> with ${n} users: set rows → drawn (incl. Lit render, layout)`,
    value: Math.round(sorted[2]! * 100) / 100,
    unit: 'ms',
    first: Math.round(times[0]! * 100) / 100,
    min: Math.round(sorted[0]! * 100) / 100,
    max: Math.round(sorted[4]! * 100) / 100,
    runs: 5,
    note: 'median of 5; includes waiting for a macrotask between load and draw',
  });

  // The class view's figures over the same matrix.
  b.time(
    `class view: tier shares + re-watched + skipped spans over ${n} users`,
    () => {
      const t = tierCounts(rows);
      const rw = rewatchCounts(rows);
      const sk = skipCounts(rows);
      return [t, notableSpans(rw), notableSpans(sk)];
    },
    { runs: 7 },
  );
  b.time(`class view: who never watched buckets 29–43 among ${n} users`, () => missedSpan(rows, 29, 43), { runs: 7 });
}

function usersBench(b: Bench) {
  b.log(`engine: ${EVENTS.toLocaleString('en')} events, ${DIRECTORY_USERS.toLocaleString('en')} directory users`);
  const options = { seed: 7, end: '2026-03-31', days: 120, events: EVENTS, users: DIRECTORY_USERS };
  const meta = generateSampleEvents({ ...options, events: 0 }, () => {});
  const engine = new AnalyticsEngine({ entries: meta.entries, users: meta.users });
  let chunk: RawEvent[] = [];
  generateSampleEvents(options, (e) => {
    chunk.push(e);
    if (chunk.length >= 50_000) {
      engine.ingest(chunk);
      chunk = [];
    }
  });
  if (chunk.length) engine.ingest(chunk);
  const base: QueryBase = { entryId: SAMPLE_VIDEO_ID, range: { from: '2025-12-02', to: '2026-03-31' }, timeZone: 'UTC', filters: {} };
  const ask = (sort: UserSortField, direction: 'asc' | 'desc', search?: string, offset = 0) =>
    engine.query({ ...base, kind: 'users', sort: { field: sort, direction }, page: { offset, limit: 25 }, ...(search ? { search } : {}) } as UsersQuery) as UsersResult;
  const first = b.once('users: first page (aggregates every user)', () => ask('plays', 'desc'));
  b.row({ name: 'users: rows in the table (users with impressions or plays)', value: first.total, unit: 'users' });
  for (const field of ['name', 'impressions', 'avgCompletionRate', 'totalCompletionRate'] as UserSortField[])
    b.time(`users: sort by ${field} (cold = first sort of this field)`, () => ask(field, field === 'name' ? 'asc' : 'desc'), {
      runs: 3,
      cold: true,
      budget: 100,
    });
  b.time('users: sort direction flipped (name desc, cold)', () => ask('name', 'desc'), { runs: 3, cold: true, budget: 100 });
  for (const needle of ['mar', 'user-1', 'zz'])
    b.time(`users: filter "${needle}"`, () => ask('plays', 'desc', needle), { runs: 5, budget: 100 });
  b.time('users: last page by plays', () => ask('plays', 'desc', undefined, Math.max(0, first.total - 25)), { runs: 5, budget: 100 });
  b.time('class view: heatmap of the first 10,000 users with plays (engine)', () => engine.query({ ...base, kind: 'heatmap', limit: 10_000 }), {
    runs: 2,
  });
}

bench('heatmap', async (b) => {
  await canvasBench(b);
  usersBench(b);
});
