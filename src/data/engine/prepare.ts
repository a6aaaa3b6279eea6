/**
 * Per-entry preparation, done lazily once after ingest (and again only when the entry got new events): events sorted
 * by time, per-session attributes (those of the session's first event), and per-view seconds, watched intervals and
 * 1 % bucket masks. None of this depends on a query.
 * @internal
 */
import { BUCKETS } from '../types.js';
import { EventStore, T_REPLAY, T_SEEK, T_VIEW } from './store.js';

/** Words of a bucket bit mask: 100 buckets in 4 × 32 bits. */
export const MASK_WORDS = 4;

/** An entry's events, time-sorted, with everything that does not depend on a query. */
export interface PreparedEntry {
  version: number;
  duration: number;
  /** Number of events. */
  n: number;
  /** Per event, in time order. */
  time: Float64Array;
  type: Uint8Array;
  /** Local session index (0 … sessions-1). */
  session: Int32Array;
  /** Index into the view arrays, or -1 for an event that is not a view. */
  view: Int32Array;

  /** Per view: seconds played (the rule of DESIGN §3). */
  viewSeconds: Float64Array;
  /** Per view: up to two watched intervals as bucket ranges [a0, a1) and [b0, b1) (empty when start ≥ end). */
  viewBuckets: Uint8Array;
  /** Per view: the union of its intervals' buckets, {@link MASK_WORDS} words. */
  viewMask: Uint32Array;

  /** Per session: attributes of its first event (dictionary indices of the store, -1 when unknown). */
  sessions: number;
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
  const count = store.rowCountOfEntry[entry]!;
  const rows = store.rowsOfEntry[entry]!.subarray(0, count);
  const T = store.time;
  const EI = store.eventIndex;

  // 1. Time order (ties: eventIndex, then ingest order). Input usually arrives in time order: then only runs of equal
  // times may need reordering (by eventIndex), which gives the same order as the full sort at a fraction of its cost.
  // The store knows whether the entry's rows arrived in time order.
  let order: Int32Array = rows.slice();
  const byTime = store.timeOrderedEntry[entry]!;
  // Otherwise a stable counting sort by time rank (a native sort of the times, then a binary search per event): rows
  // stay in ingest order within a time, as the full sort's last tie-breaker wants.
  if (!byTime) order = sortByTime(order, T);
  for (let i = 0; i < count; ) {
    const t = T[order[i]!]!;
    let j = i + 1;
    while (j < count && T[order[j]!] === t) j++;
    if (j - i > 1) sortRun(order, i, j, EI);
    i = j;
  }

  // 2. Local sessions, numbered by first appearance in time order.
  const localOf = new Int32Array(store.sessionCount).fill(-1);
  const time = new Float64Array(count);
  const type = new Uint8Array(count);
  const session = new Int32Array(count);
  const firstRow: number[] = [];
  const ST = store.session;
  const TY = store.type;
  for (let i = 0; i < count; i++) {
    const r = order[i]!;
    time[i] = T[r]!;
    type[i] = TY[r]!;
    const g = ST[r]!;
    let s = localOf[g]!;
    if (s < 0) {
      s = firstRow.length;
      localOf[g] = s;
      firstRow.push(r);
    }
    session[i] = s;
  }
  const sessions = firstRow.length;
  const sUser = new Int32Array(sessions);
  const sCountry = new Int32Array(sessions);
  const sRegion = new Int32Array(sessions);
  const sCity = new Int32Array(sessions);
  const sDevice = new Uint8Array(sessions);
  const sDomain = new Int32Array(sessions);
  const sUrl = new Int32Array(sessions);
  const sCategories = new Int32Array(sessions);
  const sPlaybackType = new Uint8Array(sessions);
  for (let s = 0; s < sessions; s++) {
    const r = firstRow[s]!;
    sUser[s] = store.user[r]!;
    sCountry[s] = store.country[r]!;
    sRegion[s] = store.region[r]!;
    sCity[s] = store.city[r]!;
    sDevice[s] = store.device[r]!;
    sDomain[s] = store.domain[r]!;
    sUrl[s] = store.url[r]!;
    sCategories[s] = store.categories[r]!;
    sPlaybackType[s] = store.playbackType[r]!;
  }
  // The user of a session is its first event's; when that event has none, the first userId the session reports.
  for (let i = 0; i < count; i++) {
    const s = session[i]!;
    if (sUser[s] === -1) {
      const u = store.user[order[i]!]!;
      if (u >= 0) sUser[s] = u;
    }
  }

