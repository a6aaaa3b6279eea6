/**
 * Lifecycle under faults (issue #14, items 1–4): removing an element aborts its provider request at once and leaves
 * no timer behind; any `timeout` value works; whatever a provider rejects with ends in an error state with Retry;
 * swapping the provider never shows the old provider's data.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { TAGS } from '../../src/frameworks.js';
import type { AnalyticsPanel } from '../../src/elements/shared/analytics-panel.js';
import type { EntryAnalytics } from '../../src/shell/entry-analytics.js';
import type { TopDomainsTable } from '../../src/elements/top-domains-table/top-domains-table.js';
import type { DataProvider, EntryResult, Query } from '../../src/data/types.js';
import * as states from '../../src/elements/shared/states.js';
import { fakeProvider, totals, until } from '../support/providers.js';
import { timelinePoints, urlsResult } from '../support/breakdowns.js';

/** Every panel (the dashboard's own tests follow). */
const PANELS = TAGS.filter((t) => t !== 'entry-analytics');

/** A provider that never answers and remembers every request's signal. */
function pendingProvider() {
  const requests: { query: Query; signal: AbortSignal }[] = [];
  const provider: DataProvider = (query, { signal }) => {
    requests.push({ query, signal });
    return new Promise(() => {});
  };
  return Object.assign(provider, { requests });
}

/** Counts live timers of a second or more (created, not cleared, not fired) while installed. */
class TimerSpy {
  readonly live = new Set<number>();
  private readonly set = window.setTimeout;
  private readonly clear = window.clearTimeout;
  install(): void {
    const spy = this;
    const { set, clear } = this;
    window.setTimeout = function (handler: TimerHandler, ms?: number, ...rest: unknown[]) {
      let id = 0;
      const wrapped = typeof handler === 'function' ? (...a: unknown[]) => (spy.live.delete(id), handler(...a)) : handler;
      id = (set as unknown as (h: unknown, ms?: number, ...r: unknown[]) => number).call(window, wrapped, ms, ...rest);
      if ((ms ?? 0) >= 1000) spy.live.add(id);
      return id;
    } as typeof window.setTimeout;
    window.clearTimeout = function (id?: number) {
      if (id !== undefined) spy.live.delete(id);
      clear.call(window, id);
    } as typeof window.clearTimeout;
  }
  uninstall(): void {
    window.setTimeout = this.set;
    window.clearTimeout = this.clear;
  }
}

function mount(tag: string, provider: DataProvider, attrs: Record<string, string> = {}) {
  const el = document.createElement(tag) as AnalyticsPanel<unknown>;
  const all: Record<string, string> = { 'entry-id': 'e1', from: '2026-02-01', to: '2026-02-07', 'time-zone': 'UTC', ...attrs };
  for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
  if (tag === 'engagement-heatmap') (el as unknown as { userIds: string[] }).userIds = ['u1'];
  el.provider = provider;
  return el;
}

const entry = (): EntryResult => ({
  id: 'e1',
  name: 'Lecture',
  type: 'video',
  duration: 600,
  owner: { id: 'o', name: 'Owner' },
  created: '2026-01-01T00:00:00Z',
});

