/**
 * The metric registry: every metric of the contract declared once, with what the rest of the library needs to know
 * about it. Validation (`validate.ts`), trends (`compare.ts`), the panels' formatting and CSV columns, and the Kaltura
 * provider's mapping read it instead of deciding per metric for themselves.
 *
 * Adding a metric: one entry here (its name becomes a field of {@link MetricSet}-shaped results through
 * {@link MetricName}), its computation in each provider (the engine's aggregate, the Kaltura column), and its label and
 * help text in the catalogs. `docs/metrics.md` walks through it.
 * @packageDocumentation
 */
import type { MessageKey } from '../i18n/catalog.js';
import type { Formatters } from '../i18n/format.js';
import type { EntryType } from './types.js';

/**
 * How a value is measured:
 * - `count`: a non-negative integer (impressions, plays, distinct viewers);
 * - `minutes`: a non-negative fractional number of minutes;
 * - `percent`: 0–100 (every rate, ratio and share of the contract is a percent, never a fraction).
 */
export type MetricUnit = 'count' | 'minutes' | 'percent';

/**
 * Where a metric appears in results:
 * - `set`: in every metric set (totals, each timeline point, each breakdown row and breakdown totals);
 * - `breakdown`: only in breakdown rows (device, place, domain, page), because it relates a row to the whole;
 * - `user`: only in rows of the users table.
 */
export type MetricScope = 'set' | 'breakdown' | 'user';

/** What the library knows about one metric. */
export interface MetricDef {
  /** Where it appears; see {@link MetricScope}. */
  readonly scope: MetricScope;
  readonly unit: MetricUnit;
  /**
   * Whether the metric of a whole is the sum of the metric of disjoint parts (days of a range, devices, countries).
   * Counts of events add up; distinct counts (a viewer seen on two days is one viewer) and rates do not: their total
   * must be asked of the provider, never summed (see {@link sumOf}).
   */
  readonly additive: boolean;
  /** Fraction digits shown on screen and kept in CSV exports ("rounded as shown"). */
  readonly digits: number;
  /** Smallest and largest valid value, inclusive, and whether it must be an integer. `max` absent: unbounded. */
  readonly bounds: { readonly min: number; readonly max?: number; readonly integer: boolean };
  /**
   * For a rate: the count it divides by, when that count is the row's own (`plays` for completion and drop-off,
   * `impressions` for the play/impression ratio). A row where that count is 0 has no such rate: it shows "—", not 0 %.
   */
  readonly per?: 'plays' | 'impressions';
  /** The catalog key of its label (`metric.plays` → "Plays"). */
  readonly label: MessageKey;
  /** The catalog key of a sentence saying what it measures, shown on hover and focus. */
  readonly help?: MessageKey;
  /**
   * Its column in Kaltura's report API (`report.getTable` / `getTotal`), used to read it and to order tables by it.
   * Percent columns arrive there as fractions (0–1) and are scaled to percents when read.
   */
  readonly kaltura: string;
  /** One line for documentation and TSDoc readers. */
  readonly description: string;
  /**
   * The entry types it means something for. Metrics of playback (minutes viewed, completion, drop-off) do not apply
   * to an image, which is shown, not played: panels and CSV exports of an image entry leave them out (see
   * {@link metricsFor}) rather than show a column of zeros.
   */
  readonly appliesTo: readonly EntryType[];
}

/** Every entry type. */
const ANY_ENTRY: readonly EntryType[] = ['video', 'audio', 'image'];
/** Entries that play (they have a duration). */
const PLAYABLE: readonly EntryType[] = ['video', 'audio'];

/**
 * Every metric, in display order. The `set` metrics, in this order, are the metric tabs, the highlight order and
 * the fields of {@link MetricSet}.
 */
