/**
 * The real-player rules of the metric definitions (docs/metrics.md): seek splitting across a counter reset, replays,
 * positions past the duration, and which breakdown rows exist. Entry e1 lasts 100 s: bucket i = [i, i+1) s.
 */
import { expect } from '@open-wc/testing';
import type { RawEvent } from '../../src/data/engine/index.js';
import { all, buckets, engineWith, q, rounded, session, watched } from './helpers.js';

const T = '2026-03-10T10:00:00Z';

describe('engine real-player rules', () => {
  it('a seek followed by a counter reset: the after-seek part is [target, position] even when longer than the seconds', () => {
    // Captured shape: views 0@0 and 10@10, seek to 50, pause at 55, a pause of 44 s (the player resets its counters:
    // eventIndex and playTimeSum restart), resume at 55, view 8@63. The view's seconds are 8 (a reset), but the player
    // played 50 → 63: buckets 0–9 and 50–62 (23 distinct), minutes (0 + 10 + 8) / 60 = 0.3.
    const events: RawEvent[] = [
      { eventType: 1, entryId: 'E1', sessionId: 'r1', eventIndex: 1, time: '2026-03-02T10:00:00Z', position: 0 },
      { eventType: 3, entryId: 'E1', sessionId: 'r1', eventIndex: 2, time: '2026-03-02T10:00:01Z', position: 0 },
      { eventType: 99, entryId: 'E1', sessionId: 'r1', eventIndex: 3, time: '2026-03-02T10:00:01Z', position: 0, playTimeSum: 0 },
      { eventType: 99, entryId: 'E1', sessionId: 'r1', eventIndex: 4, time: '2026-03-02T10:00:11Z', position: 10, playTimeSum: 10 },
      { eventType: 35, entryId: 'E1', sessionId: 'r1', eventIndex: 5, time: '2026-03-02T10:00:11.200Z', position: 50, targetPosition: 50 },
      { eventType: 33, entryId: 'E1', sessionId: 'r1', eventIndex: 6, time: '2026-03-02T10:00:16.200Z', position: 55 },
      { eventType: 4, entryId: 'E1', sessionId: 'r1', eventIndex: 1, time: '2026-03-02T10:01:00Z', position: 55 },
      { eventType: 99, entryId: 'E1', sessionId: 'r1', eventIndex: 2, time: '2026-03-02T10:01:08Z', position: 63, playTimeSum: 8 },
    ];
    const entry = { id: 'E1', name: 'Reset', type: 'video' as const, duration: 100, owner: { id: 'o', name: 'O' }, created: '2026-01-01T00:00:00Z' };
    const e = engineWith(events, { entries: [entry] });
    expect(e.stats).to.deep.equal({ accepted: 8, skipped: {} });
    const base = { entryId: 'E1', range: { from: '2026-03-02', to: '2026-03-02' }, timeZone: 'UTC', filters: {} };
    const totals = e.query({ kind: 'totals', ...base });
    expect(rounded(totals)).to.deep.include({ plays: 1, avgCompletionRate: 23, minutesViewed: 0.3 });
    const retention = e.query({ kind: 'retention', ...base });
    expect(retention.views).to.deep.equal(buckets([0, 10, 1], [50, 63, 1]));
    expect(retention.viewers).to.deep.equal(buckets([0, 10, 1], [50, 63, 1]));
  });

  it('without a reset, a seek splits the seconds: the rest before the seek starts at the previous position', () => {
    // View 10@10, play to 14, seek to 60, play to 66: view 20@66, seconds 10 → after [60, 66], rest 4 → [10, 14].
    const s = session('s1', T).impression().play().view(0, 0).wait(10).view(10, 10);
    s.wait(4).seek(60).wait(6).view(20, 66);
    const r = engineWith(s.events).query(q('retention'));
    expect(r.views).to.deep.equal(buckets([0, 14, 1], [60, 66, 1]));
  });

  it('the part before the seek is dropped when the after-seek part uses up the seconds', () => {
    // View 10@10, seek to 30 at once, play 10 s: view 20@40 → after [30, 40] = 10 s, rest 0: nothing before it.
    const s = session('s1', T).impression().play().view(0, 0).wait(10).view(10, 10).seek(30).wait(10).view(20, 40);
    const r = engineWith(s.events).query(q('retention'));
    expect(r.views).to.deep.equal(buckets([0, 10, 1], [30, 40, 1]));
  });

  it('a replay after a counter reset is a seek to 0: [0, position] counts in full', () => {
    // Watched 0→100, ended; a pause of a minute resets the counters; replay, view 6@12 (play time lost to the reset):
    // the after-seek part is [0, 12], so buckets 0–11 are watched a second time.
    const s = watched('s1', T, 100).wait(60).resetCounters().event(34, { position: 0 }).wait(12).view(6, 12);
    const e = engineWith(s.events);
    expect(e.query(q('retention')).views).to.deep.equal(buckets([0, 100, 1], [0, 12, 1]));
    expect(e.query(q('totals')).minutesViewed).to.be.closeTo(106 / 60, 1e-12);
  });

  it('positions past the duration: seconds count, intervals are clipped to the duration', () => {
    // Seek to 95, then view 10@105 (10 s played, position past the 100 s duration): [95, 105] clipped to [95, 100].
    const s = session('s1', T).impression().play().view(0, 0).seek(95).wait(10).view(10, 105);
    const e = engineWith(s.events);
    expect(e.query(q('retention')).views).to.deep.equal(buckets([95, 100, 1]));
    const t = e.query(q('totals'));
    expect(t.minutesViewed).to.be.closeTo(10 / 60, 1e-12);
    expect(t.avgCompletionRate).to.equal(5);
  });

  it('rows exist for every key with an in-range impression or play, and only those', () => {
    const e = engineWith(
      all(
        session('a', T, { country: 'FR', device: 'Mobile' }).impression(), // impression only
        session('b', T, { country: 'DE', device: 'Tablet' }).play().view(0, 0), // play without impression
        session('c', T, { country: 'IT', device: 'Computer' }).view(0, 0).wait(10).view(10, 10), // views only
        session('d', '2026-03-11T10:00:00Z', { country: 'ES', device: 'Other' }).impression().play(), // out of range
      ),
    );
    const geo = e.query(q('geo', { level: 'country' }));
    expect(geo.rows.map((r) => [r.code, r.impressions, r.plays])).to.deep.equal([
      ['DE', 0, 1],
      ['FR', 1, 0],
    ]);
    expect(e.query(q('devices')).rows.map((r) => r.device)).to.deep.equal(['Tablet', 'Mobile']);
  });
});
