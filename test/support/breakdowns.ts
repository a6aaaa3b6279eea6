/** Hand-written results for the breakdown panels' tests (countries, devices, domains). */
import type {
  BreakdownMetrics,
  Device,
  DevicesResult,
  DomainsResult,
  GeoResult,
  GeoRow,
  MetricSet,
  TimelinePoint,
  UrlsResult,
} from '../../src/data/types.js';

/** Breakdown metrics of a row with `plays` plays; the rest derived simply (distribution of `total`). */
export function metrics(plays: number, total = 1000, over: Partial<BreakdownMetrics> = {}): BreakdownMetrics {
  const impressions = plays * 2;
  return {
    plays,
    impressions,
    uniqueViewers: Math.round(plays / 2),
    minutesViewed: plays * 3.5,
    avgCompletionRate: 40,
    avgDropOffRate: 30,
    distribution: total ? (plays / total) * 100 : 0,
    playImpressionRatio: impressions ? 50 : 0,
    ...over,
  };
}

export function metricTotals(plays: number): MetricSet {
  return { plays, impressions: plays * 2, uniqueViewers: Math.round(plays / 2), minutesViewed: plays * 3.5, avgCompletionRate: 40, avgDropOffRate: 30 };
}

export function devicesResult(rows: [Device, number][] = [['Computer', 600], ['Mobile', 300], ['Tablet', 100]]): DevicesResult {
  const total = rows.reduce((s, [, p]) => s + p, 0);
  return { rows: rows.map(([device, plays]) => ({ device, ...metrics(plays, total) })), totals: metricTotals(total) };
}

export function geoResult(level: GeoResult['level'], rows: (Partial<GeoRow> & { name: string; plays: number })[]): GeoResult {
  const total = rows.reduce((s, r) => s + r.plays, 0);
  return {
    level,
    rows: rows.map((r) => ({ ...metrics(r.plays, total), ...r })),
    totals: metricTotals(total),
  };
}

/** `count` domains d1.example … with plays count, count-1, …; the page asked for. */
export function domainsResult(count: number, offset = 0, limit = 5): DomainsResult {
  const all = Array.from({ length: count }, (_, i) => ({ domain: `d${i + 1}.example`, ...metrics((count - i) * 10, count * 100) }));
  const total = all.reduce((s, r) => s + r.plays, 0);
  return { rows: all.slice(offset, offset + limit), total: count, totals: metricTotals(total) };
}

export function urlsResult(urls: string[], total = urls.length): UrlsResult {
  return {
    rows: urls.map((url, i) => ({ url, ...metrics((urls.length - i) * 5, 1000) })),
    total,
    totals: metricTotals(urls.length * 5),
  };
}

export function timelinePoints(dates: string[], plays: number[]): TimelinePoint[] {
  return dates.map((date, i) => ({ date, ...metricTotals(plays[i] ?? 0), playThrough: { 25: 0, 50: 0, 75: 0, 100: 0 } }));
}
