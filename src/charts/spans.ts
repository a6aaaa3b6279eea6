/**
 * Spans of the media over a group's users × buckets matrix (the rows of a `heatmap` result), for the class view:
 * the buckets a time span covers, who never watched it, how many users re-watched or skipped each bucket, and the
 * most notable runs of buckets. Derived from the heatmap, not new metrics. Pure and DOM-free.
 */
import { BUCKETS } from '../data/types.js';

/**
 * The buckets `[from, to)` a media span `[start, end)` (seconds) covers: those whose midpoint lies in it, as the
 * engine covers buckets with watched intervals. A span narrower than a bucket covers the bucket holding its start.
 */
export function spanBuckets(start: number, end: number, duration: number): [number, number] {
  if (!(duration > 0)) return [0, 0];
  let a = Math.min(start, end);
  let b = Math.max(start, end);
  a = Math.max(0, Math.min(duration, a));
  b = Math.max(0, Math.min(duration, b));
  const unit = duration / BUCKETS;
  let from = Math.max(0, Math.ceil(a / unit - 0.5 - 1e-9));
  let to = Math.min(BUCKETS, Math.ceil(b / unit - 0.5 - 1e-9));
  if (to <= from) {
    from = Math.min(BUCKETS - 1, Math.floor(a / unit));
    to = from + 1;
  }
  return [from, to];
}

/** How much of a span a user watched: `none` (never watched any of it) or `part` (watched some, not all). */
export type SpanCoverage = 'none' | 'part' | 'all';

/** How much of buckets `[from, to)` a row watched. */
export function coverage(counts: ArrayLike<number>, from: number, to: number): SpanCoverage {
  let seen = 0;
  for (let i = from; i < to; i++) if ((counts[i] ?? 0) > 0) seen++;
  return seen === 0 ? 'none' : seen === to - from ? 'all' : 'part';
}

/** Share (0–100) of buckets `[from, to)` a row watched. */
export function watchedShare(counts: ArrayLike<number>, from: number, to: number): number {
  if (to <= from) return 0;
  let seen = 0;
  for (let i = from; i < to; i++) if ((counts[i] ?? 0) > 0) seen++;
  return (seen / (to - from)) * 100;
}

/**
 * The indices of the rows that never watched any of buckets `[from, to)`; with `includePartial`, also those that
 * watched only part of it. In row order.
 */
export function missedSpan(
  rows: ReadonlyArray<ArrayLike<number>>,
  from: number,
  to: number,
  includePartial = false,
): number[] {
  const out: number[] = [];
  rows.forEach((row, k) => {
    const c = coverage(row, from, to);
    if (c === 'none' || (includePartial && c === 'part')) out.push(k);
  });
  return out;
}

/** Per bucket, the number of users who watched it at least twice. */
export function rewatchCounts(rows: ReadonlyArray<ArrayLike<number>>): number[] {
  const out = new Array<number>(BUCKETS).fill(0);
  for (const row of rows) for (let i = 0; i < BUCKETS; i++) if ((row[i] ?? 0) >= 2) out[i]! += 1;
  return out;
}

/** Per bucket, the number of users who never watched it yet watched some later bucket (they skipped it). */
export function skipCounts(rows: ReadonlyArray<ArrayLike<number>>): number[] {
  const out = new Array<number>(BUCKETS).fill(0);
  for (const row of rows) {
    let last = -1;
    for (let i = BUCKETS - 1; i >= 0; i--)
      if ((row[i] ?? 0) > 0) {
        last = i;
        break;
      }
    for (let i = 0; i < last; i++) if ((row[i] ?? 0) === 0) out[i]! += 1;
  }
  return out;
}

/** A run of buckets `[from, to)` that stands out, with its highest and mean per-bucket value. */
export interface NotableSpan {
  from: number;
  to: number;
  /** The highest value in the span (users). */
  peak: number;
  /** The mean value over the span's buckets. */
  mean: number;
}

/** Options of {@link notableSpans}. */
export interface NotableOptions {
  /** Spans to return at most; default 3. */
  limit?: number;
  /** A bucket belongs to a span when its value is at least this share of the highest value; default 0.6. */
  ratio?: number;
  /** …and at least this many users; default 2 ("many distinct users"). */
  min?: number;
}

/**
 * The most notable runs of a per-bucket series (users re-watching, users skipping): maximal runs of consecutive
 * buckets whose value is at least `ratio` × the series' highest value and at least `min`, ranked by peak, then by
 * mean, then by length, then by position. Nothing when no bucket reaches `min`.
 */
export function notableSpans(values: ArrayLike<number>, options: NotableOptions = {}): NotableSpan[] {
  const limit = options.limit ?? 3;
  const ratio = options.ratio ?? 0.6;
  const min = options.min ?? 2;
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] ?? 0);
  const threshold = Math.max(min, max * ratio);
  if (max < min) return [];
  const spans: NotableSpan[] = [];
  let i = 0;
  while (i < values.length) {
    if ((values[i] ?? 0) < threshold) {
      i++;
      continue;
    }
    const from = i;
    let peak = 0;
    let sum = 0;
    while (i < values.length && (values[i] ?? 0) >= threshold) {
      peak = Math.max(peak, values[i]!);
      sum += values[i]!;
      i++;
    }
    spans.push({ from, to: i, peak, mean: sum / (i - from) });
  }
  spans.sort((a, b) => b.peak - a.peak || b.mean - a.mean || b.to - b.from - (a.to - a.from) || a.from - b.from);
  return spans.slice(0, Math.max(0, limit));
}

/**
 * Reads a media time typed by a person: `4:30` (m:ss), `1:02:03` (h:mm:ss), `4` or `4.5` (minutes), `90s`
 * (seconds). Returns seconds, or undefined when the text is not a time.
 */
export function parseMediaTime(text: string): number | undefined {
  const s = text.trim().replace(',', '.');
  if (s === '') return undefined;
  let m = /^(\d+(?:\.\d+)?)\s*s$/i.exec(s);
  if (m) return Number(m[1]);
  m = /^(\d+(?:\.\d+)?)\s*(?:m|min)?$/i.exec(s);
  if (m) return Number(m[1]) * 60;
  m = /^(\d+):([0-5]?\d(?:\.\d+)?)$/.exec(s);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = /^(\d+):([0-5]?\d):([0-5]?\d(?:\.\d+)?)$/.exec(s);
  if (m) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  return undefined;
}
