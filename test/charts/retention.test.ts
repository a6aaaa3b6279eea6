import { expect } from '@open-wc/testing';
import {
  bucketAt,
  bucketMid,
  bucketStart,
  markerPath,
  mediaTimeTicks,
  percentOfPlays,
  percentTicks,
  retentionLayout,
  retentionSummary,
} from '../../src/charts/retention.js';

describe('retention layout', () => {
  it('places buckets and maps times to buckets', () => {
    expect(bucketMid(0)).to.equal(0.5);
    expect(bucketStart(0, 842)).to.equal(0);
    expect(bucketStart(50, 842)).to.equal(421);
    expect(bucketStart(10, 200)).to.equal(20);
    expect(bucketAt(0, 842)).to.equal(0);
    expect(bucketAt(78, 842)).to.equal(9); // 9.26 %
    expect(bucketAt(20, 200)).to.equal(10); // exactly on the edge: the bucket it starts
    expect(bucketAt(842, 842)).to.equal(99);
    expect(bucketAt(5000, 842)).to.equal(99);
    expect(bucketAt(-3, 842)).to.equal(0);
    expect(bucketAt(10, 0)).to.equal(0);
  });

  it('picks round media-time ticks', () => {
    expect(mediaTimeTicks(842, 6)).to.deep.equal([0, 300, 600]);
    expect(mediaTimeTicks(842, 10)).to.deep.equal([0, 120, 240, 360, 480, 600, 720, 840]);
    expect(mediaTimeTicks(60, 6)).to.deep.equal([0, 10, 20, 30, 40, 50, 60]);
    expect(mediaTimeTicks(0)).to.deep.equal([0]);
    expect(mediaTimeTicks(100000, 4)).to.deep.equal([0, 25200, 50400, 75600]); // whole hours
  });

  it('picks percent ticks for the width', () => {
    expect(percentTicks(10)).to.deep.equal([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(percentTicks(6)).to.deep.equal([0, 20, 40, 60, 80, 100]);
    expect(percentTicks(3)).to.deep.equal([0, 25, 50, 75, 100]);
  });

  it('turns counts into percents of plays', () => {
    expect(percentOfPlays([0, 50, 200], 200)).to.deep.equal([0, 25, 100]);
    expect(percentOfPlays([3, 4], 0)).to.deep.equal([0, 0]);
  });

  it('summarises the peak and how many stayed to the end', () => {
    const views = [10, 30, 30, 5];
    const viewers = [20, 15, 12, 5];
    expect(retentionSummary(views, viewers)).to.deep.equal({
      peakIndex: 1,
      peakViews: 30,
      viewersAtStart: 20,
      viewersAtEnd: 5,
      stayedToEnd: 25,
    });
    expect(retentionSummary([0, 0], [0, 0])).to.deep.equal({
      peakIndex: -1,
      peakViews: 0,
      viewersAtStart: 0,
      viewersAtEnd: 0,
      stayedToEnd: null,
    });
  });
});

describe('retentionLayout', () => {
  // Plot box 10–290 × 10–150: 2.8 px per percent of the duration.
  const frame = { width: 300, height: 160, margin: { top: 10, right: 10, bottom: 10, left: 10 } };
  const r2 = (n: number) => Math.round(n * 100) / 100;
  const base = {
    series: [{ series: 'views', current: [10, 20], previous: [20, 0] }],
    duration: 200,
    xUnits: 'time' as const,
    chartStyle: 'area' as const,
    spans: [
      { start: 0, end: 50 },
      { start: 50, end: 200 },
    ],
    markers: [{ time: 100, kind: 'quiz' as const, label: 'Q' }],
    frame,
    rtl: false,
  };

  it('builds the line, area and compare paths with buckets at their midpoints', () => {
    const l = retentionLayout(base);
    expect(l.box).to.deep.equal({ left: 10, right: 290, top: 10, bottom: 150 });
    expect(l.paths).to.deep.equal([
      { series: 'views', line: 'M11.4,80L14.2,10', area: 'M11.4,80L14.2,10L14.2,150L11.4,150Z', compare: 'M11.4,10L14.2,150', y: [80, 10] },
    ]);
    expect(l.yTicks).to.deep.equal([
      { value: 0, position: 150 },
      { value: 5, position: 115 },
      { value: 10, position: 80 },
      { value: 15, position: 45 },
      { value: 20, position: 10 },
    ]);
  });

  it('leaves out the area in the line style and the compare path without a compare period', () => {
    const l = retentionLayout({ ...base, chartStyle: 'line', series: [{ series: 'viewers', current: [10, 20] }] });
    expect(l.paths).to.deep.equal([{ series: 'viewers', line: 'M11.4,80L14.2,10', y: [80, 10] }]);
  });

  it('places x ticks in media time or in percent (values, not labels)', () => {
    // 280 px → at most 4 intervals: every 60 s of 200 s, or every 25 %.
    const time = retentionLayout(base).xTicks.map((t) => [t.value, r2(t.position)]);
    expect(time).to.deep.equal([
      [0, 10],
      [60, 94],
      [120, 178],
      [180, 262],
    ]);
    const pct = retentionLayout({ ...base, xUnits: 'percent' }).xTicks.map((t) => [t.value, r2(t.position)]);
    expect(pct).to.deep.equal([
      [0, 10],
      [25, 80],
      [50, 150],
      [75, 220],
      [100, 290],
    ]);
    expect(retentionLayout({ ...base, duration: 0, spans: [], markers: [] }).xTicks.map((t) => [t.value, t.position])).to.deep.equal([[0, 10]]);
  });

  it('lays out chapter bands and marker diamonds, mirrored right to left', () => {
    const l = retentionLayout(base);
    expect(l.chapters.map((c) => [c.x0, c.x1, c.left, c.width, c.divider].map((v) => (typeof v === 'number' ? r2(v) : v)))).to.deep.equal([
      [10, 80, 10, 70, false],
      [80, 290, 80, 210, true],
    ]);
    expect(l.markers).to.deep.equal([{ x: 150, y: 0, d: 'M150,-5L155,0L150,5L145,0Z', kind: 'quiz', label: 'Q' }]);
    // One glyph per kind: a diamond for a quiz, a triangle for a call to action, a square for a note.
    expect(markerPath('cta', 10, 10)).to.equal('M10,5L15,14L5,14Z');
    expect(markerPath('note', 10, 10)).to.equal('M6,6L14,6L14,14L6,14Z');
    expect(new Set((['quiz', 'cta', 'note'] as const).map((k) => markerPath(k, 0, 0))).size).to.equal(3);
    const rtl = retentionLayout({ ...base, rtl: true });
    expect(rtl.chapters.map((c) => [c.x0, c.x1, c.left, c.width].map(r2))).to.deep.equal([
      [290, 220, 220, 70],
      [220, 10, 10, 210],
    ]);
    expect(rtl.paths[0]!.line).to.equal('M288.6,80L285.8,10');
  });
});