describe('lifecycle: removal aborts and releases', () => {
  let timers: TimerSpy;
  beforeEach(() => {
    timers = new TimerSpy();
    timers.install();
  });
  afterEach(() => timers.uninstall());

  for (const tag of PANELS) {
    it(`<${tag}>: removing it aborts its pending request at once and clears its timer; putting it back asks again`, async () => {
      const p = pendingProvider();
      const el = mount(tag, p);
      document.body.append(el);
      await until(() => p.requests.length > 0);
      expect(timers.live.size, 'a deadline timer runs while loading').to.be.greaterThan(0);
      expect(p.requests.every((r) => !r.signal.aborted)).to.equal(true);
      el.remove();
      expect(
        p.requests.map((r) => r.signal.aborted),
        'aborted synchronously on removal',
      ).to.deep.equal(p.requests.map(() => true));
      await new Promise((r) => setTimeout(r, 0));
      expect(timers.live.size, 'no timer outlives the element').to.equal(0);
      const before = p.requests.length;
      document.body.append(el);
      await until(() => p.requests.length > before);
      expect(p.requests.at(-1)!.signal.aborted).to.equal(false);
      el.remove();
      expect(p.requests.at(-1)!.signal.aborted).to.equal(true);
    });
  }

  it('<entry-analytics>: removing it aborts the entry request and every panel request', async () => {
    const p = pendingProvider();
    const el = document.createElement('entry-analytics') as EntryAnalytics;
    el.setAttribute('entry-id', 'e1');
    el.setAttribute('time-zone', 'UTC');
    el.setAttribute('today', '2026-02-07');
    el.provider = p;
    document.body.append(el);
    await until(() => p.requests.length > 0);
    el.remove();
    expect(p.requests.map((r) => r.signal.aborted)).to.deep.equal(p.requests.map(() => true));
    await new Promise((r) => setTimeout(r, 0));
    expect(timers.live.size).to.equal(0);

    // Entry loaded, panels pending: all of them are aborted when the dashboard leaves.
    const requests: { query: Query; signal: AbortSignal }[] = [];
    const q: DataProvider = (query, { signal }) => {
      requests.push({ query, signal });
      return query.kind === 'entry' ? Promise.resolve(entry() as never) : new Promise(() => {});
    };
    el.provider = q;
    document.body.append(el);
    await until(() => requests.filter((r) => r.query.kind !== 'entry').length >= 5);
    el.remove();
    const pending = requests.filter((r) => r.query.kind !== 'entry');
    expect(pending.map((r) => r.signal.aborted)).to.deep.equal(pending.map(() => true));
    await new Promise((r) => setTimeout(r, 0));
    expect(timers.live.size).to.equal(0);
  });
});

describe('lifecycle: timeouts beyond what timers support', () => {
  it('deadline(): clamps to 2^31−1 ms, Infinity waits without a timer, nonsense falls back to 30 s', () => {
    const { deadline, MAX_TIMEOUT } = states as unknown as { deadline: (v: unknown) => number | undefined; MAX_TIMEOUT: number };
    expect(MAX_TIMEOUT).to.equal(2 ** 31 - 1);
    expect(deadline(3_000_000_000)).to.equal(MAX_TIMEOUT);
    expect(deadline(MAX_TIMEOUT + 0.5)).to.equal(MAX_TIMEOUT);
    expect(deadline(Number.MAX_VALUE)).to.equal(MAX_TIMEOUT);
    expect(deadline(Infinity)).to.equal(undefined);
    expect(deadline(NaN)).to.equal(30_000);
    expect(deadline(-5)).to.equal(30_000);
    expect(deadline(0)).to.equal(30_000);
    expect(deadline(-Infinity)).to.equal(30_000);
    expect(deadline(1500)).to.equal(1500);
    expect(deadline(0.2)).to.equal(1);
  });

  for (const value of ['3000000000', 'Infinity', '1e300', String(2 ** 31)]) {
    it(`timeout="${value}" waits instead of failing at once`, async () => {
      const p = pendingProvider();
      const el = await fixture<AnalyticsPanel<unknown>>(html`${mount('entry-highlights', p, { timeout: value })}`);
      await until(() => p.requests.length > 0);
      await new Promise((r) => setTimeout(r, 100));
      expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
      expect(p.requests[0]!.signal.aborted).to.equal(false);
      el.remove();
    });
  }

  it('a short timeout still fails with the timeout message and a Retry', async () => {
    const p = pendingProvider();
    const el = await fixture<AnalyticsPanel<unknown>>(html`${mount('entry-highlights', p, { timeout: '40' })}`);
    await el.whenLoaded();
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.match(/did not answer within 0\.04|did not answer within 0/);
    expect(alert.querySelector('button')).to.exist;
  });

  it('<entry-analytics timeout="Infinity"> waits for the entry', async () => {
    const p = pendingProvider();
    const el = await fixture<EntryAnalytics>(
      html`<entry-analytics .provider=${p} entry-id="e1" time-zone="UTC" today="2026-02-07" timeout="Infinity"></entry-analytics>`,
    );
    await until(() => p.requests.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    el.remove();
  });
});

/** Rejections a hostile or buggy provider can produce. */
function hostileRejections(): [string, () => unknown][] {
  const throwing = () => {
    throw new Error('getter');
  };
  return [
    ['an Error whose message getter throws', () => Object.defineProperty(new Error('x'), 'message', { get: throwing })],
    ['an object whose message getter throws', () => Object.defineProperty({}, 'message', { get: throwing })],
    ['undefined', () => undefined],
    ['null', () => null],
    ['a number', () => 42],
    ['a symbol', () => Symbol('s')],
    ['an object with a non-string message', () => ({ message: { toString: throwing } })],
    ['an object whose toString throws', () => ({ toString: throwing })],
    ['a Proxy that throws on every trap', () => new Proxy({}, { get: throwing, getPrototypeOf: throwing, has: throwing, ownKeys: throwing })],
    ['a revoked Proxy', () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; }],
    ['a huge string', () => 'x'.repeat(1_000_000)],
    ['an AbortError of its own', () => new DOMException('gone', 'AbortError')],
    ['an Error subclass whose name getter throws', () => Object.defineProperty(new TypeError('t'), 'name', { get: throwing })],
  ];
}

