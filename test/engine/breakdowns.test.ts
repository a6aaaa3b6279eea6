/**
 * Filters, breakdowns (geo, devices, domains, URLs), users and heatmaps on five sessions, all on 2026-03-10 UTC:
 *
 * | s | user | place                                  | device     | referrer                                  | categories     | type | watched |
 * |---|------|----------------------------------------|------------|-------------------------------------------|----------------|------|---------|
 * | A | u1   | FR / Île-de-France / Paris (48.85,2.35)| Computer   | https://www.Moodle.example.edu/c/1#top    | Math           | vod  | 0–50 s  |
 * | B | u2   | FR / Île-de-France / Paris (48.87,2.33)| Mobile     | base64 of https://moodle.example.edu/c/2  | Physics, Math  | vod  | 0–20 s  |
 * | C | anon | US / New York / Brooklyn               | Tablet     | https://blog.example.com/post             | Physics        | live | 0–100 s, reached 25–100 |
 * | D | u1   | FR / Provence… / Nice (no coordinates) | SmartWatch→Other | none                                | none           | vod  | impression only |
 * | E | u3   | DE / Bavaria / Munich                  | Computer   | https://moodle.example.edu/c/1            | Math           | dvr  | 0–10 s  |
 *
 * Totals: impressions 5, plays 4 (A B C E), unique viewers 4 (u1 u2 anon u3), seconds 50+20+100+10 = 180 (3 min),
 * completion (50+20+100+10)/4 = 45 %, drop-off ((1+1+1+1)/4)/4 = 25 %.
 */
import { expect } from '@open-wc/testing';
import type { Filters } from '../../src/data/types.js';
import { all, engineWith, q, session, watched } from './helpers.js';

const T = '2026-03-10T10:00:00Z';
const A = watched('A', T, 50, { userId: 'u1', country: 'FR', region: 'Île-de-France', city: 'Paris', latitude: 48.85, longitude: 2.35, device: 'Computer', referrer: 'https://www.Moodle.example.edu/c/1#top', playbackContext: 'Math', playbackType: 'vod' });
const B = watched('B', T, 20, { userId: 'u2', country: 'fr', region: 'Île-de-France', city: 'Paris', latitude: '48.87', longitude: '2.33', device: 'Mobile', referrer: btoa('https://moodle.example.edu/c/2'), playbackContext: 'Physics', categories: 'Math', playbackType: 'vod' });
const C = watched('C', T, 100, { country: 'US', region: 'New York', city: 'Brooklyn', device: 'Tablet', referrer: 'https://blog.example.com/post', categories: 'Physics', playbackType: 'live' })
  .reached(25).reached(50).reached(75).reached(100);
const D = session('D', T, { userId: 'u1', country: 'FR', region: "Provence-Alpes-Côte d'Azur", city: 'Nice', device: 'SmartWatch', playbackType: 'vod' }).impression();
const E = watched('E', T, 10, { userId: 'u3', country: 'DE', region: 'Bavaria', city: 'Munich', device: 'Computer', referrer: 'https://moodle.example.edu/c/1', playbackContext: 'Math', playbackType: 'dvr' });

const engine = () => engineWith(all(A, B, C, D, E), { users: { u1: 'Alice', u2: 'bob' } });
const page = { offset: 0, limit: 50 };

