/**
 * Canvas drawing of the heatmap: the users × buckets matrix is rasterized once (one pixel per cell, in tiles of at
 * most {@link TILE_ROWS} rows) and each frame scales the rows in view onto the visible canvas with `drawImage`.
 * Kept apart from the element so the benchmark can time it.
 */
import { BUCKETS } from '../../data/types.js';
import { rasterize, type Rgba } from '../../charts/heatmap.js';

/** Rows per raster tile (well under every browser's canvas size limit). */
export const TILE_ROWS = 4096;

/** The rasterized matrix. */
export interface HeatmapRaster {
  rows: number;
  tiles: HTMLCanvasElement[];
}

/** Rasterizes the matrix into tiles of one pixel per cell. */
export function buildRaster(
  rows: ReadonlyArray<ArrayLike<number>>,
  colors: readonly [Rgba, Rgba, Rgba, Rgba],
): HeatmapRaster {
  const tiles: HTMLCanvasElement[] = [];
  for (let start = 0; start < rows.length; start += TILE_ROWS) {
    const part = rows.slice(start, start + TILE_ROWS);
    const tile = document.createElement('canvas');
    tile.width = BUCKETS;
    tile.height = part.length;
    const ctx = tile.getContext('2d')!;
    ctx.putImageData(new ImageData(rasterize(part, colors) as Uint8ClampedArray<ArrayBuffer>, BUCKETS, part.length), 0, 0);
    tiles.push(tile);
  }
  return { rows: rows.length, tiles };
}

/** What a frame draws. */
export interface FrameSpec {
  /** Bars width and visible height, CSS px. */
  width: number;
  height: number;
  /** Device pixels per CSS px. */
  dpr: number;
  /** Row pitch and the gap under each row, CSS px. */
  rowHeight: number;
  gap: number;
  /** Rows `[start, end)` to draw, and the scroll offset of the viewport, CSS px. */
  start: number;
  end: number;
  scrollTop: number;
  rtl: boolean;
  /** Vertical lines (chapter starts), as x in CSS px from the start edge (before mirroring), and their colour (no lines without one). */
  lines?: number[];
  lineColor?: string;
}

/** Sizes the canvas for the frame (device-pixel aware) and draws the rows in view. */
export function drawFrame(canvas: HTMLCanvasElement, raster: HeatmapRaster, f: FrameSpec): void {
  const w = Math.max(1, Math.round(f.width * f.dpr));
  const h = Math.max(1, Math.round(f.height * f.dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${f.width}px`;
  canvas.style.height = `${f.height}px`;
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  if (f.rtl) ctx.setTransform(-f.dpr, 0, 0, f.dpr, w, 0);
  else ctx.setTransform(f.dpr, 0, 0, f.dpr, 0, 0);
  ctx.imageSmoothingEnabled = false;
  const barH = Math.max(1, f.rowHeight - f.gap);
  const end = Math.min(f.end, raster.rows);
  if (f.gap === 0) {
    // Contiguous rows: one scaled copy per tile.
    let row = f.start;
    while (row < end) {
      const t = Math.floor(row / TILE_ROWS);
      const stop = Math.min(end, (t + 1) * TILE_ROWS);
      ctx.drawImage(raster.tiles[t]!, 0, row - t * TILE_ROWS, BUCKETS, stop - row, 0, row * f.rowHeight - f.scrollTop, f.width, (stop - row) * f.rowHeight);
      row = stop;
    }
  } else {
    for (let row = f.start; row < end; row++) {
      const t = Math.floor(row / TILE_ROWS);
      ctx.drawImage(raster.tiles[t]!, 0, row - t * TILE_ROWS, BUCKETS, 1, 0, row * f.rowHeight - f.scrollTop, f.width, barH);
    }
  }
  if (f.lines?.length && f.lineColor) {
    ctx.fillStyle = f.lineColor;
    ctx.globalAlpha = 0.55;
    for (const x of f.lines) ctx.fillRect(Math.round(x), 0, 1, f.height);
    ctx.globalAlpha = 1;
  }
}

let probe: CanvasRenderingContext2D | undefined;

/** Any CSS colour as RGBA bytes (through a 1 × 1 canvas); transparent when it cannot be parsed. */
export function cssColor(color: string): Rgba {
  if (!probe) {
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    probe = c.getContext('2d', { willReadFrequently: true })!;
  }
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = 'transparent';
  probe.fillStyle = color.trim() || 'transparent';
  probe.fillRect(0, 0, 1, 1);
  const d = probe.getImageData(0, 0, 1, 1).data;
  return [d[0]!, d[1]!, d[2]!, d[3]!];
}
