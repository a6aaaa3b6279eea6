/**
 * Runtime validation of provider results. Elements call {@link validateResult} (through {@link runQuery}) on every
 * answer, so malformed data becomes a clear error state instead of a crash or a wrong chart.
 */
import { abortReason } from './abort.js';
import {
  BUCKETS,
  DEVICES,
  FILTER_FIELDS,
  type DataProvider,
  type Query,
  type QueryKind,
  type ResultByKind,
  type ResultOf,
} from './types.js';
import { METRICS, metricKeys, metricProblem, type BreakdownMetricName, type MetricKey } from './metrics.js';

/** A provider answered with data that does not fit the contract. `path` says where (`rows[3].plays`). */
export class MalformedResultError extends Error {
  override name = 'MalformedResultError';
  constructor(
    readonly kind: QueryKind,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`Malformed "${kind}" result at ${path || '(root)'}: ${problem}`);
  }
}

/**
 * A check returns the value, normalised (a copy: `-0` becomes `0`, objects and arrays are fresh), or throws
 * {@link Fail} naming the rule the value breaks. `query` is the question asked, for answers bounded by it.
 */
type Check = (value: unknown, path: string, query?: Query) => unknown;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A check fails with a problem text; the first failure wins. */
class Fail extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(problem);
  }
}
const fail = (path: string, problem: string): never => {
  throw new Fail(path, problem);
};

/** Documented maximums of lists that have no page in their query (DESIGN: answers are bounded). */
export const LIMITS = {
  /** Links of an entry's details header. */
  links: 100,
  /** Markers (chapters, quizzes…) on an entry's timeline. */
  markers: 1_000,
  /** Rows of one geo level (every country, or the regions or cities of one). */
  geoRows: 10_000,
  /** Users of a heatmap asked without `userIds` and without `limit`. */
  heatmapUsers: 10_000,
  /** Timeline points: one per day or month of the range; a range this long is refused anyway. */
  timelinePoints: 40_000,
  /**
   * Rows of one page of a paged table (users, domains, URLs, places): a panel's `page-size` is clamped to it, so a
   * page asked for and rendered is never longer. (A CSV export asks for every row; it renders none of them.)
   */
  pageSize: 100,
} as const;

const finite = (v: unknown, p: string, what: string): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fail(p, `expected ${what}, got ${describe(v)}`);
/** Normalises -0 to 0 (it would show as "-0"). */
const unsign = (n: number) => (n === 0 ? 0 : n);

const count: Check = (v, p) => {
  const n = finite(v, p, 'a non-negative integer');
  if (!Number.isInteger(n) || n < 0) fail(p, `expected a non-negative integer, got ${describe(v)}`);
  if (n > Number.MAX_SAFE_INTEGER) fail(p, `expected a count up to 2^53−1, got ${describe(v)}`);
  return unsign(n);
};
const nonNeg: Check = (v, p) => {
  const n = finite(v, p, 'a non-negative number');
  return n < 0 ? fail(p, `expected a non-negative number, got ${describe(v)}`) : unsign(n);
};
const between =
  (lo: number, hi: number, what: string): Check =>
  (v, p) => {
    const n = finite(v, p, `${what} (${lo} to ${hi})`);
    return n < lo || n > hi ? fail(p, `expected ${what} within ${lo} to ${hi}, got ${describe(v)}`) : unsign(n);
  };
