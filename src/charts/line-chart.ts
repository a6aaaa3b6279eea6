/**
 * Layout of a line or area chart over evenly spaced points (buckets of a media's duration, days, months): the frame,
 * the scales, the path strings, ticks, hit-testing and keyboard stepping. Pure and DOM-free; d3 does the maths and
 * Lit renders the strings.
 */
import { area, line, scaleLinear } from 'd3';
import type { ScaleLinear } from 'd3-scale';

/** Space around the plot, in pixels. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The chart's box: the whole size and the margins that hold the axes. */
export interface Frame {
  width: number;
  height: number;
  margin: Margins;
}

/** The plot area inside a frame. */
export interface PlotBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The plot area of `frame` (never inverted, even for a frame smaller than its margins). */
export function plotBox(frame: Frame): PlotBox {
  const left = frame.margin.left;
  const top = frame.margin.top;
  return {
    left,
    top,
    right: Math.max(left + 1, frame.width - frame.margin.right),
    bottom: Math.max(top + 1, frame.height - frame.margin.bottom),
  };
}

/** Swaps the left and right margins, for right-to-left layouts (the y axis moves to the right). */
export function mirrorMargins(margin: Margins, rtl: boolean): Margins {
  return rtl ? { ...margin, left: margin.right, right: margin.left } : margin;
}

/**
 * The horizontal scale from a domain (`[0, count − 1]` for points, `[0, 100]` for percents of a duration…) to the
 * plot's x pixels; reversed for right-to-left layouts.
 */
export function xScale(domain: [number, number], frame: Frame, rtl = false): ScaleLinear<number, number> {
  const box = plotBox(frame);
  const d: [number, number] = domain[0] === domain[1] ? [domain[0], domain[0] + 1] : domain;
  return scaleLinear()
    .domain(d)
    .range(rtl ? [box.right, box.left] : [box.left, box.right]);
}

/** The vertical scale from 0 to a nice value ≥ `max` (1 when everything is 0), to the plot's y pixels. */
export function yScale(max: number, frame: Frame, tickCount = 5): ScaleLinear<number, number> {
  const box = plotBox(frame);
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  return scaleLinear().domain([0, top]).range([box.bottom, box.top]).nice(tickCount);
}

/** The largest finite value of several series (0 when none). */
export function seriesMax(...series: ReadonlyArray<ReadonlyArray<number | undefined> | undefined>): number {
  let m = 0;
  for (const s of series) if (s) for (const v of s) if (v !== undefined && Number.isFinite(v) && v > m) m = v;
  return m;
}

/** A tick: its value and its pixel position. */
export interface Tick {
  value: number;
  position: number;
}

/** About `count` nice ticks of a y scale, with their pixel positions. */
export function yTicks(y: ScaleLinear<number, number>, count = 5): Tick[] {
  return y.ticks(count).map((value) => ({ value, position: y(value) }));
}

/** Where point `i` of `values` sits on the x domain: by default at `i`. */
export type XOf = (i: number) => number;

const identity: XOf = (i) => i;

/**
 * The SVG path of a line through `values` (point i at `x(xOf(i))`). Undefined values break the line. Returns '' when
 * there is nothing to draw.
 */
export function linePath(
  values: ReadonlyArray<number | undefined>,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  xOf: XOf = identity,
): string {
  const gen = line<number | undefined>()
    .defined((v) => v !== undefined && Number.isFinite(v))
    .x((_, i) => round(x(xOf(i))))
    .y((v) => round(y(v!)));
  return gen(values as (number | undefined)[]) ?? '';
}

/** The SVG path of the area between `values` and 0. */
export function areaPath(
  values: ReadonlyArray<number | undefined>,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  xOf: XOf = identity,
): string {
  const gen = area<number | undefined>()
    .defined((v) => v !== undefined && Number.isFinite(v))
    .x((_, i) => round(x(xOf(i))))
    .y0(round(y(0)))
    .y1((v) => round(y(v!)));
  return gen(values as (number | undefined)[]) ?? '';
}

/** Pixel values rounded to 0.01 px: shorter paths, stable snapshots. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The point nearest to pixel `px` among `count` points placed at `x(xOf(i))`, for hover and touch. Points are evenly
 * spaced, so this inverts the scale instead of searching. Returns -1 when there are no points.
 */
export function nearestIndex(px: number, x: ScaleLinear<number, number>, count: number, xOf: XOf = identity): number {
  if (count <= 0) return -1;
  // Evenly spaced points: xOf is affine, so invert it through its first two points.
  const a = xOf(0);
  const step = count > 1 ? xOf(1) - a : 1;
  const i = Math.round((x.invert(px) - a) / (step || 1));
  return Math.max(0, Math.min(count - 1, i));
}

/**
 * The index a key press moves to among `count` points: arrows move one point (mirrored in right-to-left layouts,
 * where the first point is on the right), Page Up/Down move `page` points, Home/End go to the ends. Returns
 * undefined for keys that do not move.
 */
export function keyStep(key: string, index: number, count: number, rtl = false, page = 10): number | undefined {
  if (count <= 0) return undefined;
  const from = index < 0 ? 0 : index;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowRight':
      return index < 0 ? 0 : clamp(from + (rtl ? -1 : 1));
    case 'ArrowLeft':
      return index < 0 ? 0 : clamp(from + (rtl ? 1 : -1));
    case 'ArrowUp':
      return index < 0 ? 0 : clamp(from + 1);
    case 'ArrowDown':
      return index < 0 ? 0 : clamp(from - 1);
    case 'PageUp':
      return clamp(from + page);
    case 'PageDown':
      return clamp(from - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/** At most about `max` evenly spaced indexes among `count` points, always including the first. */
export function indexTicks(count: number, max: number): number[] {
  if (count <= 0) return [];
  const step = Math.max(1, Math.ceil(count / Math.max(1, max)));
  const out: number[] = [];
  for (let i = 0; i < count; i += step) out.push(i);
  return out;
}

/**
 * Where a tooltip goes beside a focus line at pixel `x` of a chart `width` wide: on the side with more room, `gap`
 * pixels away. `before` means it ends at `left` (it sits to the left of the line).
 */
export function tooltipBeside(x: number, width: number, gap = 12): { left: number; before: boolean } {
  return x < width / 2 ? { left: x + gap, before: false } : { left: x - gap, before: true };
}
