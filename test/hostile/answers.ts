/**
 * Answers for the hostile-input suite: a seeded generator of well-formed answers for every query kind (ordinary or
 * as long as the contract allows), the payloads a hostile provider puts in its strings, and the mutations that break
 * an answer (wrong types, holes, out-of-range, huge, NaN/Infinity, -0, bad dates, payload strings).
 */
import { BUCKETS, DEVICES, type Query, type QueryKind, type Result } from '../../src/data/types.js';
import { LIMITS } from '../../src/data/validate.js';
import { BREAKDOWN_METRICS, METRICS } from '../../src/data/metrics.js';

/** A seeded generator (mulberry32): the same seed gives the same answers. */
export function seeded(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
export type Rng = ReturnType<typeof seeded>;

/** Set by the script payloads when they run: the suite fails when it is ever true. */
export const PWNED = '__hostilePwned';
const mark = `window.${PWNED}=true`;

/** Strings a hostile provider puts in names, labels, URLs: markup, script URLs, CSV formulas, odd text. */
export const PAYLOADS: readonly string[] = [
  `<img src=x onerror="${mark}">`,
  `<script>${mark}</script>`,
  `"><svg onload="${mark}">`,
  `<a href="javascript:${mark}">x</a>`,
  `javascript:${mark}`,
  ' JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '=HYPERLINK("http://evil.test","x")',
  '+SUM(1,2)',
  '-2+3',
  '@cmd',
  '\t=1+1',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '\u202eevil\u202c',
  '\u0000nul',
  'x'.repeat(10_000),
  '',
  '   ',
];

/** Links a hostile provider hands out: only http(s) may become a link. */
export const HOSTILE_HREFS: readonly string[] = [
  `javascript:${mark}`,
  ' javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.test/x',
  'not a url',
];

const metricValue = (k: string, r: Rng) => {
  if (k === 'avgCompletionRate' || k === 'avgDropOffRate' || k === 'totalCompletionRate' || k === 'distribution' || k === 'playImpressionRatio')
    return Math.round(r.next() * 1000) / 10;
  if (k === 'minutesViewed') return Math.round(r.next() * 100000) / 10;
  return r.int(5000);
};
const metricSet = (r: Rng, keys: readonly string[] = METRICS) => Object.fromEntries(keys.map((k) => [k, metricValue(k, r)]));
const breakdown = (r: Rng) => metricSet(r, BREAKDOWN_METRICS as readonly string[]);
const playThrough = (r: Rng) => {
  const a = r.int(1000);
  return { 25: a, 50: Math.floor(a * 0.8), 75: Math.floor(a * 0.5), 100: Math.floor(a * 0.2) };
};
const buckets = (r: Rng) => Array.from({ length: BUCKETS }, () => r.int(50));
const text = (r: Rng, i: number, hostile: boolean, prefix: string) => (hostile && r.next() < 0.5 ? r.pick(PAYLOADS) : `${prefix} ${i}`);

function days(from: string, n: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/** Sizes of an answer's lists: `typical` ones, or the longest the contract (validator) allows. */
export type Size = 'typical' | 'max';

/**
 * A well-formed answer to `query`. `size: 'max'` makes every list as long as the validator lets through (the page
 * asked for, or `LIMITS`); `hostile` puts {@link PAYLOADS} in the strings and {@link HOSTILE_HREFS} in the links.
 */
export function answerFor(query: Query, r: Rng, { size = 'typical', hostile = false }: { size?: Size; hostile?: boolean } = {}): Result {
  const max = size === 'max';
  switch (query.kind) {
    case 'entry':
      return {
        id: query.entryId,
        name: text(r, 0, hostile, 'Lecture'),
        type: 'video',
        duration: 600,
        owner: { id: 'owner', name: text(r, 0, hostile, 'Owner') },
        created: '2025-01-01T00:00:00Z',
        thumbnail: hostile ? r.pick(HOSTILE_HREFS) : 'https://example.test/t.jpg',
        links: Array.from({ length: max ? LIMITS.links : 2 }, (_, i) => ({
          label: text(r, i, hostile, 'Link'),
          href: hostile ? r.pick([...HOSTILE_HREFS, 'https://ok.test/']) : `https://example.test/${i}`,
        })),
        markers: Array.from({ length: max ? LIMITS.markers : 3 }, (_, i) => ({
          time: (600 * i) / (max ? LIMITS.markers : 3),
          label: text(r, i, hostile, 'Chapter'),
          kind: r.pick(['chapter', 'quiz', 'cta', 'note'] as const),
        })),
      };
    case 'totals':
      return { ...metricSet(r), playThrough: playThrough(r) } as Result;
    case 'timeline': {
      const n = max ? LIMITS.timelinePoints : 7;
      return {
        granularity: query.granularity,
        points: days('1950-01-01', n).map((date) => ({ date, ...metricSet(r), playThrough: playThrough(r) })),
      } as Result;
    }
    case 'retention':
      return { duration: 600, plays: r.int(1000), views: buckets(r), viewers: buckets(r), uniqueUsers: buckets(r) };
    case 'users': {
      const n = max ? query.page.limit : Math.min(query.page.limit, 5);
      return {
        rows: Array.from({ length: n }, (_, i) => ({
          userId: `u${query.page.offset + i}`,
          name: text(r, i, hostile, 'User'),
          impressions: r.int(100),
          plays: r.int(100),
          avgCompletionRate: metricValue('avgCompletionRate', r),
          totalCompletionRate: metricValue('totalCompletionRate', r),
        })),
        total: max ? 1_000_000 : n,
      };
    }
    case 'heatmap': {
      const n = query.userIds ? query.userIds.length : max ? Math.min(LIMITS.heatmapUsers, query.limit ?? LIMITS.heatmapUsers) : 5;
      return {
        duration: 600,
        users: Array.from({ length: n }, (_, i) => ({
          userId: query.userIds?.[i] ?? `u${i}`,
          name: text(r, i, hostile, 'User'),
          counts: buckets(r).map((c) => c % 4),
        })),
      };
    }
    case 'geo': {
      const n = max ? LIMITS.geoRows : 5;
      return {
        level: query.level,
        rows: Array.from({ length: n }, (_, i) => ({
          name: text(r, i, hostile, 'Place'),
          ...(query.level === 'country' ? { code: hostile && r.next() < 0.3 ? r.pick(PAYLOADS) : 'FR' } : {}),
          lat: r.next() * 180 - 90,
          lon: r.next() * 360 - 180,
          ...breakdown(r),
        })),
        totals: metricSet(r),
      } as Result;
    }
    case 'devices':
      return { rows: DEVICES.map((device) => ({ device, ...breakdown(r) })), totals: metricSet(r) } as Result;
    case 'domains': {
      const n = max ? query.page.limit : Math.min(query.page.limit, 5);
      return {
        rows: Array.from({ length: n }, (_, i) => ({ domain: hostile ? r.pick([...PAYLOADS, ...HOSTILE_HREFS]) : `d${i}.test`, ...breakdown(r) })),
        total: max ? 1_000_000 : n,
        totals: metricSet(r),
      } as Result;
    }
    case 'urls': {
      const n = max ? query.page.limit : Math.min(query.page.limit, 5);
      return {
        rows: Array.from({ length: n }, (_, i) => ({ url: hostile ? r.pick([...HOSTILE_HREFS, ...PAYLOADS]) : `https://d.test/${i}`, ...breakdown(r) })),
        total: max ? 1_000_000 : n,
        totals: metricSet(r),
      } as Result;
    }
    case 'filterValues':
      return { field: query.field, values: [], total: 0 } as Result;
  }
}

/** Values that break a field: wrong types, out of range, huge, not finite, -0, bad dates, payloads. */
export const BAD_VALUES: readonly unknown[] = [
  undefined,
  null,
  '12',
  'NaN',
  true,
  {},
  [],
  NaN,
  Infinity,
  -Infinity,
  -0,
  -1,
  1.5,
  250,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  '2026-02-30',
  '2026-13-45',
  '0050-06-01',
  'not a date',
  Symbol('s'),
  () => 1,
  `<img src=x onerror="${mark}">`,
  `javascript:${mark}`,
  '=cmd|" /C calc"!A0',
];

/** Every path to a leaf (and to each list) of `value`, for the mutator to aim at (a few list items only). */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    out.push(prefix);
    const n = value.length;
    for (const i of new Set([0, 1, n - 1].filter((i) => i >= 0 && i < n))) paths(value[i], [...prefix, i], out);
  } else if (value && typeof value === 'object') {
    if (prefix.length) out.push(prefix);
    for (const k of Object.keys(value)) paths((value as Record<string, unknown>)[k], [...prefix, k], out);
  } else out.push(prefix);
  return out;
}

