/**
 * The whole dashboard over the local Kaltura-compatible endpoint with 300 ms injected per HTTP request, in Chromium
 * (which opens at most six connections per host, as every browser does over HTTP/1.1): HTTP requests and time until
 * every panel is complete, for the first load, a compare-period toggle and a country drill-down and back up.
 *
 * "before": `batch: false, cacheMs: 0` (each query its own multirequest, nothing kept: how the provider worked
 * before); "after": the defaults (one multirequest per frame, answers kept). `scripts/bench.mjs` starts the endpoint
 * and hands its address to this page (`kalturaMock`).
 *
 *   npm run bench -- kaltura                  300 ms per request, 3 runs per mode
 *   npm run bench -- kaltura --latency=100 --runs=5 --callLatency=2
 */
import { bench, median, type Bench } from './harness.js';
import '../src/define.js';
import type { EntryAnalytics } from '../src/shell/entry-analytics.js';
import type { AnalyticsPanel } from '../src/elements/shared/analytics-panel.js';
import type { TopCountries } from '../src/elements/top-countries/top-countries.js';
import { createKalturaProvider, type KalturaProviderOptions } from '../src/data/kaltura/index.js';
import { SAMPLE_VIDEO_ID } from '../src/data/sample/index.js';

const params = new URLSearchParams(location.search);
const MOCK = params.get('kalturaMock') ?? '';
const LATENCY = Number(params.get('latency') ?? 300);
const CALL_LATENCY = Number(params.get('callLatency') ?? 0);
const RUNS = Math.max(1, Number(params.get('runs') ?? 3));

interface Stats {
  requests: number;
  preflights: number;
  calls: number;
  maxConcurrent: number;
}
const control = async (path: string, init?: RequestInit) => (await fetch(`${MOCK}/__mock/${path}`, init)).json();
const stats = (): Promise<Stats> => control('stats');
const resetStats = () => control('stats/reset', { method: 'POST' });

/** Resolves when the details and every panel have loaded and none is busy. */
async function complete(el: EntryAnalytics): Promise<void> {
  for (;;) {
    await el.whenLoaded();
    const panels = el.panelElements as AnalyticsPanel<unknown>[];
    await Promise.all(panels.map((p) => p.whenLoaded()));
    await new Promise((r) => setTimeout(r, 0));
    const busy = panels.some((p) => p.shadowRoot?.querySelector('[aria-busy=true]'));
    if (panels.length > 0 && !busy && !el.shadowRoot!.querySelector('.details[aria-busy=true]')) return;
  }
}

interface Measure {
  ms: number;
  requests: number;
  calls: number;
  maxConcurrent: number;
}

async function measure(step: () => void | Promise<void>, el: EntryAnalytics): Promise<Measure> {
  await resetStats();
  const t0 = performance.now();
  await step();
  await el.updateComplete;
  await complete(el);
  const ms = performance.now() - t0;
  const s = await stats();
  return { ms, requests: s.requests, calls: s.calls, maxConcurrent: s.maxConcurrent };
}

async function scenario(options: Partial<KalturaProviderOptions>, run: number) {
  const provider = createKalturaProvider({ serviceUrl: MOCK, ks: `bench-${run}-${Math.random()}`, timeoutMs: 120_000, ...options });
  const el = document.createElement('entry-analytics') as EntryAnalytics;
  Object.assign(el, { timeZone: 'UTC', compare: 'none', timeout: 120_000, lang: 'en' });
  el.setAttribute('preset', 'last30');
  el.entryId = SAMPLE_VIDEO_ID;
  document.body.replaceChildren(el);
  const first = await measure(() => {
    el.provider = provider;
  }, el);
  const compareOn = await measure(() => {
    el.compare = 'previous';
  }, el);
  const compareOff = await measure(() => {
    el.compare = 'none';
  }, el);
  const countries = el.panelElements.find((p) => p.localName === 'top-countries') as TopCountries;
  const drill = await measure(() => {
    countries.country = 'US';
  }, el);
  const up = await measure(() => {
    countries.country = '';
  }, el);
  el.remove();
  return { first, compareOn, compareOff, drill, up };
}

function report(b: Bench, mode: string, runs: Awaited<ReturnType<typeof scenario>>[]) {
  const steps = [
    ['first load', 'first'],
    ['compare on', 'compareOn'],
    ['compare off', 'compareOff'],
    ['drill into a country', 'drill'],
    ['back up to countries', 'up'],
  ] as const;
  for (const [label, key] of steps) {
    const ms = runs.map((r) => r[key].ms);
    const requests = runs.map((r) => r[key].requests);
    b.row({
      name: `${mode}: ${label}, time to every panel complete`,
      value: Math.round(median(ms)),
      unit: 'ms',
      first: Math.round(ms[0]!),
      min: Math.round(Math.min(...ms)),
      max: Math.round(Math.max(...ms)),
      runs: ms.length,
    });
    b.row({
      name: `${mode}: ${label}, HTTP requests`,
      value: median(requests),
      unit: 'requests',
      min: Math.min(...requests),
      max: Math.max(...requests),
      runs: requests.length,
      note: `${median(runs.map((r) => r[key].calls))} calls; at most ${Math.max(...runs.map((r) => r[key].maxConcurrent))} at once`,
    });
  }
}

bench(`Kaltura dashboard over the endpoint, ${LATENCY} ms per request${CALL_LATENCY ? ` + ${CALL_LATENCY} ms per call` : ''}`, async (b) => {
  if (!MOCK) throw new Error('no kalturaMock address: run through `npm run bench -- kaltura`');
  await control('faults', { method: 'POST', body: JSON.stringify({ latencyMs: LATENCY, callLatencyMs: CALL_LATENCY }) });
  try {
    // A warm-up of each mode: the endpoint's engine and the page's code are loaded once, before anything is timed.
    await scenario({ batch: false, cacheMs: 0 }, -1);
    await scenario({}, -2);
    const modes: [string, Partial<KalturaProviderOptions>][] = [
      ['before (one multirequest per query, no cache)', { batch: false, cacheMs: 0 }],
      ['after (one multirequest per frame, cache)', {}],
    ];
    for (const [mode, options] of modes) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await scenario(options, i));
        b.log(`${mode}: run ${i + 1}/${RUNS}`);
      }
      report(b, mode, runs);
    }
  } finally {
    await control('faults', { method: 'POST', body: '{}' });
  }
});
