// The KS lifecycle of the Kaltura provider: a string or a function; one fresh KS asked for and one retry on INVALID_KS
// / EXPIRED_KS / an expired v1 KS; typed errors (`kind`) the elements recognise; SERVICE_FORBIDDEN as 'no-access'.
import { expect } from '@open-wc/testing';
import { KalturaApiError, createKalturaProvider, ksIdentity, parseKs } from '../../src/data/kaltura/index.js';
import { SessionExpiredError, providerErrorKind } from '../../src/data/errors.js';
import type { TotalsQuery } from '../../src/data/types.js';
import { fakeKaltura, v1Ks } from './fake-kaltura.js';

const totals = (from = '2026-03-01'): TotalsQuery => ({
  kind: 'totals',
  entryId: '1_abc',
  range: { from, to: '2026-03-31' },
  timeZone: 'UTC',
  filters: {},
});
const signal = () => new AbortController().signal;
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as any);

describe('Kaltura KS: what a KS reveals', () => {
  it('reads partner, user and expiry of a v1 KS, the partner of a v2 KS, nothing of others', () => {
    const ks = v1Ks(4321, 'ada@example.edu', 1_800_000_000);
    expect(parseKs(ks)).to.deep.equal({ version: 'v1', partnerId: '4321', userId: 'ada@example.edu', expiresAt: 1_800_000_000_000 });
    expect(parseKs('v2|4321|abcdefENCRYPTED')).to.deep.equal({ version: 'v2', partnerId: '4321' });
    expect(parseKs('demo-ks')).to.deep.equal({ version: 'opaque' });
    expect(parseKs('')).to.deep.equal({ version: 'opaque' });
    // Two KSs of the same user share an identity; another user, or an unreadable KS, does not.
    expect(ksIdentity(v1Ks(4321, 'ada', 1, 'a'))).to.equal(ksIdentity(v1Ks(4321, 'ada', 2, 'b')));
    expect(ksIdentity(v1Ks(4321, 'ada', 1))).to.not.equal(ksIdentity(v1Ks(4321, 'bob', 1)));
    expect(ksIdentity('v2|1|x')).to.not.equal(ksIdentity('v2|1|y'));
  });
});