  // 3. Views: per session in time order, seconds and watched intervals.
  let views = 0;
  for (let i = 0; i < count; i++) if (type[i] === T_VIEW) views++;
  const view = new Int32Array(count).fill(-1);
  const viewSeconds = new Float64Array(views);
  const viewBuckets = new Uint8Array(views * 4);
  const viewMask = new Uint32Array(views * MASK_WORDS);
  const prevPts = new Float64Array(sessions).fill(NaN);
  const prevPos = new Float64Array(sessions).fill(NaN);
  const seekTarget = new Float64Array(sessions).fill(NaN);
  const P = store.position;
  const PTS = store.playTimeSum;
  // Bucket i covers [i %, (i+1) %) of the duration and is watched when its midpoint lies in the interval [start, end):
  // the covered range is [ceil(start·k − ½), ceil(end·k − ½)) with k = 100 / duration, clamped to 0…100.
  const k = duration > 0 ? BUCKETS / duration : 0;
  let v = 0;
  for (let i = 0; i < count; i++) {
    const t = type[i]!;
    const s = session[i]!;
    const r = order[i]!;
    if (t === T_SEEK) {
      seekTarget[s] = P[r]!;
      continue;
    }
    if (t === T_REPLAY) {
      // A replay restarts the media from 0: treated as a seek to 0.
      seekTarget[s] = 0;
      continue;
    }
    if (t !== T_VIEW) continue;
    const pts = PTS[r]!;
    const pos = P[r]!;
    const before = prevPts[s]!;
    const seconds = Number.isNaN(before) || pts < before ? pts : pts - before;
    view[i] = v;
    viewSeconds[v] = seconds;
    let s0 = pos - seconds;
    let e0 = pos;
    let s1 = NaN;
    let e1 = NaN;
    const target = seekTarget[s]!;
    if (!Number.isNaN(target)) {
      // The last seek since the previous view splits the period: [target, position] after it, even when that is
      // longer than the view's seconds (a counter reset between the seek and the view lost play time, but the player
      // did play from the target to the position); the rest of the seconds from the previous view's position on
      // before it, dropped when not positive.
      const after = Math.max(0, pos - target);
      s0 = pos - after;
      e0 = pos;
      const rest = seconds - after;
      const from = Number.isNaN(prevPos[s]!) ? 0 : prevPos[s]!;
      if (rest > 0) {
        s1 = from;
        e1 = from + rest;
      }
    }
    const iv = v * 4;
    let a0 = 0;
    let a1 = 0;
    let b0 = 0;
    let b1 = 0;
    if (duration > 0) {
      if (e0 > s0) {
        a0 = Math.min(BUCKETS, Math.max(0, Math.ceil(s0 * k - 0.5)));
        a1 = Math.min(BUCKETS, Math.max(0, Math.ceil(e0 * k - 0.5)));
        if (a1 <= a0) a0 = a1 = 0;
      }
      if (e1 > s1) {
        b0 = Math.min(BUCKETS, Math.max(0, Math.ceil(s1 * k - 0.5)));
        b1 = Math.min(BUCKETS, Math.max(0, Math.ceil(e1 * k - 0.5)));
        if (b1 <= b0) b0 = b1 = 0;
      }
    }
    viewBuckets[iv] = a0;
    viewBuckets[iv + 1] = a1;
    viewBuckets[iv + 2] = b0;
    viewBuckets[iv + 3] = b1;
    setBits(viewMask, v * MASK_WORDS, a0, a1);
    setBits(viewMask, v * MASK_WORDS, b0, b1);
    prevPts[s] = pts;
    prevPos[s] = pos;
    seekTarget[s] = NaN;
    v++;
  }

  return {
    version: store.versionOfEntry[entry]!,
    duration,
    n: count,
    time,
    type,
    session,
    view,
    viewSeconds,
    viewBuckets,
    viewMask,
    sessions,
    sUser,
    sCountry,
    sRegion,
    sCity,
    sDevice,
    sDomain,
    sUrl,
    sCategories,
    sPlaybackType,
    masks: new Map(),
  };
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

/** Index of the first event at or after `t` (binary search over the time-sorted events). */
export function lowerBound(time: Float64Array, n: number, t: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
