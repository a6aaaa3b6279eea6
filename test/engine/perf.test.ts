/**
 * Scale smoke test: 1,000,000 synthetic events (deterministic) in 100,000 sessions of ~98,000 users. Logs timings; the assertions are
 * loose so a slow CI machine does not flake, the real budgets are measured by the benchmark.
 */
import { expect } from '@open-wc/testing';
import { AnalyticsEngine, type RawEvent } from '../../src/data/engine/index.js';
import type { Filters, Query } from '../../src/data/types.js';
import { ENTRY } from './helpers.js';

function* synthetic(sessions: number, users: number): Generator<RawEvent> {
  let seed = 12345;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
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
    // 10 events: impression, play request, play, 6 views every 5 s, reached 25.
    let i = 0;
    const ev = (eventType: number, dt: number, extra: RawEvent = {}) => ({ ...common, eventIndex: ++i, eventType, time: t0 + dt, position: 0, ...extra });
    yield ev(1, 0);
    yield ev(2, 1);
    yield ev(3, 2);
    for (let v = 0; v < 6; v++) yield ev(99, 3 + v * 5000, { playTimeSum: v * 5, position: v * 5 });
    yield ev(11, 80_000, { position: 25 });
  }
}

describe('engine at scale', function () {
  this.timeout(180_000);
  it('1,000,000 events, 100,000 users: ingest, dashboard, filter change, users paging', () => {
    const engine = new AnalyticsEngine({ entries: [ENTRY] });
    const events = [...synthetic(100_000, 100_000_000)];
    expect(events.length).to.equal(1_000_000);
    let t = performance.now();
    const report = engine.ingest(events);
    const ingestMs = performance.now() - t;
    expect(report.accepted).to.equal(1_000_000);

    const base = { entryId: ENTRY.id, timeZone: 'America/New_York', filters: {} as Filters };
    const ranges = [
      { from: '2026-01-01', to: '2026-01-31' },
      { from: '2026-02-01', to: '2026-03-31' },
    ];
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
    t = performance.now();
    engine.query({ kind: 'totals', ...base, range: ranges[0]! }); // first query prepares the entry
    const prepareMs = performance.now() - t;
    t = performance.now();
    for (const range of ranges) for (const query of dashboard({}, range)) engine.query(query);
    const dashboardMs = performance.now() - t;
    t = performance.now();
    const filtered = engine.query({ kind: 'totals', ...base, range: ranges[1]!, filters: { countries: ['FR'], devices: ['Mobile'] } });
    const filterMs = performance.now() - t;
    expect(filtered.plays).to.be.greaterThan(0);

    const usersQuery = (extra: object) =>
      engine.query({ kind: 'users', ...base, range: { from: '2026-01-01', to: '2026-03-31' }, sort: { field: 'name', direction: 'asc' }, page: { offset: 0, limit: 50 }, ...extra } as Query);
    t = performance.now();
    const first = usersQuery({}) as { total: number };
    const usersFirstMs = performance.now() - t;
    const timed = (extra: object) => {
      const t0 = performance.now();
      usersQuery(extra);
      return performance.now() - t0;
    };
    const usersCachedMs = Math.max(
      timed({ sort: { field: 'avgCompletionRate', direction: 'desc' } }),
      timed({ sort: { field: 'name', direction: 'desc' }, search: 'u12' }),
      timed({ page: { offset: 40_000, limit: 50 } }),
    );
    console.log(
      `engine scale: ingest ${ingestMs.toFixed(0)} ms, prepare ${prepareMs.toFixed(0)} ms, dashboard (24 queries) ${dashboardMs.toFixed(0)} ms, ` +
        `filter change ${filterMs.toFixed(1)} ms, users first ${usersFirstMs.toFixed(0)} ms (${first.total} users), users re-sort/search/page (slowest) ${usersCachedMs.toFixed(1)} ms`,
    );
    expect(first.total).to.be.greaterThan(95_000);
    expect(ingestMs).to.be.lessThan(30_000);
    expect(dashboardMs).to.be.lessThan(10_000);
    expect(filterMs).to.be.lessThan(1_000);
  });
});