/** What a mutation did, for the failure message. */
export interface Mutation {
  path: string;
  what: string;
}

/**
 * Breaks `answer` in one place (it is changed in place): replaces a field with a {@link BAD_VALUES} entry, deletes it,
 * punches a hole in a list, makes a list far longer than asked, or replaces the whole answer.
 */
export function mutate(answer: Result, r: Rng): Mutation {
  const all = paths(answer);
  const path = r.pick(all);
  const label = path.join('.') || '(root)';
  const parent = path.slice(0, -1).reduce<any>((v, k) => v?.[k], answer);
  const key = path.at(-1);
  const target = path.reduce<any>((v, k) => v?.[k], answer);
  const roll = r.next();
  if (Array.isArray(target) && roll < 0.35) {
    if (roll < 0.12 && target.length > 0) {
      delete target[r.int(target.length)];
      return { path: label, what: 'a hole' };
    }
    if (roll < 0.24 && target.length > 0) {
      const copy = target[0];
      const n = 100_000;
      for (let i = target.length; i < n; i++) target.push(copy);
      return { path: label, what: `${n} items` };
    }
    target.length = 0;
    return { path: label, what: 'an empty list' };
  }
  if (key === undefined || parent === undefined) {
    const v = r.pick(BAD_VALUES);
    for (const k of Object.keys(answer)) delete (answer as any)[k];
    if (v && typeof v === 'object') Object.assign(answer, v);
    return { path: label, what: `the whole answer replaced by ${describe(v)}` };
  }
  if (roll < 0.45) {
    delete parent[key];
    return { path: label, what: 'deleted' };
  }
  const v = r.pick(BAD_VALUES);
  parent[key] = v;
  return { path: label, what: describe(v) };
}

function describe(v: unknown): string {
  if (typeof v === 'symbol' || typeof v === 'function') return typeof v;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** Kinds a panel asks for, by tag (besides `entry`, which the dashboard asks and panels may ask for markers). */
export const PANEL_KINDS: Record<string, readonly QueryKind[]> = {
  'entry-highlights': ['totals'],
  'playback-views': ['retention', 'entry'],
  'metrics-over-time': ['timeline'],
  'engagement-funnel': ['totals'],
  'user-engagement': ['users'],
  'engagement-heatmap': ['heatmap', 'entry'],
  'class-engagement': ['heatmap', 'entry'],
  'top-countries': ['geo'],
  'devices-overview': ['devices'],
  'top-domains-table': ['domains', 'timeline'],
};
