import { expect } from '@open-wc/testing';
import { createKalturaProvider } from '../../src/data/kaltura/index.js';
import type { DevicesResult, DomainsResult, GeoResult, Query, UsersResult } from '../../src/data/types.js';

// Break 7 of the hostile-input campaign, second half: every mapping of a Kaltura table is linear in its rows. The
// devices mapping copied a growing list per row (a 150,000-row PLATFORMS table blocked the tab for 44.7 s). Each test
// maps a table of 150,000 (PLATFORMS) or 50,000 rows; a quadratic mapping does not finish within the runner's 20 s per test. The time each
// takes is a figure of `npm run bench -- long-answers`, not asserted here.
const T = '\t';
const ROWS = 150_000;
/** Rows of the other tables: enough that a per-row copy of the list so far (n²/2 = 1.25e9 copies) cannot pass. */
const MANY = 50_000;
const range = { from: '2026-01-01', to: '2026-01-31' };
const base = { entryId: '0_e', range, timeZone: 'UTC', filters: {} };

/** A provider whose Kaltura answers every table with `table(call)` and every total with plays 100. */
function providerWith(table: (call: Record<string, any>) => { header: string; data: string; totalCount: number }) {
  const fetch = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    const calls = Object.keys(body)
      .filter((k) => /^\d+$/.test(k))
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => body[k]);
    const answers = calls.map((c: Record<string, any>) => {
      if (c.service === 'media') return { id: c.entryId, name: 'Lecture', mediaType: 1, msDuration: 600_000, userId: 'o', createdAt: 1_700_000_000 };
      if (c.action === 'getTotal') return { header: `count_plays${T}count_loads`, data: `100${T}200` };
      if (c.action === 'getTable' && c.reportType === 43) return { header: `percentile${T}count_viewers`, data: `0${T}1;`, totalCount: 1 };
      return { ...table(c), objectType: 'KalturaReportTable' };
    });
    return new Response(JSON.stringify(answers), { status: 200 });
  }) as unknown as typeof globalThis.fetch;
  return createKalturaProvider({ serviceUrl: 'https://kaltura.test', ks: 'ks', fetch, batch: false, cacheMs: 0 });
}

const ask = <R>(provider: ReturnType<typeof providerWith>, q: Query) => provider(q, { signal: new AbortController().signal }) as Promise<R>;

function rows(count: number, cells: (i: number) => (string | number)[]): string {
  const out: string[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = cells(i).join(T) + ';';
  return out.join('');
}

describe('Kaltura provider: every mapping is linear in its rows', () => {
  it(`maps a PLATFORMS table of ${ROWS.toLocaleString('en')} rows onto the device classes`, async () => {
    const names = ['Computer', 'Mobile', 'Tablet', 'GAME_CONSOLE', 'digital media_receiver', 'Smart TV'];
    const p = providerWith(() => ({
      header: ['device', 'count_plays', 'count_loads', 'avg_view_drop_off'].join(T),
      data: rows(ROWS, (i) => [names[i % names.length]!, 1, 2, 0.5]),
      totalCount: ROWS,
    }));
    const r = await ask<DevicesResult>(p, { kind: 'devices', ...base });
    const plays = Object.fromEntries(r.rows.map((row) => [row.device, row.plays]));
    // 150,000 rows over six names: 25,000 each; "GAME_CONSOLE" is the Game console class, "Smart TV" (no class of its own) is Other.
    expect(plays).to.deep.equal({ Computer: 25_000, Mobile: 25_000, Tablet: 25_000, 'Game console': 25_000, 'Digital media receiver': 25_000, Other: 25_000 });
    expect(r.rows.find((row) => row.device === 'Mobile')!.avgDropOffRate).to.equal(50);
  });

  const p = providerWith((c) => {
    if (c.reportType === 13)
      return { header: ['user_id', 'name', 'count_plays', 'total_completion_rate'].join(T), data: rows(MANY, (i) => [`u${i}`, `User ${i}`, 1, 50]), totalCount: MANY };
    if (c.reportType === 6)
      return { header: ['object_id', 'domain_name', 'count_plays'].join(T), data: rows(MANY, (i) => [`d${i}.test`, `d${i}.test`, 1]), totalCount: MANY };
    return { header: ['object_id', 'country', 'coordinates', 'count_plays'].join(T), data: rows(MANY, (i) => [`X${i}`, `Place ${i}`, '1/2', 1]), totalCount: MANY };
  });
  const page = { offset: 0, limit: MANY };

  it(`maps a USER_TOP_CONTENT table of ${MANY.toLocaleString('en')} rows`, async () => {
    const users = await ask<UsersResult>(p, { kind: 'users', ...base, sort: { field: 'plays', direction: 'desc' }, page });
    expect(users.rows).to.have.length(MANY);
    expect(users.rows[MANY - 1]).to.include({ userId: `u${MANY - 1}`, totalCompletionRate: 50 });
  });

  it(`maps a TOP_SYNDICATION table of ${MANY.toLocaleString('en')} rows`, async () => {
    const domains = await ask<DomainsResult>(p, { kind: 'domains', ...base, sort: { field: 'plays', direction: 'desc' }, page });
    expect(domains.rows).to.have.length(MANY);
    expect(domains.rows[MANY - 1]!.domain).to.equal(`d${MANY - 1}.test`);
  });

  it(`maps a MAP_OVERLAY_COUNTRY table of ${MANY.toLocaleString('en')} rows`, async () => {
    const geo = await ask<GeoResult>(p, { kind: 'geo', ...base, level: 'country' });
    expect(geo.rows).to.have.length(MANY);
    expect(geo.rows[0]).to.include({ lat: 1, lon: 2 });
  });
});