describe('lifecycle: errors read defensively', () => {
  for (const [label, make] of hostileRejections()) {
    it(`a provider rejecting with ${label}: error state with Retry, in a panel and in the dashboard`, async () => {
      const reject: DataProvider = () => Promise.reject(make());
      const el = await fixture<AnalyticsPanel<unknown>>(html`${mount('entry-highlights', reject)}`);
      await el.whenLoaded();
      const alert = el.shadowRoot!.querySelector('[role=alert]');
      expect(alert, 'error state').to.exist;
      expect(alert!.querySelector('button'), 'Retry').to.exist;
      expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-busy')).to.equal('false');
      expect((alert!.textContent ?? '').length).to.be.lessThan(2000);

      const dash = await fixture<EntryAnalytics>(
        html`<entry-analytics .provider=${reject} entry-id="e1" time-zone="UTC" today="2026-02-07"></entry-analytics>`,
      );
      await dash.whenLoaded();
      const dashAlert = dash.shadowRoot!.querySelector('[role=alert]');
      expect(dashAlert).to.exist;
      expect(dashAlert!.querySelector('button')).to.exist;

      // Retry with a working provider recovers.
      el.provider = fakeProvider({ totals: () => totals() });
      await el.whenLoaded();
      expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    });
  }

  it('a provider that throws synchronously a value whose getters throw: error state with Retry', async () => {
    const bad: DataProvider = () => {
      throw Object.defineProperty(new Error('x'), 'message', {
        get() {
          throw new Error('nope');
        },
      });
    };
    const el = await fixture<AnalyticsPanel<unknown>>(html`${mount('entry-highlights', bad)}`);
    await el.whenLoaded();
    expect(el.shadowRoot!.querySelector('[role=alert] button')).to.exist;
  });
});

describe('lifecycle: caches keyed by everything the answer depends on', () => {
  it('<top-domains-table domain=…>: swapping the provider shows the new provider’s timeline', async () => {
    const makeProvider = (plays: number[]) =>
      fakeProvider({
        urls: (q) => urlsResult(['https://a.example/1'].slice(q.page.offset, q.page.offset + q.page.limit), 1),
        timeline: () => ({ granularity: 'day', points: timelinePoints(['2026-03-29', '2026-03-30', '2026-03-31'], plays) }),
      });
    const first = makeProvider([4, 12, 7]);
    const el = await fixture<TopDomainsTable>(
      html`<top-domains-table .provider=${first} entry-id="e1" from="2026-03-29" to="2026-03-31" time-zone="UTC" domain="a.example"></top-domains-table>`,
    );
    await el.whenLoaded();
    const second = makeProvider([1, 2, 3]);
    el.provider = second;
    await el.updateComplete;
    await el.whenLoaded();
    expect(second.calls.map((c) => c.kind)).to.include('timeline');
    expect(el.toCsv()).to.be.a('string');
  });
});
