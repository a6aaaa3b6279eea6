import { expect } from '@open-wc/testing';
import {
  COMPARE_MODES,
  PRESETS,
  compareRangeOf,
  customRangeProblem,
  isCompareMode,
  isPreset,
  presetRange,
} from '../../src/shell/presets.js';

const at = (today: string, extra: Partial<Parameters<typeof presetRange>[1]> = {}) => ({
  today,
  timeZone: 'UTC',
  ...extra,
});

describe('shell presets', () => {
  it('lists every preset and compare mode of the design, in menu order', () => {
    expect([...PRESETS]).to.deep.equal([
      'last7',
      'last30',
      'last90',
      'last12months',
      'thisMonth',
      'thisYear',
      'sinceCreation',
      'custom',
    ]);
    expect([...COMPARE_MODES]).to.deep.equal(['none', 'previous', 'lastYear']);
    expect(isPreset('last90')).to.equal(true);
    expect(isPreset('last91')).to.equal(false);
    expect(isPreset(undefined)).to.equal(false);
    expect(isCompareMode('lastYear')).to.equal(true);
    expect(isCompareMode('nextYear')).to.equal(false);
  });

  it('counts today as one of the last N days', () => {
    expect(presetRange('last7', at('2026-03-30'))).to.deep.equal({ from: '2026-03-24', to: '2026-03-30' });
    expect(presetRange('last30', at('2026-03-30'))).to.deep.equal({ from: '2026-03-01', to: '2026-03-30' });
    expect(presetRange('last90', at('2026-03-30'))).to.deep.equal({ from: '2025-12-31', to: '2026-03-30' });
    // across a year boundary and a leap day
    expect(presetRange('last7', at('2024-03-02'))).to.deep.equal({ from: '2024-02-25', to: '2024-03-02' });
  });

  it('makes the last 12 months a year of days ending today', () => {
    expect(presetRange('last12months', at('2026-03-30'))).to.deep.equal({ from: '2025-03-31', to: '2026-03-30' });
    // Feb 29 a year later clamps to Feb 28, so the range starts on Mar 1
    expect(presetRange('last12months', at('2024-02-29'))).to.deep.equal({ from: '2023-03-01', to: '2024-02-29' });
  });

  it('starts this month on the 1st and this year on January 1st', () => {
    expect(presetRange('thisMonth', at('2026-03-30'))).to.deep.equal({ from: '2026-03-01', to: '2026-03-30' });
    expect(presetRange('thisMonth', at('2026-03-01'))).to.deep.equal({ from: '2026-03-01', to: '2026-03-01' });
    expect(presetRange('thisYear', at('2026-03-30'))).to.deep.equal({ from: '2026-01-01', to: '2026-03-30' });
  });

  it('starts "since creation" on the creation day in the dashboard time zone', () => {
    const created = '2026-01-10T23:30:00Z';
    expect(presetRange('sinceCreation', at('2026-03-30', { created }))).to.deep.equal({
      from: '2026-01-10',
      to: '2026-03-30',
    });
    expect(presetRange('sinceCreation', at('2026-03-30', { created, timeZone: 'Asia/Tokyo' }))).to.deep.equal({
      from: '2026-01-11',
      to: '2026-03-30',
    });
    expect(presetRange('sinceCreation', at('2026-03-30', { created, timeZone: 'America/Los_Angeles' }))).to.deep.equal({
      from: '2026-01-10',
      to: '2026-03-30',
    });
  });

  it('falls back to the last 30 days when the creation date is unknown, and clamps a future creation to today', () => {
    expect(presetRange('sinceCreation', at('2026-03-30'))).to.deep.equal({ from: '2026-03-01', to: '2026-03-30' });
    expect(presetRange('sinceCreation', at('2026-03-30', { created: 'yesterday' }))).to.deep.equal({
      from: '2026-03-01',
      to: '2026-03-30',
    });
    expect(presetRange('sinceCreation', at('2026-03-30', { created: '2026-04-02T00:00:00Z' }))).to.deep.equal({
      from: '2026-03-30',
      to: '2026-03-30',
    });
  });

  it('uses a valid custom range as given and falls back when it is not valid', () => {
    expect(presetRange('custom', at('2026-03-30', { from: '2025-12-01', to: '2026-01-15' }))).to.deep.equal({
      from: '2025-12-01',
      to: '2026-01-15',
    });
    expect(presetRange('custom', at('2026-03-30', { from: '2026-02-01', to: '2026-01-15' }))).to.deep.equal({
      from: '2026-03-01',
      to: '2026-03-30',
    });
    expect(presetRange('custom', at('2026-03-30', { from: '2026-02-30', to: '2026-03-01' }))).to.deep.equal({
      from: '2026-03-01',
      to: '2026-03-30',
    });
  });

  it('validates custom ranges', () => {
    expect(customRangeProblem('2026-01-01', '2026-01-01')).to.equal(undefined);
    expect(customRangeProblem('', '2026-01-01')).to.equal('missing');
    expect(customRangeProblem('2026-01-01', '')).to.equal('missing');
    expect(customRangeProblem('2026-13-01', '2026-12-01')).to.equal('invalid');
    expect(customRangeProblem('01/02/2026', '2026-12-01')).to.equal('invalid');
    expect(customRangeProblem('2026-01-02', '2026-01-01')).to.equal('order');
  });

  it('compares with the previous period of the same length', () => {
    expect(compareRangeOf('previous', { from: '2026-03-01', to: '2026-03-30' })).to.deep.equal({
      from: '2026-01-30',
      to: '2026-02-28',
    });
    expect(compareRangeOf('previous', { from: '2026-03-30', to: '2026-03-30' })).to.deep.equal({
      from: '2026-03-29',
      to: '2026-03-29',
    });
  });

  it('compares with the same dates last year, Feb 29 becoming Feb 28', () => {
    expect(compareRangeOf('lastYear', { from: '2026-03-01', to: '2026-03-30' })).to.deep.equal({
      from: '2025-03-01',
      to: '2025-03-30',
    });
    expect(compareRangeOf('lastYear', { from: '2024-02-01', to: '2024-02-29' })).to.deep.equal({
      from: '2023-02-01',
      to: '2023-02-28',
    });
    expect(compareRangeOf('none', { from: '2026-03-01', to: '2026-03-30' })).to.equal(undefined);
  });
});
