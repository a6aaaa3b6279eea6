import { expect } from '@open-wc/testing';
import {
  KalturaApiError,
  KalturaTimeoutError,
  buildFilter,
  createKalturaProvider,
  dayBounds,
  kalturaTimeZoneOffset,
  multirequestUrl,
} from '../../src/data/kaltura/index.js';
import { validateResult } from '../../src/data/validate.js';
import type { Query, TotalsQuery } from '../../src/data/types.js';

const base = { entryId: '1_abc', range: { from: '2026-03-01', to: '2026-03-31' }, filters: {} };
const totalsQuery: TotalsQuery = { kind: 'totals', ...base, timeZone: 'UTC' };

/** A fetch that records requests and answers with `answer(body)`. */
function fakeFetch(answer: (body: Record<string, any>) => unknown, init: { status?: number; delayMs?: number } = {}) {
  const requests: { url: string; body: Record<string, any> }[] = [];
  const f = (async (url: string, opts: RequestInit) => {
    const body = JSON.parse(String(opts.body));
    requests.push({ url, body });
    if (init.delayMs) {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, init.delayMs);
        opts.signal?.addEventListener('abort', () => {
          clearTimeout(t);
          reject(opts.signal!.reason);
        });
      });
    }
    return new Response(JSON.stringify(answer(body)), { status: init.status ?? 200, statusText: init.status ? 'Bad Gateway' : 'OK' });
  }) as unknown as typeof fetch;
  return { fetch: f, requests };
}

const T = '\t';
const totalsAnswer = () => [
  {
    header: ['unique_known_users', 'count_plays', 'sum_time_viewed', 'avg_view_drop_off', 'count_loads', 'avg_completion_rate'].join(T),
    data: ['3', '4', '12.5', '0.25', '10', '0.4'].join(T),
  },
  { header: ['count_plays', 'count_plays_25', 'count_plays_50', 'count_plays_75', 'count_plays_100'].join(T), data: ['4', '2', '1', '1', '0'].join(T) },
];
const signal = () => new AbortController().signal;

