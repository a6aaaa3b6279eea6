import { expect } from '@open-wc/testing';
import { changeCsv, playsCompareCsvCells, playsCompareCsvColumns, trend, ZERO_BREAKDOWN } from '../../src/data/compare.js';

describe('compare CSV helpers', () => {
  it('changeCsv gives the change as a number, `new`, or empty', () => {
    expect(changeCsv(trend('plays', 150, 100))).to.equal(50);
    expect(changeCsv(trend('avgCompletionRate', 46, 40))).to.equal(6);
    expect(changeCsv(trend('plays', 3, 0))).to.equal('new');
    expect(changeCsv(trend('plays', 0, 0))).to.equal('');
  });

  it('playsCompareCsvColumns names the compare period by its range, then the change', () => {
    const range = { from: '2026-01-01', to: '2026-01-31' };
    expect(playsCompareCsvColumns(range).map((c) => c.field)).to.deep.equal(['plays 2026-01-01..2026-01-31', 'playsChange']);
    // Titled in the page's language when labels are given; the fields stay.
    expect(playsCompareCsvColumns(range, { plays: 'Plays (Jan 2026)', change: 'Change (Jan 2026)' })).to.deep.equal([
      { field: 'plays 2026-01-01..2026-01-31', label: 'Plays (Jan 2026)' },
      { field: 'playsChange', label: 'Change (Jan 2026)' },
    ]);
  });

  it('playsCompareCsvCells gives the plays then and the change to now', () => {
    expect(playsCompareCsvCells(120, 100)).to.deep.equal([100, 20]);
    expect(playsCompareCsvCells(5, 0)).to.deep.equal([0, 'new']);
    expect(playsCompareCsvCells(0, 0)).to.deep.equal([0, '']);
    expect(playsCompareCsvCells(50, 100)).to.deep.equal([100, -50]);
  });

  it('ZERO_BREAKDOWN has every breakdown metric at 0 and cannot change', () => {
    expect(Object.keys(ZERO_BREAKDOWN).sort()).to.deep.equal(
      ['avgCompletionRate', 'avgDropOffRate', 'distribution', 'impressions', 'minutesViewed', 'playImpressionRatio', 'plays', 'uniqueViewers'],
    );
    expect(Object.values(ZERO_BREAKDOWN).every((v) => v === 0)).to.equal(true);
    expect(Object.isFrozen(ZERO_BREAKDOWN)).to.equal(true);
  });
});
