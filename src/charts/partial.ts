/**
 * Partial buckets of a timeline. A month is partial when the range takes only some of its days (a range from
 * 2026-11-04 to 2026-12-03 has 27 days of November and 3 of December); any bucket is still filling when the range ends
 * today (today is not over). Drawn as they are, such buckets read as a fall: "Monthly" over the last 30 days shows
 * three days of December next to a whole November. The chart marks them (hollow point, dotted segment), the tooltip and
 * the details table say how much of the bucket the range holds. Pure and DOM-free.
 */
import type { ScaleLinear } from 'd3-scale';
import type { DateRange, Granularity, IsoDate } from '../data/types.js';
import { addDays, addMonths, rangeLength } from '../data/dates.js';

/** How much of its bucket a timeline point holds. */
export interface BucketCoverage {
  /** Whether the point holds less than its whole bucket: some days outside the range, or today (not over yet). */
  partial: boolean;
  /** Days of the bucket inside the range. */
  days: number;
  /** Days of the bucket (1 for a day, 28–31 for a month). */
  total: number;
  /** Whether the bucket holds today, which is not over: its figures will still grow. */
  ongoing: boolean;
}

/** The first and last day of the bucket starting on (or holding) `date`. */
export function bucketBounds(date: IsoDate, granularity: Granularity): DateRange {
  if (granularity === 'day') return { from: date, to: date };
  const from = `${date.slice(0, 7)}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}

/**
 * The coverage of the bucket of `date` by `range`. `today` (in the query's time zone), when given, marks the bucket
 * holding it as ongoing when the range reaches it.
 */
export function bucketCoverage(date: IsoDate, granularity: Granularity, range: DateRange, today?: IsoDate): BucketCoverage {
  const bucket = bucketBounds(date, granularity);
  const from = bucket.from > range.from ? bucket.from : range.from;
  const to = bucket.to < range.to ? bucket.to : range.to;
  const total = rangeLength(bucket);
  const days = to < from ? 0 : rangeLength({ from, to });
  const ongoing = today !== undefined && from <= today && today <= to;
  return { partial: days < total || ongoing, days, total, ongoing };
}

/** The coverage of every point of a timeline (see {@link bucketCoverage}). */
export function timelineCoverage(
  dates: readonly IsoDate[],
  granularity: Granularity,
  range: DateRange,
  today?: IsoDate,
): BucketCoverage[] {
  return dates.map((d) => bucketCoverage(d, granularity, range, today));
}

/**
 * The segments of a line that touch a partial point, as a path (`M…L…` per segment), drawn dotted over the gap the
 * solid line leaves there (see {@link solidValues}). Segments with a missing value are skipped.
 */
export function partialSegments(
  values: ReadonlyArray<number | undefined>,
  partial: readonly boolean[],
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
): string {
  const r = (v: number) => Math.round(v * 100) / 100;
  let d = '';
  for (let i = 0; i + 1 < values.length; i++) {
    const a = values[i];
    const b = values[i + 1];
    if (!(partial[i] || partial[i + 1]) || a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) continue;
    d += `M${r(x(i))},${r(y(a))}L${r(x(i + 1))},${r(y(b))}`;
  }
  return d;
}

/**
 * The values of the solid line: those of whole buckets only; the segments into and out of partial points are left to
 * {@link partialSegments}, and the partial points themselves are drawn hollow.
 */
export function solidValues(values: ReadonlyArray<number | undefined>, partial: readonly boolean[]): (number | undefined)[] {
  return values.map((v, i) => (partial[i] ? undefined : v));
}
