/**
 * Layout helpers of the views-over-duration chart (`<playback-views>`): where each 1 % bucket sits, ticks in media
 * time, counts as a percent of plays, and the figures of the chart's text summary. Pure and DOM-free.
 */
import { BUCKETS } from '../data/types.js';

/** The x position of bucket `i` on a 0–100 axis: its midpoint. */
export const bucketMid = (i: number): number => i + 0.5;

/** The media time where bucket `i` starts, seconds. */
export function bucketStart(i: number, duration: number): number {
  return (Math.max(0, Math.min(BUCKETS, i)) / BUCKETS) * Math.max(0, duration);
}

/** The bucket that holds media time `time` (seconds); the end of the media belongs to the last bucket. */
export function bucketAt(time: number, duration: number): number {
  if (!(duration > 0)) return 0;
  const i = Math.floor(((time / duration) * BUCKETS) + 1e-9);
  return Math.max(0, Math.min(BUCKETS - 1, i));
}

/** Step sizes for media-time ticks, seconds. */
const TIME_STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600];

/**
 * Ticks in media time for a duration: the smallest round step (1 s, 5 s, 30 s, 1 min, 5 min…) that gives at most
 * `max` intervals, from 0 to the duration. Returns seconds.
 */
export function mediaTimeTicks(duration: number, max = 6): number[] {
  if (!(duration > 0)) return [0];
  const step = TIME_STEPS.find((s) => duration / s <= max) ?? Math.ceil(duration / max / 3600) * 3600;
  const out: number[] = [];
  for (let t = 0; t <= duration + 1e-9; t += step) out.push(t);
  return out;
}

/** Ticks in percent of the duration: 0, 25, 50, 75, 100 on narrow charts, every 10 % on wide ones. */
export function percentTicks(max = 6): number[] {
  const step = max >= 10 ? 10 : max >= 5 ? 20 : 25;
  const out: number[] = [];
  for (let p = 0; p <= 100; p += step) out.push(p);
  return out;
}

/** Counts as a percent of `plays` (0 when there were no plays). */
export function percentOfPlays(values: readonly number[], plays: number): number[] {
  return values.map((v) => (plays > 0 ? (v / plays) * 100 : 0));
}

/** Figures for the chart's summary sentence. */
export interface RetentionSummary {
  /** Bucket with the most views (the first one on a tie), or -1 when there are none. */
  peakIndex: number;
  /** Views at the peak. */
  peakViews: number;
  /** Viewers in the first bucket. */
  viewersAtStart: number;
  /** Viewers in the last bucket. */
  viewersAtEnd: number;
  /** Viewers of the last bucket as a percent of those of the first, or null when nobody watched the start. */
  stayedToEnd: number | null;
}

/** The summary figures of a views/viewers pair of bucket arrays. */
export function retentionSummary(views: readonly number[], viewers: readonly number[]): RetentionSummary {
  let peakIndex = -1;
  let peakViews = 0;
  views.forEach((v, i) => {
    if (v > peakViews) {
      peakViews = v;
      peakIndex = i;
    }
  });
  const viewersAtStart = viewers[0] ?? 0;
  const viewersAtEnd = viewers[viewers.length - 1] ?? 0;
  return {
    peakIndex,
    peakViews,
    viewersAtStart,
    viewersAtEnd,
    stayedToEnd: viewersAtStart > 0 ? (viewersAtEnd / viewersAtStart) * 100 : null,
  };
}
