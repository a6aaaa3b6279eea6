/**
 * Layout of the per-user engagement heatmap (`<engagement-heatmap>`): tiers of a count, a one-pixel-per-cell raster
 * of many users' rows (drawn to a canvas, scaled), hit-testing a pointer to a cell, the rows in view of a scrolled
 * viewport, the watched spans of a row by tier (the text alternative) and media-time ticks. Pure and DOM-free.
 */
import { scaleLinear } from 'd3';
import { BUCKETS } from '../data/types.js';

/** 0 not viewed, 1 viewed once, 2 viewed twice, 3 viewed more than twice. */
export type Tier = 0 | 1 | 2 | 3;

/** Every tier, in order. */
export const TIERS: readonly Tier[] = [0, 1, 2, 3];

/** The tier of a bucket's view count. */
export function tierOf(count: number): Tier {
  return count >= 3 ? 3 : count >= 2 ? 2 : count >= 1 ? 1 : 0;
}

/** A colour as red, green, blue, alpha, each 0–255. */
export type Rgba = readonly [number, number, number, number];

/** Packs a colour into a 32-bit pixel for a little-endian `Uint32Array` view of RGBA bytes. */
export function packRgba([r, g, b, a]: Rgba, littleEndian = true): number {
  return littleEndian ? ((a << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
}

/** Whether this machine stores multi-byte integers little-endian (every browser in practice). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The RGBA bytes of a raster `BUCKETS` pixels wide and `rows.length` high, one pixel per cell, coloured by tier.
 * Drawn with `putImageData` and scaled with `drawImage`, it paints 10,000 users in a few milliseconds. `out` is
 * reused when large enough.
 */
export function rasterize(
  rows: ReadonlyArray<ArrayLike<number>>,
  colors: readonly [Rgba, Rgba, Rgba, Rgba],
  out?: Uint8ClampedArray,
): Uint8ClampedArray {
  const size = rows.length * BUCKETS * 4;
  const bytes = out && out.length === size ? out : new Uint8ClampedArray(size);
  const px = new Uint32Array(bytes.buffer, bytes.byteOffset, size / 4);
  const c0 = packRgba(colors[0], LITTLE_ENDIAN);
  const c1 = packRgba(colors[1], LITTLE_ENDIAN);
  const c2 = packRgba(colors[2], LITTLE_ENDIAN);
  const c3 = packRgba(colors[3], LITTLE_ENDIAN);
  let k = 0;
  for (let r = 0; r < rows.length; r++) {
    const counts = rows[r]!;
    for (let i = 0; i < BUCKETS; i++) {
      const n = counts[i] ?? 0;
      px[k++] = n >= 3 ? c3 : n === 2 ? c2 : n >= 1 ? c1 : c0;
    }
  }
  return bytes;
}

/** Geometry of the heatmap's bars. */
export interface HeatmapGeometry {
  /** Width of the bars' area, px. */
  width: number;
  /** Height of one row including its gap, px. */
  rowHeight: number;
  /** Number of rows. */
  rows: number;
  /** Right to left: bucket 0 at the right edge. */
  rtl?: boolean;
}

/** The x extent `[x0, x1)` of bucket `i` (mirrored in RTL). */
export function bucketX(i: number, g: Pick<HeatmapGeometry, 'width' | 'rtl'>): [number, number] {
  const x = scaleLinear().domain([0, BUCKETS]).range(g.rtl ? [g.width, 0] : [0, g.width]);
  const a = x(i);
  const b = x(i + 1);
  return a <= b ? [a, b] : [b, a];
}

/** The bucket under x (mirrored in RTL), or -1 outside the bars. */
export function bucketAtX(x: number, g: Pick<HeatmapGeometry, 'width' | 'rtl'>): number {
  if (!(g.width > 0) || x < 0 || x >= g.width) return -1;
  const pos = g.rtl ? g.width - x : x;
  return Math.min(BUCKETS - 1, Math.max(0, Math.floor((pos / g.width) * BUCKETS)));
}

/** The cell under a point of the bars' area (y counted from the first row's top), or undefined. */
export function cellAt(x: number, y: number, g: HeatmapGeometry): { row: number; bucket: number } | undefined {
  const bucket = bucketAtX(x, g);
  if (bucket < 0 || y < 0 || !(g.rowHeight > 0)) return undefined;
  const row = Math.floor(y / g.rowHeight);
  return row < g.rows ? { row, bucket } : undefined;
}

/** The rows `[start, end)` to draw for a viewport scrolled by `scrollTop`, with `overscan` extra rows each side. */
export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 2,
): { start: number; end: number } {
  if (!(rowHeight > 0) || total <= 0) return { start: 0, end: 0 };
  const start = Math.max(0, Math.floor(Math.max(0, scrollTop) / rowHeight) - overscan);
  const end = Math.min(total, Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight) + overscan);
  return { start, end: Math.max(start, end) };
}

