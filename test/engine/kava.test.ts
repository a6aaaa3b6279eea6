/**
 * The two real beacon captures from Kaltura's player (test/fixtures/kava, copied from shared/kava-samples): a 120 s
 * clip, entry 0_hidden01, every value a string. Expectations computed by hand below.
 *
 * With a 120 s duration, bucket i is [1.2 i, 1.2 i + 1.2) s and its midpoint is 1.2 i + 0.6 s; an interval [a, b)
 * covers buckets ceil((a - 0.6) / 1.2) … ceil((b - 0.6) / 1.2) - 1.
 */
import { expect } from '@open-wc/testing';
import { AnalyticsEngine } from '../../src/data/engine/index.js';
import type { EntryResult, Query } from '../../src/data/types.js';
import { buckets, rounded } from './helpers.js';

const CLIP: EntryResult = {
  id: '0_hidden01',
  name: 'Acceptance clip',
  type: 'video',
  duration: 120,
  owner: { id: 'o', name: 'O' },
  created: '2026-11-01T00:00:00Z',
};

async function load(name: string): Promise<string> {
  const res = await fetch(new URL(`../fixtures/kava/${name}`, import.meta.url));
  if (!res.ok) throw new Error(`fixture ${name}: HTTP ${res.status}`);
  return res.text();
}

const base = {
  entryId: CLIP.id,
  range: { from: '2026-11-27', to: '2026-11-27' }, // captured 2026-11-27 07:07–07:12 UTC
  timeZone: 'UTC',
  filters: {},
};
const query = <K extends Query['kind']>(kind: K, extra: object = {}) => ({ kind, ...base, ...extra }) as Extract<Query, { kind: K }>;

