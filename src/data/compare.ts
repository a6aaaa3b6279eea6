/**
 * Trend of a metric against the compare period. Counts (plays, minutes…) change relatively: +12 % means 12 % more
 * than in the compare period. Rates (completion, drop-off, shares: every metric whose registry unit is `percent`) are
 * already percents, so their change is the difference in percentage points: 40 % → 46 % is "+6 pts", not "+15 %",
 * which would read as a rate of 55 %.
 */
import type { BreakdownMetrics, DateRange, IsoDate } from './types.js';
import { rangeLength } from './dates.js';
import { BREAKDOWN_METRICS, isRate, type MetricKey } from './metrics.js';
import type { CsvName } from './csv.js';

/** The metrics of a breakdown row (device, place, domain, page) that had nothing in the compare period. */
export const ZERO_BREAKDOWN: Readonly<BreakdownMetrics> = Object.freeze(
  Object.fromEntries(BREAKDOWN_METRICS.map((k) => [k, 0])) as unknown as BreakdownMetrics,
);

/** How a metric moved against the compare period. */
export type Trend =
  | { kind: 'relative'; change: number } // percent change, e.g. 12.5 for +12.5 %
  | { kind: 'points'; change: number } // difference in percentage points
  | { kind: 'new' } // nothing in the compare period, something now
  | { kind: 'none' }; // nothing in either period

/** The trend of `metric` from `previous` to `current`. */
export function trend(metric: MetricKey, current: number, previous: number): Trend {
  if (isRate(metric)) return { kind: 'points', change: current - previous };
  if (previous === 0) return current === 0 ? { kind: 'none' } : { kind: 'new' };
  return { kind: 'relative', change: ((current - previous) / previous) * 100 };
}

/** A trend for CSV: the change as a number (percent, or points for rates), `new`, or empty when there is none. */
export function changeCsv(t: Trend): number | string {
  return t.kind === 'relative' || t.kind === 'points' ? t.change : t.kind === 'new' ? 'new' : '';
}

/**
 * The CSV columns a breakdown adds when comparing: the compare period's plays (field `plays <from>..<to>`) and the
 * change (field `playsChange`), titled with `labels` in the page's language (the field names when absent).
 */
export function playsCompareCsvColumns(range: DateRange, labels?: { plays: string; change: string }): CsvName[] {
  const plays = `plays ${range.from}..${range.to}`;
  return [
    { field: plays, label: labels?.plays ?? plays },
    { field: 'playsChange', label: labels?.change ?? 'playsChange' },
  ];
}

/** A row's cells under {@link playsCompareCsvColumns}: its plays in the compare period and the change to `now`. */
export function playsCompareCsvCells(now: number, before: number): (number | string)[] {
  return [before, changeCsv(trend('plays', now, before))];
}

/**
 * How a compare range relates to the day the entry was created (in the query's time zone):
 * - `full`: the entry existed on every day of it (or its creation is unknown);
 * - `partial`: it starts before the creation day: only `days` of its `total` days could have data;
 * - `before`: it ends before the creation day: there is nothing to compare with.
 * A trend against a compare period the entry did not wholly exist in would be claimed from days it did not exist.
 */
export type CompareCoverage =
  | { kind: 'full' }
  | { kind: 'partial'; created: IsoDate; days: number; total: number }
  | { kind: 'before'; created: IsoDate };

/** The {@link CompareCoverage} of `compare` for an entry created on `createdDay` (`YYYY-MM-DD`, or undefined). */
export function compareCoverage(compare: DateRange, createdDay: IsoDate | undefined): CompareCoverage {
  if (!createdDay || createdDay <= compare.from) return { kind: 'full' };
  if (createdDay > compare.to) return { kind: 'before', created: createdDay };
  return { kind: 'partial', created: createdDay, days: rangeLength({ from: createdDay, to: compare.to }), total: rangeLength(compare) };
}