describe('Kaltura request building', () => {
  it('puts day bounds of the range in the query time zone, DST-correct', () => {
    expect(dayBounds({ from: '2026-01-01', to: '2026-01-01' }, 'UTC')).to.deep.equal({
      fromDate: Date.UTC(2026, 0, 1) / 1000,
      toDate: Date.UTC(2026, 0, 2) / 1000 - 1,
    });
    // New York: EST (UTC-5) on 2026-03-01, EDT (UTC-4) after 2026-03-08.
    const ny = dayBounds({ from: '2026-03-01', to: '2026-03-31' }, 'America/New_York');
    expect(ny.fromDate).to.equal(Date.UTC(2026, 2, 1, 5) / 1000);
    expect(ny.toDate).to.equal(Date.UTC(2026, 3, 1, 4) / 1000 - 1);
    expect(kalturaTimeZoneOffset({ from: '2026-03-01', to: '2026-03-31' }, 'America/New_York')).to.equal(300);
    expect(kalturaTimeZoneOffset({ from: '2026-07-01', to: '2026-07-02' }, 'Europe/Paris')).to.equal(-120);
    expect(kalturaTimeZoneOffset({ from: '2026-07-01', to: '2026-07-02' }, 'Asia/Kolkata')).to.equal(-330);
    expect(Object.is(kalturaTimeZoneOffset(base.range, 'UTC'), 0)).to.equal(true);
  });

  it('maps every contract filter onto KalturaEndUserReportInputFilter', () => {
    const f = buildFilter({
      ...base,
      timeZone: 'UTC',
      filters: {
        countries: ['FR', 'DE'],
        regions: ['Île-de-France'],
        cities: ['Paris'],
        devices: ['Mobile', 'Tablet'],
        domains: ['moodle.example.edu'],
        urls: ['https://moodle.example.edu/course/1'],
        categories: ['123', '456'],
        users: ['u1', 'u2'],
        playbackTypes: ['vod'],
      },
    });
    expect(f).to.deep.include({
      objectType: 'KalturaEndUserReportInputFilter',
      entryIdIn: '1_abc',
      timeZoneOffset: 0,
      countryIn: 'FR,DE',
      regionIn: 'Île-de-France',
      citiesIn: 'Paris',
      deviceIn: 'Mobile,Tablet',
      domainIn: 'moodle.example.edu',
      canonicalUrlIn: 'https://moodle.example.edu/course/1',
      categoriesIdsIn: '123,456',
      userIds: 'u1,u2',
      playbackTypeIn: 'vod',
    });
    expect(buildFilter({ ...base, timeZone: 'UTC' })).to.not.have.property('countryIn');
  });

  it('builds the multirequest URL from any form of serviceUrl', () => {
    for (const s of ['https://www.kaltura.com', 'https://www.kaltura.com/', 'https://www.kaltura.com/api_v3', 'https://www.kaltura.com/api_v3/'])
      expect(multirequestUrl(s)).to.equal('https://www.kaltura.com/api_v3/service/multirequest?format=1');
  });

  it('sends the calls of one query in one multirequest with ks, partnerId and the delimiter', async () => {
    const { fetch, requests } = fakeFetch(totalsAnswer);
    const provider = createKalturaProvider({ serviceUrl: 'https://kaltura.example', ks: 'KS123', partnerId: 42, fetch });
    const result = await provider(totalsQuery, { signal: signal() });
    expect(requests).to.have.length(1);
    const body = requests[0]!.body;
    expect(requests[0]!.url).to.equal('https://kaltura.example/api_v3/service/multirequest?format=1');
    expect(body).to.include({ ks: 'KS123', partnerId: 42, format: 1 });
    expect(body['1']).to.include({ service: 'report', action: 'getTotal', reportType: 13 });
    expect(body['2']).to.include({ service: 'report', action: 'getTotal', reportType: 2 });
    expect(body['1'].responseOptions.delimiter).to.equal('\t');
    expect(body['1'].reportInputFilter.entryIdIn).to.equal('1_abc');
    expect(validateResult('totals', result)).to.deep.equal({
      impressions: 10,
      plays: 4,
      uniqueViewers: 3,
      minutesViewed: 12.5,
      avgCompletionRate: 40,
      avgDropOffRate: 25,
      playThrough: { 25: 2, 50: 1, 75: 1, 100: 0 },
    });
  });

  it('batches one PERCENTILES call per user for heatmaps, and uses day/month intervals for timelines', async () => {
    const { fetch, requests } = fakeFetch((body) =>
      Object.keys(body)
        .filter((k) => /^\d+$/.test(k))
        .map((k) => {
          const c = body[k];
          if (c.service === 'media') return { id: '1_abc', name: 'x', mediaType: 1, msDuration: 600000, userId: 'o', createdAt: 0 };
          if (c.action === 'getGraphs') return [{ id: 'count_plays', data: '202603|4;' }, { id: 'count_loads', data: '202603|5;' }];
          if (c.action === 'getTotal') return { header: '', data: '' };
          if (c.reportType === 43) return { header: `percentile${T}count_viewers${T}unique_known_users`, data: `0${T}2${T}1;50${T}1${T}1;`, totalCount: 2 };
          return { header: `user_id${T}name${T}count_plays`, data: `u1${T}Ada${T}1;u2${T}Bob${T}2;`, totalCount: 2 };
        }),
    );
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'k', fetch });
    const hm = validateResult('heatmap', await provider({ kind: 'heatmap', ...base, timeZone: 'UTC', userIds: ['u1', 'u2'] }, { signal: signal() }));
    const calls = Object.keys(requests[0]!.body).filter((k) => /^\d+$/.test(k)).map((k) => requests[0]!.body[k]);
    const pct = calls.filter((c) => c.reportType === 43);
    expect(pct.map((c) => c.reportInputFilter.userIds)).to.deep.equal(['u1', 'u2']);
    expect(validateResult('heatmap', hm).users.map((u) => u.name)).to.deep.equal(['Ada', 'Bob']);
    expect(hm.users[0]!.counts[0]).to.equal(2);
    expect(hm.users[0]!.counts[50]).to.equal(1);
    expect(hm.duration).to.equal(600);

    requests.length = 0;
    const tl = validateResult('timeline', await provider({ kind: 'timeline', ...base, timeZone: 'UTC', granularity: 'month' }, { signal: signal() }));
    const g = requests[0]!.body['1'];
    expect(g).to.include({ action: 'getGraphs', reportType: 13 });
    expect(g.reportInputFilter.interval).to.equal('months');
    expect(validateResult('timeline', tl).points).to.have.length(1);
    expect(tl.points[0]).to.include({ date: '2026-03-01', plays: 4, impressions: 5 });
  });

  it('maps page offsets onto Kaltura pages', async () => {
    const { fetch, requests } = fakeFetch(() => [{ header: '', data: '', totalCount: 0 }]);
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'k', fetch });
    const q = (offset: number, limit: number): Query => ({ kind: 'users', ...base, timeZone: 'UTC', sort: { field: 'plays', direction: 'desc' }, page: { offset, limit } });
    await provider(q(20, 10), { signal: signal() });
    expect(requests[0]!.body['1'].pager).to.include({ pageSize: 10, pageIndex: 3 });
    expect(requests[0]!.body['1'].order).to.equal('-count_plays');
    await provider(q(5, 10), { signal: signal() });
    expect(requests[1]!.body['1'].pager).to.include({ pageSize: 15, pageIndex: 1 });
  });
});