export const METRIC_REGISTRY = {
  impressions: {
    scope: 'set',
    unit: 'count',
    additive: true,
    digits: 0,
    bounds: { min: 0, integer: true },
    label: 'metric.impressions',
    help: 'metric.help.impressions',
    kaltura: 'count_loads',
    description: 'Player impressions: impression events (the player loaded with this entry).',
    appliesTo: ANY_ENTRY,
  },
  plays: {
    scope: 'set',
    unit: 'count',
    additive: true,
    digits: 0,
    bounds: { min: 0, integer: true },
    label: 'metric.plays',
    help: 'metric.help.plays',
    kaltura: 'count_plays',
    description: 'Play events. A resume after a pause is not a play.',
    appliesTo: ANY_ENTRY,
  },
  uniqueViewers: {
    scope: 'set',
    unit: 'count',
    additive: false,
    digits: 0,
    bounds: { min: 0, integer: true },
    label: 'metric.uniqueViewers',
    help: 'metric.help.uniqueViewers',
    kaltura: 'unique_known_users',
    description: 'Distinct users among plays; all anonymous viewers together count as one. Exact, not estimated.',
    appliesTo: ANY_ENTRY,
  },
  minutesViewed: {
    scope: 'set',
    unit: 'minutes',
    additive: true,
    digits: 1,
    bounds: { min: 0, integer: false },
    label: 'metric.minutesViewed',
    help: 'metric.help.minutesViewed',
    kaltura: 'sum_time_viewed',
    description: 'Minutes of media played (re-watches count again), summed over view events.',
    appliesTo: PLAYABLE,
  },
  avgCompletionRate: {
    scope: 'set',
    unit: 'percent',
    additive: false,
    digits: 1,
    bounds: { min: 0, max: 100, integer: false },
    per: 'plays',
    label: 'metric.avgCompletionRate',
    help: 'metric.help.avgCompletionRate',
    kaltura: 'avg_completion_rate',
    description: "Sum over sessions of the share of the duration's 1 % buckets watched, divided by plays, capped at 100.",
    appliesTo: PLAYABLE,
  },
  avgDropOffRate: {
    scope: 'set',
    unit: 'percent',
    additive: false,
    digits: 1,
    // No upper bound: a session can play on one day and reach a quartile on the next, so a day's quartile events can
    // outnumber its plays.
    bounds: { min: 0, integer: false },
    per: 'plays',
    label: 'metric.avgDropOffRate',
    help: 'metric.help.avgDropOffRate',
    kaltura: 'avg_view_drop_off',
    description: 'Mean of the counts of sessions reaching 25, 50, 75 and 100 %, divided by plays.',
    appliesTo: PLAYABLE,
  },
  distribution: {
    scope: 'breakdown',
    unit: 'percent',
    additive: false,
    digits: 1,
    bounds: { min: 0, max: 100, integer: false },
    label: 'metric.distribution',
    help: 'metric.help.distribution',
    kaltura: 'count_plays',
    description: "A row's plays as a percent of all plays in the query's range and filters.",
    appliesTo: ANY_ENTRY,
  },
  playImpressionRatio: {
    scope: 'breakdown',
    unit: 'percent',
    additive: false,
    digits: 1,
    // No upper bound: plays without a preceding impression (an impression before the range) can exceed impressions.
    bounds: { min: 0, integer: false },
    per: 'impressions',
    label: 'metric.playImpressionRatio',
    help: 'metric.help.playImpressionRatio',
    kaltura: 'load_play_ratio',
    description: 'Plays / impressions, percent.',
    appliesTo: ANY_ENTRY,
  },
  totalCompletionRate: {
    scope: 'user',
    unit: 'percent',
    additive: false,
    digits: 1,
    bounds: { min: 0, max: 100, integer: false },
    label: 'users.totalCompletionRate',
    help: 'users.help.totalCompletionRate',
    kaltura: 'total_completion_rate',
    description: "Share of the duration's buckets a user ever watched, over all the user's sessions, percent.",
    appliesTo: PLAYABLE,
  },
} as const satisfies Record<string, MetricDef>;

/** Every metric of the registry. */
export type MetricKey = keyof typeof METRIC_REGISTRY;

type KeysOfScope<S extends MetricScope> = {
  [K in MetricKey]: (typeof METRIC_REGISTRY)[K]['scope'] extends S ? K : never;
}[MetricKey];

/** The metrics of every metric set (totals, timeline points, breakdown rows): the `set` entries of the registry. */
export type MetricName = KeysOfScope<'set'>;
/** The metrics of a breakdown row: every {@link MetricName} plus the `breakdown` entries. */
export type BreakdownMetricName = MetricName | KeysOfScope<'breakdown'>;

/** The metrics of the given scopes, in registry order. */
export const metricKeys = (...scopes: MetricScope[]): MetricKey[] =>
  (Object.keys(METRIC_REGISTRY) as MetricKey[]).filter((k) => scopes.includes(METRIC_REGISTRY[k].scope));
const keysOf = (scopes: readonly MetricScope[]) => metricKeys(...scopes);

/** Every {@link MetricName}, in display order. */
export const METRICS = keysOf(['set']) as readonly MetricName[];

/**
 * Every metric of a breakdown row, in column order: plays, its share of all plays, impressions and the
 * play/impression ratio first (how a row ranks and converts), then the rest in registry order. Breakdown CSV exports
 * take their metric columns from here, so a new metric appears in them without further change.
 */
export const BREAKDOWN_METRICS: readonly BreakdownMetricName[] = (() => {
  const lead: BreakdownMetricName[] = ['plays', 'distribution', 'impressions', 'playImpressionRatio'];
  return [...lead, ...(keysOf(['set', 'breakdown']) as BreakdownMetricName[]).filter((k) => !lead.includes(k))];
})();

/**
 * Whether `key` means something for an entry of `type` (see {@link MetricDef.appliesTo}); an unknown type (the
 * entry's details not loaded yet, or an element used alone) keeps every metric.
 */
export function appliesTo(key: MetricKey, type: EntryType | '' | undefined): boolean {
  return !type || (METRIC_REGISTRY[key].appliesTo as readonly string[]).includes(type);
}