const str: Check = (v, p) => (typeof v === 'string' ? v : fail(p, `expected a string, got ${describe(v)}`));
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar date (2026-02-30 and 2026-13-45 are not). */
const date: Check = (v, p) => {
  const m = typeof v === 'string' ? DATE.exec(v) : null;
  if (!m) return fail(p, `expected a date YYYY-MM-DD, got ${describe(v)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = mo >= 1 && mo <= 12 ? new Date(Date.UTC(2000, mo, 0)).getUTCDate() : 0;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const max = mo === 2 ? (leap ? 29 : 28) : days;
  return d >= 1 && d <= max ? v : fail(p, `expected a real calendar date, got ${describe(v)}`);
};
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
/** An ISO 8601 instant (`2026-02-01T10:00:00Z`, with an offset, or a date alone), and a real one. */
const instant: Check = (v, p) => {
  const m = typeof v === 'string' ? INSTANT.exec(v) : null;
  if (!m) return fail(p, `expected an ISO 8601 instant, got ${describe(v)}`);
  date(`${m[1]}-${m[2]}-${m[3]}`, p);
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59))
    fail(p, `expected a real time of day, got ${describe(v)}`);
  return v;
};
const oneOf =
  (values: readonly string[]): Check =>
  (v, p) =>
    typeof v === 'string' && values.includes(v) ? v : fail(p, `expected one of ${values.join(', ')}, got ${describe(v)}`);
const optional =
  (check: Check): Check =>
  (v, p, q) =>
    v === undefined || v === null ? undefined : check(v, p, q);
/**
 * An array of `item`s, dense (a hole would be skipped by `forEach` and crash a render), with exactly `length` items
 * or at most `max(query)` of them.
 */
const arrayOf =
  (item: Check, size: { length?: number; max?: (q: Query | undefined) => number | undefined; why?: string } = {}): Check =>
  (v, p, q) => {
    if (!Array.isArray(v)) return fail(p, `expected an array, got ${describe(v)}`);
    if (size.length !== undefined && v.length !== size.length) fail(p, `expected ${size.length} items, got ${v.length}`);
    const max = size.max?.(q);
    if (max !== undefined && v.length > max) fail(p, `expected at most ${max} items (${size.why}), got ${v.length}`);
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) fail(`${p}[${i}]`, 'expected a dense array, found a hole');
      out[i] = item(v[i], `${p}[${i}]`, q);
    }
    return out;
  };
const shape =
  (fields: Record<string, Check>): Check =>
  (v, p, q) => {
    if (!isObj(v)) return fail(p, `expected an object, got ${describe(v)}`);
    const out: Record<string, unknown> = { ...v };
    for (const [k, check] of Object.entries(fields)) {
      const value = check(v[k], p ? `${p}.${k}` : k, q);
      if (value === undefined) delete out[k];
      else out[k] = value;
    }
    return out;
  };

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  return typeof v;
}

/** A metric's check: its bounds and integrality come from the metric registry (src/data/metrics.ts); -0 reads as 0. */
const metric =
  (key: MetricKey): Check =>
  (v, p) => {
    const problem = metricProblem(key, v);
    return problem ? fail(p, problem) : unsign(v as number);
  };
const metricsOf = <K extends MetricKey>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, metric(k)])) as Record<K, Check>;

const metricFields = metricsOf(METRICS);
const playThrough = shape({ 25: count, 50: count, 75: count, 100: count });
const metricSet = shape(metricFields);
const breakdownFields = metricsOf(metricKeys('set', 'breakdown') as BreakdownMetricName[]);
const buckets = arrayOf(nonNeg, { length: BUCKETS });
/** Rows of a paged query: never more than the page asked for. */
const pageRows = (row: Check) =>
  arrayOf(row, {
    max: (q) => (q && 'page' in q && q.page ? Math.max(0, Math.floor(q.page.limit)) : undefined),
    why: 'the page limit asked for',
  });
const fixed = (max: number, why: string) => ({ max: () => max, why });

const checks: { [K in QueryKind]: Check } = {
  entry: shape({
    id: str,
    name: str,
    type: oneOf(['video', 'audio', 'image']),
    duration: nonNeg,
    owner: shape({ id: str, name: str }),
    created: instant,
    thumbnail: optional(str),
    links: optional(arrayOf(shape({ label: str, href: str }), fixed(LIMITS.links, 'the most links shown'))),
    markers: optional(
      arrayOf(
        shape({ time: nonNeg, label: str, kind: oneOf(['chapter', 'quiz', 'cta', 'note']) }),
        fixed(LIMITS.markers, 'the most markers shown'),
      ),
    ),
  }),
  totals: shape({ ...metricFields, playThrough }),
  timeline: shape({
    granularity: oneOf(['day', 'month']),
    points: arrayOf(shape({ date, ...metricFields, playThrough }), fixed(LIMITS.timelinePoints, 'the most timeline points')),
  }),
  retention: shape({ duration: nonNeg, plays: count, views: buckets, viewers: buckets, uniqueUsers: buckets }),
  users: shape({
    rows: pageRows(
      shape({
        userId: str,
        name: str,
        ...metricsOf(['impressions', 'plays', 'avgCompletionRate', 'totalCompletionRate'] as const),
      }),
    ),
    total: count,
  }),
  heatmap: shape({
    duration: nonNeg,
    users: arrayOf(shape({ userId: str, name: str, counts: buckets }), {
      max: (q) =>
        q?.kind === 'heatmap'
          ? q.userIds
            ? q.userIds.length
            : Math.min(LIMITS.heatmapUsers, q.limit ?? LIMITS.heatmapUsers)
          : LIMITS.heatmapUsers,
      why: 'the users asked for',
    }),
  }),
  geo: shape({
    level: oneOf(['country', 'region', 'city']),
    rows: arrayOf(
      shape({
        code: optional(str),
        name: str,
        lat: optional(between(-90, 90, 'a latitude')),
        lon: optional(between(-180, 180, 'a longitude')),
        ...breakdownFields,
      }),
      fixed(LIMITS.geoRows, 'the most places of one level'),
    ),
    totals: metricSet,
  }),
  devices: shape({
    rows: arrayOf(shape({ device: oneOf(DEVICES), ...breakdownFields }), fixed(DEVICES.length, 'one row per device class')),
    totals: metricSet,
  }),
  domains: shape({ rows: pageRows(shape({ domain: str, ...breakdownFields })), total: count, totals: metricSet }),
  urls: shape({ rows: pageRows(shape({ url: str, ...breakdownFields })), total: count, totals: metricSet }),
  filterValues: shape({
    field: oneOf(FILTER_FIELDS),
    values: arrayOf(shape({ value: str, label: str, plays: count }), {
      max: (q) => (q?.kind === 'filterValues' ? Math.max(0, Math.floor(q.limit)) : undefined),
      why: 'the limit asked for',
    }),
    total: count,
  }),
};

/**
 * Checks that `value` is a well-formed result of `kind` and returns a normalised copy (`-0` read as `0`); throws
 * {@link MalformedResultError} naming the first field that does not fit and the rule it breaks. With `query`, the
 * answer must also fit the question: no more rows than its page or its users asked for.
 */
export function validateResult<K extends QueryKind>(kind: K, value: unknown, query?: Query): ResultByKind[K] {
  const check = checks[kind];
  if (!check) throw new MalformedResultError(kind, '', `unknown query kind`);
  try {
    return check(value, '', query) as ResultByKind[K];
  } catch (e) {
    if (e instanceof Fail) throw new MalformedResultError(kind, e.path, e.problem);
    // A getter that throws, a revoked Proxy…: the answer cannot be read, which is malformed too.
    throw new MalformedResultError(kind, '', 'the answer could not be read');
  }
}

/**
 * Asks `provider` for `query` and validates the answer. Rejects with the provider's own error, with an `AbortError`
 * when `signal` aborts first (even if the provider ignores the signal), or with a {@link MalformedResultError}.
 */
export async function runQuery<Q extends Query>(
  provider: DataProvider,
  query: Q,
  signal: AbortSignal,
): Promise<ResultOf<Q>> {
  signal.throwIfAborted();
  const answer = await new Promise<unknown>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    let pending: Promise<unknown>;
    try {
      pending = Promise.resolve(provider(query, { signal }));
    } catch (e) {
      pending = Promise.reject(e);
    }
    pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
  return validateResult(query.kind, answer, query) as ResultOf<Q>;
}
