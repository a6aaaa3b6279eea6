/**
 * Helpers of the metrics-over-time chart: aligning the compare period on the main one, picking each metric's values
 * from a timeline, sorting the details table. Pure and DOM-free.
 */
import type { ScaleLinear } from 'd3-scale';
import type { MetricName, TimelinePoint } from '../data/types.js';
import { partialSegments, solidValues } from './partial.js';
import { indexTicks, linePath, plotBox, seriesMax, xScale, yScale, yTicks, type Frame, type PlotBox, type Tick } from './line-chart.js';

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

/** What {@link timelineLayout} lays out. */
export interface TimelineLayoutInput {
  /** The main range's points. */
  points: readonly TimelinePoint[];
  /** The compare range's points, if comparing (aligned by offset). */
  previous?: readonly TimelinePoint[];
  /** The metric on the first axis. */
  primary: MetricName;
  /** The metric on the second axis, if any. */
  second?: MetricName;
  frame: Frame;
  rtl: boolean;
  /** Minimum room per x tick, px (default 80). */
  xTickSpacing?: number;
  /** Dots on every point up to this many points (default 45). */
  maxDots?: number;
  /**
   * Which points hold only part of their bucket (see `timelineCoverage` in partial.ts). Their segments leave the
   * solid line for {@link TimelineAxis.partialLine} and their points are drawn hollow.
   */
  partial?: readonly boolean[];
}

/** One axis of the chart: its scale, ticks, the values drawn, and their path strings. */
export interface TimelineAxis {
  metric: MetricName;
  /** Value → y pixel. */
  y: ScaleLinear<number, number>;
  ticks: Tick[];
  /** The main range's values (undefined where a point is missing). */
  values: (number | undefined)[];
  /** The y pixel of each point (missing values at 0). */
  ys: number[];
  /** The solid line: whole buckets only (the whole line when no point is partial). */
  line: string;
  /** The dotted segments into and out of partial points ('' when there are none). */
  partialLine: string;
  /** The compare period's line, when comparing. */
  compare?: string;
}

/** Everything the metrics-over-time chart draws that does not depend on hover or focus. */
export interface TimelineLayout {
  box: PlotBox;
  /** Point index → x pixel. */
  x: ScaleLinear<number, number>;
  /** The x pixel of each point. */
  xs: number[];
  /** The labelled points: their index and x pixel. */
  xTicks: { index: number; position: number }[];
  primary: TimelineAxis;
  second?: TimelineAxis;
  /** Whether every point of the primary metric gets a dot (few points). */
  dots: boolean;
  /** Whether each point holds only part of its bucket (all false when the input gave none). */
  partial: boolean[];
}

/**
 * The layout of the metrics-over-time chart: the x scale over the points, one y scale per metric, ticks with their
 * positions (values, not labels) and the line path strings of each metric and of its compare period.
 */
export function timelineLayout(input: TimelineLayoutInput): TimelineLayout {
  const { points, frame, rtl } = input;
  const n = points.length;
  const box = plotBox(frame);
  const x = xScale([0, Math.max(0, n - 1)], frame, rtl);
  const aligned = input.previous ? alignByOffset(points, input.previous) : undefined;
  const partial = points.map((_, i) => input.partial?.[i] === true);
  const anyPartial = partial.includes(true);
  const axis = (metric: MetricName): TimelineAxis => {
    const values = metricValues(points, metric);
    const prev = aligned ? metricValues(aligned, metric) : undefined;
    const y = yScale(seriesMax(values, prev), frame);
    const a: TimelineAxis = {
      metric,
      y,
      ticks: yTicks(y, 5),
      values,
      ys: values.map((v) => y(v ?? 0)),
      line: linePath(anyPartial ? solidValues(values, partial) : values, x, y),
      partialLine: anyPartial ? partialSegments(values, partial, x, y) : '',
    };
    if (prev) a.compare = linePath(prev, x, y);
    return a;
  };
  return {
    box,
    x,
    xs: points.map((_, i) => x(i)),
    xTicks: indexTicks(n, Math.max(2, Math.floor((box.right - box.left) / (input.xTickSpacing ?? 80)))).map((i) => ({
      index: i,
      position: x(i),
    })),
    primary: axis(input.primary),
    second: input.second ? axis(input.second) : undefined,
    dots: n <= (input.maxDots ?? 45),
    partial,
  };
}
