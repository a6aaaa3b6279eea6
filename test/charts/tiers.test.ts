import { expect } from '@open-wc/testing';
import { shareTicks, stackTiers, tierCounts, tierShare } from '../../src/charts/tiers.js';

const row = (pairs: Record<number, number>) => {
  const a = new Array<number>(100).fill(0);
  for (const [k, v] of Object.entries(pairs)) a[Number(k)] = v;
  return a;
};

describe('charts/tiers', () => {
  const rows = [row({ 0: 1, 1: 2 }), row({ 0: 3, 1: 2 }), row({ 0: 1 }), row({})];

  it('counts users per tier per bucket', () => {
    const t = tierCounts(rows);
    expect(t.users).to.equal(4);
    expect(t.counts.map((c) => c[0])).to.deep.equal([1, 2, 0, 1]);
    expect(t.counts.map((c) => c[1])).to.deep.equal([2, 0, 2, 0]);
    expect(t.counts.map((c) => c[99])).to.deep.equal([4, 0, 0, 0]);
    expect(tierShare(t, 1, 0)).to.equal(50);
    expect(tierShare(tierCounts([]), 1, 0)).to.equal(0);
  });

  it('stacks shares into rectangles, most-watched tier at the bottom', () => {
    const rects = stackTiers(tierCounts(rows), 200, 100);
    const at0 = rects.filter((r) => r.bucket === 0);
    // bucket 0: 25 % tier 3 at the bottom, 50 % tier 1, 25 % not viewed on top
    expect(at0.map((r) => [r.tier, r.x, r.y, r.width, r.height])).to.deep.equal([
      [3, 0, 75, 2, 25],
      [1, 0, 25, 2, 50],
      [0, 0, 0, 2, 25],
    ]);
    expect(rects.filter((r) => r.bucket === 99).map((r) => [r.tier, r.y, r.height])).to.deep.equal([[0, 0, 100]]);
    expect(rects.length).to.equal(3 + 2 + 98);
  });

  it('mirrors the buckets in RTL', () => {
    const rects = stackTiers(tierCounts(rows), 200, 100, true);
    expect(rects.find((r) => r.bucket === 0)!.x).to.equal(198);
    expect(rects.find((r) => r.bucket === 99)!.x).to.equal(0);
  });

  it('ticks the share axis from 0 % at the bottom to 100 % at the top, on the scale the bars use', () => {
    expect(shareTicks(160).map((t) => [t.value, Math.round(t.y * 1000) / 1000])).to.deep.equal([
      [0, 160],
      [20, 128],
      [40, 96],
      [60, 64],
      [80, 32],
      [100, 0],
    ]);
    expect(shareTicks(100, 2).map((t) => t.value)).to.deep.equal([0, 50, 100]);
    // 4 of 5 users viewed bucket 0 once: that bar's top sits exactly on the 80 % tick.
    const full = stackTiers(tierCounts([row({ 0: 1 }), row({ 0: 1 }), row({ 0: 1 }), row({ 0: 1 }), row({})]), 100, 160);
    const watched = full.find((r) => r.bucket === 0 && r.tier === 1)!;
    expect(watched.y).to.equal(shareTicks(160).find((t) => t.value === 80)!.y);
  });
});
