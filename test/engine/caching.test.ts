/**
 * Ingest and users-table shortcuts that must not change any result: per-session caches of collector fields, the
 * category-set memo, the entry/session fast paths, the duplicate table, and the users orders (collation, id ties).
 */
import { expect } from '@open-wc/testing';
import { AnalyticsEngine, type RawEvent } from '../../src/data/engine/index.js';
import { ENTRY, IMAGE, all, engineWith, q, session, watched } from './helpers.js';

const T = '2026-03-10T10:00:00Z';
const t0 = Date.parse(T);

describe('engine ingest caches', () => {
  it('a session whose later-ingested event is earlier in time takes that event\'s fields, whatever the cache holds', () => {
    // Ingest order: the 10:00:05 events (DE, Mobile, b.example, Physics, no user) before the 10:00:00 impression
    // (FR, Computer, a.example, Math, u1). Attributes are those of the first event by time.
    const later: RawEvent = { country: 'DE', region: 'Bavaria', city: 'Munich', device: 'Mobile', referrer: 'https://b.example/x', playbackContext: 'Physics', playbackType: 'live' };
    const first: RawEvent = { country: 'fr', region: 'Île-de-France', city: 'Paris', device: 'Computer', referrer: 'https://a.example/y', playbackContext: 'Math', playbackType: 'vod', userId: 'u1' };
    const s = session('s1', t0 + 5000, later).play().view(0, 0);
    const imp = session('s1', t0, first).impression();
    imp.events[0]!['eventIndex'] = 99; // distinct key from the play request
    const e = engineWith([...s.events, ...imp.events]);
    const f = (filters: object) => e.query(q('totals', { filters })).plays;
    expect(f({ countries: ['FR'] })).to.equal(1);
    expect(f({ countries: ['DE'] })).to.equal(0);
    expect(f({ regions: ['Île-de-France'] })).to.equal(1);
    expect(f({ cities: ['Paris'] })).to.equal(1);
    expect(f({ devices: ['Computer'] })).to.equal(1);
    expect(f({ domains: ['a.example'] })).to.equal(1);
    expect(f({ categories: ['Math'] })).to.equal(1);
    expect(f({ categories: ['Physics'] })).to.equal(0);
    expect(f({ playbackTypes: ['vod'] })).to.equal(1);
    expect(f({ users: ['u1'] })).to.equal(1);
  });

  it('a field that changes and changes back within a session is re-encoded each time', () => {
    // Three sessions whose fields alternate between events; each session's first event (by time) decides.
    const a = session('a', t0, { country: 'US', device: 'Tablet' }).impression();
    a.event(2, { country: 'IL', device: 'Mobile' }).event(3, { country: 'US', device: 'Tablet' });
    const b = session('b', t0 + 10, { country: 'IL', device: 'Mobile' }).impression();
    b.event(2, { country: 'US', device: 'Tablet' }).event(3, { country: 'IL', device: 'Mobile' });
    // Reverse ingest order of b: its last event (IL) is seen first, then US, then its first event IL.
    const e = engineWith([...a.events, ...b.events.slice().reverse()]);
    const geo = e.query(q('geo', { level: 'country' })).rows.map((r) => [r.code, r.plays]);
    expect(geo).to.deep.equal([['IL', 1], ['US', 1]]);
    const dev = e.query(q('devices')).rows.map((r) => [r.device, r.plays]);
    expect(dev).to.deep.equal([['Mobile', 1], ['Tablet', 1]]);
  });

  it('a session reporting its user only on a later event gets that user; a region of another country stays apart', () => {
    const s = session('s', T, { country: 'US', region: 'Georgia' }).impression();
    s.event(3, { userId: 'u7' });
    const g = session('g', T, { country: 'GE', region: 'Georgia' }).impression().play();
    const e = engineWith(all(s, g));
    expect(e.query(q('users', { sort: { field: 'plays', direction: 'desc' } })).rows.map((r) => r.userId)).to.deep.equal(['u7']);
    const us = e.query(q('geo', { level: 'region', country: 'US' })).rows.map((r) => [r.name, r.plays]);
    const ge = e.query(q('geo', { level: 'region', country: 'GE' })).rows.map((r) => [r.name, r.plays]);
    expect([us, ge]).to.deep.equal([[['Georgia', 1]], [['Georgia', 1]]]);
  });

  it('category sets: the same names in any order, spacing or repetition are one set; arrays are never taken from the cache', () => {
    const s1 = session('s1', T, { playbackContext: 'b,a' }).impression().play();
    const s2 = session('s2', T, { playbackContext: ' a , b,a' }).impression().play();
    const s3 = session('s3', T, { playbackContext: 'a', categories: 'c' }).impression().play();
    const list = ['x'];
    const s4 = session('s4', T, {}).impression();
    s4.events[0]!['playbackContext'] = list;
    const e = new AnalyticsEngine({ entries: [ENTRY, IMAGE] });
    e.ingest(all(s1, s2, s3, s4));
    // The same array, changed, on a later event of s4: only its first event (by time) counts.
    list[0] = 'y';
    e.ingest([{ entryId: 'e1', sessionId: 's4', eventIndex: 2, time: t0 - 1, eventType: 3, position: 0, playbackContext: list }]);
    const plays = (categories: string[]) => e.query(q('totals', { filters: { categories } })).plays;
    expect(plays(['a'])).to.equal(3);
    expect(plays(['b'])).to.equal(2);
    expect(plays(['c'])).to.equal(1);
    expect(plays(['y'])).to.equal(1);
    expect(plays(['x'])).to.equal(0);
  });

  it('one sessionId on two entries alternating makes two sessions; an unknown entry stays unknown', () => {
    const events: RawEvent[] = [];
    for (let i = 0; i < 6; i++) {
      events.push({ entryId: i % 2 ? 'img' : 'e1', sessionId: 'same', eventIndex: i, time: t0 + i, eventType: i < 2 ? 1 : 3, position: 0, userId: `u${i % 2}` });
    }
    events.push({ entryId: 'nope', sessionId: 'same', eventIndex: 9, time: t0, eventType: 1 });
    events.push({ entryId: 'nope', sessionId: 'same', eventIndex: 10, time: t0, eventType: 1 });
    const e = engineWith(events);
    expect(e.stats).to.deep.equal({ accepted: 6, skipped: { 'unknown-entry': 2 } });
    const users = (entryId: string) =>
      e.query(q('users', { entryId, sort: { field: 'plays', direction: 'desc' } })).rows.map((r) => [r.userId, r.impressions, r.plays]);
    expect(users('e1')).to.deep.equal([['u0', 1, 2]]);
    expect(users('img')).to.deep.equal([['u1', 1, 2]]);
  });

  it('finds duplicates across ingest calls and table growth; a field that throws leaves no key behind', () => {
    const many = [];
    for (let s = 0; s < 300; s++) many.push(...watched(`s${s}`, t0 + s * 1000, 60).events);
    const e = new AnalyticsEngine({ entries: [ENTRY] });
    expect(e.ingest(many).accepted).to.equal(many.length);
    expect(e.ingest([...many].reverse())).to.deep.equal({ accepted: 0, skipped: { duplicate: many.length } });
    const bomb = { entryId: 'e1', sessionId: 'z', eventIndex: 1, time: t0, eventType: 1, position: 0 };
    Object.defineProperty(bomb, 'referrer', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(e.ingest([bomb as RawEvent]).skipped).to.deep.equal({ 'invalid-event': 1 });
    // The same key again, readable: accepted (the failed event recorded nothing), then a true duplicate.
    const plain = { entryId: 'e1', sessionId: 'z', eventIndex: 1, time: t0, eventType: 1, position: 0 };
    expect(e.ingest([plain, { ...plain }])).to.deep.equal({ accepted: 1, skipped: { duplicate: 1 } });
  });
});

describe('engine duplicate check', () => {
  const ev = (sessionId: string, eventIndex: unknown, eventType: number, position: number, dt = 0): RawEvent => ({
    entryId: 'e1',
    sessionId,
    eventIndex,
    time: t0 + dt,
    eventType,
    position,
    playTimeSum: 0,
  });

  it('a session whose eventIndex stops increasing (counter reset) still finds duplicates of its earlier events', () => {
    const e = new AnalyticsEngine({ entries: [ENTRY] });
    const before = [ev('s', 1, 1, 0), ev('s', 2, 3, 0), ev('s', 3, 99, 10), ev('s', 4, 33, 12)];
    expect(e.ingest(before).accepted).to.equal(4);
    const report = e.ingest([
      ev('s', 3, 99, 10, 50), // resent before the reset: increasing no more, so the session's keys go to the table
      ev('s', 1, 4, 12, 60), // index 1 again after a reset, other type: kept
      ev('s', 2, 99, 20, 70), // index 2 again, other type: kept
      ev('s', 2, 3, 0, 80), // the play resent: duplicate
      ev('s', 1, 4, 12, 90), // the resume resent: duplicate
      ev('s', 5, 99, 30, 100), // a new index: kept, and looked up from now on
      ev('s', 5, 99, 30, 110), // duplicate
      ev('s', undefined, 33, 40), // no eventIndex: kept
      ev('s', undefined, 33, 40), // the same without eventIndex: duplicate
      ev('t', undefined, 33, 40), // another session: kept
      ev('t', undefined, 33, 40), // duplicate on a session that never had an eventIndex
      ev('t', 1, 1, 0), // kept
    ]);
    expect(report).to.deep.equal({ accepted: 6, skipped: { duplicate: 6 } });
    expect(e.ingest([...before, ev('s', 1, 4, 12), ev('s', 5, 99, 30)]).skipped).to.deep.equal({ duplicate: 6 });
  });

  it('many interleaved sessions (more than the recent-sessions shortcut holds) keep their events and duplicates apart', () => {
    const events: RawEvent[] = [];
    for (let i = 1; i <= 20; i++) for (let s = 0; s < 9; s++) events.push(ev(`s${s}`, i, i === 1 ? 1 : 99, i, i));
    const e = new AnalyticsEngine({ entries: [ENTRY, IMAGE] });
    expect(e.ingest(events).accepted).to.equal(180);
    // The same sessionIds on the other entry are other sessions; resent events of every session are duplicates.
    const other = events.slice(0, 18).map((x) => ({ ...x, entryId: 'img' }));
    expect(e.ingest([...other, ...events.filter((_, k) => k % 7 === 0)])).to.deep.equal({
      accepted: 18,
      skipped: { duplicate: 26 },
    });
    expect(e.query(q('totals', {})).impressions).to.equal(9);
  });

  it('an event that throws after its duplicate check leaves nothing behind (no key, no session order)', () => {
    const e = new AnalyticsEngine({ entries: [ENTRY] });
    expect(e.ingest([ev('s', 1, 1, 0), ev('s', 2, 3, 0)]).accepted).to.equal(2);
    const categories = ['a'];
    Object.defineProperty(categories, 0, {
      get() {
        throw new Error('boom');
      },
    });
    const bomb = { ...ev('s', 3, 99, 10), categories };
    expect(e.ingest([bomb]).skipped).to.deep.equal({ 'invalid-event': 1 });
    expect(e.ingest([ev('s', 3, 99, 10), ev('s', 3, 99, 10)])).to.deep.equal({ accepted: 1, skipped: { duplicate: 1 } });
    // A reset now sends the session's keys to the table: all three earlier events are found.
    expect(e.ingest([ev('s', 1, 1, 0), ev('s', 2, 3, 0), ev('s', 3, 99, 10), ev('s', 1, 4, 5)])).to.deep.equal({
      accepted: 1,
      skipped: { duplicate: 3 },
    });
  });
});

describe('engine users orders', () => {
  const names: Record<string, string> = { u1: 'Émile', u2: 'emma', u3: 'Zoë', u4: 'zoe', u5: 'Ádám', u6: 'adam', u7: 'Emma', u8: 'Émile' };
  const sessions = Object.keys(names).map((id, k) => session(`s${k}`, T, { userId: id }).impression().play());
  const e = engineWith(all(...sessions), { users: names });
  const order = (direction: 'asc' | 'desc', search?: string) =>
    e.query(q('users', { sort: { field: 'name', direction }, ...(search ? { search } : {}) })).rows.map((r) => r.userId);

  it('sorts names by locale collation (accents and case after the letters), ties by user id', () => {
    // en collation: adam < Ádám < Émile (= Émile: u1, u8 by id) < emma < Emma < zoe < Zoë (code units would put
    // every accented name after z, and 'Emma' before 'adam').
    expect(order('asc')).to.deep.equal(['u6', 'u5', 'u1', 'u8', 'u2', 'u7', 'u4', 'u3']);
    // Descending reverses the names; equal names keep ids ascending.
    expect(order('desc')).to.deep.equal(['u3', 'u4', 'u7', 'u2', 'u1', 'u8', 'u5', 'u6']);
  });

  it('keeps the order after more users arrive (the dictionary-wide orders are rebuilt)', () => {
    const e2 = engineWith(all(...sessions), { users: { ...names, u9: 'Aaron' } });
    expect(e2.query(q('users', { sort: { field: 'name', direction: 'asc' } })).rows[0]!.userId).to.equal('u6');
    e2.ingest(session('s9', T, { userId: 'u9' }).impression().events);
    expect(e2.query(q('users', { sort: { field: 'name', direction: 'asc' } })).rows.map((r) => r.userId).slice(0, 2)).to.deep.equal(['u9', 'u6']);
    expect(e2.query(q('users', { sort: { field: 'name', direction: 'asc' }, search: 'aar' })).rows.map((r) => r.userId)).to.deep.equal(['u9']);
  });

  it('numeric sorts tie by id, both directions; search and paging follow the order', () => {
    const ids = (field: 'plays' | 'impressions', direction: 'asc' | 'desc') =>
      e.query(q('users', { sort: { field, direction } })).rows.map((r) => r.userId);
    expect(ids('plays', 'desc')).to.deep.equal(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']);
    expect(ids('plays', 'asc')).to.deep.equal(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']);
    // Search is a case-insensitive substring match (no accent folding): 'em' finds emma and Emma, not Émile.
    expect(order('asc', 'EM')).to.deep.equal(['u2', 'u7']);
    const page = e.query(q('users', { sort: { field: 'name', direction: 'asc' }, page: { offset: 2, limit: 3 } }));
    expect([page.rows.map((r) => r.userId), page.total]).to.deep.equal([['u1', 'u8', 'u2'], 8]);
  });

  it('large tie groups: every page (head of a group, deep, searched) follows plays, then user id', () => {
    // 3,000 users: most with one play, every 7th with two, every 50th with three; ids in no particular order.
    const events: RawEvent[] = [];
    const ids: string[] = [];
    for (let k = 0; k < 3000; k++) {
      const id = `user-${(k * 7919) % 3001}-${k % 13}`;
      ids.push(id);
      const plays = k % 50 === 0 ? 3 : k % 7 === 0 ? 2 : 1;
      for (let p = 0; p < plays; p++) {
        events.push({ entryId: 'e1', sessionId: `s${k}-${p}`, userId: id, eventIndex: 1, time: t0 + k * 10 + p, eventType: 3, position: 0 });
      }
    }
    const playCount = new Map<unknown, number>();
    for (const x of events) playCount.set(x['userId'], (playCount.get(x['userId']) ?? 0) + 1);
    const playsOf = (id: string) => playCount.get(id)!;
    const byPlays = [...ids].sort((x, y) => playsOf(y) - playsOf(x) || (x < y ? -1 : 1));
    const page = (offset: number, limit: number, direction: 'asc' | 'desc' = 'desc', search?: string) => {
      const r = engineWith(events).query(q('users', { sort: { field: 'plays', direction }, page: { offset, limit }, ...(search ? { search } : {}) }));
      return [r.rows.map((x) => x.userId), r.total];
    };
    // Each on a fresh engine, and on one engine in a row (a group's head settled first, then deeper pages).
    const e = engineWith(events);
    for (const [offset, limit] of [[0, 10], [55, 10], [60, 50], [480, 10], [500, 100], [1000, 30], [2990, 20], [0, 3000]] as const) {
      expect(page(offset, limit)).to.deep.equal([byPlays.slice(offset, offset + limit), 3000]);
      const r = e.query(q('users', { sort: { field: 'plays', direction: 'desc' }, page: { offset, limit } }));
      expect(r.rows.map((x) => x.userId)).to.deep.equal(byPlays.slice(offset, offset + limit));
    }
    const asc = [...ids].sort((x, y) => playsOf(x) - playsOf(y) || (x < y ? -1 : 1));
    expect(page(0, 30, 'asc')).to.deep.equal([asc.slice(0, 30), 3000]);
    const found = byPlays.filter((id) => id.includes('-7'));
    expect(page(5, 40, 'desc', '-7')).to.deep.equal([found.slice(5, 45), found.length]);
  });

  it('heatmap without userIds: users with a play by name (collation), search before limit', () => {
    expect(e.query(q('heatmap', { limit: 3 })).users.map((u) => u.userId)).to.deep.equal(['u6', 'u5', 'u1']);
    expect(e.query(q('heatmap', { search: 'zo' })).users.map((u) => u.userId)).to.deep.equal(['u4', 'u3']);
    expect(e.query(q('heatmap', { search: 'zo', limit: 1 })).users.map((u) => u.userId)).to.deep.equal(['u4']);
  });
});
