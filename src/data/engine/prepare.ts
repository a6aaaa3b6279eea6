/**
 * Per-entry preparation, done lazily once after ingest (and again only when the entry got new events). It computes
 * everything that does not depend on a query, in named phases:
 *
 * 1. {@link timeOrder}: the entry's rows in time order (ties: eventIndex, then ingest order);
 * 2. {@link numberSessions}: sessions numbered by first appearance in that order, and the rows laid out session by
 *    session (each session's rows contiguous, in time order);
 * 3. {@link sessionAttributes}: each session's attributes, those of its first event (its user: the first one it reports);
 * 4. {@link sessionFacts}: per view event its seconds and watched bucket ranges (the real-player rules), and per
 *    session its facts: first and last event time, impressions, plays, seconds, the union of its watched buckets and
 *    the reached-X flags.
 *
 * A query then works per session: a session wholly inside the query's range (and, for timelines, inside one day)
 * contributes its facts; only the few sessions that straddle a boundary are read event by event.
 * @internal
 */
import { BUCKETS } from '../types.js';
import { EventStore, T_IMPRESSION, T_PLAY, T_PT100, T_PT25, T_REPLAY, T_SEEK, T_VIEW } from './store.js';

/** Words of a bucket bit mask: 100 buckets in 4 × 32 bits. */
export const MASK_WORDS = 4;

/** Session flag bits: bit 0 "has a view or reached-X event"; bits 1–4 reached 25/50/75/100 %. */
export const TOUCHED = 1;

/** An entry's sessions and views, with everything that does not depend on a query. */
export interface PreparedEntry {
  version: number;
  duration: number;
  /** Number of events. */
  n: number;
  /** Store rows, session by session; session s holds `rows[rowStart[s] … rowStart[s+1])`, in time order. */
  rows: Int32Array;
  rowStart: Int32Array;

  /** Number of sessions; sessions are numbered by their first event's time. */
  sessions: number;
  /** Per session: times of its first and last events (epoch ms). */
  sFirst: Float64Array;
  sLast: Float64Array;
  /** The longest session, last minus first event time (ms). */
  maxSpan: number;
  /** Per session: impressions, plays, seconds of its views. */
  sImpressions: Int32Array;
  sPlays: Int32Array;
  sSeconds: Float64Array;
  /** Per session: the union of its views' watched buckets, {@link MASK_WORDS} words. */
  sMask: Uint32Array;
  /** Per session: {@link TOUCHED} and the reached-X bits. */
  sFlags: Uint8Array;
  /** Views of session s are `viewStart[s] … viewStart[s+1]`, in time order. */
  viewStart: Int32Array;
  /**
   * Per session: the difference array of its views' watched buckets, sparse. Entries `diffStart[s] … diffStart[s+1]`
   * add `diffBy[k]` at bucket `diffAt[k]` (0…100); running sums give how many of the session's views cover each bucket.
   * A continuous watch in many views leaves just two entries (its views' ends and starts cancel).
   */
  diffStart: Int32Array;
  diffAt: Uint8Array;
  diffBy: Int32Array;

  /** Per view: seconds played (the rule of the metric definitions). */
  viewSeconds: Float64Array;
  /** Per view: up to two watched intervals as bucket ranges [a0, a1) and [b0, b1) (empty when start ≥ end). */
  viewBuckets: Uint8Array;

  /** Per session: attributes of its first event (dictionary indices of the store, -1 when unknown). */
  sUser: Int32Array;
  sCountry: Int32Array;
  sRegion: Int32Array;
  sCity: Int32Array;
  sDevice: Uint8Array;
  sDomain: Int32Array;
  sUrl: Int32Array;
  sCategories: Int32Array;
  sPlaybackType: Uint8Array;
  /** Cached per-session filter masks, by filter key. */
  masks: Map<string, Uint8Array>;
}

