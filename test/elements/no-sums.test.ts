/**
 * No element adds up what does not add up. Every panel is rendered on results in which each non-additive metric of
 * the registry (distinct counts, rates, shares) has a distinctive sum over the series or rows, and a provider total
 * that differs from it; the test then reads everything the panel shows or says (text, accessible names, tooltips'
 * titles, the data tables, the CSV) and fails when any of those sums appears.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { AnalyticsPanel } from '../../src/elements/shared/analytics-panel.js';
import {
  BREAKDOWN_METRICS,
  METRICS,
  NON_ADDITIVE_METRICS,
  formatMetric,
  isAdditive,
  type BreakdownMetricName,
  type MetricKey,
} from '../../src/data/metrics.js';
import type { BreakdownMetrics, MetricSet, Query, TimelinePoint } from '../../src/data/types.js';
import { formatters } from '../../src/i18n/format.js';
import { fakeProvider } from '../support/providers.js';

const DAYS = Array.from({ length: 30 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
/** A base per non-additive metric, so that each one's sum over 30 points or 6 rows is its own number. */
const BASE: Partial<Record<MetricKey, number>> = {
  uniqueViewers: 11,
  avgCompletionRate: 20.3,
  avgDropOffRate: 30.1,
  distribution: 17.3,
  playImpressionRatio: 40.9,
};
/**
 * Value `i` of a series or rows: small counts for additive metrics; for the others base + 7 i (distinct counts) or
 * base + 0.7 i (rates), so that their sums stand far from every figure on screen.
 */
const value = (k: MetricKey, i: number) =>
  isAdditive(k) ? 3 + (i % 4) : k === 'uniqueViewers' ? BASE[k]! + 7 * i : Math.round((BASE[k]! + 0.7 * i) * 10) / 10;
/** What the provider says the whole is, for each metric: never the sum. */
const TOTALS: MetricSet = { impressions: 180, plays: 90, uniqueViewers: 37, minutesViewed: 120, avgCompletionRate: 44, avgDropOffRate: 31 };

function row(i: number): BreakdownMetrics {
  return Object.fromEntries(BREAKDOWN_METRICS.map((k) => [k, value(k, i)])) as BreakdownMetrics;
}
function point(date: string, i: number): TimelinePoint {
  return { date, ...(Object.fromEntries(METRICS.map((k) => [k, value(k, i)])) as MetricSet), playThrough: { 25: 1, 50: 1, 75: 1, 100: 0 } };
}
const sumOver = (k: MetricKey, n: number) => Array.from({ length: n }, (_, i) => value(k, i)).reduce((a, b) => a + b, 0);

const provider = () =>
  fakeProvider({
    entry: () => ({ id: 'e1', name: 'Entry', type: 'video', duration: 100, owner: { id: 'o', name: 'O' }, created: '2020-01-01T00:00:00Z' }),
    totals: () => ({ ...TOTALS, playThrough: { 25: 40, 50: 30, 75: 20, 100: 10 } }),
    timeline: (q) => ({ granularity: q.granularity, points: DAYS.map((d, i) => point(d, i)) }),
    devices: () => ({
      rows: (['Computer', 'Mobile', 'Tablet', 'Game console', 'Digital media receiver', 'Other'] as const).map((device, i) => ({ device, ...row(i) })),
      totals: TOTALS,
    }),
    geo: (q) => ({
      level: q.level,
      rows: ['US', 'FR', 'DE', 'IT', 'ES', 'GB'].map((code, i) => ({ code, name: code, ...row(i) })),
      totals: TOTALS,
    }),
    // Paged lists answer the page asked for, as the contract requires (more rows than page.limit is malformed).
    domains: (q) => ({ rows: onPage([0, 1, 2, 3, 4, 5].map((i) => ({ domain: `d${i}.example`, ...row(i) })), q.page), total: 6, totals: TOTALS }),
    urls: (q) => ({ rows: onPage([0, 1, 2, 3, 4, 5].map((i) => ({ url: `https://d0.example/p${i}`, ...row(i) })), q.page), total: 6, totals: TOTALS }),
  });

function onPage<T>(rows: T[], page: { offset: number; limit: number }): T[] {
  return rows.slice(page.offset, page.offset + page.limit);
}

/** Everything a panel shows or says: text, accessible names and descriptions, titles, and its CSV. */
function everything(el: AnalyticsPanel<unknown>): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
    if (node instanceof Element)
      for (const a of ['aria-label', 'aria-description', 'aria-valuetext', 'title', 'alt']) {
        const v = node.getAttribute(a);
        if (v) out.push(v);
      }
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    node.childNodes.forEach(walk);
  };
  walk(el.shadowRoot!);
  out.push(el.toCsv() ?? '');
  return out.join('\n');
}

