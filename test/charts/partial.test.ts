import { expect } from '@open-wc/testing';
import { scaleLinear } from 'd3-scale';
import { bucketBounds, bucketCoverage, partialSegments, solidValues, timelineCoverage } from '../../src/charts/partial.js';

describe('partial buckets', () => {
  it('knows a bucket\'s days', () => {
    expect(bucketBounds('2026-11-17', 'day')).to.deep.equal({ from: '2026-11-17', to: '2026-11-17' });
    expect(bucketBounds('2026-11-01', 'month')).to.deep.equal({ from: '2026-11-01', to: '2026-11-30' });
    expect(bucketBounds('2028-02-01', 'month')).to.deep.equal({ from: '2028-02-01', to: '2028-02-29' });
    expect(bucketBounds('2026-12-15', 'month')).to.deep.equal({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('marks the first and last months that the range takes only in part', () => {
    // "Monthly" over the last 30 days: 27 days of November, 3 of December.
    const range = { from: '2026-11-04', to: '2026-12-03' };
    const [nov, dec] = timelineCoverage(['2026-11-01', '2026-12-01'], 'month', range);
    expect(nov).to.deep.equal({ partial: true, days: 27, total: 30, ongoing: false });
    expect(dec).to.deep.equal({ partial: true, days: 3, total: 31, ongoing: false });
    // Whole months are whole; the months in between are whole too.
    const year = timelineCoverage(['2026-01-01', '2026-02-01', '2026-03-01'], 'month', { from: '2026-01-01', to: '2026-03-31' });
    expect(year.map((c) => c.partial)).to.deep.equal([false, false, false]);
    expect(year[1]).to.deep.equal({ partial: false, days: 28, total: 28, ongoing: false });
    const middle = timelineCoverage(['2026-01-01', '2026-02-01', '2026-03-01'], 'month', { from: '2026-01-15', to: '2026-03-10' });
    expect(middle.map((c) => c.partial)).to.deep.equal([true, false, true]);
  });

  it('marks the bucket holding today as ongoing, by day and by month', () => {
    const range = { from: '2026-11-04', to: '2026-12-03' };
    expect(bucketCoverage('2026-12-03', 'day', range, '2026-12-03')).to.deep.equal({ partial: true, days: 1, total: 1, ongoing: true });
    expect(bucketCoverage('2026-12-02', 'day', range, '2026-12-03')).to.deep.equal({ partial: false, days: 1, total: 1, ongoing: false });
    expect(bucketCoverage('2026-12-01', 'month', range, '2026-12-03')).to.deep.equal({ partial: true, days: 3, total: 31, ongoing: true });
    // A whole month that ends today is still ongoing: today is not over.
    expect(bucketCoverage('2026-11-01', 'month', { from: '2026-11-01', to: '2026-11-30' }, '2026-11-30')).to.deep.equal({
      partial: true,
      days: 30,
      total: 30,
      ongoing: true,
    });
    // A range that ended before today has no ongoing bucket.
    expect(bucketCoverage('2026-11-30', 'day', { from: '2026-11-01', to: '2026-11-30' }, '2026-12-03').ongoing).to.equal(false);
  });

  it('splits a line into whole segments and dotted ones touching a partial point', () => {
    const x = scaleLinear().domain([0, 3]).range([0, 30]);
    const y = scaleLinear().domain([0, 10]).range([100, 0]);
    const values = [5, 10, 10, 1];
    const partial = [true, false, false, true];
    expect(solidValues(values, partial)).to.deep.equal([undefined, 10, 10, undefined]);
    // Segments 0–1 and 2–3 touch a partial point; 1–2 does not (it stays in the solid line).
    expect(partialSegments(values, partial, x, y)).to.equal('M0,50L10,0M20,0L30,90');
    expect(partialSegments(values, [false, false, false, false], x, y)).to.equal('');
    expect(partialSegments([5, undefined, 3], [false, true, false], x, y)).to.equal('');
  });
});