/** Sets bits [b0, b1) of the mask at `words[off … off+3]`. */
export function setBits(words: Uint32Array, off: number, b0: number, b1: number): void {
  for (let w = b0 >>> 5; w <= (b1 - 1) >>> 5 && b1 > b0; w++) {
    const lo = Math.max(b0, w * 32) - w * 32;
    const hi = Math.min(b1, w * 32 + 32) - w * 32; // exclusive, 1…32
    const bits = hi - lo === 32 ? 0xffffffff : ((1 << (hi - lo)) - 1) << lo;
    words[off + w] = (words[off + w]! | bits) >>> 0;
  }
}

/** Number of set bits in a 32-bit word. */
export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Builds the prepared data of entry `entry` of `store`. */
export function prepareEntry(store: EventStore, entry: number, duration: number): PreparedEntry {
  const order = timeOrder(store, entry);
  const { sessions, rows, rowStart } = numberSessions(store, order);
  const attributes = sessionAttributes(store, rows, rowStart, sessions);
  const facts = sessionFacts(store, rows, rowStart, sessions, duration);
  return {
    version: store.versionOfEntry[entry]!,
    duration,
    n: order.length,
    rows,
    rowStart,
    sessions,
    ...facts,
    ...attributes,
    masks: new Map(),
  };
}

/**
 * Phase 1: the entry's rows in time order (ties: eventIndex, then ingest order). Input usually arrives in time order
 * (the store knows whether it did): then only runs of equal times may need reordering, by eventIndex, which gives
 * the full sort's order at a fraction of its cost. Otherwise a stable counting sort by time rank.
 */
export function timeOrder(store: EventStore, entry: number): Int32Array {
  const count = store.rowCountOfEntry[entry]!;
  const rows = store.rowsOfEntry[entry]!.subarray(0, count);
  const T = store.time;
  const order = store.timeOrderedEntry[entry]! ? rows.slice() : sortByTime(rows, T);
  for (let i = 0; i < count; ) {
    const t = T[order[i]!]!;
    let j = i + 1;
    while (j < count && T[order[j]!] === t) j++;
    if (j - i > 1) sortRun(order, i, j, store.eventIndex);
    i = j;
  }
  return order;
}

/**
 * Phase 2: local session numbers by first appearance in time order, and the rows laid out session by session (a
 * counting sort by session, stable: each session's rows stay in time order).
 */
export function numberSessions(store: EventStore, order: Int32Array): { sessions: number; rows: Int32Array; rowStart: Int32Array } {
  const n = order.length;
  const ST = store.session;
  const localOf = new Int32Array(store.sessionCount).fill(-1);
  const local = new Int32Array(n);
  let sessions = 0;
  for (let i = 0; i < n; i++) {
    const g = ST[order[i]!]!;
    let s = localOf[g]!;
    if (s < 0) localOf[g] = s = sessions++;
    local[i] = s;
  }
  const rowStart = new Int32Array(sessions + 1);
  for (let i = 0; i < n; i++) rowStart[local[i]! + 1]!++;
  for (let s = 0; s < sessions; s++) rowStart[s + 1]! += rowStart[s]!;
  const next = rowStart.slice(0, sessions);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[next[local[i]!]!++] = order[i]!;
  return { sessions, rows, rowStart };
}

/**
 * Phase 3: per session, the attributes of its first event. Its user is the first event's, or when that event has
 * none, the first userId the session reports later (a viewer who signs in mid-session).
 */
export function sessionAttributes(store: EventStore, rows: Int32Array, rowStart: Int32Array, sessions: number) {
  const sUser = new Int32Array(sessions);
  const sCountry = new Int32Array(sessions);
  const sRegion = new Int32Array(sessions);
  const sCity = new Int32Array(sessions);
  const sDevice = new Uint8Array(sessions);
  const sDomain = new Int32Array(sessions);
  const sUrl = new Int32Array(sessions);
  const sCategories = new Int32Array(sessions);
  const sPlaybackType = new Uint8Array(sessions);
  const A = store.attr;
  const U = store.recUser;
  for (let s = 0; s < sessions; s++) {
    const from = rowStart[s]!;
    const a = A[rows[from]!]!;
    let u = U[a]!;
    for (let k = from + 1, end = rowStart[s + 1]!; u < 0 && k < end; k++) u = U[A[rows[k]!]!]!;
    sUser[s] = u;
    sCountry[s] = store.recCountry[a]!;
    sRegion[s] = store.recRegion[a]!;
    sCity[s] = store.recCity[a]!;
    sDevice[s] = store.recDevice[a]!;
    sDomain[s] = store.recDomain[a]!;
    sUrl[s] = store.recUrl[a]!;
    sCategories[s] = store.recCategories[a]!;
    sPlaybackType[s] = store.recPlaybackType[a]!;
  }
  return { sUser, sCountry, sRegion, sCity, sDevice, sDomain, sUrl, sCategories, sPlaybackType };
}