/** A run of buckets `[from, to)` of one tier. */
export interface TierSpan {
  from: number;
  to: number;
  tier: Tier;
}

/** The row's runs of equal tier, in order (the text alternative lists those with tier > 0). */
export function tierSpans(counts: ArrayLike<number>): TierSpan[] {
  const out: TierSpan[] = [];
  for (let i = 0; i < BUCKETS; i++) {
    const tier = tierOf(counts[i] ?? 0);
    const last = out[out.length - 1];
    if (last && last.tier === tier) last.to = i + 1;
    else out.push({ from: i, to: i + 1, tier });
  }
  return out;
}

/** The media time (s) where bucket `i` starts; `i = BUCKETS` gives the duration. */
export function bucketTime(i: number, duration: number): number {
  return (Math.max(0, Math.min(BUCKETS, i)) / BUCKETS) * Math.max(0, duration);
}

const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800];

/** Round media-time ticks (s) from 0 to the duration, at most `max` intervals. */
export function timeTicks(duration: number, max = 6): number[] {
  if (!(duration > 0) || max < 1) return [0];
  const step = TIME_STEPS.find((s) => duration / s <= max) ?? Math.ceil(duration / max / 3600) * 3600;
  const out: number[] = [];
  for (let t = 0; t <= duration + 1e-9; t += step) out.push(t);
  return out;
}

/** The x (px) of media time `t` on bars `width` wide (mirrored in RTL). */
export function timeX(t: number, duration: number, g: Pick<HeatmapGeometry, 'width' | 'rtl'>): number {
  const x = scaleLinear()
    .domain([0, Math.max(duration, 1e-9)])
    .range(g.rtl ? [g.width, 0] : [0, g.width])
    .clamp(true);
  return x(t);
}

/** Moves a focus cell by a key; returns the new cell (clamped) or undefined when the key is not a move. */
export function moveCell(
  cell: { row: number; bucket: number },
  key: string,
  rows: number,
  options: { rtl?: boolean; pageRows?: number } = {},
): { row: number; bucket: number } | undefined {
  const page = Math.max(1, options.pageRows ?? 10);
  const dx = options.rtl ? -1 : 1;
  let { row, bucket } = cell;
  switch (key) {
    case 'ArrowRight':
      bucket += dx;
      break;
    case 'ArrowLeft':
      bucket -= dx;
      break;
    case 'ArrowDown':
      row += 1;
      break;
    case 'ArrowUp':
      row -= 1;
      break;
    case 'PageDown':
      row += page;
      break;
    case 'PageUp':
      row -= page;
      break;
    case 'Home':
      bucket = 0;
      break;
    case 'End':
      bucket = BUCKETS - 1;
      break;
    default:
      return undefined;
  }
  return {
    row: Math.max(0, Math.min(Math.max(0, rows - 1), row)),
    bucket: Math.max(0, Math.min(BUCKETS - 1, bucket)),
  };
}