describe('Kaltura provider: session lifecycle', () => {
  it('takes ks as a function (sync or async), called for the first query only', async () => {
    const fake = fakeKaltura();
    let asked = 0;
    const provider = createKalturaProvider({ serviceUrl: 'https://k', fetch: fake.fetch, cacheMs: 0, ks: async () => (asked++, 'KS-A') });
    await provider(totals(), { signal: signal() });
    await provider(totals('2026-03-02'), { signal: signal() });
    expect(asked).to.equal(1);
    expect(fake.requests.map((r) => r.ks)).to.deep.equal(['KS-A', 'KS-A']);
    const sync = createKalturaProvider({ serviceUrl: 'https://k', fetch: fake.fetch, ks: () => 'KS-B' });
    await sync(totals(), { signal: signal() });
    expect(fake.requests.at(-1)!.ks).to.equal('KS-B');
  });

  for (const code of ['INVALID_KS', 'EXPIRED_KS']) {
    it(`on ${code} asks the function once for a fresh KS and retries the query with it`, async () => {
      const fake = fakeKaltura({ badKs: new Set(['OLD']), badKsCode: code });
      const given = ['OLD', 'NEW'];
      let asked = 0;
      const provider = createKalturaProvider({ serviceUrl: 'https://k', fetch: fake.fetch, ks: () => given[asked++]! });
      const result = await provider(totals(), { signal: signal() });
      expect((result as { plays: number }).plays).to.be.greaterThan(0);
      expect(asked).to.equal(2);
      expect(fake.requests.map((r) => r.ks)).to.deep.equal(['OLD', 'NEW']);
    });
  }

  it('refreshes on a top-level EXPIRED_KS (the whole multirequest refused) too', async () => {
    const fake = fakeKaltura({ refusedKs: new Set(['OLD']) });
    const given = ['OLD', 'NEW'];
    let asked = 0;
    const provider = createKalturaProvider({ serviceUrl: 'https://k', fetch: fake.fetch, ks: () => given[asked++]! });
    await provider(totals(), { signal: signal() });
    expect(fake.requests.map((r) => r.ks)).to.deep.equal(['OLD', 'NEW']);
  });

  it('when the fresh KS fails too, rejects with a session-expired error (and asks only once)', async () => {
    const fake = fakeKaltura({ badKs: new Set(['OLD', 'ALSO-OLD']) });
    const given = ['OLD', 'ALSO-OLD', 'NEVER'];
    let asked = 0;
    const provider = createKalturaProvider({ serviceUrl: 'https://k', fetch: fake.fetch, ks: () => given[asked++]! });
    const err = await failure(provider(totals(), { signal: signal() }));
    expect(err).to.be.instanceOf(KalturaApiError);
    expect(err.code).to.equal('INVALID_KS');
    expect(providerErrorKind(err)).to.equal('session-expired');
    expect(asked).to.equal(2);
    expect(fake.requests).to.have.length(2);
  });

  it('when the function gives back the same dead KS, does not send it twice', async () => {
    const fake = fakeKaltura({ badKs: new Set(['DEAD']) });
    let asked = 0;
    const provider = createKalturaProvider({ serviceUrl: 'https://k', fetch: fake.fetch, ks: () => (asked++, 'DEAD') });
    const err = await failure(provider(totals(), { signal: signal() }));
    expect(providerErrorKind(err)).to.equal('session-expired');
    expect(asked).to.equal(2);
    expect(fake.requests).to.have.length(1);
  });

  it('a string KS that Kaltura rejects fails at once, as session-expired', async () => {
    const fake = fakeKaltura({ badKs: new Set(['x']) });
    const provider = createKalturaProvider({ serviceUrl: 'https://k', fetch: fake.fetch, ks: 'x' });
    const err = await failure(provider(totals(), { signal: signal() }));
    expect(providerErrorKind(err)).to.equal('session-expired');
    expect(fake.requests).to.have.length(1);
  });

  it('many queries failing at once ask the function once, and all recover with the fresh KS', async () => {
    const fake = fakeKaltura({ badKs: new Set(['OLD']) });
    let asked = 0;
    const provider = createKalturaProvider({
      serviceUrl: 'https://k',
      fetch: fake.fetch,
      batch: false,
      ks: async () => (asked++ === 0 ? 'OLD' : 'NEW'),
    });
    const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];
    const results = await Promise.all(days.map((d) => provider(totals(d), { signal: signal() })));
    expect(results).to.have.length(5);
    expect(asked).to.equal(2);
    expect(fake.requests.filter((r) => r.ks === 'NEW')).to.have.length(5);
  });

  it('asks for a fresh KS before sending a v1 KS that has passed its expiry', async () => {
    const fake = fakeKaltura();
    const stale = v1Ks(1, 'ada', Math.floor(Date.now() / 1000) - 60);
    const fresh = v1Ks(1, 'ada', Math.floor(Date.now() / 1000) + 3600);
    const given = [stale, fresh];
    let asked = 0;
    const provider = createKalturaProvider({ serviceUrl: 'https://k', fetch: fake.fetch, ks: () => given[asked++]! });
    await provider(totals(), { signal: signal() });
    expect(fake.requests.map((r) => r.ks)).to.deep.equal([fresh]);
  });

  it('recovers on the next query once the function gives a working KS (no reload needed)', async () => {
    const fake = fakeKaltura({ badKs: new Set(['OLD']) });
    let current = 'OLD';
    const provider = createKalturaProvider({ serviceUrl: 'https://k', fetch: fake.fetch, ks: () => current });
    expect(providerErrorKind(await failure(provider(totals(), { signal: signal() })))).to.equal('session-expired');
    current = 'SIGNED-IN-AGAIN'; // the host re-authenticated
    const result = await provider(totals(), { signal: signal() });
    expect((result as { plays: number }).plays).to.be.greaterThan(0);
    expect(fake.requests.at(-1)!.ks).to.equal('SIGNED-IN-AGAIN');
  });

  it('a ks function that throws or gives nothing rejects with SessionExpiredError', async () => {
    const fake = fakeKaltura();
    const throwing = createKalturaProvider({ serviceUrl: 'https://k', fetch: fake.fetch, ks: () => { throw new Error('login server down'); } });
    const err = await failure(throwing(totals(), { signal: signal() }));
    expect(err).to.be.instanceOf(SessionExpiredError);
    expect(err.message).to.match(/login server down/);
    const empty = createKalturaProvider({ serviceUrl: 'https://k', fetch: fake.fetch, ks: async () => '' });
    expect(providerErrorKind(await failure(empty(totals(), { signal: signal() })))).to.equal('session-expired');
    expect(fake.requests).to.have.length(0);
  });

  it('SERVICE_FORBIDDEN rejects as no-access, without asking for a new KS', async () => {
    const fake = fakeKaltura({ forbidden: new Set([2]) });
    let asked = 0;
    const provider = createKalturaProvider({ serviceUrl: 'https://k', fetch: fake.fetch, ks: () => (asked++, 'K') });
    const err = await failure(provider(totals(), { signal: signal() }));
    expect(err).to.be.instanceOf(KalturaApiError);
    expect(err.code).to.equal('SERVICE_FORBIDDEN');
    expect(providerErrorKind(err)).to.equal('no-access');
    expect(asked).to.equal(1);
  });

  it('recognises kinds structurally, not by message text', () => {
    expect(providerErrorKind(new SessionExpiredError())).to.equal('session-expired');
    expect(providerErrorKind(Object.assign(new Error('whatever'), { kind: 'no-access' }))).to.equal('no-access');
    expect(providerErrorKind(new Error('Invalid KS "x"'))).to.equal(undefined);
    expect(providerErrorKind(new KalturaApiError('m', 'ENTRY_ID_NOT_FOUND'))).to.equal(undefined);
    expect(providerErrorKind('session-expired')).to.equal(undefined);
  });
});
