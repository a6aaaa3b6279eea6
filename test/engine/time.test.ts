/** Calendar days and months in a time zone: DST-correct, both ends included, one point per bucket. */
import { expect } from '@open-wc/testing';
import { all, engineWith, q, session, watched } from './helpers.js';

/** One impression+play session at an instant. */
const playAt = (id: string, iso: string) => session(id, iso).impression().play();

const daily = (e: ReturnType<typeof engineWith>, timeZone: string, from: string, to: string) =>
  e.query(q('timeline', { granularity: 'day', timeZone, range: { from, to } })).points.map((p) => [p.date, p.plays]);

describe('engine time zones and calendar buckets', () => {
  it('America/New_York: the 23-hour day of the spring change (2026-03-08)', () => {
    // Mar 8 00:00 EST = 05:00Z; Mar 9 00:00 EDT = 04:00Z.
    const e = engineWith(
      all(
        playAt('a', '2026-03-08T04:59:59Z'), // Mar 7 23:59:59 EST
        playAt('b', '2026-03-08T05:00:00Z'), // Mar 8 00:00 EST
        playAt('c', '2026-03-09T03:59:59Z'), // Mar 8 23:59:59 EDT (a fixed −5 h offset would say Mar 8 22:59: same day)
        playAt('d', '2026-03-09T04:30:00Z'), // Mar 9 00:30 EDT (a fixed −5 h offset would wrongly say Mar 8 23:30)
      ),
    );
    expect(daily(e, 'America/New_York', '2026-03-07', '2026-03-09')).to.deep.equal([
      ['2026-03-07', 1],
      ['2026-03-08', 2],
      ['2026-03-09', 1],
    ]);
  });

  it('America/New_York: the 25-hour day of the autumn change (2026-11-01)', () => {
    // Nov 1 00:00 EDT = 04:00Z; Nov 2 00:00 EST = 05:00Z.
    const e = engineWith(
      all(
        playAt('a', '2026-11-01T03:59:59Z'), // Oct 31 23:59:59 EDT
        playAt('b', '2026-11-01T04:00:00Z'), // Nov 1 00:00 EDT
        playAt('c', '2026-11-02T04:30:00Z'), // Nov 1 23:30 EST
        playAt('d', '2026-11-02T05:00:00Z'), // Nov 2 00:00 EST
      ),
    );
    expect(daily(e, 'America/New_York', '2026-10-31', '2026-11-02')).to.deep.equal([
      ['2026-10-31', 1],
      ['2026-11-01', 2],
      ['2026-11-02', 1],
    ]);
  });

  it('Asia/Jerusalem: DST starts on Friday 2026-03-27 and ends on Sunday 2026-10-25', () => {
    const e = engineWith(
      all(
        playAt('a', '2026-03-26T21:59:59Z'), // Mar 26 23:59:59 IST (+2)
        playAt('b', '2026-03-26T22:00:00Z'), // Mar 27 00:00 IST
        playAt('c', '2026-03-27T20:59:00Z'), // Mar 27 23:59 IDT (+3)
        playAt('d', '2026-03-27T21:30:00Z'), // Mar 28 00:30 IDT (fixed +2 would say Mar 27)
        playAt('e', '2026-10-24T21:00:00Z'), // Oct 25 00:00 IDT
        playAt('f', '2026-10-25T21:30:00Z'), // Oct 25 23:30 IST (fixed +3 would say Oct 26)
        playAt('g', '2026-10-25T22:00:00Z'), // Oct 26 00:00 IST
      ),
    );
    expect(daily(e, 'Asia/Jerusalem', '2026-03-26', '2026-03-28')).to.deep.equal([
      ['2026-03-26', 1],
      ['2026-03-27', 2],
      ['2026-03-28', 1],
    ]);
    expect(daily(e, 'Asia/Jerusalem', '2026-10-24', '2026-10-26')).to.deep.equal([
      ['2026-10-24', 0],
      ['2026-10-25', 2],
      ['2026-10-26', 1],
    ]);
  });

  it('a range includes both ends and nothing beyond', () => {
    const e = engineWith(
      all(
        playAt('a', '2026-03-09T23:59:59.990Z'), // its play is at .992, still the 9th
        playAt('b', '2026-03-10T00:00:00Z'),
        playAt('c', '2026-03-11T23:59:59.990Z'), // its play is at .992, still the 11th
        playAt('d', '2026-03-12T00:00:00Z'),
      ),
    );
    expect(e.query(q('totals', { range: { from: '2026-03-10', to: '2026-03-11' } })).plays).to.equal(2);
    expect(e.query(q('totals', { range: { from: '2026-03-10', to: '2026-03-10' } })).plays).to.equal(1);
  });

  it('timeline: one point per day, zeros included, with every metric and playThrough', () => {
    const e = engineWith(all(watched('a', '2026-03-10T10:00:00Z', 20, { userId: 'u1' }).reached(25), watched('b', '2026-03-12T10:00:00Z', 10)));
    const t = e.query(q('timeline', { granularity: 'day', range: { from: '2026-03-09', to: '2026-03-13' } }));
    expect(t.granularity).to.equal('day');
    const zero = { impressions: 0, plays: 0, uniqueViewers: 0, minutesViewed: 0, avgCompletionRate: 0, avgDropOffRate: 0, playThrough: { 25: 0, 50: 0, 75: 0, 100: 0 } };
    expect(t.points).to.deep.equal([
      { date: '2026-03-09', ...zero },
      { date: '2026-03-10', impressions: 1, plays: 1, uniqueViewers: 1, minutesViewed: 20 / 60, avgCompletionRate: 20, avgDropOffRate: 25, playThrough: { 25: 1, 50: 0, 75: 0, 100: 0 } },
      { date: '2026-03-11', ...zero },
      { date: '2026-03-12', impressions: 1, plays: 1, uniqueViewers: 1, minutesViewed: 10 / 60, avgCompletionRate: 10, avgDropOffRate: 0, playThrough: { 25: 0, 50: 0, 75: 0, 100: 0 } },
      { date: '2026-03-13', ...zero },
    ]);
    // The totals of the same range agree with the sum of the points.
    const totals = e.query(q('totals', { range: { from: '2026-03-09', to: '2026-03-13' } }));
    expect(totals.plays).to.equal(2);
    expect(totals.minutesViewed).to.be.closeTo(30 / 60, 1e-12);
    expect(totals.avgCompletionRate).to.equal(15); // (20 + 10) / 2
    expect(totals.uniqueViewers).to.equal(2); // u1 + anonymous
  });

  it('month buckets: the first starts at the range start, the others on the 1st; months follow the zone', () => {
    const e = engineWith(
      all(
        playAt('a', '2026-01-20T12:00:00Z'),
        playAt('b', '2026-03-01T04:30:00Z'), // Feb 28 23:30 in New York, Mar 1 in UTC
        playAt('c', '2026-03-10T12:00:00Z'),
        playAt('d', '2026-03-11T12:00:00Z'), // after the range
      ),
    );
    const months = (timeZone: string) =>
      e.query(q('timeline', { granularity: 'month', timeZone, range: { from: '2026-01-15', to: '2026-03-10' } })).points.map((p) => [p.date, p.plays]);
    expect(months('UTC')).to.deep.equal([
      ['2026-01-15', 1],
      ['2026-02-01', 0],
      ['2026-03-01', 2],
    ]);
    expect(months('America/New_York')).to.deep.equal([
      ['2026-01-15', 1],
      ['2026-02-01', 1],
      ['2026-03-01', 1],
    ]);
    // Unique viewers per month: the same anonymous viewer is one per month.
    const year = e.query(q('timeline', { granularity: 'month', range: { from: '2026-01-01', to: '2026-12-31' } }));
    expect(year.points.length).to.equal(12);
    expect(year.points.map((p) => p.uniqueViewers)).to.deep.equal([1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('a session crossing midnight: each view counts on its own day; completion per day', () => {
    // Views 0@0 at 23:59:40, 10@10 at 23:59:50 on the 10th, 20@20 at 00:00:00.005 on the 11th (UTC).
    const s = session('s', '2026-03-10T23:59:39.995Z').impression().play().view(0, 0).wait(10).view(10, 10).wait(10).view(20, 20);
    const e = engineWith(s.events);
    const t = e.query(q('timeline', { granularity: 'day', range: { from: '2026-03-10', to: '2026-03-11' } })).points;
    expect(t.map((p) => [p.plays, p.minutesViewed * 60, p.avgCompletionRate])).to.deep.equal([
      [1, 10, 10],
      [0, 10, 0], // no play that day: completion 0 by definition (divided by plays)
    ]);
  });

  it('throws clear errors for a bad time zone, date, reversed range, unknown entry or kind', () => {
    const e = engineWith([]);
    expect(() => e.query(q('totals', { timeZone: 'Mars/Olympus' }))).to.throw(/time zone/i);
    expect(() => e.query(q('totals', { range: { from: '2026-02-30', to: '2026-03-01' } }))).to.throw(/range\.from/);
    expect(() => e.query(q('totals', { range: { from: '2026/03/01', to: '2026-03-01' } }))).to.throw(/YYYY-MM-DD/);
    expect(() => e.query(q('totals', { range: { from: '2026-03-02', to: '2026-03-01' } }))).to.throw(/before/);
    expect(() => e.query(q('totals', { entryId: 'nope' }))).to.throw(/Unknown entryId/);
    expect(() => e.query({ ...q('totals'), kind: 'pie' } as never)).to.throw(/unknown kind/);
    expect(() => e.query(q('timeline', { granularity: 'week' as never }))).to.throw(/granularity/);
  });

  it('entry: returns the entry metadata as plain JSON', () => {
    const e = engineWith([]);
    const r = e.query(q('entry'));
    expect(r).to.deep.equal({ id: 'e1', name: 'Clip', type: 'video', duration: 100, owner: { id: 'owner1', name: 'Owner One' }, created: '2026-01-01T00:00:00Z' });
  });
});
