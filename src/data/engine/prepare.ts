/**
 * Per-entry preparation, done lazily on the first query of an entry after it got new events. Most of the work is
 * already done by then: while events are ingested, each session keeps its rows as a list and its facts up to date
 * (facts.ts), as long as its events arrive in its order. Preparation only
 *
 * 1. {@link repairSessions}: puts the sessions whose events arrived out of order back in order (their facts applied
 *    afresh); when some event of the entry has no eventIndex, the entry's events are ordered as a whole instead;
 * 2. {@link numberSessions}: numbers the entry's sessions by their first event (time, eventIndex, arrival);
 * 3. {@link gatherSessions}: copies the sessions' facts into arrays in that numbering (first and last event time,
 *    impressions, plays, seconds, watched buckets, reached-X flags, the difference arrays of their views' buckets),
 *    with their attributes: those of their first event (the user: the first one the session reports).
 *
 * A query then works per session: a session wholly inside the query's range (and, for timelines, inside one day)
 * contributes its facts; only the few sessions that straddle a boundary are read event by event, through their lists.
 * @internal
 */
import { BUCKETS } from '../types.js';
import { EventStore } from './store.js';
import { MASK_WORDS } from './facts.js';

export { MASK_WORDS, TOUCHED, popcount, setBits } from './facts.js';

