/**
 * Long answers (issue #14, breaks 5 and 7): how long the Kaltura provider takes to map very long report tables, and
 * how long each panel takes to render the longest answer the contract lets through. The tests hold the structure
 * (test/kaltura/mapping.test.ts: the mappings finish; test/hostile/long-answers.test.ts: a bounded DOM per panel);
 * the times are here.
 *
 *   npm run bench -- long-answers                 150,000-row tables
 *   npm run bench -- long-answers --rows=300000
 */
import { bench, type Bench } from './harness.js';
import { createKalturaProvider } from '../src/data/kaltura/index.js';
import type { DataProvider, Query } from '../src/data/types.js';
import '../src/define.js';
import { answerFor, seeded } from '../test/hostile/answers.js';
import { deepCount, settled } from '../test/hostile/dom.js';

const params = new URLSearchParams(location.search);
const ROWS = Number(params.get('rows') ?? 150_000);
const T = '\t';
const base = { entryId: '0_e', range: { from: '2026-01-01', to: '2026-01-31' }, timeZone: 'UTC', filters: {} };

function rows(count: number, cells: (i: number) => (string | number)[]): string {
  const out: string[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = cells(i).join(T) + ';';
  return out.join('');
}

const DEVICE_NAMES = ['Computer', 'Mobile', 'Tablet', 'GAME_CONSOLE', 'Digital media receiver', 'Smart TV'];
/** The table each report type answers with: `ROWS` rows. */
function tableFor(type: number) {
  if (type === 21) return { header: ['device', 'count_plays', 'count_loads'].join(T), data: rows(ROWS, (i) => [DEVICE_NAMES[i % 6]!, 1, 2]) };
  if (type === 13) return { header: ['user_id', 'name', 'count_plays', 'total_completion_rate'].join(T), data: rows(ROWS, (i) => [`u${i}`, `User ${i}`, 1, 50]) };
  if (type === 6) return { header: ['object_id', 'domain_name', 'count_plays'].join(T), data: rows(ROWS, (i) => [`d${i}.test`, `d${i}.test`, 1]) };
  return { header: ['object_id', 'country', 'coordinates', 'count_plays'].join(T), data: rows(ROWS, (i) => [`X${i}`, `Place ${i}`, '1/2', 1]) };
}

async function kalturaMappings(b: Bench) {
  // The answers are made once; the provider's fetch hands out the ready JSON text, so the time is the provider's:
  // JSON parse, table parse and mapping.
  const texts = new Map<number, string>();
  for (const type of [21, 13, 6, 36]) texts.set(type, JSON.stringify({ ...tableFor(type), totalCount: ROWS, objectType: 'KalturaReportTable' }));
  const fetch = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    const calls = Object.keys(body).filter((k) => /^\d+$/.test(k)).map((k) => body[k] as Record<string, any>);
    const parts = calls.map((c) =>
      c.service === 'media'
        ? JSON.stringify({ id: c.entryId, mediaType: 1, msDuration: 600_000 })
        : c.action === 'getTotal'
          ? JSON.stringify({ header: `count_plays${T}count_loads`, data: `1${T}2` })
          : texts.get(c.reportType)!,
    );
    return new Response(`[${parts.join(',')}]`, { status: 200 });
  }) as unknown as typeof globalThis.fetch;
  const provider = createKalturaProvider({ serviceUrl: 'https://kaltura.test', ks: 'ks', fetch, batch: false, cacheMs: 0 });
  const page = { offset: 0, limit: ROWS };
  const queries: [string, Query][] = [
    ['devices (PLATFORMS)', { kind: 'devices', ...base }],
    ['users (USER_TOP_CONTENT)', { kind: 'users', ...base, sort: { field: 'plays', direction: 'desc' }, page }],
    ['domains (TOP_SYNDICATION)', { kind: 'domains', ...base, sort: { field: 'plays', direction: 'desc' }, page }],
    ['geo (MAP_OVERLAY_COUNTRY)', { kind: 'geo', ...base, level: 'country' }],
  ];
  for (const [name, q] of queries) {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const t = performance.now();
      await provider(q, { signal: new AbortController().signal });
      times.push(performance.now() - t);
    }
    times.sort((x, y) => x - y);
    b.row({ name: `Kaltura ${name}, ${ROWS.toLocaleString('en')} rows`, value: Math.round(times[1]!), unit: 'ms', min: Math.round(times[0]!), max: Math.round(times[2]!), runs: 3 });
  }
}

/** Each panel with the longest answer the contract lets through and its page size or limit at the maximum. */
async function panelRenders(b: Bench) {
  const panels: [string, Record<string, string>][] = [
    ['playback-views', {}],
    ['metrics-over-time', { from: '1950-01-01', to: '2059-07-06' }],
    ['user-engagement', { 'page-size': '1000000' }],
    ['engagement-heatmap', { limit: '1000000' }],
    ['class-engagement', { limit: '1000000' }],
    ['top-countries', { 'page-size': '1000000' }],
    ['top-domains-table', { 'page-size': '1000000' }],
  ];
  for (const [tag, attrs] of panels) {
    const times: number[] = [];
    let elements = 0;
    for (let run = 0; run < 3; run++) {
      const r = seeded(7);
      // The time includes making the answers (the generator's share is small next to validating and rendering).
      const provider = (async (query: Query) => answerFor(query, r, { size: 'max' })) as unknown as DataProvider;
      const el = document.createElement(tag) as HTMLElement & { provider: DataProvider };
      for (const [k, v] of Object.entries({ 'entry-id': 'e1', from: '2026-01-01', to: '2026-01-31', 'time-zone': 'UTC', ...attrs })) el.setAttribute(k, v);
      el.provider = provider;
      const t = performance.now();
      document.body.append(el);
      await settled(el, 120_000);
      times.push(performance.now() - t);
      elements = deepCount(el);
      el.remove();
    }
    times.sort((x, y) => x - y);
    b.row({ name: `<${tag}> maximal answer to settled`, value: Math.round(times[1]!), unit: 'ms', min: Math.round(times[0]!), max: Math.round(times[2]!), runs: 3, note: `${elements} elements` });
  }
}

bench('long answers', async (b) => {
  await kalturaMappings(b);
  await panelRenders(b);
});