describe('engine on real KAVA beacons', () => {
  let b = '';
  let f = '';
  before(async () => {
    b = await load('b.ndjson');
    f = await load('f.ndjson');
  });

  describe('b: play 0→30, seek back to 10, play to 35, pause', () => {
    // Views (playTimeSum @ position): 0@0, 10.845577@10.845577, 20.849295@20.849295, [seek to 10],
    // 30.533481@10.723286, 40.531673@20.721478, 50.531745@30.72155; then a pause at 35.009 (never reported as a view).
    // Seconds: 0, 10.845577, 10.003718, 9.684186, 9.998192, 10.000072 → Σ 50.531745 s = 0.84219575 min.
    // Intervals: [0, 10.845577] → buckets 0–8; [10.845577, 20.849295] → 9–16;
    // the view after the seek: after = 10.723286 − 10 = 0.723286 → [10, 10.723286] → bucket 8;
    //   rest = 9.684186 − 0.723286 = 8.9609 from the previous position → [20.849295, 29.810195] → 17–24;
    // [10.723286, 20.721478] → 9–16; [20.721478, 30.72155] → 17–25.
    // views: 0–7 ×1, 8 ×2, 9–24 ×2, 25 ×1 → 26 distinct buckets: completion 26 %.
    let engine: AnalyticsEngine;
    before(() => {
      engine = new AnalyticsEngine({ entries: [CLIP] });
      const report = engine.ingest(b);
      expect(report).to.deep.equal({ accepted: 13, skipped: {} });
    });

    it('totals', () => {
      expect(rounded(engine.query(query('totals')))).to.deep.equal({
        impressions: 1,
        plays: 1,
        uniqueViewers: 1,
        minutesViewed: 0.842196, // 50.531745 / 60
        avgCompletionRate: 26,
        avgDropOffRate: 25, // (1 + 0 + 0 + 0) / 4 / 1
        playThrough: { 25: 1, 50: 0, 75: 0, 100: 0 },
      });
    });

    it('retention: the re-watched 10–30 s counts twice', () => {
      const r = engine.query(query('retention'));
      expect(r.duration).to.equal(120);
      expect(r.plays).to.equal(1);
      expect(r.views).to.deep.equal(buckets([0, 26, 1], [8, 25, 1]));
      expect(r.viewers).to.deep.equal(buckets([0, 26, 1]));
      expect(r.uniqueUsers).to.deep.equal(buckets([0, 26, 1]));
    });

    it('heatmap of viewer01', () => {
      const r = engine.query(query('heatmap', { userIds: ['viewer01'] }));
      expect(r.users).to.deep.equal([{ userId: 'viewer01', name: 'viewer01', counts: buckets([0, 26, 1], [8, 25, 1]) }]);
    });

    it('domain and URL from the plain referrer', () => {
      const d = engine.query(query('domains', { sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 } }));
      expect(d.rows.map((r) => [r.domain, r.plays])).to.deep.equal([['portal.example.edu', 1]]);
      const u = engine.query(
        query('urls', { domain: 'portal.example.edu', sort: { field: 'key', direction: 'asc' }, page: { offset: 0, limit: 10 } }),
      );
      expect(u.rows.map((r) => r.url)).to.deep.equal(['http://portal.example.edu/player.html?scenario=b&userId=viewer01']);
    });

    it('category from playbackContext, playback type vod', () => {
      expect(engine.query(query('totals', { filters: { categories: ['acceptance'], playbackTypes: ['vod'] } })).plays).to.equal(1);
      expect(engine.query(query('totals', { filters: { categories: ['other'] } })).plays).to.equal(0);
      expect(engine.query(query('totals', { filters: { playbackTypes: ['live'] } })).plays).to.equal(0);
    });
  });

  describe('f: pauses of 5 s and 35 s; the long one resets eventIndex and playTimeSum', () => {
    // Views: 0@0, 10.853199@10.853199; pause at 10.01, resume; pause at 20.006; 35 s later resume (counters reset:
    // eventIndex 1, 2, 3…) and the next view is 10.664838@30.670362. 10.664838 < 10.853199: a reset, so its seconds
    // are its own playTimeSum. Seconds: 0 + 10.853199 + 10.664838 = 21.518037 s = 0.35863395 min.
    // Intervals: [0, 10.853199] → buckets 0–8; [30.670362 − 10.664838 = 20.005524, 30.670362] → 17–25.
    // (The 10.85 → 20.0 s before the long pause was played after the last view: never reported.) 18 buckets.
    let engine: AnalyticsEngine;
    before(() => {
      engine = new AnalyticsEngine({ entries: [CLIP] });
      // The reset makes (sessionId, eventIndex) repeat: nothing may be dropped as a duplicate.
      expect(engine.ingest(f)).to.deep.equal({ accepted: 13, skipped: {} });
    });

    it('totals', () => {
      expect(rounded(engine.query(query('totals')))).to.deep.equal({
        impressions: 1,
        plays: 1,
        uniqueViewers: 1,
        minutesViewed: 0.358634,
        avgCompletionRate: 18,
        avgDropOffRate: 25,
        playThrough: { 25: 1, 50: 0, 75: 0, 100: 0 },
      });
    });

    it('retention', () => {
      const r = engine.query(query('retention'));
      expect(r.views).to.deep.equal(buckets([0, 9, 1], [17, 26, 1]));
      expect(r.viewers).to.deep.equal(buckets([0, 9, 1], [17, 26, 1]));
    });

    it('gives the same answer when the lines arrive shuffled (order by time, not eventIndex)', () => {
      const lines = f.trim().split('\n').reverse().join('\n');
      const shuffled = new AnalyticsEngine({ entries: [CLIP] });
      shuffled.ingest(lines);
      expect(shuffled.query(query('totals'))).to.deep.equal(engine.query(query('totals')));
      expect(shuffled.query(query('retention'))).to.deep.equal(engine.query(query('retention')));
    });
  });

  describe('b and f together (same viewer, two sessions)', () => {
    let engine: AnalyticsEngine;
    before(() => {
      engine = new AnalyticsEngine({ entries: [CLIP], users: {} });
      engine.ingest(b);
      engine.ingest(f);
      // Ingesting b again: every beacon is a duplicate.
      expect(engine.ingest(b)).to.deep.equal({ accepted: 0, skipped: { duplicate: 13 } });
      expect(engine.stats).to.deep.equal({ accepted: 26, skipped: { duplicate: 13 } });
    });

    it('totals: 2 plays, 1 unique viewer, (26 + 18) / 2 = 22 % completion', () => {
      expect(rounded(engine.query(query('totals')))).to.deep.equal({
        impressions: 2,
        plays: 2,
        uniqueViewers: 1,
        minutesViewed: 1.20083, // (50.531745 + 21.518037) / 60 = 1.2008297
        avgCompletionRate: 22,
        avgDropOffRate: 25, // (2 / 4) / 2
        playThrough: { 25: 2, 50: 0, 75: 0, 100: 0 },
      });
    });

    it('retention: views add up, viewers count sessions, unique users count viewer01 once', () => {
      const r = engine.query(query('retention'));
      expect(r.views).to.deep.equal(buckets([0, 26, 1], [8, 25, 1], [0, 9, 1], [17, 26, 1]));
      expect(r.viewers).to.deep.equal(buckets([0, 26, 1], [0, 9, 1], [17, 26, 1]));
      expect(r.uniqueUsers).to.deep.equal(buckets([0, 26, 1]));
    });

    it('users: total completion is the union of both sessions (26 %)', () => {
      const r = engine.query(query('users', { sort: { field: 'name', direction: 'asc' }, page: { offset: 0, limit: 10 } }));
      expect(r).to.deep.equal({
        rows: [{ userId: 'viewer01', name: 'viewer01', impressions: 2, plays: 2, avgCompletionRate: 22, totalCompletionRate: 26 }],
        total: 1,
      });
    });

    it('urls: one per scenario, each half of the plays', () => {
      const u = engine.query(
        query('urls', { domain: 'portal.example.edu', sort: { field: 'key', direction: 'asc' }, page: { offset: 0, limit: 10 } }),
      );
      expect(u.rows.map((r) => [r.url.replace(/.*scenario=(\w).*/, '$1'), r.plays, r.distribution])).to.deep.equal([
        ['b', 1, 50],
        ['f', 1, 50],
      ]);
      expect(u.total).to.equal(2);
    });

    it('timeline: both on 2026-11-27 in UTC and in Pacific/Kiritimati (UTC+14: 21:07 local)', () => {
      for (const timeZone of ['UTC', 'Pacific/Kiritimati']) {
        const t = engine.query(query('timeline', { granularity: 'day', timeZone, range: { from: '2026-11-26', to: '2026-11-28' } }));
        expect(t.points.map((p) => p.plays)).to.deep.equal([0, 2, 0]);
      }
      // In Pacific/Pago_Pago (UTC−11) it is still 2026-11-26, 20:07.
      const t = engine.query(
        query('timeline', { granularity: 'day', timeZone: 'Pacific/Pago_Pago', range: { from: '2026-11-26', to: '2026-11-28' } }),
      );
      expect(t.points.map((p) => p.plays)).to.deep.equal([2, 0, 0]);
    });
  });
});
