// One round trip: queries issued within one frame share one multirequest (split only at maxCallsPerRequest),
// identical calls go once, result references survive, aborting one query leaves the others alone; and answers are
// cached by the whole query and the KS's identity, with clearCache().
import { expect } from '@open-wc/testing';
import { AnswerCache, createKalturaProvider, pack, stableKey } from '../../src/data/kaltura/index.js';
import type { DataProvider, EntryQuery, Query, TotalsQuery } from '../../src/data/types.js';
import { fakeKaltura, v1Ks } from './fake-kaltura.js';

const base = { entryId: '1_abc', timeZone: 'UTC', filters: {} };
const totals = (from: string): TotalsQuery => ({ kind: 'totals', ...base, range: { from, to: '2026-03-31' } });
const entry: EntryQuery = { kind: 'entry', ...base, range: { from: '2026-03-01', to: '2026-03-31' } };
const signal = () => new AbortController().signal;
const ask = (p: DataProvider, q: Query, s = signal()) => p(q, { signal: s }) as Promise<any>;
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as any);

describe('Kaltura provider: one round trip', () => {
  it('sends the queries issued in one frame in one multirequest, each query getting its own answers', async () => {
    const fake = fakeKaltura();
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'k', fetch: fake.fetch });
    const [a, b, e] = await Promise.all([ask(provider, totals('2026-03-01')), ask(provider, totals('2026-03-02')), ask(provider, entry)]);
    expect(fake.requests).to.have.length(1);
    // totals: 2 calls each; entry: media.get + user.get + cue points. Nothing is sent twice.
    expect(a.plays).to.not.equal(b.plays);
    expect(e.owner).to.deep.equal({ id: 'owner', name: 'Owner Name' });
  });

  it('sends identical calls once and keeps result references pointing at the right call', async () => {
    const fake = fakeKaltura();
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'k', fetch: fake.fetch });
    const retention = { kind: 'retention' as const, ...base, range: { from: '2026-03-01', to: '2026-03-31' } };
    const [r, e] = await Promise.all([ask(provider, retention), ask(provider, entry)]);
    const calls = fake.requests[0]!.calls;
    expect(calls.filter((c) => c.service === 'media')).to.have.length(1); // retention's and entry's media.get: one call
    const userGet = calls.find((c) => c.service === 'user')!;
    const mediaAt = calls.findIndex((c) => c.service === 'media') + 1;
    expect(userGet.userId).to.equal(`{${mediaAt}:result:userId}`);
    expect(r.duration).to.equal(600);
    expect(e.owner.name).to.equal('Owner Name');
  });

  it('splits only at maxCallsPerRequest, never a query across requests', async () => {
    const fake = fakeKaltura();
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'k', fetch: fake.fetch, maxCallsPerRequest: 5 });
    const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];
    const results = await Promise.all(days.map((d) => ask(provider, totals(d))));
    expect(results).to.have.length(5);
    expect(fake.requests.map((r) => r.calls.length)).to.deep.equal([4, 4, 2]); // 2 calls per query, ≤ 5 per request
  });

  it('packs groups without splitting them, and slices only a group larger than the limit', () => {
    const call = (n: number) => ({ service: 'report', action: 'getTotal', reportType: n });
    const group = (calls: ReturnType<typeof call>[]) => ({ calls, signal: signal(), resolve() {}, reject() {}, done: false });
    const packed = pack([group([call(1), call(2)]), group([call(3), call(1)]), group([call(4), call(5), call(6), call(7)])], 4);
    expect(packed.map((p) => p.calls.map((c) => c.reportType))).to.deep.equal([[1, 2, 3], [4, 5, 6, 7]]);
    const big = pack([group([call(1), call(2), call(3), call(4), call(5)])], 2);
    expect(big.map((p) => p.calls.length)).to.deep.equal([2, 2, 1]);
  });

  it('leaves an aborted query out of a batch not sent yet', async () => {
    const fake = fakeKaltura();
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'k', fetch: fake.fetch });
    const ac = new AbortController();
    const gone = failure(ask(provider, totals('2026-03-02'), ac.signal));
    const kept = ask(provider, totals('2026-03-01'));
    await Promise.resolve();
    ac.abort();
    expect((await gone)?.name).to.equal('AbortError');
    expect((await kept).plays).to.be.greaterThan(0);
    expect(fake.requests).to.have.length(1);
    expect(fake.requests[0]!.calls).to.have.length(2);
  });

  it('an aborted query leaves the others in its sent batch alone; the request is cancelled when all are aborted', async () => {
    const fake = fakeKaltura({ delayMs: 80 });
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'k', fetch: fake.fetch });
    const ac = new AbortController();
    const gone = failure(ask(provider, totals('2026-03-02'), ac.signal));
    const kept = ask(provider, totals('2026-03-01'));
    await new Promise((r) => setTimeout(r, 40)); // the batch has left
    expect(fake.requests).to.have.length(1);
    ac.abort();
    expect((await gone)?.name).to.equal('AbortError');
    expect((await kept).plays).to.be.greaterThan(0);
    expect(fake.aborted).to.have.length(0);

    const x = new AbortController();
    const y = new AbortController();
    const p1 = failure(ask(provider, totals('2026-03-03'), x.signal));
    const p2 = failure(ask(provider, totals('2026-03-04'), y.signal));
    await new Promise((r) => setTimeout(r, 40));
    x.abort();
    y.abort();
    await Promise.all([p1, p2]);
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.aborted).to.have.length(1);
  });

  it('with batch: false, sends one multirequest per query at once (the old behaviour)', async () => {
    const fake = fakeKaltura();
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'k', fetch: fake.fetch, batch: false });
    await Promise.all([ask(provider, totals('2026-03-01')), ask(provider, totals('2026-03-02')), ask(provider, entry)]);
    expect(fake.requests).to.have.length(3);
  });
});

