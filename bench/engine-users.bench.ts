/**
 * Engine at ~100,000 users: 1,000,000 synthetic events (deterministic) in 100,000 sessions of ~98,000 users, ten
 * events each. Measures what the sample cannot reach (its users are far fewer than its sessions): the users table's
 * first query, re-sorts, searches and deep pages (DESIGN §5: under 100 ms), plus ingest, a 24-query dashboard and a
 * filter change at that scale. (Formerly test/engine/perf.test.ts: speed targets live in benchmarks, not tests.)
 */
import { bench, type Bench } from './harness.js';
import { AnalyticsEngine, type RawEvent } from '../src/data/engine/index.js';
import type { EntryResult, Filters, Query, UsersResult } from '../src/data/types.js';

const params = new URLSearchParams(location.search);
const SESSIONS = Math.round(Number(params.get('events') ?? 1_000_000) / 10);

const ENTRY: EntryResult = {
  id: 'e1',
  name: 'Clip',
  type: 'video',
  duration: 100,
  owner: { id: 'owner1', name: 'Owner One' },
  created: '2026-01-01T00:00:00Z',
};

/** Sessions of ten events (impression, play request, play, six views, reached 25 %), each of a random user. */
function* synthetic(sessions: number, users: number): Generator<RawEvent> {
  let seed = 12345;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  const countries = ['FR', 'US', 'DE', 'IL', 'JP', 'BR'];
  const devices = ['Computer', 'Mobile', 'Tablet', 'Other'];
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let s = 0; s < sessions; s++) {
    const t0 = start + Math.floor(rnd() * 90 * 86_400_000);
    const common = {
      entryId: ENTRY.id,
      sessionId: `s${s}`,
      userId: rnd() < 0.02 ? undefined : `u${Math.floor(rnd() * users)}`,
      country: countries[Math.floor(rnd() * countries.length)],
      region: 'R',
      city: 'C',
      device: devices[Math.floor(rnd() * devices.length)],
      referrer: `https://site${Math.floor(rnd() * 50)}.example/page${Math.floor(rnd() * 20)}`,
      playbackContext: rnd() < 0.5 ? 'Math' : 'Physics',
      playbackType: 'vod',
    };
    let i = 0;
    const ev = (eventType: number, dt: number, extra: RawEvent = {}) => ({ ...common, eventIndex: ++i, eventType, time: t0 + dt, position: 0, ...extra });
    yield ev(1, 0);
    yield ev(2, 1);
    yield ev(3, 2);
    for (let v = 0; v < 6; v++) yield ev(99, 3 + v * 5000, { playTimeSum: v * 5, position: v * 5 });
    yield ev(11, 80_000, { position: 25 });
  }
}

bench('engine at ~100,000 users', (b: Bench) => {
  const events = [...synthetic(SESSIONS, 100_000_000)];
  // A directory naming every user (names repeat, as real names do, and some carry accents): the name sort collates.
  const first = ['Ada', 'Élise', 'Zoë', 'Ömer', 'Marie', 'mark', 'Ana', 'Åsa', 'José', 'Li', 'Chloé', 'Chloe'];
  const last = ['Lovelace', 'Müller', 'de la Cruz', 'Nguyen', 'Smith', "O'Brien", 'Østergaard', 'Kim', 'Martin', 'Żak'];
  const users: Record<string, string> = {};
  for (const e of events) {
    const id = e['userId'] as string | undefined;
    if (id !== undefined && !(id in users)) {
      const n = Number(id.slice(1));
      users[id] = `${first[n % first.length]} ${last[Math.floor(n / 7) % last.length]} ${n % 1000}`;
    }
  }
  const engine = new AnalyticsEngine({ entries: [ENTRY], users });
  b.once(`ingest ${events.length.toLocaleString('en')} events (${SESSIONS.toLocaleString('en')} sessions), one array`, () => engine.ingest(events));

  const base = { entryId: ENTRY.id, timeZone: 'America/New_York', filters: {} as Filters };
  const whole = { from: '2026-01-01', to: '2026-03-31' };
  const ranges = [
    { from: '2026-01-01', to: '2026-01-31' },
    { from: '2026-02-01', to: '2026-03-31' },
  ];
  b.once('first query: totals (includes lazy preparation)', () => engine.query({ kind: 'totals', ...base, range: ranges[0]! }));

  const usersQuery = (extra: object) =>
    engine.query({
      kind: 'users',
      ...base,
      range: whole,
      sort: { field: 'plays', direction: 'desc' },
      page: { offset: 0, limit: 50 },
      ...extra,
    } as Query) as UsersResult;
  const firstPage = b.once('users: first query at ~100k users (plays desc, page 1)', () => usersQuery({}), { budget: 100 });
  b.row({ name: 'users in the table', value: firstPage.total, unit: 'users' });
  b.once('users: first sort by name (collation order made once per user dictionary)', () =>
    usersQuery({ sort: { field: 'name', direction: 'asc' } }), { budget: 100 });
  b.time('users: name order again (desc)', () => usersQuery({ sort: { field: 'name', direction: 'desc' } }), { budget: 100 });
  b.once('users: re-sort (avgCompletionRate desc, first time)', () => usersQuery({ sort: { field: 'avgCompletionRate', direction: 'desc' } }), {
    budget: 100,
  });
  b.once('users: re-sort (totalCompletionRate asc, first time)', () => usersQuery({ sort: { field: 'totalCompletionRate', direction: 'asc' } }), {
    budget: 100,
  });
  b.time('users: search "u12" (by name)', () => usersQuery({ sort: { field: 'name', direction: 'desc' }, search: 'u12' }), { budget: 100 });
  b.time('users: search "zoë" (by plays)', () => usersQuery({ search: 'zoë' }), { budget: 100 });
  b.time('users: page at offset 40,000', () => usersQuery({ page: { offset: 40_000, limit: 50 } }), { budget: 100 });
  b.once('users: first query of another range (new aggregate, orders reused)', () =>
    usersQuery({ range: ranges[1] }), { budget: 100 });

  const sortPage = { sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 } } as const;
  const dashboard = (filters: Filters, range: { from: string; to: string }): Query[] => [
    { kind: 'totals', ...base, filters, range },
    { kind: 'timeline', granularity: 'day', ...base, filters, range },
    { kind: 'retention', ...base, filters, range },
    { kind: 'users', ...base, filters, range, sort: { field: 'name', direction: 'asc' }, page: { offset: 0, limit: 50 } },
    { kind: 'heatmap', ...base, filters, range, limit: 20 },
    { kind: 'geo', level: 'country', ...base, filters, range },
    { kind: 'devices', ...base, filters, range },
    { kind: 'domains', ...base, filters, range, ...sortPage },
    { kind: 'urls', domain: 'site1.example', ...base, filters, range, ...sortPage },
    { kind: 'timeline', granularity: 'month', ...base, filters, range },
    { kind: 'entry', ...base, filters, range },
    { kind: 'geo', level: 'region', country: 'FR', ...base, filters, range },
  ];
  b.once('dashboard: 12 kinds × 2 ranges (24 queries)', () => {
    for (const range of ranges) for (const query of dashboard({}, range)) engine.query(query);
  });
  b.once('filter change: totals with countries FR + devices Mobile', () =>
    engine.query({ kind: 'totals', ...base, range: ranges[1]!, filters: { countries: ['FR'], devices: ['Mobile'] } }), { budget: 100 });
});
