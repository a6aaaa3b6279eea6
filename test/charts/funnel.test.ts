import { expect } from '@open-wc/testing';
import { funnelMax, funnelSteps } from '../../src/charts/funnel.js';

const t = { impressions: 1000, plays: 400, playThrough: { 25: 200, 50: 150, 75: 90, 100: 40 } };

describe('funnel layout', () => {
  it('gives each step its count and its shares of impressions and plays', () => {
    expect(funnelSteps(t, 50)).to.deep.equal([
      { key: 'impressions', count: 1000, ofImpressions: null, ofPlays: null, length: 1 },
      { key: 'plays', count: 400, ofImpressions: 40, ofPlays: null, length: 0.4 },
      { key: 'reached', count: 150, ofImpressions: 15, ofPlays: 37.5, length: 0.15 },
    ]);
    const s100 = funnelSteps(t, 100);
    expect(s100[2]).to.deep.equal({ key: 'reached', count: 40, ofImpressions: 4, ofPlays: 10, length: 0.04 });
  });

  it('shares a bar scale across periods', () => {
    const before = { impressions: 500, plays: 600, playThrough: { 25: 10, 50: 5, 75: 2, 100: 1 } };
    const max = funnelMax(50, t, before, undefined);
    expect(max).to.equal(1000);
    expect(funnelSteps(before, 50, max).map((s) => s.length)).to.deep.equal([0.5, 0.6, 0.005]);
    // plays can exceed impressions (plays without an impression event)
    expect(funnelSteps(before, 50)[1]).to.deep.equal({ key: 'plays', count: 600, ofImpressions: 120, ofPlays: null, length: 1 });
  });

  it('has no shares without a base', () => {
    const zero = { impressions: 0, plays: 0, playThrough: { 25: 0, 50: 0, 75: 0, 100: 0 } };
    expect(funnelSteps(zero, 25).map((s) => [s.ofImpressions, s.ofPlays, s.length])).to.deep.equal([
      [null, null, 0],
      [null, null, 0],
      [null, null, 0],
    ]);
  });
});
