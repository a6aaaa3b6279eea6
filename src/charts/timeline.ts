/**
 * Helpers of the metrics-over-time chart: aligning the compare period on the main one, picking each metric's values
 * from a timeline, sorting the details table. Pure and DOM-free.
 */
import type { MetricName, TimelinePoint } from '../data/types.js';

/**
 * The compare period's points aligned by offset from the start of each range: item i is the compare range's i-th
 * bucket, under the main range's i-th. The result has the main timeline's length; missing buckets are undefined.
 */
export function alignByOffset<T>(main: readonly unknown[], compare: readonly T[] | undefined): (T | undefined)[] {
  return main.map((_, i) => compare?.[i]);
}

/** One metric's value in each point (undefined where the point is missing). */
export function metricValues(points: ReadonlyArray<TimelinePoint | undefined>, metric: MetricName): (number | undefined)[] {
  return points.map((p) => (p ? p[metric] : undefined));
}

/** A sort of the details table: by date or by a metric. */
export interface TableSort {
  field: 'date' | MetricName;
  direction: 'asc' | 'desc';
}

/** The indexes of `points` in the order of `sort` (stable: ties keep date order). */
export function sortedIndexes(points: readonly TimelinePoint[], sort: TableSort): number[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const idx = points.map((_, i) => i);
  const key = (p: TimelinePoint) => (sort.field === 'date' ? p.date : p[sort.field]);
  return idx.sort((a, b) => {
    const ka = key(points[a]!);
    const kb = key(points[b]!);
    if (ka < kb) return -sign;
    if (ka > kb) return sign;
    return a - b;
  });
}

/** Whether a timeline has nothing to show: no points, or every metric zero in every point. */
export function timelineIsEmpty(points: readonly TimelinePoint[]): boolean {
  return points.every((p) => p.impressions === 0 && p.plays === 0 && p.minutesViewed === 0);
}

/** The index of the point where `metric` is highest (the first of equals), or -1 when it is never above 0. */
export function peakIndex(points: readonly TimelinePoint[], metric: MetricName): number {
  let best = -1;
  points.forEach((p, i) => {
    if (p[metric] > 0 && (best < 0 || p[metric] > points[best]![metric])) best = i;
  });
  return best;
}
