/**
 * Chapters on the media's timeline: which 1 % buckets each chapter spans and the share of viewers it lost. Pure and
 * DOM-free.
 *
 * A chapter runs from its marker's time to the next chapter's (or to the end of the media). Its first bucket holds
 * its start; its last bucket is the last one that starts before the chapter ends. The share of viewers lost within
 * a chapter is (viewers at its first bucket − viewers at its last bucket) / viewers at its first bucket, in percent.
 * It is negative when more sessions watch the chapter's end than its start (viewers skipping into it).
 */
import { BUCKETS, type Marker } from '../data/types.js';
import { bucketAt } from './retention.js';

/** One chapter laid out on the buckets. */
export interface ChapterSpan {
  /** The chapter's title (plain text). */
  label: string;
  /** Start, seconds. */
  start: number;
  /** End (the next chapter's start or the duration), seconds. */
  end: number;
  /** First bucket (0–99). */
  firstBucket: number;
  /** Last bucket (0–99), ≥ firstBucket. */
  lastBucket: number;
  /** Viewers (distinct sessions) at the first bucket. */
  viewersAtStart: number;
  /** Viewers at the last bucket. */
  viewersAtEnd: number;
  /** Share of viewers lost within the chapter, percent; null when nobody watched its start. */
  lost: number | null;
}

/** The share of viewers lost between bucket `first` and bucket `last`, percent, or null without viewers at `first`. */
export function viewersLost(viewers: readonly number[], first: number, last: number): number | null {
  const a = viewers[first] ?? 0;
  const b = viewers[last] ?? 0;
  return a > 0 ? ((a - b) / a) * 100 : null;
}

/** The last bucket that starts before `end` seconds (never before `first`). */
function lastBucketBefore(end: number, duration: number, first: number): number {
  const exact = (end / duration) * BUCKETS;
  const last = Math.ceil(exact - 1e-9) - 1;
  return Math.max(first, Math.min(BUCKETS - 1, last));
}

/**
 * The chapters among `markers` (kind `chapter`), in time order, laid out on a media of `duration` seconds, with the
 * viewers lost within each from `viewers` (one count per bucket). Chapters at or after the end of the media, and all
 * but the last of several chapters at the same time, are left out.
 */
export function chapterSpans(markers: readonly Marker[], duration: number, viewers: readonly number[]): ChapterSpan[] {
  if (!(duration > 0)) return [];
  const starts = markers
    .filter((m) => m.kind === 'chapter' && Number.isFinite(m.time) && m.time >= 0 && m.time < duration)
    .slice()
    .sort((a, b) => a.time - b.time)
    .filter((m, i, all) => i === all.length - 1 || all[i + 1]!.time > m.time);
  return starts.map((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.time : duration;
    const firstBucket = bucketAt(m.time, duration);
    const lastBucket = lastBucketBefore(end, duration, firstBucket);
    return {
      label: m.label,
      start: m.time,
      end,
      firstBucket,
      lastBucket,
      viewersAtStart: viewers[firstBucket] ?? 0,
      viewersAtEnd: viewers[lastBucket] ?? 0,
      lost: viewersLost(viewers, firstBucket, lastBucket),
    };
  });
}

/** The chapter that holds bucket `i` (the later one where two share a bucket), if any. */
export function chapterAt(spans: readonly ChapterSpan[], i: number): ChapterSpan | undefined {
  for (let k = spans.length - 1; k >= 0; k--) {
    const s = spans[k]!;
    if (i >= s.firstBucket && i <= s.lastBucket) return s;
  }
  return undefined;
}

/** Markers that are single points (not chapters) within the media, in time order. */
export function pointMarkers(markers: readonly Marker[], duration: number): Marker[] {
  return markers
    .filter((m) => m.kind !== 'chapter' && Number.isFinite(m.time) && m.time >= 0 && m.time <= duration)
    .slice()
    .sort((a, b) => a.time - b.time);
}

/**
 * A label cut to fit `width` pixels at about `charWidth` pixels a character: whole when it fits, else its start and
 * "…", or '' when not even two characters and the ellipsis fit (the caller shows the full label on hover and focus).
 */
export function fitLabel(label: string, width: number, charWidth = 6): string {
  const chars = [...label.trim()];
  const room = Math.floor(width / charWidth);
  if (chars.length <= room) return chars.join('');
  if (room < 3) return '';
  return `${chars.slice(0, room - 1).join('').trimEnd()}…`;
}
