/**
 * Layout helpers of the views-over-duration chart (`<playback-views>`): where each 1 % bucket sits, ticks in media
 * time, counts as a percent of plays, and the figures of the chart's text summary. Pure and DOM-free.
 */
import type { ScaleLinear } from 'd3-scale';
import { BUCKETS, type Marker } from '../data/types.js';
import { areaPath, linePath, plotBox, seriesMax, xScale, yScale, yTicks, type Frame, type PlotBox, type Tick } from './line-chart.js';

/** The x position of bucket `i` on a 0–100 axis: its midpoint. */
export const bucketMid = (i: number): number => i + 0.5;

/** The media time where bucket `i` starts, seconds. */
export function bucketStart(i: number, duration: number): number {
  return (Math.max(0, Math.min(BUCKETS, i)) / BUCKETS) * Math.max(0, duration);
}

/** The bucket that holds media time `time` (seconds); the end of the media belongs to the last bucket. */
export function bucketAt(time: number, duration: number): number {
  if (!(duration > 0)) return 0;
  const i = Math.floor(((time / duration) * BUCKETS) + 1e-9);
  return Math.max(0, Math.min(BUCKETS - 1, i));
}

/** Step sizes for media-time ticks, seconds. */
const TIME_STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600];

/**
 * Ticks in media time for a duration: the smallest round step (1 s, 5 s, 30 s, 1 min, 5 min…) that gives at most
 * `max` intervals, from 0 to the duration. Returns seconds.
 */
export function mediaTimeTicks(duration: number, max = 6): number[] {
  if (!(duration > 0)) return [0];
  const step = TIME_STEPS.find((s) => duration / s <= max) ?? Math.ceil(duration / max / 3600) * 3600;
  const out: number[] = [];
  for (let t = 0; t <= duration + 1e-9; t += step) out.push(t);
  return out;
}

/** Ticks in percent of the duration: 0, 25, 50, 75, 100 on narrow charts, every 10 % on wide ones. */
export function percentTicks(max = 6): number[] {
  const step = max >= 10 ? 10 : max >= 5 ? 20 : 25;
  const out: number[] = [];
  for (let p = 0; p <= 100; p += step) out.push(p);
  return out;
}

/** Counts as a percent of `plays` (0 when there were no plays). */
export function percentOfPlays(values: readonly number[], plays: number): number[] {
  return values.map((v) => (plays > 0 ? (v / plays) * 100 : 0));
}

/** Figures for the chart's summary sentence. */
export interface RetentionSummary {
  /** Bucket with the most views (the first one on a tie), or -1 when there are none. */
  peakIndex: number;
  /** Views at the peak. */
  peakViews: number;
  /** Viewers in the first bucket. */
  viewersAtStart: number;
  /** Viewers in the last bucket. */
  viewersAtEnd: number;
  /** Viewers of the last bucket as a percent of those of the first, or null when nobody watched the start. */
  stayedToEnd: number | null;
}

/** The summary figures of a views/viewers pair of bucket arrays. */
export function retentionSummary(views: readonly number[], viewers: readonly number[]): RetentionSummary {
  let peakIndex = -1;
  let peakViews = 0;
  views.forEach((v, i) => {
    if (v > peakViews) {
      peakViews = v;
      peakIndex = i;
    }
  });
  const viewersAtStart = viewers[0] ?? 0;
  const viewersAtEnd = viewers[viewers.length - 1] ?? 0;
  return {
    peakIndex,
    peakViews,
    viewersAtStart,
    viewersAtEnd,
    stayedToEnd: viewersAtStart > 0 ? (viewersAtEnd / viewersAtStart) * 100 : null,
  };
}

/** One series of the retention chart as drawn (counts or percents), with the compare period's values if any. */
export interface RetentionLayoutSeries<S extends string = string> {
  series: S;
  current: readonly number[];
  previous?: readonly number[];
}

/** What {@link retentionLayout} lays out. */
export interface RetentionLayoutInput<S extends string = string> {
  /** The series shown, in drawing order, with their values per bucket. */
  series: ReadonlyArray<RetentionLayoutSeries<S>>;
  /** The media's duration, seconds. */
  duration: number;
  /** Horizontal ticks in media time (`time`) or in percent of the duration (`percent`). */
  xUnits: 'time' | 'percent';
  /** `area` adds an area path under each series' line. */
  chartStyle: 'area' | 'line';
  /** Chapters (start and end in seconds), in time order, as `chapterSpans()` gives them. */
  spans: ReadonlyArray<{ start: number; end: number }>;
  /** Point markers (not chapters), as `pointMarkers()` gives them. */
  markers: readonly Marker[];
  frame: Frame;
  rtl: boolean;
  /** Minimum room per x tick, px (default 70). */
  xTickSpacing?: number;
}

