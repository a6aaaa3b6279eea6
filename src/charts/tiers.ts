/**
 * The class view's stacked chart (`<class-engagement>`): per 1 % bucket, how many of a group's users are in each tier
 * (not viewed, once, twice, more), as shares stacked to 100 %. Derived from the users × buckets matrix of a `heatmap`
 * result, not a new metric. Pure and DOM-free.
 */
import { scaleLinear, stack } from 'd3';
import { BUCKETS } from '../data/types.js';
import { tierOf, type Tier } from './heatmap.js';

/** Users per tier per bucket: `counts[tier][bucket]`, and the group size. */
export interface TierCounts {
  /** Four arrays of {@link BUCKETS} counts, one per tier. */
  counts: [number[], number[], number[], number[]];
  /** Users in the group. */
  users: number;
}

/** Counts the users of each tier in each bucket. */
export function tierCounts(rows: ReadonlyArray<ArrayLike<number>>): TierCounts {
  const counts: TierCounts['counts'] = [
    new Array<number>(BUCKETS).fill(0),
    new Array<number>(BUCKETS).fill(0),
    new Array<number>(BUCKETS).fill(0),
    new Array<number>(BUCKETS).fill(0),
  ];
  for (const row of rows) for (let i = 0; i < BUCKETS; i++) counts[tierOf(row[i] ?? 0)][i]! += 1;
  return { counts, users: rows.length };
}

/** Percent (0–100) of the group's users in `tier` at bucket `i`; 0 for an empty group. */
export function tierShare(t: TierCounts, tier: Tier, i: number): number {
  return t.users > 0 ? (t.counts[tier][i]! / t.users) * 100 : 0;
}

/** One rectangle of the stacked chart. */
export interface TierRect {
  bucket: number;
  tier: Tier;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Stacked bars of the tier shares, 100 bars over `width` × `height` px. The most-watched tier sits at the bottom
 * (tier 3, then 2, 1, and "not viewed" on top) so the watched share reads as a rising area. Mirrored in RTL.
 * Empty rectangles are left out.
 */
export function stackTiers(t: TierCounts, width: number, height: number, rtl = false): TierRect[] {
  const order: Tier[] = [3, 2, 1, 0];
  const data = Array.from({ length: BUCKETS }, (_, i) => ({
    i,
    3: tierShare(t, 3, i),
    2: tierShare(t, 2, i),
    1: tierShare(t, 1, i),
    0: tierShare(t, 0, i),
  }));
  const series = stack<(typeof data)[number], Tier>()
    .keys(order)
    .value((d, key) => d[key])(data);
  const x = scaleLinear().domain([0, BUCKETS]).range(rtl ? [width, 0] : [0, width]);
  const y = scaleLinear().domain([0, 100]).range([height, 0]);
  const out: TierRect[] = [];
  for (const s of series) {
    const tier = s.key;
    for (let i = 0; i < s.length; i++) {
      const [lo, hi] = s[i]!;
      if (hi - lo <= 0) continue;
      const xa = x(i);
      const xb = x(i + 1);
      out.push({
        bucket: i,
        tier,
        x: Math.min(xa, xb),
        y: y(hi),
        width: Math.abs(xb - xa),
        height: y(lo) - y(hi),
      });
    }
  }
  return out;
}

/** A tick of the share axis: its value (percent) and its y position (px from the top of the chart). */
export interface ShareTick {
  value: number;
  y: number;
}

/**
 * The ticks of the class view's y-axis (share of users, 0–100 %) over a chart `height` px tall, on the scale
 * {@link stackTiers} draws with: about `count` round values from 0 % at the bottom to 100 % at the top.
 */
export function shareTicks(height: number, count = 5): ShareTick[] {
  const y = scaleLinear().domain([0, 100]).range([height, 0]);
  return y.ticks(count).map((value) => ({ value, y: y(value) }));
}
