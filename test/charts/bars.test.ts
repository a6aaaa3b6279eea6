import { expect } from '@open-wc/testing';
import { barLayout } from '../../src/charts/bars.js';

describe('bar layout', () => {
  it('scales to the largest value, sorts largest first and gives shares of the total', () => {
    const bars = barLayout(
      [
        { k: 'a', v: 25 },
        { k: 'b', v: 100 },
        { k: 'c', v: 50 },
        { k: 'd', v: 25 },
      ],
      (x) => x.v,
      { total: 400 },
    );
    expect(bars.map((b) => b.item.k)).to.deep.equal(['b', 'c', 'a', 'd']);
    expect(bars.map((b) => b.fraction)).to.deep.equal([1, 0.5, 0.25, 0.25]);
    expect(bars.map((b) => b.share)).to.deep.equal([25, 12.5, 6.25, 6.25]);
  });

  it('uses a fixed maximum for percents, clamps, and has no share without a total', () => {
    const bars = barLayout([40, 120, -3, NaN], (v) => v, { max: 100, sort: false });
    expect(bars.map((b) => b.fraction)).to.deep.equal([0.4, 1, 0, 0]);
    expect(bars.map((b) => b.value)).to.deep.equal([40, 120, 0, 0]);
    expect(bars.every((b) => b.share === undefined)).to.equal(true);
  });

  it('handles all zeros and a zero total', () => {
    const bars = barLayout([0, 0], (v) => v, { total: 0 });
    expect(bars.map((b) => [b.fraction, b.share])).to.deep.equal([
      [0, 0],
      [0, 0],
    ]);
    expect(barLayout([], (v: number) => v)).to.deep.equal([]);
  });
});
