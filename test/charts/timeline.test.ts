import { expect } from '@open-wc/testing';
import { alignByOffset, metricValues, peakIndex, sortedIndexes, timelineIsEmpty, timelineLayout } from '../../src/charts/timeline.js';
import type { TimelinePoint } from '../../src/data/types.js';

const point = (date: string, plays: number, rate = 0): TimelinePoint => ({
  date,
  impressions: plays * 2,
  plays,
  uniqueViewers: plays,
  minutesViewed: plays * 1.5,
  avgCompletionRate: rate,
  avgDropOffRate: 0,
  playThrough: { 25: 0, 50: 0, 75: 0, 100: 0 },
});

describe('timeline helpers', () => {
  it('aligns the compare period by offset from the start of each range', () => {
    const main = [point('2026-02-01', 1), point('2026-02-02', 2), point('2026-02-03', 3)];
    const compare = [point('2026-01-29', 7), point('2026-01-30', 8)];
    const aligned = alignByOffset(main, compare);
    expect(aligned.map((p) => p?.date)).to.deep.equal(['2026-01-29', '2026-01-30', undefined]);
    expect(alignByOffset(main, undefined)).to.deep.equal([undefined, undefined, undefined]);
    expect(alignByOffset([1], [point('2026-01-01', 1), point('2026-01-02', 2)])).to.have.length(1);
  });

  it('picks a metric from each point', () => {
    expect(metricValues([point('2026-01-01', 4), undefined], 'impressions')).to.deep.equal([8, undefined]);
  });

  it('sorts the details table by a field, ties in date order', () => {
    const pts = [point('2026-01-01', 5, 10), point('2026-01-02', 9, 30), point('2026-01-03', 5, 20)];
    expect(sortedIndexes(pts, { field: 'plays', direction: 'desc' })).to.deep.equal([1, 0, 2]);
    expect(sortedIndexes(pts, { field: 'plays', direction: 'asc' })).to.deep.equal([0, 2, 1]);
    expect(sortedIndexes(pts, { field: 'avgCompletionRate', direction: 'asc' })).to.deep.equal([0, 2, 1]);
    expect(sortedIndexes(pts, { field: 'date', direction: 'desc' })).to.deep.equal([2, 1, 0]);
  });

  it('knows an empty timeline', () => {
    expect(timelineIsEmpty([])).to.equal(true);
    expect(timelineIsEmpty([point('2026-01-01', 0)])).to.equal(true);
    expect(timelineIsEmpty([point('2026-01-01', 0), point('2026-01-02', 1)])).to.equal(false);
  });

  it('finds the peak of a metric: the first of equals, -1 when never above 0', () => {
    const pts = [point('2026-02-01', 3), point('2026-02-02', 9), point('2026-02-03', 9), point('2026-02-04', 1)];
    expect(peakIndex(pts, 'plays')).to.equal(1);
    expect(peakIndex(pts, 'avgCompletionRate')).to.equal(-1);
    expect(peakIndex([], 'plays')).to.equal(-1);
  });
});

describe('timelineLayout', () => {
  // Plot box 10–290 × 10–150.
  const frame = { width: 300, height: 160, margin: { top: 10, right: 10, bottom: 10, left: 10 } };
  const points = [point('2026-02-01', 0), point('2026-02-02', 10), point('2026-02-03', 20)];

  it('places the points, ticks and the primary line', () => {
    const l = timelineLayout({ points, primary: 'plays', frame, rtl: false });
    expect(l.xs).to.deep.equal([10, 150, 290]);
    expect(l.xTicks).to.deep.equal([
      { index: 0, position: 10 },
      { index: 1, position: 150 },
      { index: 2, position: 290 },
    ]);
    expect(l.primary.metric).to.equal('plays');
    expect(l.primary.line).to.equal('M10,150L150,80L290,10');
    expect(l.primary.ys).to.deep.equal([150, 80, 10]);
    expect(l.primary.compare).to.equal(undefined);
    expect(l.primary.ticks.map((t) => t.value)).to.deep.equal([0, 5, 10, 15, 20]);
    expect(l.second).to.equal(undefined);
    expect(l.dots).to.equal(true);
  });

  it('gives the second metric its own scale and aligns the compare period by offset', () => {
    const previous = [point('2026-01-01', 5), point('2026-01-02', 10)];
    const l = timelineLayout({ points, previous, primary: 'plays', second: 'impressions', frame, rtl: true });
    expect(l.xs).to.deep.equal([290, 150, 10]);
    expect(l.primary.compare).to.equal('M290,115L150,80'); // the third point has no compare bucket
    expect(l.second!.metric).to.equal('impressions');
    expect(l.second!.line).to.equal('M290,150L150,80L10,10'); // 0, 20, 40 on a 0–40 scale
    expect(l.second!.compare).to.equal('M290,115L150,80');
    expect(l.second!.ticks.at(-1)).to.deep.equal({ value: 40, position: 10 });
  });

  it('drops the per-point dots on long timelines', () => {
    const many = Array.from({ length: 46 }, (_, i) => point(`2026-01-${String((i % 28) + 1).padStart(2, '0')}`, i));
    expect(timelineLayout({ points: many, primary: 'plays', frame, rtl: false }).dots).to.equal(false);
  });
});
