/**
 * Memory under pending requests (issue #14, item 1): 1,000 mount cycles of every panel and the dashboard against a
 * provider that never answers and keeps every request it got. After removal every request is aborted, and after a
 * garbage collection no element instance is left alive (counted with a FinalizationRegistry; `gc` is exposed by
 * `--js-flags=--expose-gc` in web-test-runner.config.mjs).
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { TAGS } from '../../src/frameworks.js';
import type { DataProvider, Query } from '../../src/data/types.js';

const CYCLES = 1000;


const gc = (globalThis as { gc?: () => void }).gc;
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('memory: mount cycles with pending requests', () => {
  it(`${CYCLES} mount/unmount cycles with a provider that never answers leave no instance alive after GC`, async function () {
    this.timeout(240_000);
    expect(gc, 'gc() is exposed (--js-flags=--expose-gc)').to.be.a('function');
    // The provider keeps every request (query and signal) and never settles: the worst host.
    const requests: { query: Query; signal: AbortSignal }[] = [];
    const provider: DataProvider = (query, { signal }) => {
      requests.push({ query, signal });
      return new Promise(() => {});
    };
    let finalized = 0;
    const registry = new FinalizationRegistry<string>(() => finalized++);
    await cycles(provider, registry);
    expect(requests.length, 'every cycle asked').to.be.at.least(CYCLES);
    expect(requests.filter((r) => !r.signal.aborted).length, 'requests not aborted').to.equal(0);
    for (let i = 0; i < 40 && finalized < CYCLES; i++) {
      gc!();
      await tick(25);
    }
    const alive = CYCLES - finalized;
    console.log(`memory: ${CYCLES} mount cycles, ${requests.length} requests (all aborted), ${alive} instances alive after GC`);
    expect(alive).to.equal(0);
  });
});

/** Mounts, lets the request start, and removes, CYCLES times (in its own frame, so no local keeps the last one). */
async function cycles(provider: DataProvider, registry: FinalizationRegistry<string>): Promise<void> {
  for (let i = 0; i < CYCLES; i++) {
    const tag = TAGS[i % TAGS.length]!;
    const el = document.createElement(tag) as HTMLElement & { provider: DataProvider; updateComplete: Promise<boolean> };
    el.setAttribute('entry-id', `e${i}`);
    el.setAttribute('time-zone', 'UTC');
    el.setAttribute('from', '2026-02-01');
    el.setAttribute('to', '2026-02-07');
    if (tag === 'entry-analytics') el.setAttribute('today', '2026-02-07');
    if (tag === 'engagement-heatmap') (el as unknown as { userIds: string[] }).userIds = ['u1'];
    el.provider = provider;
    registry.register(el, tag);
    document.body.append(el);
    await el.updateComplete;
    el.remove();
  }
}