/** The metrics of `keys` that mean something for an entry of `type`, in the given order (see {@link appliesTo}). */
export function metricsFor<K extends MetricKey>(keys: readonly K[], type: EntryType | '' | undefined): K[] {
  return keys.filter((k) => appliesTo(k, type));
}

/** The registry entry of `key`. */
export function metricDef(key: MetricKey): MetricDef {
  return METRIC_REGISTRY[key];
}

/** Whether `key` is a rate (a percent): its trend is a difference in points and its total is never a sum. */
export function isRate(key: MetricKey): boolean {
  return METRIC_REGISTRY[key].unit === 'percent';
}

/** Whether the metric of a whole is the sum of its disjoint parts (see {@link MetricDef.additive}). */
export function isAdditive(key: MetricKey): boolean {
  return METRIC_REGISTRY[key].additive;
}

/** The metrics that do not add up. */
export const NON_ADDITIVE_METRICS: ReadonlySet<MetricKey> = new Set(
  (Object.keys(METRIC_REGISTRY) as MetricKey[]).filter((k) => !METRIC_REGISTRY[k].additive),
);

/**
 * The sum of an additive metric over disjoint parts. Throws for a metric that does not add up (distinct counts,
 * rates), whose total must come from the provider: summing daily unique viewers counts a viewer seen on two days twice.
 */
export function sumOf<T>(key: MetricKey, parts: readonly T[], value: (part: T) => number): number {
  if (!isAdditive(key)) throw new Error(`${key} does not add up: ask the provider for its total`);
  let s = 0;
  for (const p of parts) s += value(p);
  return s;
}

/**
 * `value` of `key` formatted as the panels show it: counts as integers, minutes with one decimal under 100, percents
 * with the registry's digits. `compact` (for axes) shortens counts to `12K` and percents to whole numbers.
 */
export function formatMetric(fmt: Formatters, key: MetricKey, value: number, options: { compact?: boolean } = {}): string {
  const def = metricDef(key);
  switch (def.unit) {
    case 'percent':
      return fmt.percent(value, options.compact ? 0 : def.digits);
    case 'minutes':
      return options.compact ? fmt.compact(value) : fmt.minutes(value);
    case 'count':
      return options.compact ? fmt.compact(value) : fmt.count(value);
  }
}

/**
 * Whether `key` has a value in `row`: false for a rate whose own denominator is 0 in the row (completion of a day
 * without plays, the play/impression ratio of a row without impressions). Such a value is shown as "—" with the
 * reason ({@link noValueReason}), never as 0 %.
 */
export function hasValue(key: MetricKey, row: Partial<Record<MetricKey, number>>): boolean {
  const per = metricDef(key).per;
  return per === undefined || (row[per] ?? 0) > 0;
}

/** The catalog key saying why `key` has no value in a row (see {@link hasValue}). */
export function noValueReason(key: MetricKey): MessageKey {
  return metricDef(key).per === 'impressions' ? 'rate.noImpressions' : 'rate.noPlays';
}

/**
 * `part` as a percent of `whole` (a drilled row's plays as a share of its parent's: a region of its country, a page of
 * its domain), or undefined when the whole is 0. Both come from the provider: the parent's figure is the breakdown's
 * `totals`, never a sum of the rows.
 */
export function shareOf(part: number, whole: number): number | undefined {
  return whole > 0 ? (part / whole) * 100 : undefined;
}

/** `value` rounded to the digits the panels show (for CSV cells: a spreadsheet gets what the screen says). */
export function roundMetric(key: MetricKey, value: number): number {
  const f = 10 ** METRIC_REGISTRY[key].digits;
  return Math.round(value * f) / f;
}

/** `row[key]` for a CSV cell: rounded as shown, or empty when the row has no such value (see {@link hasValue}). */
export function csvMetric(key: MetricKey, row: Partial<Record<MetricKey, number>>): number | '' {
  return hasValue(key, row) ? roundMetric(key, row[key] ?? 0) : '';
}

/** `value` clamped to the metric's bounds (for providers that derive a metric from rounded or estimated inputs). */
export function clampMetric(key: MetricKey, value: number): number {
  const { min, max } = metricDef(key).bounds;
  return Math.min(max ?? Infinity, Math.max(min, value));
}

/** Why `value` is not a valid `key` (for validators), or undefined when it is. */
export function metricProblem(key: MetricKey, value: unknown): string | undefined {
  const { min, max, integer } = metricDef(key).bounds;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    (max === undefined || value <= max) &&
    (!integer || Number.isInteger(value));
  if (ok) return undefined;
  const shown = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value);
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'number' || typeof value === 'string' ? shown : typeof value;
  const wanted = integer
    ? min === 0 && max === undefined
      ? 'a non-negative integer'
      : `an integer from ${min} to ${max ?? '∞'}`
    : max !== undefined
      ? `a number from ${min} to ${max}`
      : min === 0
        ? 'a non-negative number'
        : `a number ≥ ${min}`;
  return `expected ${wanted}, got ${got}`;
}
