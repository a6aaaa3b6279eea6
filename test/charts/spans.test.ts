import { expect } from '@open-wc/testing';
import {
  coverage,
  missedSpan,
  notableSpans,
  parseMediaTime,
  rewatchCounts,
  skipCounts,
  spanBuckets,
  watchedShare,
} from '../../src/charts/spans.js';

const row = (pairs: Record<number, number>) => {
  const a = new Array<number>(100).fill(0);
  for (const [k, v] of Object.entries(pairs)) a[Number(k)] = v;
  return a;
};
const range = (from: number, to: number, v = 1) => {
  const o: Record<number, number> = {};
  for (let i = from; i < to; i++) o[i] = v;
  return o;
};

describe('charts/spans', () => {
  it('maps a media span to the buckets whose midpoint it holds', () => {
    // 840 s: a bucket is 8.4 s; minutes 4–6 = [240, 360) s
    expect(spanBuckets(240, 360, 840)).to.deep.equal([29, 43]);
    expect(spanBuckets(360, 240, 840)).to.deep.equal([29, 43]);
    expect(spanBuckets(0, 840, 840)).to.deep.equal([0, 100]);
    expect(spanBuckets(0, 5000, 840)).to.deep.equal([0, 100]);
    expect(spanBuckets(100, 101, 1000)).to.deep.equal([10, 11]); // narrower than a bucket
    expect(spanBuckets(0, 10, 0)).to.deep.equal([0, 0]);
  });

  it('tells how much of a span a row watched', () => {
    const r = row({ 10: 1, 11: 2 });
    expect(coverage(r, 10, 12)).to.equal('all');
    expect(coverage(r, 9, 12)).to.equal('part');
    expect(coverage(r, 20, 30)).to.equal('none');
    expect(watchedShare(r, 8, 12)).to.equal(50);
    expect(watchedShare(r, 5, 5)).to.equal(0);
  });

  it('lists who never watched a span, optionally those who watched only part', () => {
    const rows = [row(range(0, 100)), row(range(0, 30)), row(range(50, 100)), row({ 40: 1 })];
    expect(missedSpan(rows, 29, 43)).to.deep.equal([2]);
    expect(missedSpan(rows, 29, 43, true)).to.deep.equal([1, 2, 3]);
  });

  it('counts users re-watching each bucket', () => {
    const r = rewatchCounts([row({ 5: 2, 6: 3 }), row({ 5: 2, 6: 1 }), row({ 5: 1 })]);
    expect(r[5]).to.equal(2);
    expect(r[6]).to.equal(1);
    expect(r[7]).to.equal(0);
  });

  it('counts users skipping a bucket they never watched while watching a later one', () => {
    const s = skipCounts([row({ 0: 1, 50: 1 }), row({ 0: 1, 1: 1 }), row({ 10: 1 }), row({})]);
    expect(s[0]).to.equal(1); // user 3 (starts at 10)
    expect(s[1]).to.equal(2); // users 0 and 2
    expect(s[9]).to.equal(2);
    expect(s[10]).to.equal(1); // user 0 only
    expect(s[49]).to.equal(1);
    expect(s[50]).to.equal(0);
    expect(s[99]).to.equal(0);
  });

  it('finds the notable runs of a series, highest first', () => {
    const v = new Array<number>(100).fill(0);
    v[10] = 5;
    v[11] = 8;
    v[12] = 6;
    v[13] = 2;
    v[60] = 10;
    v[61] = 9;
    v[90] = 7;
    const spans = notableSpans(v, { ratio: 0.5, min: 2 });
    expect(spans).to.deep.equal([
      { from: 60, to: 62, peak: 10, mean: 9.5 },
      { from: 10, to: 13, peak: 8, mean: 19 / 3 },
      { from: 90, to: 91, peak: 7, mean: 7 },
    ]);
    expect(notableSpans(v, { ratio: 0.5, limit: 1 })).to.have.length(1);
    expect(notableSpans([1, 1, 0], { min: 2 })).to.deep.equal([]);
  });

  it('reads media times typed by people', () => {
    expect(parseMediaTime('4:30')).to.equal(270);
    expect(parseMediaTime('4')).to.equal(240);
    expect(parseMediaTime('4,5')).to.equal(270);
    expect(parseMediaTime('6 min')).to.equal(360);
    expect(parseMediaTime('90s')).to.equal(90);
    expect(parseMediaTime('1:02:03')).to.equal(3723);
    expect(parseMediaTime('4:75')).to.equal(undefined);
    expect(parseMediaTime('soon')).to.equal(undefined);
    expect(parseMediaTime('')).to.equal(undefined);
  });
});