/**
 * Phase 4: per view its seconds and watched bucket ranges, per session its facts. A view's seconds are its
 * playTimeSum minus the previous view's, or its own playTimeSum after a counter reset (smaller than the previous).
 * Its interval is [position − seconds, position]; when seeks lie between it and the previous view, the last one splits
 * it: [target, position] after the seek (even when longer than the seconds: a reset lost play time), the rest of the
 * seconds from the previous view's position on before it (dropped when not positive). A replay is a seek to 0.
 * Bucket i covers [i %, (i+1) %) of the duration and is watched when its midpoint lies in the interval [start, end):
 * the covered range is [ceil(start·k − ½), ceil(end·k − ½)) with k = 100 / duration, clamped to 0…100.
 */
export function sessionFacts(store: EventStore, rows: Int32Array, rowStart: Int32Array, sessions: number, duration: number) {
  const n = rows.length;
  const TY = store.type;
  const T = store.time;
  const P = store.position;
  const PTS = store.playTimeSum;
  let views = 0;
  for (let i = 0; i < n; i++) if (TY[rows[i]!] === T_VIEW) views++;
  const viewSeconds = new Float64Array(views);
  const viewBuckets = new Uint8Array(views * 4);
  const viewStart = new Int32Array(sessions + 1);
  const sFirst = new Float64Array(sessions);
  const sLast = new Float64Array(sessions);
  const sImpressions = new Int32Array(sessions);
  const sPlays = new Int32Array(sessions);
  const sSeconds = new Float64Array(sessions);
  const sMask = new Uint32Array(sessions * MASK_WORDS);
  const sFlags = new Uint8Array(sessions);
  const k = duration > 0 ? BUCKETS / duration : 0;
  const diffStart = new Int32Array(sessions + 1);
  let diffAt = new Uint8Array(sessions * 2 + 16);
  let diffBy = new Int32Array(sessions * 2 + 16);
  let nDiff = 0;
  /** The current session's difference array; [lo, hi] is the part of it in use. */
  const diff = new Int32Array(BUCKETS + 1);
  let lo = BUCKETS + 1;
  let hi = -1;
  const bump = (x: number, by: number) => {
    diff[x]! += by;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  };
  const bucketOf = (x: number) => Math.min(BUCKETS, Math.max(0, Math.ceil(x * k - 0.5)));
  let maxSpan = 0;
  let v = 0;
  for (let s = 0; s < sessions; s++) {
    viewStart[s] = v;
    diffStart[s] = nDiff;
    const from = rowStart[s]!;
    const end = rowStart[s + 1]!;
    sFirst[s] = T[rows[from]!]!;
    sLast[s] = T[rows[end - 1]!]!;
    if (sLast[s]! - sFirst[s]! > maxSpan) maxSpan = sLast[s]! - sFirst[s]!;
    let prevPts = NaN;
    let prevPos = NaN;
    let target = NaN;
    let impressions = 0;
    let plays = 0;
    let seconds = 0;
    let flags = 0;
    for (let i = from; i < end; i++) {
      const r = rows[i]!;
      const t = TY[r]!;
      if (t === T_IMPRESSION) impressions++;
      else if (t === T_PLAY) plays++;
      else if (t === T_SEEK) target = P[r]!;
      else if (t === T_REPLAY) target = 0;
      else if (t >= T_PT25 && t <= T_PT100) flags |= TOUCHED | (2 << (t - T_PT25));
      else if (t === T_VIEW) {
        const pts = PTS[r]!;
        const pos = P[r]!;
        const sec = Number.isNaN(prevPts) || pts < prevPts ? pts : pts - prevPts;
        viewSeconds[v] = sec;
        seconds += sec;
        flags |= TOUCHED;
        let s0 = pos - sec;
        let e0 = pos;
        let s1 = NaN;
        let e1 = NaN;
        if (!Number.isNaN(target)) {
          const after = Math.max(0, pos - target);
          s0 = pos - after;
          e0 = pos;
          const rest = sec - after;
          const start = Number.isNaN(prevPos) ? 0 : prevPos;
          if (rest > 0) {
            s1 = start;
            e1 = start + rest;
          }
        }
        let a0 = 0;
        let a1 = 0;
        let b0 = 0;
        let b1 = 0;
        if (duration > 0) {
          if (e0 > s0) {
            a0 = bucketOf(s0);
            a1 = bucketOf(e0);
            if (a1 <= a0) a0 = a1 = 0;
          }
          if (e1 > s1) {
            b0 = bucketOf(s1);
            b1 = bucketOf(e1);
            if (b1 <= b0) b0 = b1 = 0;
          }
        }
        const iv = v * 4;
        viewBuckets[iv] = a0;
        viewBuckets[iv + 1] = a1;
        viewBuckets[iv + 2] = b0;
        viewBuckets[iv + 3] = b1;
        setBits(sMask, s * MASK_WORDS, a0, a1);
        setBits(sMask, s * MASK_WORDS, b0, b1);
        if (a1 > a0) {
          bump(a0, 1);
          bump(a1, -1);
        }
        if (b1 > b0) {
          bump(b0, 1);
          bump(b1, -1);
        }
        prevPts = pts;
        prevPos = pos;
        target = NaN;
        v++;
      }
    }
    // The session's non-zero differences, in bucket order.
    for (let x = lo; x <= hi; x++) {
      const by = diff[x]!;
      if (by === 0) continue;
      diff[x] = 0;
      if (nDiff === diffAt.length) {
        diffAt = grow(diffAt, nDiff * 2);
        diffBy = grow(diffBy, nDiff * 2);
      }
      diffAt[nDiff] = x;
      diffBy[nDiff++] = by;
    }
    lo = BUCKETS + 1;
    hi = -1;
    sImpressions[s] = impressions;
    sPlays[s] = plays;
    sSeconds[s] = seconds;
    sFlags[s] = flags;
  }
  viewStart[sessions] = v;
  diffStart[sessions] = nDiff;
  return {
    sFirst,
    sLast,
    maxSpan,
    sImpressions,
    sPlays,
    sSeconds,
    sMask,
    sFlags,
    viewStart,
    viewSeconds,
    viewBuckets,
    diffStart,
    diffAt: diffAt.slice(0, nDiff),
    diffBy: diffBy.slice(0, nDiff),
  };
}