describe('engine filters and breakdowns', () => {
  const e = engine();
  const totals = (filters: Filters) => {
    const t = e.query(q('totals', { filters }));
    return [t.impressions, t.plays];
  };

  it('totals with no filter', () => {
    const t = e.query(q('totals'));
    expect(t).to.deep.equal({
      impressions: 5,
      plays: 4,
      uniqueViewers: 4,
      minutesViewed: 3,
      avgCompletionRate: 45,
      avgDropOffRate: 25,
      playThrough: { 25: 1, 50: 1, 75: 1, 100: 1 },
    });
  });

  it('each filter alone ([impressions, plays])', () => {
    expect(totals({ countries: ['FR'] })).to.deep.equal([3, 2]); // A B D
    expect(totals({ countries: ['fr'] })).to.deep.equal([3, 2]); // codes are upper-cased
    expect(totals({ regions: ['Île-de-France'] })).to.deep.equal([2, 2]); // A B
    expect(totals({ cities: ['Munich'] })).to.deep.equal([1, 1]); // E
    expect(totals({ devices: ['Other'] })).to.deep.equal([1, 0]); // D (SmartWatch is unknown → Other)
    expect(totals({ devices: ['Computer'] })).to.deep.equal([2, 2]); // A E
    expect(totals({ domains: ['moodle.example.edu'] })).to.deep.equal([3, 3]); // A B E
    expect(totals({ urls: ['https://www.Moodle.example.edu/c/1'] })).to.deep.equal([1, 1]); // A (E's URL differs)
    expect(totals({ categories: ['Physics'] })).to.deep.equal([2, 2]); // B C
    expect(totals({ categories: ['Math'] })).to.deep.equal([3, 3]); // A B E
    expect(totals({ users: ['u1'] })).to.deep.equal([2, 1]); // A D
    expect(totals({ playbackTypes: ['live'] })).to.deep.equal([1, 1]); // C
    expect(totals({ countries: [] })).to.deep.equal([5, 4]); // an empty list is no filter
    expect(totals({ countries: ['ZZ'] })).to.deep.equal([0, 0]);
  });

  it('filters combined: OR within a field, AND across fields', () => {
    expect(totals({ countries: ['FR', 'DE'] })).to.deep.equal([4, 3]); // A B D E
    expect(totals({ countries: ['FR'], categories: ['Math'] })).to.deep.equal([2, 2]); // A B
    expect(totals({ countries: ['FR'], categories: ['Math'], devices: ['Mobile'] })).to.deep.equal([1, 1]); // B
    expect(totals({ users: ['u1', 'u2'], domains: ['moodle.example.edu'] })).to.deep.equal([2, 2]); // A B
    expect(totals({ countries: ['US'], users: ['u1', 'u2', 'u3'] })).to.deep.equal([0, 0]); // C is anonymous
    expect(totals({ playbackTypes: ['vod', 'dvr'], cities: ['Paris', 'Munich'], regions: ['Bavaria'] })).to.deep.equal([1, 1]); // E
  });

  it('geo by country: code, English name, metrics, sorted by plays then code', () => {
    const r = e.query(q('geo', { level: 'country' }));
    expect(r.level).to.equal('country');
    expect(r.rows.map((x) => [x.code, x.name, x.impressions, x.plays, x.distribution, x.uniqueViewers])).to.deep.equal([
      ['FR', 'France', 3, 2, 50, 2],
      ['DE', 'Germany', 1, 1, 25, 1],
      ['US', 'United States', 1, 1, 25, 1],
    ]);
    const fr = r.rows[0]!;
    expect(fr.minutesViewed).to.be.closeTo(70 / 60, 1e-12); // A 50 s + B 20 s
    expect(fr.avgCompletionRate).to.equal(35); // (50 + 20) / 2
    expect(fr.playImpressionRatio).to.be.closeTo(200 / 3, 1e-9);
    expect(r.totals).to.deep.equal({ impressions: 5, plays: 4, uniqueViewers: 4, minutesViewed: 3, avgCompletionRate: 45, avgDropOffRate: 25 });
  });

  it('geo by region of a country and city of a region, with mean coordinates over sessions', () => {
    const regions = e.query(q('geo', { level: 'region', country: 'FR' }));
    expect(regions.rows.map((x) => [x.name, x.impressions, x.plays, x.distribution])).to.deep.equal([
      ['Île-de-France', 2, 2, 50], // distribution relative to all 4 plays
      ["Provence-Alpes-Côte d'Azur", 1, 0, 0],
    ]);
    expect(regions.rows[0]!.lat).to.be.closeTo(48.86, 1e-9); // (48.85 + 48.87) / 2
    expect(regions.rows[0]!.lon).to.be.closeTo(2.34, 1e-9);
    expect(regions.rows[1]!.lat).to.equal(undefined);
    expect(regions.rows[0]!.code).to.equal(undefined);
    expect([regions.totals.impressions, regions.totals.plays]).to.deep.equal([3, 2]); // the country's
    const cities = e.query(q('geo', { level: 'city', country: 'FR', region: 'Île-de-France' }));
    expect(cities.rows.map((x) => [x.name, x.plays, x.lat !== undefined])).to.deep.equal([['Paris', 2, true]]);
    expect(() => e.query(q('geo', { level: 'region' }))).to.throw(/country/);
    // Filters apply on top: Mobile only → B.
    const mobile = e.query(q('geo', { level: 'city', country: 'FR', region: 'Île-de-France', filters: { devices: ['Mobile'] } }));
    expect(mobile.rows.map((x) => [x.name, x.plays, x.distribution])).to.deep.equal([['Paris', 1, 100]]);
  });

  it('devices: every class with plays or impressions, by plays then name', () => {
    const r = e.query(q('devices'));
    expect(r.rows.map((x) => [x.device, x.impressions, x.plays, x.distribution])).to.deep.equal([
      ['Computer', 2, 2, 50],
      ['Mobile', 1, 1, 25],
      ['Tablet', 1, 1, 25],
      ['Other', 1, 0, 0],
    ]);
    expect(r.totals.plays).to.equal(4);
  });

  it('domains: sort by key, by a metric, paging; ties by key', () => {
    const byKey = e.query(q('domains', { sort: { field: 'key', direction: 'asc' }, page }));
    expect(byKey.rows.map((x) => [x.domain, x.plays, x.distribution])).to.deep.equal([
      ['blog.example.com', 1, 25],
      ['moodle.example.edu', 3, 75],
    ]);
    expect(byKey.total).to.equal(2);
    expect(byKey.totals.plays).to.equal(4); // all of the range and filters (D has no referrer)
    const desc = e.query(q('domains', { sort: { field: 'key', direction: 'desc' }, page }));
    expect(desc.rows.map((x) => x.domain)).to.deep.equal(['moodle.example.edu', 'blog.example.com']);
    const byMinutes = e.query(q('domains', { sort: { field: 'minutesViewed', direction: 'asc' }, page }));
    expect(byMinutes.rows.map((x) => [x.domain, x.minutesViewed * 60])).to.deep.equal([
      ['moodle.example.edu', 80],
      ['blog.example.com', 100],
    ]);
    const second = e.query(q('domains', { sort: { field: 'plays', direction: 'desc' }, page: { offset: 1, limit: 1 } }));
    expect(second.rows.map((x) => x.domain)).to.deep.equal(['blog.example.com']);
    expect(second.total).to.equal(2);
    // Ties: avgDropOffRate is 0 for moodle and 25 for blog; avgCompletionRate (50+20+10)/3 vs 100.
    const tie = engineWith(all(watched('x', T, 10, { referrer: 'https://b.example/' }), watched('y', T, 10, { referrer: 'https://a.example/' })));
    const rows = tie.query(q('domains', { sort: { field: 'plays', direction: 'desc' }, page })).rows;
    expect(rows.map((x) => x.domain)).to.deep.equal(['a.example', 'b.example']);
    expect(() => e.query(q('domains', { sort: { field: 'bogus' as never, direction: 'asc' }, page }))).to.throw(/sort/);
  });

  it('urls under a domain: distribution relative to all plays, totals over the domain', () => {
    const r = e.query(q('urls', { domain: 'www.moodle.example.edu', sort: { field: 'key', direction: 'asc' }, page }));
    expect(r.rows.map((x) => [x.url, x.plays, x.distribution])).to.deep.equal([
      ['https://moodle.example.edu/c/1', 1, 25],
      ['https://moodle.example.edu/c/2', 1, 25],
      ['https://www.Moodle.example.edu/c/1', 1, 25],
    ]);
    expect(r.total).to.equal(3);
    expect([r.totals.plays, r.totals.minutesViewed * 60]).to.deep.equal([3, 80]);
    const none = e.query(q('urls', { domain: 'nowhere.example', sort: { field: 'plays', direction: 'desc' }, page }));
    expect(none).to.deep.equal({ rows: [], total: 0, totals: { impressions: 0, plays: 0, uniqueViewers: 0, minutesViewed: 0, avgCompletionRate: 0, avgDropOffRate: 0 } });
  });

  describe('users', () => {
    const users = (extra: object) => e.query(q('users', { sort: { field: 'name', direction: 'asc' }, page, ...extra }));
    it('one row per known user with names from the directory (or the id), anonymous excluded', () => {
      expect(users({})).to.deep.equal({
        rows: [
          // u1: A (play, 50 buckets) + D (impression only) → impressions 2, plays 1, 50 %, 50 %.
          { userId: 'u1', name: 'Alice', impressions: 2, plays: 1, avgCompletionRate: 50, totalCompletionRate: 50 },
          { userId: 'u2', name: 'bob', impressions: 1, plays: 1, avgCompletionRate: 20, totalCompletionRate: 20 },
          { userId: 'u3', name: 'u3', impressions: 1, plays: 1, avgCompletionRate: 10, totalCompletionRate: 10 },
        ],
        total: 3,
      });
    });
    it('sorts by any field, ties by user id', () => {
      const ids = (field: string, direction: string) => users({ sort: { field, direction } }).rows.map((r) => r.userId);
      expect(ids('name', 'desc')).to.deep.equal(['u3', 'u2', 'u1']); // u3 > bob > alice, case-insensitive
      expect(ids('plays', 'desc')).to.deep.equal(['u1', 'u2', 'u3']); // all 1: by id
      expect(ids('impressions', 'desc')).to.deep.equal(['u1', 'u2', 'u3']);
      expect(ids('impressions', 'asc')).to.deep.equal(['u2', 'u3', 'u1']);
      expect(ids('avgCompletionRate', 'asc')).to.deep.equal(['u3', 'u2', 'u1']);
      expect(ids('totalCompletionRate', 'desc')).to.deep.equal(['u1', 'u2', 'u3']);
    });
    it('searches a case-insensitive substring of the name or the id; pages after searching', () => {
      expect(users({ search: 'BO' }).rows.map((r) => r.userId)).to.deep.equal(['u2']);
      expect(users({ search: 'u3' }).rows.map((r) => r.userId)).to.deep.equal(['u3']);
      expect(users({ search: 'U' }).total).to.equal(3);
      expect(users({ search: 'zzz' })).to.deep.equal({ rows: [], total: 0 });
      const p = users({ page: { offset: 1, limit: 1 } });
      expect([p.rows.map((r) => r.name), p.total]).to.deep.equal([['bob'], 3]);
    });
    it('respects filters', () => {
      expect(users({ filters: { countries: ['DE'] } }).rows.map((r) => r.userId)).to.deep.equal(['u3']);
    });
    it('totalCompletionRate is the union over a user\'s sessions', () => {
      // u9 watches 0–30 in one session and 20–60 (a seek to 20 then play) in another: union 0–60 → 60 %;
      // avg = (30 + 40) / 2 = 35 %.
      const s1 = watched('p', T, 30, { userId: 'u9' });
      const s2 = session('q', T, { userId: 'u9' }).impression().play().view(0, 0).seek(20);
      for (let x = 10; x <= 40; x += 10) s2.wait(10).view(x, 20 + x);
      const e2 = engineWith(all(s1, s2));
      expect(e2.query(q('users', { sort: { field: 'name', direction: 'asc' }, page })).rows).to.deep.equal([
        { userId: 'u9', name: 'u9', impressions: 2, plays: 2, avgCompletionRate: 35, totalCompletionRate: 60 },
      ]);
      // Heatmap tiers: 20–29 watched twice.
      const h = e2.query(q('heatmap', { userIds: ['u9'] }));
      expect(h.users[0]!.counts.slice(18, 32)).to.deep.equal([1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1]);
    });
  });

  describe('heatmap', () => {
    it('rows for the asked users in order, zeros for a user without views', () => {
      const r = e.query(q('heatmap', { userIds: ['u2', 'ghost', 'u1'] }));
      expect(r.duration).to.equal(100);
      expect(r.users.map((u) => [u.userId, u.name, u.counts.reduce((a, b) => a + b, 0)])).to.deep.equal([
        ['u2', 'bob', 20],
        ['ghost', 'ghost', 0],
        ['u1', 'Alice', 50],
      ]);
    });
    it('without userIds: every user with a play, by name, up to limit', () => {
      expect(e.query(q('heatmap', {})).users.map((u) => u.name)).to.deep.equal(['Alice', 'bob', 'u3']);
      expect(e.query(q('heatmap', { limit: 2 })).users.map((u) => u.name)).to.deep.equal(['Alice', 'bob']);
    });
  });
});

describe('engine drill-down scopes that match nothing', () => {
  const e = engine();
  it('an unknown country, region or user id matches no session (not the sessions without one)', () => {
    expect(e.query(q('geo', { level: 'region', country: 'ZZ' })).totals.impressions).to.equal(0);
    expect(e.query(q('geo', { level: 'city', country: 'FR', region: 'Nowhere' })).totals.impressions).to.equal(0);
    const r = e.query(q('retention', { userIds: ['ghost'] }));
    expect([r.plays, r.views.reduce((a, b) => a + b, 0)]).to.deep.equal([0, 0]);
  });
});