/** The ways a sum could be written: as the panel formats the metric, as a plain count, and as in CSV. */
function spellings(k: MetricKey, sum: number): string[] {
  const fmt = formatters('en');
  const rounded = Math.round(sum * 10) / 10;
  return [...new Set([formatMetric(fmt, k, sum), fmt.decimal(sum, 1), String(rounded), ...(Number.isInteger(sum) ? [fmt.count(sum)] : [])])];
}

function expectNoSums(el: AnalyticsPanel<unknown>, n: number, what: string, keys: readonly MetricKey[]) {
  const text = everything(el);
  for (const k of keys) {
    if (!NON_ADDITIVE_METRICS.has(k)) continue;
    for (const s of spellings(k, sumOver(k, n))) expect(text.includes(s), `${what}: the sum of ${k} (${s}) is shown`).to.equal(false);
  }
}

async function make<T extends AnalyticsPanel<unknown>>(tag: string, attrs: Record<string, string> = {}): Promise<T> {
  const node = document.createElement(tag) as T;
  const all = { 'entry-id': 'e1', from: '2026-03-01', to: '2026-03-30', 'time-zone': 'UTC', lang: 'en', ...attrs };
  for (const [k, v] of Object.entries(all)) node.setAttribute(k, v);
  (node as unknown as { provider: unknown }).provider = provider();
  const el = await fixture<T>(html`${node}`);
  await el.whenLoaded();
  return el;
}

const settle = async (el: AnalyticsPanel<unknown>) => {
  await el.updateComplete;
  await el.whenLoaded();
  await el.updateComplete;
};

describe('no element sums a metric that does not add up', function () {
  this.timeout(60_000);

  it('the test data has a distinctive sum for every non-additive metric', () => {
    for (const k of NON_ADDITIVE_METRICS) {
      if (k === 'totalCompletionRate') continue; // users rows only: never a series
      const sum = sumOver(k, DAYS.length);
      expect(Object.values(TOTALS)).not.to.include(sum);
      expect(sum, k).to.be.greaterThan(100);
    }
  });

  it('<metrics-over-time>: no sum of a series, for every metric tab', async () => {
    const el = await make<AnalyticsPanel<unknown> & { metric: string; details: boolean }>('metrics-over-time', { details: '' });
    for (const m of METRICS) {
      el.metric = m;
      await settle(el);
      expectNoSums(el, DAYS.length, `metrics-over-time ${m}`, [m]);
    }
  });

  it("<top-domains-table>: a domain's graph states the provider's total, not the sum of its points", async () => {
    const el = await make<AnalyticsPanel<unknown> & { graphMetric: string; domain: string }>('top-domains-table', {
      domain: 'd0.example',
    });
    for (const m of METRICS) {
      el.graphMetric = m;
      await settle(el);
      expectNoSums(el, DAYS.length, `domain graph ${m}`, [m]);
      // The summary's whole-range figure is the provider's.
      expect(everything(el)).to.include(formatMetric(formatters('en'), m, TOTALS[m]));
    }
  });

  it('<devices-overview>, <top-countries>, <top-domains-table>: no sum over rows', async () => {
    const keys = BREAKDOWN_METRICS as readonly BreakdownMetricName[];
    const devices = await make<AnalyticsPanel<unknown> & { metric: string }>('devices-overview', { 'show-table': '' });
    for (const m of METRICS) {
      devices.metric = m;
      await settle(devices);
      expectNoSums(devices, 6, `devices ${m}`, keys);
    }
    const countries = await make<AnalyticsPanel<unknown>>('top-countries', { 'geometry-url': '/node_modules/world-atlas/countries-110m.json' });
    expectNoSums(countries, 6, 'countries', keys);
    const domains = await make<AnalyticsPanel<unknown>>('top-domains-table', { 'page-size': '10' });
    expectNoSums(domains, 6, 'domains', keys);
  });

  it('<entry-highlights> and <engagement-funnel>: figures from the totals query', async () => {
    for (const tag of ['entry-highlights', 'engagement-funnel']) {
      const el = await make<AnalyticsPanel<unknown>>(tag);
      expectNoSums(el, DAYS.length, tag, METRICS);
      const asked = (el as unknown as { provider: { calls: Query[] } }).provider.calls.map((q) => q.kind);
      expect(asked, tag).to.include('totals');
    }
  });
});