function grow<T extends Uint8Array | Int32Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/** `rows` (ascending) stably sorted by time. */
function sortByTime(rows: Int32Array, T: Float64Array): Int32Array {
  const n = rows.length;
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) times[i] = T[rows[i]!]!;
  const sorted = times.slice().sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!;
  const rank = new Int32Array(n);
  const start = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) {
    const t = times[i]!;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = lo;
    start[lo + 1]!++;
  }
  for (let k = 0; k < m; k++) start[k + 1]! += start[k]!;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[start[rank[i]!]!++] = rows[i]!;
  return out;
}

/** Sorts `order[from … to)` (rows of equal time) by eventIndex, then row: insertion sort, as runs are short. */
function sortRun(order: Int32Array, from: number, to: number, EI: Float64Array): void {
  for (let i = from + 1; i < to; i++) {
    const r = order[i]!;
    const e = EI[r]!;
    let j = i - 1;
    while (j >= from) {
      const q = order[j]!;
      const d = EI[q]! - e;
      // The full sort's comparator: eventIndex, then row (NaN differences compare as equal, then by row).
      if (d > 0 || (!(d < 0) && q > r)) {
        order[j + 1] = q;
        j--;
      } else break;
    }
    order[j + 1] = r;
  }
}

/** Index of the first element of the ascending `values[0 … n)` at or after `t`. */
export function lowerBound(values: Float64Array, n: number, t: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
