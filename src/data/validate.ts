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

type Check = (value: unknown, path: string) => string | undefined;

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
const run = (check: Check, value: unknown, path: string) => {
  const problem = check(value, path);
  if (problem) throw new Fail(path, problem);
};

const num: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : `expected a finite number, got ${describe(v)}`);
const count: Check = (v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? undefined : `expected a non-negative integer, got ${describe(v)}`;
const nonNeg: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? undefined : `expected a non-negative number, got ${describe(v)}`;
const str: Check = (v) => (typeof v === 'string' ? undefined : `expected a string, got ${describe(v)}`);
const date: Check = (v) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : `expected a date YYYY-MM-DD, got ${describe(v)}`;
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? undefined : `expected one of ${values.join(', ')}, got ${describe(v)}`;
const optional =
  (check: Check): Check =>
  (v, p) =>
    v === undefined || v === null ? undefined : check(v, p);
const arrayOf =
  (item: Check, length?: number): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return `expected an array, got ${describe(v)}`;
    if (length !== undefined && v.length !== length) return `expected ${length} items, got ${v.length}`;
    v.forEach((x, i) => run(item, x, `${p}[${i}]`));
    return undefined;
  };
const shape =
  (fields: Record<string, Check>): Check =>
  (v, p) => {
    if (!isObj(v)) return `expected an object, got ${describe(v)}`;
    for (const [k, check] of Object.entries(fields)) run(check, v[k], p ? `${p}.${k}` : k);
    return undefined;
  };

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number') return String(v);
  return typeof v;
}

/** A metric's check: its bounds and integrality come from the metric registry. */
const metric =
  (key: MetricKey): Check =>
  (v) =>
    metricProblem(key, v);
const metricsOf = <K extends MetricKey>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, metric(k)])) as Record<K, Check>;

const metricFields = metricsOf(METRICS);
const playThrough = shape({ 25: count, 50: count, 75: count, 100: count });
const metricSet = shape(metricFields);
const breakdownFields = metricsOf(metricKeys('set', 'breakdown') as BreakdownMetricName[]);
const buckets = arrayOf(nonNeg, BUCKETS);

const checks: { [K in QueryKind]: Check } = {
  entry: shape({
    id: str,
    name: str,
    type: oneOf(['video', 'audio', 'image']),
    duration: nonNeg,
    owner: shape({ id: str, name: str }),
    created: str,
    thumbnail: optional(str),
    links: optional(arrayOf(shape({ label: str, href: str }))),
    markers: optional(arrayOf(shape({ time: nonNeg, label: str, kind: oneOf(['chapter', 'quiz', 'cta', 'note']) }))),
  }),
  totals: shape({ ...metricFields, playThrough }),
  timeline: shape({
    granularity: oneOf(['day', 'month']),
    points: arrayOf(shape({ date, ...metricFields, playThrough })),
  }),
  retention: shape({ duration: nonNeg, plays: count, views: buckets, viewers: buckets, uniqueUsers: buckets }),
  users: shape({
    rows: arrayOf(
      shape({
        userId: str,
        name: str,
        ...metricsOf(['impressions', 'plays', 'avgCompletionRate', 'totalCompletionRate'] as const),
      }),
    ),
    total: count,
  }),
  heatmap: shape({ duration: nonNeg, users: arrayOf(shape({ userId: str, name: str, counts: buckets })) }),
  geo: shape({
    level: oneOf(['country', 'region', 'city']),
    rows: arrayOf(shape({ code: optional(str), name: str, lat: optional(num), lon: optional(num), ...breakdownFields })),
    totals: metricSet,
  }),
  devices: shape({ rows: arrayOf(shape({ device: oneOf(DEVICES), ...breakdownFields })), totals: metricSet }),
  domains: shape({ rows: arrayOf(shape({ domain: str, ...breakdownFields })), total: count, totals: metricSet }),
  urls: shape({ rows: arrayOf(shape({ url: str, ...breakdownFields })), total: count, totals: metricSet }),
  filterValues: shape({
    field: oneOf(FILTER_FIELDS),
    values: arrayOf(shape({ value: str, label: str, plays: count })),
    total: count,
  }),
};

/**
 * Checks that `value` is a well-formed result of `kind` and returns it typed; throws {@link MalformedResultError}
 * naming the first field that does not fit.
 */
export function validateResult<K extends QueryKind>(kind: K, value: unknown): ResultByKind[K] {
  const check = checks[kind];
  if (!check) throw new MalformedResultError(kind, '', `unknown query kind`);
  try {
    run(check, value, '');
  } catch (e) {
    if (e instanceof Fail) throw new MalformedResultError(kind, e.path, e.problem);
    throw e;
  }
  return value as ResultByKind[K];
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
  return validateResult(query.kind, answer) as ResultOf<Q>;
}
