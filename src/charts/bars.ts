/**
 * Layout of a horizontal bar list (a breakdown such as plays by device): each bar's length as a fraction of the
 * longest (or of a fixed maximum, e.g. 100 for percents) and, for counts, its share of a total. Pure and DOM-free.
 */
import { scaleLinear } from 'd3';

/** One bar. */
export interface BarItem<T> {
  item: T;
  value: number;
  /** Length, 0–1, of the track. */
  fraction: number;
  /** Percent (0–100) of `total`; undefined when no total was given. */
  share?: number;
}

/** Options of {@link barLayout}. */
export interface BarOptions {
  /** The value of a full bar; default the largest value (a full bar for the leader). Use 100 for percents. */
  max?: number;
  /** What shares are percents of; omit for rates, whose shares mean nothing. */
  total?: number;
  /** Sort by value, largest first (stable). Default true. */
  sort?: boolean;
}

/** Bars for `items`. Negative or non-finite values count as 0; a total of 0 gives shares of 0. */
export function barLayout<T>(items: readonly T[], value: (item: T) => number, options: BarOptions = {}): BarItem<T>[] {
  const values = items.map((item) => {
    const v = value(item);
    return Number.isFinite(v) && v > 0 ? v : 0;
  });
  const max = options.max ?? Math.max(0, ...values);
  const scale = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([0, 1])
    .clamp(true);
  const total = options.total;
  const bars = items.map((item, i) => ({
    item,
    value: values[i]!,
    fraction: scale(values[i]!),
    share: total === undefined ? undefined : total > 0 ? (values[i]! / total) * 100 : 0,
  }));
  if (options.sort === false) return bars;
  return bars.map((b, i) => ({ b, i })).sort((a, z) => z.b.value - a.b.value || a.i - z.i).map((x) => x.b);
}
