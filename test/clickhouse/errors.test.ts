/**
 * A server that is down, slow or answers an exception: the provider rejects with a clear ClickHouseError (never a
 * wrong number), honours the AbortSignal, and a panel shows its error state with Retry.
 */
import { expect, fixture, html } from '@open-wc/testing';
// @ts-expect-error virtual module served by the test runner's ClickHouse plugin (scripts/wtr-clickhouse.mjs)
import clickhouseUrl, { error as clickhouseError } from '/__clickhouse.js';
import '../../src/elements/devices-overview/define.js';
import type { DevicesOverview } from '../../src/elements/devices-overview/devices-overview.js';
import {
  ClickHouseError,
  buildSessions,
  createClickHouseProvider,
  createSchema,
  dropSchema,
  insertEntries,
  insertEvents,
} from '../../src/data/clickhouse/index.js';
import type { DataProvider, Query } from '../../src/data/types.js';

const query: Query = {
  kind: 'totals',
  entryId: 'e1',
  range: { from: '2026-03-01', to: '2026-03-31' },
  timeZone: 'UTC',
  filters: {},
};

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('ClickHouse provider on a failing server', () => {
  before(() => {
    if (!clickhouseUrl) throw new Error(clickhouseError || 'No ClickHouse server for the tests');
  });

  it('says when the server is down', async () => {
    const provider = createClickHouseProvider({ url: 'http://127.0.0.1:9', timeoutMs: 5000 });
    const e = await rejection(provider(query, { signal: new AbortController().signal }));
    expect(e).to.be.instanceOf(ClickHouseError);
    expect(String(e)).to.match(/ClickHouse at http:\/\/127\.0\.0\.1:9 is unreachable/);
  });

  it('gives up on a slow server after timeoutMs', async () => {
    const never: typeof fetch = (_url, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const provider = createClickHouseProvider({ url: 'http://127.0.0.1:8123', timeoutMs: 150, fetch: never });
    const e = await rejection(provider(query, { signal: new AbortController().signal }));
    expect(String(e)).to.contain('did not answer within 0.15 s');
  });

  it("passes the server's exception on (a missing database), and a malformed answer is an error too", async () => {
    const provider = createClickHouseProvider({ url: clickhouseUrl, database: 'no_such_database_here' });
    const e = await rejection(provider(query, { signal: new AbortController().signal }));
    expect(e).to.be.instanceOf(ClickHouseError);
    expect(String(e)).to.match(/ClickHouse answered 404: Code: 81.*no_such_database_here/);
    expect((e as ClickHouseError).code).to.equal(81);
    const garbage: typeof fetch = async () => new Response('<html>proxy error</html>', { status: 200 });
    const e2 = await rejection(createClickHouseProvider({ url: 'http://127.0.0.1:8123', fetch: garbage })(query, { signal: new AbortController().signal }));
    expect(String(e2)).to.contain('not JSON');
    const e3 = await rejection(
      insertEvents({ url: clickhouseUrl, database: 'no_such_database_here' }, [{ entryId: 'e1', sessionId: 's', eventType: 1, time: 1 }]),
    );
    expect(String(e3)).to.contain('Code: 81');
  });

  it('rejects with the abort reason when the signal aborts', async () => {
    const controller = new AbortController();
    const provider = createClickHouseProvider({ url: clickhouseUrl, database: 'no_such_database_here' });
    const p = provider(query, { signal: controller.signal });
    controller.abort(new Error('no longer needed'));
    expect(String(await rejection(p))).to.contain('no longer needed');
  });

  // A server that is down, one that never answers, and one that answers an exception: each panel shows its error
  // state with Retry (never numbers), and Retry asks again.
  const failing: [string, () => DataProvider, RegExp][] = [
    ['down', () => createClickHouseProvider({ url: 'http://127.0.0.1:9', timeoutMs: 5000 }), /is unreachable/],
    [
      'slow',
      () =>
        createClickHouseProvider({
          url: 'http://127.0.0.1:8123',
          timeoutMs: 150,
          fetch: (_url, init) =>
            new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
        }),
      /did not answer within 0\.15 s/,
    ],
    ['an exception', () => createClickHouseProvider({ url: clickhouseUrl, database: 'no_such_database_here' }), /Code: 81/],
  ];
  for (const [what, make, message] of failing) {
    it(`puts the panel in its error state with Retry when the server is ${what}`, async () => {
      let calls = 0;
      const provider = make();
      const node = document.createElement('devices-overview') as DevicesOverview;
      for (const [k, v] of Object.entries({ 'entry-id': 'e1', from: '2026-03-01', to: '2026-03-31', 'time-zone': 'UTC' })) node.setAttribute(k, v);
      node.provider = (q, o) => {
        calls++;
        return provider(q, o);
      };
      const el = await fixture<DevicesOverview>(html`${node}`);
      await el.whenLoaded();
      const alert = el.shadowRoot!.querySelector('[role=alert]');
      expect(alert?.textContent).to.match(message);
      expect(el.shadowRoot!.querySelector('[part=mark], table'), 'no numbers beside the error').to.equal(null);
      const retry = [...el.shadowRoot!.querySelectorAll('button')].find((b) => /retry/i.test(b.textContent ?? ''));
      expect(retry, 'a Retry button').to.exist;
      await expect(el).to.be.accessible();
      const before = calls;
      retry!.click();
      await el.whenLoaded();
      expect(calls).to.be.greaterThan(before);
      expect(el.shadowRoot!.querySelector('[role=alert]')?.textContent).to.match(message);
    });
  }

  it('refuses to answer zeros for events that were loaded without building their sessions', async () => {
    const options = { url: clickhouseUrl, database: `test_unbuilt_${Date.now()}` };
    await dropSchema(options);
    await createSchema(options);
    try {
      const entry = { id: 'e1', name: 'E', type: 'video' as const, duration: 60, owner: { id: 'o', name: 'O' }, created: '2026-01-01T00:00:00Z' };
      await insertEntries(options, [entry]);
      const time = Date.parse('2026-03-10T10:00:00Z');
      await insertEvents(options, [{ entryId: 'e1', sessionId: 's', eventType: 3, time }], { buildSessions: false });
      const provider = createClickHouseProvider(options);
      const e = await rejection(provider(query, { signal: new AbortController().signal }));
      expect(String(e)).to.contain('not built');
      await buildSessions(options);
      const totals = (await provider(query, { signal: new AbortController().signal })) as { plays: number };
      expect(totals.plays).to.equal(1);
    } finally {
      await dropSchema(options);
    }
  });
});
