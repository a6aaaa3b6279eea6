import { expect } from '@open-wc/testing';
import {
  shareOf,
  appliesTo,
  metricsFor,
  BREAKDOWN_METRICS,
  METRICS,
  METRIC_REGISTRY,
  NON_ADDITIVE_METRICS,
  clampMetric,
  formatMetric,
  isAdditive,
  isRate,
  metricDef,
  metricKeys,
  roundMetric,
  sumOf,
  type MetricKey,
} from '../../src/data/metrics.js';
import { trend, ZERO_BREAKDOWN } from '../../src/data/compare.js';
import { validateResult } from '../../src/data/validate.js';
import { en } from '../../src/i18n/catalog.js';
import { de } from '../../src/i18n/de.js';
import { formatters } from '../../src/i18n/format.js';

const ALL = Object.keys(METRIC_REGISTRY) as MetricKey[];

const totals = () => ({
  impressions: 10,
  plays: 4,
  uniqueViewers: 3,
  minutesViewed: 12.5,
  avgCompletionRate: 40,
  avgDropOffRate: 25,
  playThrough: { 25: 2, 50: 1, 75: 1, 100: 0 },
});

describe('the metric registry', () => {
  it('declares every metric of the contract, each with a label and help text in English and German', () => {
    expect([...METRICS]).to.deep.equal(['impressions', 'plays', 'uniqueViewers', 'minutesViewed', 'avgCompletionRate', 'avgDropOffRate']);
    for (const k of ALL) {
      const def = metricDef(k);
      expect(en[def.label], `${k} label`).to.be.a('string');
      expect(de[def.label], `${k} German label`).to.be.a('string');
      expect(def.help, `${k} help`).to.be.a('string');
      expect(en[def.help!], `${k} help text`).to.be.a('string');
      expect(de[def.help!], `${k} German help text`).to.be.a('string');
      expect(def.kaltura, `${k} Kaltura column`).to.match(/^[a-z_0-9]+$/);
    }
  });

  it('says which metrics are rates (percents) and which add up', () => {
    expect(ALL.filter(isRate)).to.deep.equal([
      'avgCompletionRate',
      'avgDropOffRate',
      'distribution',
      'playImpressionRatio',
      'totalCompletionRate',
    ]);
    expect(ALL.filter(isAdditive)).to.deep.equal(['impressions', 'plays', 'minutesViewed']);
    expect(NON_ADDITIVE_METRICS.has('uniqueViewers')).to.equal(true);
    // A rate never adds up.
    for (const k of ALL) if (isRate(k)) expect(isAdditive(k), k).to.equal(false);
  });

  it('sums only what adds up: a total of distinct viewers or of a rate must come from the provider', () => {
    const days = [{ plays: 2, uniqueViewers: 2 }, { plays: 3, uniqueViewers: 2 }];
    expect(sumOf('plays', days, (d) => d.plays)).to.equal(5);
    expect(() => sumOf('uniqueViewers', days, (d) => d.uniqueViewers)).to.throw(/uniqueViewers does not add up/);
    expect(() => sumOf('avgCompletionRate', days, () => 1)).to.throw(/does not add up/);
  });

  it('lists the breakdown metrics once, plays and its share first', () => {
    expect([...BREAKDOWN_METRICS]).to.deep.equal([
      'plays',
      'distribution',
      'impressions',
      'playImpressionRatio',
      'uniqueViewers',
      'minutesViewed',
      'avgCompletionRate',
      'avgDropOffRate',
    ]);
    expect(new Set(BREAKDOWN_METRICS)).to.deep.equal(new Set(metricKeys('set', 'breakdown')));
    expect(Object.keys(ZERO_BREAKDOWN).sort()).to.deep.equal([...BREAKDOWN_METRICS].sort());
  });

  it('drives trends: every percent metric changes in points, every other relatively', () => {
    for (const k of ALL) expect(trend(k, 46, 40).kind, k).to.equal(isRate(k) ? 'points' : 'relative');
  });

  it('formats as the panels show and rounds CSV values the same way', () => {
    const fmt = formatters('en');
    expect(formatMetric(fmt, 'plays', 1234)).to.equal('1,234');
    expect(formatMetric(fmt, 'minutesViewed', 42.25)).to.equal('42.3');
    expect(formatMetric(fmt, 'avgCompletionRate', 45.25)).to.equal('45.3%');
    expect(formatMetric(fmt, 'avgCompletionRate', 45.25, { compact: true })).to.equal('45%');
    expect(formatMetric(fmt, 'plays', 12_500, { compact: true })).to.equal('12.5K');
    expect(roundMetric('minutesViewed', 510.541667)).to.equal(510.5);
    expect(roundMetric('avgDropOffRate', 22.625)).to.equal(22.6);
    expect(roundMetric('plays', 3)).to.equal(3);
  });

  it('clamps to bounds', () => {
    expect(clampMetric('avgCompletionRate', 130)).to.equal(100);
    expect(clampMetric('avgDropOffRate', 130)).to.equal(130);
    expect(clampMetric('plays', -1)).to.equal(0);
  });
});