describe('Kaltura provider: cached answers', () => {
  it('answers a query asked again from the cache, by its whole content (key order does not matter)', async () => {
    const fake = fakeKaltura();
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'k', fetch: fake.fetch });
    const first = await ask(provider, totals('2026-03-01'));
    const reordered = { filters: {}, timeZone: 'UTC', range: { to: '2026-03-31', from: '2026-03-01' }, entryId: '1_abc', kind: 'totals' } as TotalsQuery;
    const again = await ask(provider, reordered);
    expect(again).to.deep.equal(first);
    expect(fake.requests).to.have.length(1);
    await ask(provider, { ...totals('2026-03-01'), filters: { devices: ['Mobile'] } });
    expect(fake.requests).to.have.length(2);
  });

  it('shares one request between two askers of the same query; one aborting leaves the other its answer', async () => {
    const fake = fakeKaltura({ delayMs: 40 });
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'k', fetch: fake.fetch });
    const ac = new AbortController();
    const gone = failure(ask(provider, totals('2026-03-01'), ac.signal));
    const kept = ask(provider, totals('2026-03-01'));
    await new Promise((r) => setTimeout(r, 20));
    ac.abort();
    expect((await gone)?.name).to.equal('AbortError');
    expect((await kept).plays).to.be.greaterThan(0);
    expect(fake.requests).to.have.length(1);
  });

  it('clearCache() makes the next query ask Kaltura again; cacheMs: 0 keeps nothing', async () => {
    const fake = fakeKaltura();
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'k', fetch: fake.fetch });
    await ask(provider, totals('2026-03-01'));
    provider.clearCache();
    await ask(provider, totals('2026-03-01'));
    expect(fake.requests).to.have.length(2);
    const uncached = createKalturaProvider({ serviceUrl: 'https://k', ks: 'k', fetch: fake.fetch, cacheMs: 0 });
    await ask(uncached, totals('2026-03-01'));
    await ask(uncached, totals('2026-03-01'));
    expect(fake.requests).to.have.length(4);
  });

  it('never keeps a failure', async () => {
    const fake = fakeKaltura({ forbidden: new Set([13]) });
    const provider = createKalturaProvider({ serviceUrl: 'https://k', ks: 'k', fetch: fake.fetch });
    await failure(ask(provider, totals('2026-03-01')));
    fake.options.forbidden = new Set();
    expect((await ask(provider, totals('2026-03-01'))).plays).to.be.greaterThan(0);
    expect(fake.requests).to.have.length(2);
  });

  it('keys answers by who the KS speaks for: a refreshed KS of the same user keeps them, another user does not', async () => {
    const fake = fakeKaltura();
    const later = Math.floor(Date.now() / 1000) + 3600;
    let ks = v1Ks(7, 'ada', later, 'one');
    const provider = createKalturaProvider({ serviceUrl: 'https://k', fetch: fake.fetch, ks: () => ks });
    await ask(provider, totals('2026-03-01'));
    const same = createKalturaProvider({ serviceUrl: 'https://k', fetch: fake.fetch, ks: v1Ks(7, 'bob', later) });
    await ask(same, totals('2026-03-01'));
    expect(fake.requests).to.have.length(2);
    ks = v1Ks(7, 'ada', later + 60, 'two');
    fake.options.badKs = new Set([v1Ks(7, 'ada', later, 'one')]);
    await ask(provider, totals('2026-03-02')); // fails with the old KS, refreshes to the new one
    await ask(provider, totals('2026-03-01')); // same user: still cached
    expect(fake.requests.map((r) => r.calls.length)).to.have.length(4);
  });

  it('expires answers after cacheMs', async () => {
    let now = 1000;
    const cache = new AnswerCache<number>(50, 10, () => now);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('a', load, signal())).to.equal(1);
    now += 40;
    expect(await cache.get('a', load, signal())).to.equal(1);
    now += 20;
    expect(await cache.get('a', load, signal())).to.equal(2);
    expect(stableKey({ b: 1, a: [{ d: 1, c: 2 }] })).to.equal('{"a":[{"c":2,"d":1}],"b":1}');
  });
});