/** A horizontal tick: its value (percent, or seconds of media time) and its x pixel. */
export interface XTick {
  value: number;
  position: number;
}

/** A chapter's band: x of its start and end (mirrored in right-to-left layouts), and its left edge and width. */
export interface ChapterBand {
  x0: number;
  x1: number;
  left: number;
  width: number;
  /** Whether the chapter starts after 0 (it gets a divider line at x0). */
  divider: boolean;
}

/**
 * The glyph of a point marker centred on (x, y), one shape per kind so the legend can tell them apart: a diamond for a
 * quiz question, a triangle for a call to action, a square for a note.
 */
export function markerPath(kind: Marker['kind'], x: number, y: number): string {
  if (kind === 'cta') return `M${x},${y - 5}L${x + 5},${y + 4}L${x - 5},${y + 4}Z`;
  if (kind === 'note') return `M${x - 4},${y - 4}L${x + 4},${y - 4}L${x + 4},${y + 4}L${x - 4},${y + 4}Z`;
  return `M${x},${y - 5}L${x + 5},${y}L${x},${y + 5}L${x - 5},${y}Z`;
}

/** A point marker's glyph: its centre and SVG path. */
export interface MarkerPoint {
  x: number;
  y: number;
  d: string;
  kind: Marker['kind'];
  label: string;
}

/** The path strings of one series. */
export interface RetentionPaths<S extends string = string> {
  series: S;
  line: string;
  /** The area under the line, in the `area` style. */
  area?: string;
  /** The compare period's line, when there is one. */
  compare?: string;
  /** The y pixel of each bucket's value (for the dots at the focused bucket). */
  y: number[];
}

/** Everything the retention chart draws that does not depend on hover or focus. */
export interface RetentionLayout<S extends string = string> {
  box: PlotBox;
  /** Percent of the duration (0–100) → x pixel. */
  x: ScaleLinear<number, number>;
  /** Value → y pixel. */
  y: ScaleLinear<number, number>;
  yTicks: Tick[];
  xTicks: XTick[];
  chapters: ChapterBand[];
  markers: MarkerPoint[];
  paths: RetentionPaths<S>[];
}

/**
 * The layout of the views-over-duration chart: scales, ticks with their positions (values, not labels), chapter
 * bands, marker diamonds and the path strings of every series. Buckets sit at their midpoints on a 0–100 axis.
 */
export function retentionLayout<S extends string>(input: RetentionLayoutInput<S>): RetentionLayout<S> {
  const { series, duration, frame, rtl } = input;
  const box = plotBox(frame);
  const x = xScale([0, BUCKETS], frame, rtl);
  const y = yScale(seriesMax(...series.flatMap((s) => [s.current, s.previous])), frame);
  const maxXTicks = Math.max(2, Math.floor((box.right - box.left) / (input.xTickSpacing ?? 70)));
  const atPercent = (t: number) => (duration > 0 ? (t / duration) * 100 : 0);
  const xTicks =
    input.xUnits === 'percent'
      ? percentTicks(maxXTicks).map((p) => ({ value: p, position: x(p) }))
      : mediaTimeTicks(duration, maxXTicks).map((t) => ({ value: t, position: x(atPercent(t)) }));
  const chapters = input.spans.map((c) => {
    const x0 = x((c.start / duration) * 100);
    const x1 = x((c.end / duration) * 100);
    return { x0, x1, left: Math.min(x0, x1), width: Math.abs(x1 - x0), divider: c.start > 0 };
  });
  const my = box.top - 10;
  const markers = input.markers.map((m) => {
    const mx = x((m.time / duration) * 100);
    return { x: mx, y: my, d: markerPath(m.kind, mx, my), kind: m.kind, label: m.label };
  });
  const paths = series.map((s) => {
    const p: RetentionPaths<S> = { series: s.series, line: linePath(s.current, x, y, bucketMid), y: s.current.map((v) => y(v)) };
    if (input.chartStyle === 'area') p.area = areaPath(s.current, x, y, bucketMid);
    if (s.previous) p.compare = linePath(s.previous, x, y, bucketMid);
    return p;
  });
  return { box, x, y, yTicks: yTicks(y, 5), xTicks, chapters, markers, paths };
}
