/**
 * Metric definitions of DESIGN §3 on small hand-made sessions. Entry e1 lasts 100 s: bucket i = [i, i+1) s, midpoint
 * i + 0.5, so an interval [a, b] with whole-second ends covers buckets a … b-1.
 */
import { expect } from '@open-wc/testing';
import { all, buckets, engineWith, q, rounded, session, watched } from './helpers.js';

const T = '2026-03-10T10:00:00Z';

describe('engine metrics', () => {
  it('a plain watch of 0→30 s', () => {
    // Views 0@0, 10@10, 20@20, 30@30 → seconds 0 + 10 + 10 + 10 = 30; intervals [0,10] [10,20] [20,30] → buckets 0–29.
    const e = engineWith(watched('s1', T, 30, { userId: 'u1' }).events);
    expect(rounded(e.query(q('totals')))).to.deep.equal({
      impressions: 1,
      plays: 1,
      uniqueViewers: 1,
      minutesViewed: 0.5,
      avgCompletionRate: 30,
      avgDropOffRate: 0,
      playThrough: { 25: 1 - 1, 50: 0, 75: 0, 100: 0 },
    });
    const r = e.query(q('retention'));
    expect(r).to.deep.equal({ duration: 100, plays: 1, views: buckets([0, 30, 1]), viewers: buckets([0, 30, 1]), uniqueUsers: buckets([0, 30, 1]) });
  });

  it('a re-watch after seeking back counts the re-watched buckets twice', () => {
    // 0→20 (views at 10, 20), seek back to 5, then views 30@15 and 40@25.
    // View 30@15: seconds 10, seek split: after = 15 − 5 = 10 → [5, 15], rest 0. View 40@25: [15, 25].
    // views: 0–4 ×1, 5–19 ×2, 20–24 ×1; distinct 25 buckets.
    const s = session('s1', T, { userId: 'u1' }).impression().play().view(0, 0);
    s.wait(10).view(10, 10).wait(10).view(20, 20).seek(5).wait(10).view(30, 15).wait(10).view(40, 25);
    const e = engineWith(s.events);
    const r = e.query(q('retention'));
    expect(r.views).to.deep.equal(buckets([0, 25, 1], [5, 20, 1]));
    expect(r.viewers).to.deep.equal(buckets([0, 25, 1]));
    const t = e.query(q('totals'));
    expect(t.minutesViewed).to.be.closeTo(40 / 60, 1e-12);
    expect(t.avgCompletionRate).to.equal(25);
    expect(e.query(q('heatmap', { userIds: ['u1'] })).users[0]!.counts).to.deep.equal(buckets([0, 25, 1], [5, 20, 1]));
  });

  it('a seek inside a view period splits it at the last seek', () => {
    // View 10@10, play to 14, seek back to 2, play to 8: view 20@8, seconds 10.
    // after = 8 − 2 = 6 → [2, 8]; rest = 10 − 6 = 4 from the previous position → [10, 14].
    // A first seek (to 50) before the last one is ignored: only the last seek splits.
    const s = session('s1', T).impression().play().view(0, 0).wait(10).view(10, 10);
    s.wait(1).seek(50).wait(3).seek(2).wait(6).view(20, 8);
    const r = engineWith(s.events).query(q('retention'));
    // [0,10] → 0–9; [2,8] → 2–7; [10,14] → 10–13.
    expect(r.views).to.deep.equal(buckets([0, 10, 1], [2, 8, 1], [10, 14, 1]));
    expect(r.viewers).to.deep.equal(buckets([0, 14, 1]));
  });

  it('a skip ahead: reached-25 and 50 fire at once, the skipped part is not watched', () => {
    // View 10@10, play to 12, seek to 60, play to 68: view 20@68, seconds 10 → after [60, 68], rest 2 → [10, 12].
    // The player then sends reached 25 and 50 together (once per session).
    const s = session('s1', T, { userId: 'u1' }).impression().play().view(0, 0).wait(10).view(10, 10);
    s.wait(2).seek(60).reached(25, 60).reached(50, 60).wait(8).view(20, 68);
    const e = engineWith(s.events);
    expect(e.query(q('retention')).views).to.deep.equal(buckets([0, 12, 1], [60, 68, 1]));
    const t = e.query(q('totals'));
    expect(t.avgCompletionRate).to.equal(20); // 12 + 8 buckets
    expect(t.playThrough).to.deep.equal({ 25: 1, 50: 1, 75: 0, 100: 0 });
    expect(t.avgDropOffRate).to.equal(50); // (1 + 1 + 0 + 0) / 4 / 1 play
  });

  it('anonymous viewers count as one unique viewer and never get a users row', () => {
    const e = engineWith(
      all(watched('a1', T, 10), watched('a2', T, 10), watched('k1', T, 10, { userId: 'u1' }), watched('k2', T, 10, { userId: 'u1' })),
    );
    const t = e.query(q('totals'));
    expect(t.plays).to.equal(4);
    expect(t.uniqueViewers).to.equal(2); // u1 + "anonymous"
    const users = e.query(q('users', { sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 } }));
    expect(users.rows.map((r) => [r.userId, r.plays])).to.deep.equal([['u1', 2]]);
    expect(users.total).to.equal(1);
    // Retention: unique users per bucket: u1 and the anonymous "one" → 2 on 0–9.
    expect(e.query(q('retention')).uniqueUsers).to.deep.equal(buckets([0, 10, 2]));
    // A users filter never matches anonymous sessions.
    expect(e.query(q('totals', { filters: { users: ['u1'] } })).plays).to.equal(2);
    expect(e.query(q('totals', { filters: { users: [''] } })).plays).to.equal(0);
  });

  it('duplicate and out-of-order events give the same answer as clean ones', () => {
    const s = session('s1', T, { userId: 'u1' }).impression().play().view(0, 0).wait(10).view(10, 10).seek(3).wait(10).view(20, 13);
    const clean = engineWith(s.events);
    const messy = engineWith([...s.events].reverse().concat(s.events.slice(2, 5)));
    expect(messy.stats.skipped).to.deep.equal({ duplicate: 3 });
    for (const kind of ['totals', 'retention'] as const) expect(messy.query(q(kind))).to.deep.equal(clean.query(q(kind)));
    // [0,10] and, after the seek to 3, [3,13]: views 0–2 ×1, 3–9 ×2, 10–12 ×1.
    expect(clean.query(q('retention')).views).to.deep.equal(buckets([0, 13, 1], [3, 10, 1]));
  });

  it('a session reset after a long pause (eventIndex and playTimeSum restart)', () => {
    // Views 0@0, 10@10; play on to 12, pause 40 s; the player resets: eventIndex 1…, playTimeSum from 0.
    // Resume at 12, next view 8@20: 8 < 10 → a reset: seconds 8 → [12, 20]. Seconds 10 + 8 = 18 (the 10→12 s before
    // the pause is never reported). Buckets 0–9 and 12–19: 18 %.
    const s = session('s1', T, { userId: 'u1' }).impression().play().view(0, 0).wait(10).view(10, 10).wait(2).pause(12);
    s.wait(40).resetCounters().resume(12).wait(8).view(8, 20);
    const e = engineWith(s.events);
    expect(e.stats).to.deep.equal({ accepted: 8, skipped: {} }); // 6 before the pause, resume + view after
    const t = e.query(q('totals'));
    expect(t.minutesViewed).to.be.closeTo(18 / 60, 1e-12);
    expect(t.avgCompletionRate).to.equal(18);
    expect(e.query(q('retention')).views).to.deep.equal(buckets([0, 10, 1], [12, 20, 1]));
  });

  it('playback at 2×: playTimeSum counts media time, no correction needed', () => {
    // Every 10 s of wall clock at 2× plays 20 s of media: views 0@0, 20@20, 40@40 → 40 s, buckets 0–39.
    const s = session('s1', T).impression().play().view(0, 0, { playbackSpeed: 2 });
    s.wait(10).view(20, 20, { playbackSpeed: 2 }).wait(10).view(40, 40, { playbackSpeed: '2' });
    const e = engineWith(s.events);
    expect(e.query(q('totals')).minutesViewed).to.be.closeTo(40 / 60, 1e-12);
    expect(e.query(q('retention')).views).to.deep.equal(buckets([0, 40, 1]));
  });

  it('a view running past the duration counts its seconds but its interval is clipped to the duration', () => {
    // Watched to 90 (buckets 0–89), then 100@100 and 108@104 (position past the 100 s duration).
    // 108@104: seconds 8 → [96, 104] clipped to [96, 100] → buckets 96–99 again.
    const s = watched('s1', T, 90).wait(10).view(100, 100).reached(100, 100).wait(8).view(108, 104);
    const e = engineWith(s.events);
    const t = e.query(q('totals'));
    expect(t.minutesViewed).to.be.closeTo(108 / 60, 1e-12);
    expect(t.avgCompletionRate).to.equal(100);
    expect(e.query(q('retention')).views).to.deep.equal(buckets([0, 100, 1], [96, 100, 1]));
  });

  it('minutesViewed uses each view\'s seconds over the whole session before the range filter', () => {
    // Views at 23:59:55 (0@0) and 23:59:59 (5@5) on the 9th, 10@10 (00:00:04) and 20@20 on the 10th (UTC).
    const s = session('s1', '2026-03-09T23:59:50Z').impression().play().wait(5).view(0, 0).wait(4).view(5, 5);
    s.wait(5).view(10, 10).wait(10).view(20, 20);
    const e = engineWith(s.events);
    // On the 10th: 10@10 has 5 s (10 − 5, the previous view being on the 9th) and 20@20 has 10 s: 15 s.
    const t10 = e.query(q('totals'));
    expect(t10.minutesViewed).to.be.closeTo(15 / 60, 1e-12);
    expect(t10.plays).to.equal(0);
    expect(t10.avgCompletionRate).to.equal(0); // no plays on the 10th
    const t9 = e.query(q('totals', { range: { from: '2026-03-09', to: '2026-03-09' } }));
    expect(t9.minutesViewed).to.be.closeTo(5 / 60, 1e-12);
    expect(t9.avgCompletionRate).to.equal(5); // buckets 0–4
    // Both days: 20 s, 20 buckets.
    const both = e.query(q('totals', { range: { from: '2026-03-09', to: '2026-03-10' } }));
    expect(both.minutesViewed).to.be.closeTo(20 / 60, 1e-12);
    expect(both.avgCompletionRate).to.equal(20);
  });

  it('avgCompletionRate is capped at 100; avgDropOffRate averages the quartile counts over plays', () => {
    // Four sessions: plays 4; reached 25 ×4, 50 ×2, 75 ×1, 100 ×1 → ((4 + 2 + 1 + 1) / 4) / 4 = 50 %.
    const ss = [0, 1, 2, 3].map((i) => watched(`s${i}`, T, 10));
    ss[0]!.reached(25).reached(50).reached(75).reached(100).reached(25, 3); // a second reached-25: still one session
    ss[1]!.reached(25).reached(50);
    ss[2]!.reached(25);
    ss[3]!.reached(25);
    const e = engineWith(all(...ss));
    const t = e.query(q('totals'));
    expect(t.playThrough).to.deep.equal({ 25: 4, 50: 2, 75: 1, 100: 1 });
    expect(t.avgDropOffRate).to.equal(50);
    // Completion cap: two full watches but only one play in the range → 200 / 1, capped at 100.
    const full = (id: string, withPlay: boolean) => {
      const s = session(id, T).impression();
      if (withPlay) s.play();
      s.view(0, 0);
      for (let x = 10; x <= 100; x += 10) s.wait(10).view(x, x);
      return s;
    };
    const capped = engineWith(all(full('a', true), full('b', false)));
    expect(capped.query(q('totals')).avgCompletionRate).to.equal(100);
  });

  it('a replay restarts from 0 (treated as a seek to 0)', () => {
    // Watched 0→100, replay, view 110@10: seconds 10 → after-seek part [0, 10].
    const s = watched('s1', T, 100).event(34, { position: 0 }).wait(10).view(110, 10);
    expect(engineWith(s.events).query(q('retention')).views).to.deep.equal(buckets([0, 100, 1], [0, 10, 1]));
  });

  it('uniqueUsers per bucket counts distinct user ids, anonymous as one', () => {
    const e = engineWith(
      all(
        watched('a', T, 20, { userId: 'u1' }),
        watched('b', T, 10, { userId: 'u1' }),
        watched('c', T, 30, { userId: 'u2' }),
        watched('d', T, 10),
        watched('e', T, 10),
      ),
    );
    const r = e.query(q('retention'));
    expect(r.views).to.deep.equal(buckets([0, 10, 5], [10, 20, 2], [20, 30, 1]));
    expect(r.viewers).to.deep.equal(r.views);
    expect(r.uniqueUsers).to.deep.equal(buckets([0, 10, 3], [10, 20, 2], [20, 30, 1]));
    expect(r.plays).to.equal(5);
    // With userIds: only u1's sessions (a, b).
    const u1 = e.query(q('retention', { userIds: ['u1'] }));
    expect(u1).to.deep.equal({ duration: 100, plays: 2, views: buckets([0, 10, 2], [10, 20, 1]), viewers: buckets([0, 10, 2], [10, 20, 1]), uniqueUsers: buckets([0, 20, 1]) });
  });
});
