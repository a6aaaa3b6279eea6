import { expect } from '@open-wc/testing';
import {
  bucketAtX,
  bucketTime,
  bucketX,
  cellAt,
  moveCell,
  packRgba,
  rasterize,
  tierOf,
  tierSpans,
  timeTicks,
  timeX,
  visibleRows,
  type Rgba,
} from '../../src/charts/heatmap.js';

const row = (pairs: Record<number, number>) => {
  const a = new Array<number>(100).fill(0);
  for (const [k, v] of Object.entries(pairs)) a[Number(k)] = v;
  return a;
};
const COLORS: [Rgba, Rgba, Rgba, Rgba] = [
  [10, 20, 30, 255],
  [40, 50, 60, 255],
  [70, 80, 90, 255],
  [100, 110, 120, 255],
];

describe('charts/heatmap', () => {
  it('maps counts to the four tiers', () => {
    expect([0, 1, 2, 3, 4, 17].map(tierOf)).to.deep.equal([0, 1, 2, 3, 3, 3]);
  });

  it('packs a colour as RGBA bytes of a little-endian pixel', () => {
    expect(packRgba([1, 2, 3, 4])).to.equal(0x04030201);
    expect(packRgba([1, 2, 3, 4], false)).to.equal(0x01020304);
  });

  it('rasterizes one pixel per cell, coloured by tier', () => {
    const bytes = rasterize([row({ 0: 1, 1: 2, 2: 5 }), row({ 99: 1 })], COLORS);
    expect(bytes.length).to.equal(2 * 100 * 4);
    expect([...bytes.slice(0, 4)]).to.deep.equal([40, 50, 60, 255]); // row 0 bucket 0: once
    expect([...bytes.slice(4, 8)]).to.deep.equal([70, 80, 90, 255]); // twice
    expect([...bytes.slice(8, 12)]).to.deep.equal([100, 110, 120, 255]); // 5 times
    expect([...bytes.slice(12, 16)]).to.deep.equal([10, 20, 30, 255]); // not viewed
    const last = (100 + 99) * 4;
    expect([...bytes.slice(last, last + 4)]).to.deep.equal([40, 50, 60, 255]);
    expect([...bytes.slice(last - 4, last)]).to.deep.equal([10, 20, 30, 255]);
  });

  it('reuses the output buffer when it fits', () => {
    const out = new Uint8ClampedArray(400);
    expect(rasterize([row({})], COLORS, out)).to.equal(out);
    expect(rasterize([row({}), row({})], COLORS, out)).to.not.equal(out);
  });

  it('places buckets left to right, or mirrored in RTL', () => {
    expect(bucketX(0, { width: 200 })).to.deep.equal([0, 2]);
    expect(bucketX(99, { width: 200 })).to.deep.equal([198, 200]);
    expect(bucketX(0, { width: 200, rtl: true })).to.deep.equal([198, 200]);
    expect(bucketAtX(0, { width: 200 })).to.equal(0);
    expect(bucketAtX(199.9, { width: 200 })).to.equal(99);
    expect(bucketAtX(199.9, { width: 200, rtl: true })).to.equal(0);
    expect(bucketAtX(0.5, { width: 200, rtl: true })).to.equal(99);
    expect(bucketAtX(-1, { width: 200 })).to.equal(-1);
    expect(bucketAtX(200, { width: 200 })).to.equal(-1);
  });

  it('hit-tests a point to a row and a bucket', () => {
    const g = { width: 400, rowHeight: 20, rows: 3 };
    expect(cellAt(10, 5, g)).to.deep.equal({ row: 0, bucket: 2 });
    expect(cellAt(399, 59, g)).to.deep.equal({ row: 2, bucket: 99 });
    expect(cellAt(10, 60, g)).to.equal(undefined);
    expect(cellAt(10, -1, g)).to.equal(undefined);
  });

  it('finds the rows in view with overscan', () => {
    expect(visibleRows(0, 100, 20, 10_000, 2)).to.deep.equal({ start: 0, end: 7 });
    expect(visibleRows(1000, 100, 20, 10_000, 2)).to.deep.equal({ start: 48, end: 57 });
    expect(visibleRows(199_990, 100, 20, 10_000, 2)).to.deep.equal({ start: 9997, end: 10_000 });
    expect(visibleRows(0, 100, 20, 0)).to.deep.equal({ start: 0, end: 0 });
  });

  it('merges a row into runs of equal tier', () => {
    const spans = tierSpans(row({ 2: 1, 3: 1, 4: 2, 5: 3, 6: 9 }));
    expect(spans).to.deep.equal([
      { from: 0, to: 2, tier: 0 },
      { from: 2, to: 4, tier: 1 },
      { from: 4, to: 5, tier: 2 },
      { from: 5, to: 7, tier: 3 },
      { from: 7, to: 100, tier: 0 },
    ]);
  });

  it('gives bucket times and round media-time ticks', () => {
    expect(bucketTime(0, 840)).to.equal(0);
    expect(bucketTime(50, 840)).to.equal(420);
    expect(bucketTime(100, 840)).to.equal(840);
    expect(timeTicks(840, 6)).to.deep.equal([0, 300, 600]);
    expect(timeTicks(840, 15)).to.deep.equal([0, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 660, 720, 780, 840]);
    expect(timeTicks(0)).to.deep.equal([0]);
    expect(timeX(420, 840, { width: 300 })).to.equal(150);
    expect(timeX(0, 840, { width: 300, rtl: true })).to.equal(300);
  });

  it('moves a focus cell with arrow keys, clamped, mirrored in RTL', () => {
    const c = { row: 1, bucket: 5 };
    expect(moveCell(c, 'ArrowRight', 3)).to.deep.equal({ row: 1, bucket: 6 });
    expect(moveCell(c, 'ArrowRight', 3, { rtl: true })).to.deep.equal({ row: 1, bucket: 4 });
    expect(moveCell(c, 'ArrowDown', 3)).to.deep.equal({ row: 2, bucket: 5 });
    expect(moveCell({ row: 2, bucket: 5 }, 'ArrowDown', 3)).to.deep.equal({ row: 2, bucket: 5 });
    expect(moveCell(c, 'ArrowUp', 3)).to.deep.equal({ row: 0, bucket: 5 });
    expect(moveCell(c, 'End', 3)).to.deep.equal({ row: 1, bucket: 99 });
    expect(moveCell(c, 'Home', 3)).to.deep.equal({ row: 1, bucket: 0 });
    expect(moveCell(c, 'PageDown', 100, { pageRows: 20 })).to.deep.equal({ row: 21, bucket: 5 });
    expect(moveCell(c, 'a', 3)).to.equal(undefined);
  });
});