/** An entry's sessions, with everything that does not depend on a query. */
export interface PreparedEntry {
  version: number;
  duration: number;
  /** Number of sessions; sessions are numbered by their first event (time, eventIndex, arrival). */
  sessions: number;
  /**
   * Per session: its global session index in the store, whose row list (`firstRow`, `nextInSession`) gives its
   * events in order.
   */
  sGlobal: Int32Array;
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
  /**
   * Per session: the difference array of its views' watched buckets, sparse. Entries `diffStart[s] … diffStart[s+1]`
   * add `diffBy[k]` at bucket `diffAt[k]` (0…100); running sums give how many of the session's views cover each bucket.
   * A continuous watch in many views leaves just two entries (its views' ends and starts cancel).
   */
  diffStart: Int32Array;
  diffAt: Uint8Array;
  diffBy: Int32Array;

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

/** Builds the prepared data of entry `entry` of `store` (its duration in seconds, 0 when unknown). */
export function prepareEntry(store: EventStore, entry: number, duration: number): PreparedEntry {
  const byFirstAppearance = repairSessions(store, entry);
  const sGlobal = numberSessions(store, entry, byFirstAppearance);
  return {
    version: store.versionOfEntry[entry]!,
    duration,
    sessions: sGlobal.length,
    sGlobal,
    ...gatherSessions(store, sGlobal),
    masks: new Map(),
  };
}

/**
 * Phase 1: every session of the entry in its order. A session whose events arrived out of order gets its rows sorted
 * (time, then eventIndex, then arrival) and its facts applied afresh. When an event of the entry has no eventIndex,
 * the entry's events are ordered as a whole (by time; equal times by eventIndex, then arrival, see {@link sortRun}),
 * each session takes its rows in that order, and the sessions in order of first appearance are returned; otherwise
 * null.
 */
export function repairSessions(store: EventStore, entry: number): Int32Array | null {
  const list = store.sessionsOfEntry[entry]!;
  const count = store.sessionCountOfEntry[entry]!;
  if (store.missingIndex[entry]) return orderWhole(store, list.subarray(0, count));
  const T = store.time;
  const EI = store.eventIndex;
  const next = store.nextInSession;
  let rows = new Int32Array(64);
  for (let k = 0; k < count; k++) {
    const g = list[k]!;
    if (store.unordered[g] === 0) continue;
    let n = 0;
    for (let r = store.firstRow[g]!; r >= 0; r = next[r]!) {
      if (n === rows.length) {
        const more = new Int32Array(n * 2);
        more.set(rows);
        rows = more;
      }
      rows[n++] = r;
    }
    const sorted = rows.subarray(0, n).sort((a, b) => T[a]! - T[b]! || EI[a]! - EI[b]! || a - b);
    store.relink(g, sorted, 0, n);
  }
  return null;
}

/**
 * The whole-entry order of phase 1: the entry's rows in time order (ties: eventIndex, then ingest order), each
 * session relinked in it; returns the sessions by first appearance.
 */
function orderWhole(store: EventStore, sessions: Int32Array): Int32Array {
  const next = store.nextInSession;
  let total = 0;
  for (const g of sessions) for (let r = store.firstRow[g]!; r >= 0; r = next[r]!) total++;
  const rows = new Int32Array(total);
  /** Each row's global session (rows of other entries: unused). */
  const sessionOfRow = new Int32Array(store.length);
  let n = 0;
  for (const g of sessions) {
    for (let r = store.firstRow[g]!; r >= 0; r = next[r]!) {
      rows[n++] = r;
      sessionOfRow[r] = g;
    }
  }
  rows.sort();
  const T = store.time;
  const order = sortByTime(rows, T);
  for (let i = 0; i < total; ) {
    const t = T[order[i]!]!;
    let j = i + 1;
    while (j < total && T[order[j]!] === t) j++;
    if (j - i > 1) sortRun(order, i, j, store.eventIndex);
    i = j;
  }
  // Sessions by first appearance, and each session's rows (a stable counting sort by session).
  const ST = sessionOfRow;
  const localOf = new Map<number, number>();
  const local = new Int32Array(total);
  const byAppearance: number[] = [];
  for (let i = 0; i < total; i++) {
    const g = ST[order[i]!]!;
    let s = localOf.get(g);
    if (s === undefined) {
      s = byAppearance.length;
      localOf.set(g, s);
      byAppearance.push(g);
    }
    local[i] = s;
  }
  const m = byAppearance.length;
  const start = new Int32Array(m + 1);
  for (let i = 0; i < total; i++) start[local[i]! + 1]!++;
  for (let s = 0; s < m; s++) start[s + 1]! += start[s]!;
  const at = start.slice(0, m);
  const bySession = new Int32Array(total);
  for (let i = 0; i < total; i++) bySession[at[local[i]!]!++] = order[i]!;
  for (let s = 0; s < m; s++) store.relink(byAppearance[s]!, bySession, start[s]!, start[s + 1]!);
  return Int32Array.from(byAppearance);
}

/**
 * Phase 2: the entry's sessions that have events, numbered by their first event (time, then eventIndex, then
 * arrival), or in the order phase 1 gave.
 */
export function numberSessions(store: EventStore, entry: number, given: Int32Array | null): Int32Array {
  const list = store.sessionsOfEntry[entry]!;
  const count = store.sessionCountOfEntry[entry]!;
  const first = store.firstRow;
  const firstTime = store.firstTime;
  const EI = store.eventIndex;
  let sGlobal: Int32Array;
  if (given) sGlobal = given;
  else {
    sGlobal = new Int32Array(count);
    let m = 0;
    let sorted = true;
    let pt = -Infinity;
    let pr = -1;
    for (let k = 0; k < count; k++) {
      const g = list[k]!;
      const r = first[g]!;
      if (r < 0) continue; // a session whose only events were skipped
      sGlobal[m++] = g;
      const t = firstTime[g]!;
      // The eventIndex is read only for equal times (the rows are all over the columns).
      if (t < pt) sorted = false;
      else if (t === pt) {
        const e = EI[r]!;
        if (e < EI[pr]! || (e === EI[pr] && r < pr)) sorted = false;
      }
      pt = t;
      pr = r;
    }
    sGlobal = sGlobal.slice(0, m);
    if (!sorted) {
      sGlobal.sort((a, b) => {
        const ra = first[a]!;
        const rb = first[b]!;
        return firstTime[a]! - firstTime[b]! || EI[ra]! - EI[rb]! || ra - rb;
      });
    }
  }
  return sGlobal;
}

/**
 * Phase 3: per session (in the entry's numbering), its facts as the store kept them while events arrived (first and
 * last event time, impressions, plays, seconds, watched buckets, reached-X flags, the difference array of its views'
 * buckets) and its attributes: those of its first event. Its user is the first event's, or when that event has none,
 * the first userId the session reports later (a viewer who signs in mid-session). One loop over the sessions, every
 * store array read in session order.
 */
export function gatherSessions(store: EventStore, sGlobal: Int32Array) {
  const sessions = sGlobal.length;
  const f = store.facts;
  const { firstTime, lastTime, firstAttr, firstRow, hasUser, nextInSession: next, attr: A } = store;
  const { impressions, plays, seconds, mask, flags } = f;
  const { recUser: U, recCountry, recRegion, recCity, recDevice, recDomain, recUrl, recCategories, recPlaybackType } = store;
  const sFirst = new Float64Array(sessions);
  const sLast = new Float64Array(sessions);
  const sImpressions = new Int32Array(sessions);
  const sPlays = new Int32Array(sessions);
  const sSeconds = new Float64Array(sessions);
  const sMask = new Uint32Array(sessions * MASK_WORDS);
  const sFlags = new Uint8Array(sessions);
  const diffStart = new Int32Array(sessions + 1);
  let diffAt = new Uint8Array(sessions * 2 + BUCKETS + 1);
  let diffBy = new Int32Array(sessions * 2 + BUCKETS + 1);
  const sUser = new Int32Array(sessions);
  const sCountry = new Int32Array(sessions);
  const sRegion = new Int32Array(sessions);
  const sCity = new Int32Array(sessions);
  const sDevice = new Uint8Array(sessions);
  const sDomain = new Int32Array(sessions);
  const sUrl = new Int32Array(sessions);
  const sCategories = new Int32Array(sessions);
  const sPlaybackType = new Uint8Array(sessions);
  let nDiff = 0;
  let maxSpan = 0;
  for (let s = 0; s < sessions; s++) {
    const g = sGlobal[s]!;
    const first = firstTime[g]!;
    const last = lastTime[g]!;
    sFirst[s] = first;
    sLast[s] = last;
    if (last - first > maxSpan) maxSpan = last - first;
    sImpressions[s] = impressions[g]!;
    sPlays[s] = plays[g]!;
    sSeconds[s] = seconds[g]!;
    const o = s * MASK_WORDS;
    const og = g * MASK_WORDS;
    sMask[o] = mask[og]!;
    sMask[o + 1] = mask[og + 1]!;
    sMask[o + 2] = mask[og + 2]!;
    sMask[o + 3] = mask[og + 3]!;
    sFlags[s] = flags[g]!;
    diffStart[s] = nDiff;
    if (nDiff + BUCKETS + 1 > diffAt.length) {
      diffAt = grow(diffAt, diffAt.length * 2);
      diffBy = grow(diffBy, diffBy.length * 2);
    }
    nDiff = f.diffsOf(g, diffAt, diffBy, nDiff);
    const a = firstAttr[g]!;
    let u = U[a]!;
    if (u < 0 && hasUser[g] === 1) for (let r = next[firstRow[g]!]!; u < 0 && r >= 0; r = next[r]!) u = U[A[r]!]!;
    sUser[s] = u;
    sCountry[s] = recCountry[a]!;
    sRegion[s] = recRegion[a]!;
    sCity[s] = recCity[a]!;
    sDevice[s] = recDevice[a]!;
    sDomain[s] = recDomain[a]!;
    sUrl[s] = recUrl[a]!;
    sCategories[s] = recCategories[a]!;
    sPlaybackType[s] = recPlaybackType[a]!;
  }
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
    diffStart,
    diffAt: diffAt.slice(0, nDiff),
    diffBy: diffBy.slice(0, nDiff),
    sUser,
    sCountry,
    sRegion,
    sCity,
    sDevice,
    sDomain,
    sUrl,
    sCategories,
    sPlaybackType,
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
