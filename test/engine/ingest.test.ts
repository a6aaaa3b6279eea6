import { expect } from '@open-wc/testing';
import { AnalyticsEngine, type RawEvent } from '../../src/data/engine/index.js';
import { ENTRY, IMAGE, all, engineWith, q, session, watched } from './helpers.js';

const T = '2026-03-10T10:00:00Z';
const ok = (extra: RawEvent = {}): RawEvent => ({
  entryId: 'e1',
  sessionId: 's1',
  eventIndex: 1,
  time: Date.parse(T),
  eventType: 1,
  position: 0,
  ...extra,
});

describe('engine ingest', () => {
  it('accepts numeric strings wherever a number is expected', () => {
    const e = new AnalyticsEngine({ entries: [ENTRY] });
    const report = e.ingest([
      { entryId: 'e1', sessionId: 's1', eventIndex: '1', time: String(Date.parse(T)), eventType: '1', position: '0' },
      { entryId: 'e1', sessionId: 's1', eventIndex: '2', time: String(Date.parse(T) + 1), eventType: '3', position: '0' },
      { entryId: 'e1', sessionId: 's1', eventIndex: '3', time: String(Date.parse(T) + 2), eventType: '99', position: '0', playTimeSum: '0' },
      {
        entryId: 'e1',
        sessionId: 's1',
        eventIndex: '4',
        time: String(Date.parse(T) + 10_000),
        eventType: '99',
        position: '30.5',
        playTimeSum: '30.5',
        latitude: '48.85',
        longitude: '2.35',
      },
    ]);
    expect(report).to.deep.equal({ accepted: 4, skipped: {} });
    const t = e.query(q('totals'));
    // One view of 30.5 s: [0, 30.5] covers buckets 0..29 (midpoint 29.5 < 30.5, 30.5 is not < 30.5): 30 %.
    expect(t.impressions).to.equal(1);
    expect(t.plays).to.equal(1);
    expect(t.minutesViewed).to.be.closeTo(30.5 / 60, 1e-9);
    expect(t.avgCompletionRate).to.equal(30);
  });

  it('accepts ISO times, with or without an offset', () => {
    const e = new AnalyticsEngine({ entries: [ENTRY] });
    expect(
      e.ingest([
        ok({ time: '2026-03-10T10:00:00Z' }),
        ok({ time: '2026-03-10T12:00:00+02:00', eventType: 3, eventIndex: 2 }),
      ]),
    ).to.deep.equal({ accepted: 2, skipped: {} });
    expect(e.query(q('totals')).plays).to.equal(1);
  });

  it('skips invalid events and counts them by reason, never throwing', () => {
    const e = new AnalyticsEngine({ entries: [ENTRY] });
    const garbage: unknown[] = [
      null, // invalid-event
      42, // invalid-event
      'play', // invalid-event
      [1, 2], // invalid-event
      {}, // invalid-type (no eventType)
      ok({ eventType: 'play' }), // invalid-type
      ok({ eventType: 2.5 }), // invalid-type
      ok({ eventType: -1 }), // invalid-type
      ok({ entryId: undefined }), // missing-entry
      ok({ entryId: '' }), // missing-entry
      ok({ sessionId: null }), // missing-session
      ok({ time: 'yesterday' }), // invalid-time
      ok({ time: undefined }), // invalid-time
      ok({ time: { ms: 1 } }), // invalid-time
      ok({ position: 'abc' }), // invalid-number
      ok({ position: -3 }), // invalid-number
      ok({ eventType: 99, playTimeSum: undefined, position: 3 }), // invalid-number: a view needs playTimeSum
      ok({ eventType: 35, position: undefined, targetPosition: 'x' }), // invalid-number
      ok({ latitude: 'north' }), // invalid-number
      ok({ entryId: 'other' }), // unknown-entry
      ok({ eventType: 1 }), // accepted
      ok({ eventType: 1 }), // duplicate
    ];
    const report = e.ingest(garbage as RawEvent[]);
    expect(report).to.deep.equal({
      accepted: 1,
      skipped: {
        'invalid-event': 4,
        'invalid-type': 4,
        'missing-entry': 2,
        'missing-session': 1,
        'invalid-time': 3,
        'invalid-number': 5,
        'unknown-entry': 1,
        duplicate: 1,
      },
    });
  });

  it('never throws on wrong input shapes', () => {
    const e = new AnalyticsEngine({ entries: [ENTRY] });
    for (const bad of [undefined, null, 42, {}, { length: 3 }, true]) {
      expect(() => e.ingest(bad as unknown as RawEvent[])).not.to.throw();
    }
    const throwing: Iterable<RawEvent> = {
      *[Symbol.iterator]() {
        yield ok();
        throw new Error('source broke');
      },
    };
    expect(() => e.ingest(throwing)).not.to.throw();
    expect(e.stats.accepted).to.equal(1);
    const getterBomb = {};
    Object.defineProperty(getterBomb, 'eventType', {
      get() {
        throw new Error('boom');
      },
    });
    expect(() => e.ingest([getterBomb as RawEvent])).not.to.throw();
  });

  it('counts a duplicate only when sessionId, eventIndex, eventType and position all match', () => {
    const e = new AnalyticsEngine({ entries: [ENTRY] });
    const report = e.ingest([
      ok({ eventIndex: 1, eventType: 1, position: 0 }),
      ok({ eventIndex: 1, eventType: 1, position: 0, time: Date.parse(T) + 5000 }), // resent later: duplicate
      ok({ eventIndex: '1', eventType: '1', position: '0' }), // same values as strings: duplicate
      ok({ eventIndex: 1, eventType: 4, position: 12 }), // index 1 again after a counter reset: kept
      ok({ eventIndex: 1, eventType: 1, position: 0, sessionId: 's2' }), // other session: kept
      ok({ eventIndex: 2, eventType: 33, position: 5 }),
      ok({ eventIndex: 2, eventType: 33, position: 6 }), // other position: kept
    ]);
    expect(report).to.deep.equal({ accepted: 5, skipped: { duplicate: 2 } });
  });

  it('reads NDJSON with blank lines, CRLF and a bad line', () => {
    const e = new AnalyticsEngine({ entries: [ENTRY] });
    const lines = [
      JSON.stringify(ok({ eventIndex: 1 })),
      '',
      '{"entryId": "e1", "sessionId": "s1", oops',
      JSON.stringify(ok({ eventIndex: 2, eventType: 3 })) + '\r',
      '[1,2,3]',
      '   ',
      JSON.stringify(ok({ eventIndex: 3, eventType: 99, playTimeSum: 0 })),
    ];
    expect(e.ingest(lines.join('\n'))).to.deep.equal({ accepted: 3, skipped: { 'malformed-json': 1, 'invalid-event': 1 } });
    expect(e.query(q('totals')).plays).to.equal(1);
  });

  it('keeps running totals in stats across ingest calls', () => {
    const e = new AnalyticsEngine({ entries: [ENTRY] });
    e.ingest([ok()]);
    e.ingest('nope\n' + JSON.stringify(ok()));
    expect(e.stats).to.deep.equal({ accepted: 1, skipped: { 'malformed-json': 1, duplicate: 1 } });
    // stats is a copy: mutating it does not change the engine.
    e.stats.accepted = 99;
    expect(e.stats.accepted).to.equal(1);
  });

  it('accepts any iterable, e.g. a generator', () => {
    function* gen() {
      yield* watched('s1', T, 20).events;
    }
    const e = new AnalyticsEngine({ entries: [ENTRY] });
    expect(e.ingest(gen()).accepted).to.equal(6);
  });

  it('answers queries after more events arrive (re-prepares the entry)', () => {
    const e = engineWith(watched('s1', T, 20, { userId: 'u1' }).events);
    expect(e.query(q('totals')).plays).to.equal(1);
    e.ingest(watched('s2', T, 20, { userId: 'u2' }).events);
    expect(e.query(q('totals')).plays).to.equal(2);
    expect(e.query(q('users', { sort: { field: 'name', direction: 'asc' }, page: { offset: 0, limit: 5 } })).total).to.equal(2);
  });

  describe('referrers', () => {
    const url = 'https://www.Moodle.example.edu:8443/course/view.php?id=7#section-2';
    const domainsOf = (referrer: string) => {
      const e = engineWith(watched('s1', T, 10, { referrer }).events);
      const r = e.query(q('domains', { sort: { field: 'key', direction: 'asc' }, page: { offset: 0, limit: 5 } }));
      const d = r.rows[0]?.domain;
      const u = d
        ? e.query(q('urls', { domain: d, sort: { field: 'key', direction: 'asc' }, page: { offset: 0, limit: 5 } })).rows[0]?.url
        : undefined;
      return [d, u];
    };
    it('plain URL: host lower-cased without www. and port; URL without the fragment', () => {
      expect(domainsOf(url)).to.deep.equal(['moodle.example.edu', 'https://www.Moodle.example.edu:8443/course/view.php?id=7']);
    });
    it('base64 of the URL (as newer KAVA sends it) gives the same', () => {
      expect(domainsOf(btoa(url))).to.deep.equal(domainsOf(url));
    });
    it('URL-safe base64 without padding too', () => {
      const b64 = btoa('https://site.example.org/a?b=c').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      expect(domainsOf(b64)).to.deep.equal(['site.example.org', 'https://site.example.org/a?b=c']);
    });
    it('a referrer without a host has no domain row', () => {
      expect(domainsOf('about:blank')).to.deep.equal([undefined, undefined]);
    });
  });

  it('image entries: impressions and plays count, retention is all zeros', () => {
    const s = session('i1', T, { entryId: 'img', userId: 'u1' }).impression().play();
    const e = engineWith(s.events);
    const t = e.query(q('totals', { entryId: IMAGE.id }));
    expect(t).to.deep.equal({
      impressions: 1,
      plays: 1,
      uniqueViewers: 1,
      minutesViewed: 0,
      avgCompletionRate: 0,
      avgDropOffRate: 0,
      playThrough: { 25: 0, 50: 0, 75: 0, 100: 0 },
    });
    const r = e.query(q('retention', { entryId: IMAGE.id }));
    expect(r.duration).to.equal(0);
    expect(r.views.every((x) => x === 0) && r.views.length === 100).to.equal(true);
    const h = e.query(q('heatmap', { entryId: IMAGE.id, userIds: ['u1'] }));
    expect(h.users[0]!.counts.every((x) => x === 0)).to.equal(true);
    expect(all().length).to.equal(0);
  });
});