describe('validation reads the registry', () => {
  it('requires every metric of the registry in a metric set, by name', () => {
    for (const k of METRICS) {
      const t: Record<string, unknown> = totals();
      delete t[k];
      expect(() => validateResult('totals', t), k).to.throw(new RegExp(`at ${k}: expected`));
    }
  });

  it('checks each metric against its bounds', () => {
    expect(() => validateResult('totals', { ...totals(), avgCompletionRate: 100.5 })).to.throw(
      /avgCompletionRate: expected a number from 0 to 100, got 100.5/,
    );
    expect(() => validateResult('totals', { ...totals(), plays: 1.5 })).to.throw(/plays: expected a non-negative integer/);
    // Drop-off has no upper bound (quartiles reached on a later day than the play).
    expect(validateResult('totals', { ...totals(), avgDropOffRate: 150 }).avgDropOffRate).to.equal(150);
  });

  it('checks breakdown rows for every breakdown metric', () => {
    const row = Object.fromEntries(BREAKDOWN_METRICS.map((k) => [k, 1]));
    const ok = { rows: [{ device: 'Mobile', ...row }], totals: totals() };
    expect(() => validateResult('devices', ok)).not.to.throw();
    for (const k of BREAKDOWN_METRICS) {
      const bad = { rows: [{ device: 'Mobile', ...row, [k]: -1 }], totals: totals() };
      expect(() => validateResult('devices', bad), k).to.throw(new RegExp(`rows\\[0\\]\\.${k}`));
    }
  });
});

describe('what applies to an image', () => {
  it('leaves out the metrics of playback, from the registry', () => {
    const all = Object.keys(METRIC_REGISTRY) as (keyof typeof METRIC_REGISTRY)[];
    expect(metricsFor(all, 'image')).to.deep.equal(['impressions', 'plays', 'uniqueViewers', 'distribution', 'playImpressionRatio']);
    expect(metricsFor(all, 'video')).to.deep.equal(all);
    expect(metricsFor(all, 'audio')).to.deep.equal(all);
    // An unknown type keeps everything (an element used alone, or the entry not loaded yet).
    expect(metricsFor(all, '')).to.deep.equal(all);
    for (const k of all) expect(appliesTo(k, 'image')).to.equal(METRIC_REGISTRY[k].appliesTo.includes('image'));
    // Every metric applies to video, whatever else.
    for (const k of all) expect(METRIC_REGISTRY[k].appliesTo).to.include('video');
  });
});

describe('shares of a parent', () => {
  it('is a percent of the whole, and none of a whole without plays', () => {
    expect(shareOf(150, 200)).to.equal(75);
    expect(shareOf(0, 200)).to.equal(0);
    expect(shareOf(5, 0)).to.equal(undefined);
  });
});