describe('Kaltura provider: error paths', () => {
  it('rejects with the message of a KalturaAPIException inside a 200 response', async () => {
    const { fetch } = fakeFetch(() => [
      { objectType: 'KalturaAPIException', code: 'INVALID_KS', message: 'Invalid KS "x" Error: -1,INVALID_STR', args: [] },
      { header: '', data: '' },
    ]);
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'x', fetch });
    const err = await provider(totalsQuery, { signal: signal() }).then(() => null, (e) => e);
    expect(err).to.be.instanceOf(KalturaApiError);
    expect(err.message).to.equal('Invalid KS "x" Error: -1,INVALID_STR');
    expect(err.code).to.equal('INVALID_KS');
  });

  it('rejects a top-level exception (the whole multirequest refused)', async () => {
    const { fetch } = fakeFetch(() => ({ objectType: 'KalturaAPIException', code: 'MISSING_KS', message: 'Missing KS' }));
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'x', fetch });
    const err = await provider(totalsQuery, { signal: signal() }).then(() => null, (e) => e);
    expect(err?.message).to.equal('Missing KS');
  });

  it('rejects on an HTTP error', async () => {
    const { fetch } = fakeFetch(() => 'bad gateway', { status: 502 });
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'x', fetch });
    const err = await provider(totalsQuery, { signal: signal() }).then(() => null, (e) => e);
    expect(err?.message).to.match(/HTTP 502/);
  });

  it('rejects a half-broken answer instead of returning partial data', async () => {
    const { fetch } = fakeFetch(() => [{ header: 'count_plays', data: '4' }, { header: 'count_plays_25', data: '1' }]);
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'x', fetch });
    const err = await provider(totalsQuery, { signal: signal() }).then(() => null, (e) => e);
    expect(err?.message).to.match(/missing column "count_plays_50"/);
  });

  it('rejects with a TimeoutError after timeoutMs', async () => {
    const { fetch } = fakeFetch(totalsAnswer, { delayMs: 5000 });
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'x', fetch, timeoutMs: 50 });
    const t0 = performance.now();
    const err = await provider(totalsQuery, { signal: signal() }).then(() => null, (e) => e);
    expect(err).to.be.instanceOf(KalturaTimeoutError);
    expect(err.name).to.equal('TimeoutError');
    expect(performance.now() - t0).to.be.lessThan(2000);
  });

  it('rejects with the abort reason when the caller aborts, even if fetch ignores the signal', async () => {
    const never = (() => new Promise(() => undefined)) as unknown as typeof fetch;
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'x', fetch: never });
    const ac = new AbortController();
    const pending = provider(totalsQuery, { signal: ac.signal }).then(() => null, (e) => e);
    ac.abort();
    const err = await pending;
    expect(err?.name).to.equal('AbortError');
    const already = await provider(totalsQuery, { signal: AbortSignal.abort() }).then(() => null, (e) => e);
    expect(already?.name).to.equal('AbortError');
  });
});
