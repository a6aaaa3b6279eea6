/**
 * Layout of the engagement funnel: impressions → plays → plays reaching X %. Each step's count comes from the
 * provider's totals; this module only derives the shares shown beside them (percent of impressions, percent of plays)
 * and the bar lengths. Pure and DOM-free.
 */
import { scaleLinear } from 'd3';
import type { PlayThrough, PlayThroughStep } from '../data/types.js';

/** Which step of the funnel. */
export type FunnelStepKey = 'impressions' | 'plays' | 'reached';

/** The totals a funnel needs. */
export interface FunnelTotals {
  impressions: number;
  plays: number;
  playThrough: PlayThrough;
}

/** One step of the funnel. */
export interface FunnelStep {
  key: FunnelStepKey;
  count: number;
  /** count / impressions in percent; null when there were no impressions, or for the impressions step itself. */
  ofImpressions: number | null;
  /** count / plays in percent; null when there were no plays, or for the impressions and plays steps. */
  ofPlays: number | null;
  /** Bar length, 0–1 of the longest bar (shared between the periods when given a common `max`). */
  length: number;
}

/** The largest count any step of these totals shows, for a common bar scale across periods. */
export function funnelMax(step: PlayThroughStep, ...totals: ReadonlyArray<FunnelTotals | undefined>): number {
  let m = 0;
  for (const t of totals) if (t) m = Math.max(m, t.impressions, t.plays, t.playThrough[step]);
  return m;
}

/**
 * The three steps of the funnel for `totals`, with "plays reaching `step` %" as the last. Bars are scaled to `max`
 * (default: this period's largest count). A step's share of itself is left out (null): impressions show no
 * "% of impressions", and only the last step shows "% of plays" (the plays step would always read 100 %).
 */
export function funnelSteps(totals: FunnelTotals, step: PlayThroughStep, max = funnelMax(step, totals)): FunnelStep[] {
  const length = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([0, 1])
    .clamp(true);
  const share = (n: number, of: number) => (of > 0 ? (n / of) * 100 : null);
  const reached = totals.playThrough[step];
  return [
    { key: 'impressions', count: totals.impressions, ofImpressions: null, ofPlays: null, length: length(totals.impressions) },
    {
      key: 'plays',
      count: totals.plays,
      ofImpressions: share(totals.plays, totals.impressions),
      ofPlays: null,
      length: length(totals.plays),
    },
    {
      key: 'reached',
      count: reached,
      ofImpressions: share(reached, totals.impressions),
      ofPlays: share(reached, totals.plays),
      length: length(reached),
    },
  ];
}
