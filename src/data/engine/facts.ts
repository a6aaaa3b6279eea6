/**
 * Per-session facts, kept up to date while events are ingested: what the engine's preparation used to compute in a
 * pass over every event of an entry, now computed one event at a time as it arrives, so the first query finds it done.
 *
 * A view's facts are its seconds and its watched bucket ranges, by the real-player rules (counter resets, seek
 * splitting, replays, clipping to the duration: {@link viewFacts}). Per session (by global session index): impressions,
 * plays, seconds, the union of its watched buckets (100 bits in 4 words), its reached-X flags and the difference
 * array of its views' buckets; and the running state the next view needs (previous playTimeSum and position, the last
 * seek's target since the previous view).
 *
 * The facts are exact only when a session's events are applied in the session's order (time, then eventIndex, then
 * arrival). The store applies an event at once when it comes in that order (the usual case: players send in order)
 * and otherwise marks the session for repair; preparation then resets the session and applies its events again, in
 * order ({@link SessionFacts.reset}, {@link SessionFacts.step}).
 * @internal
 */
import { BUCKETS } from '../types.js';
import { T_IMPRESSION, T_PLAY, T_PT100, T_PT25, T_REPLAY, T_SEEK, T_VIEW } from './event-types.js';

/** Words of a bucket bit mask: 100 buckets in 4 × 32 bits. */
export const MASK_WORDS = 4;

/** Session flag bits: bit 0 "has a view or reached-X event"; bits 1–4 reached 25/50/75/100 %. */
export const TOUCHED = 1;

/**
 * Difference-array entries a session keeps inline (bucket, amount). A continuous watch in many views needs two (its
 * views' ends and starts cancel); each seek adds a few. A session that needs more moves to a dense array of its own.
 */
const INLINE_DIFFS = 8;

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

function grown<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a.subarray(0, Math.min(a.length, n)));
  return b;
}

/** The bucket boundary of media second `x`: buckets whose midpoint lies before x, clamped to 0…{@link BUCKETS}. */
function bucketOf(x: number, k: number): number {
  return Math.min(BUCKETS, Math.max(0, Math.ceil(x * k - 0.5)));
}

/**
 * The facts of one view: its seconds and up to two watched intervals as bucket ranges [a0, a1) and [b0, b1) (empty
 * when start ≥ end), written to `out` as [seconds, a0, a1, b0, b1]. `prevPts`, `prevPos`: the session's previous view
 * (NaN: none); `target`: the last seek's target since then (NaN: none); `k`: 100 / duration (0: no buckets).
 *
 * A view's seconds are its playTimeSum minus the previous view's, or its own playTimeSum after a counter reset
 * (smaller than the previous). Its interval is [position − seconds, position]; when seeks lie between it and the
 * previous view, the last one splits it: [target, position] after the seek (even when longer than the seconds: a
 * reset lost play time), the rest of the seconds from the previous view's position on before it (dropped when not
 * positive). A replay is a seek to 0. Bucket i covers [i %, (i+1) %) of the duration and is watched when its
 * midpoint lies in the interval: the covered range is [ceil(start·k − ½), ceil(end·k − ½)), clamped to 0…100.
 */
export function viewFacts(prevPts: number, prevPos: number, target: number, pos: number, pts: number, k: number, out: Float64Array): void {
  const sec = Number.isNaN(prevPts) || pts < prevPts ? pts : pts - prevPts;
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
  if (k > 0) {
    if (e0 > s0) {
      a0 = bucketOf(s0, k);
      a1 = bucketOf(e0, k);
      if (a1 <= a0) a0 = a1 = 0;
    }
    if (e1 > s1) {
      b0 = bucketOf(s1, k);
      b1 = bucketOf(e1, k);
      if (b1 <= b0) b0 = b1 = 0;
    }
  }
  out[0] = sec;
  out[1] = a0;
  out[2] = a1;
  out[3] = b0;
  out[4] = b1;
}

/**
 * Walks one session's events in order, as {@link SessionFacts.step} does, and gives each view's facts: how a query
 * reads the events of a session that straddles a boundary of its range (the per-session facts cover the whole
 * session, the walk only the events inside the range).
 */
export class ViewWalker {
  private prevPts = NaN;
  private prevPos = NaN;
  private target = NaN;
  /** The last view's [seconds, a0, a1, b0, b1]. */
  readonly view = new Float64Array(5);

  /** Starts a session. */
  reset(): void {
    this.prevPts = NaN;
    this.prevPos = NaN;
    this.target = NaN;
  }

  /** The session's next event; true when it is a view (its facts are then in {@link ViewWalker.view}). */
  step(type: number, position: number, playTimeSum: number, k: number): boolean {
    if (type === T_VIEW) {
      viewFacts(this.prevPts, this.prevPos, this.target, position, playTimeSum, k, this.view);
      this.prevPts = playTimeSum;
      this.prevPos = position;
      this.target = NaN;
      return true;
    }
    if (type === T_SEEK) this.target = position;
    else if (type === T_REPLAY) this.target = 0;
    return false;
  }
}

/** Running facts of every session. */
export class SessionFacts {
  /** The facts of the view being applied. */
  private readonly out = new Float64Array(5);

  // Per global session.
  impressions = new Int32Array(0);
  plays = new Int32Array(0);
  seconds = new Float64Array(0);
  mask = new Uint32Array(0);
  flags = new Uint8Array(0);
  /** Running state: the previous view's playTimeSum and position (NaN: none yet), the last seek's target (NaN: none). */
  prevPts = new Float64Array(0);
  prevPos = new Float64Array(0);
  target = new Float64Array(0);
  /** Inline difference entries: count, buckets and amounts ({@link INLINE_DIFFS} slots per session). */
  diffCount = new Uint8Array(0);
  diffAt = new Uint8Array(0);
  diffBy = new Int32Array(0);
  /** Sessions whose differences outgrew the inline slots: a dense array of {@link BUCKETS} + 1 amounts each. */
  readonly dense = new Map<number, Int32Array>();

  /** Makes room for `sessions` sessions. */
  growSessions(sessions: number): void {
    this.impressions = grown(this.impressions, sessions);
    this.plays = grown(this.plays, sessions);
    this.seconds = grown(this.seconds, sessions);
    this.mask = grown(this.mask, sessions * MASK_WORDS);
    this.flags = grown(this.flags, sessions);
    this.prevPts = grown(this.prevPts, sessions);
    this.prevPos = grown(this.prevPos, sessions);
    this.target = grown(this.target, sessions);
    this.diffCount = grown(this.diffCount, sessions);
    this.diffAt = grown(this.diffAt, sessions * INLINE_DIFFS);
    this.diffBy = grown(this.diffBy, sessions * INLINE_DIFFS);
  }

  /** Sets session `s` to "no events yet". */
  reset(s: number): void {
    this.impressions[s] = 0;
    this.plays[s] = 0;
    this.seconds[s] = 0;
    const o = s * MASK_WORDS;
    this.mask[o] = this.mask[o + 1] = this.mask[o + 2] = this.mask[o + 3] = 0;
    this.flags[s] = 0;
    this.prevPts[s] = NaN;
    this.prevPos[s] = NaN;
    this.target[s] = NaN;
    this.diffCount[s] = 0;
    this.dense.delete(s);
  }

  /**
   * Applies the next event of session `s` (in the session's order): of type `type` at media `position` with
   * `playTimeSum`; `k` is 100 / the entry's duration (0 when unknown: no buckets). Views by {@link viewFacts}.
   */
  step(s: number, type: number, position: number, playTimeSum: number, k: number): void {
    if (type === T_IMPRESSION) this.impressions[s]!++;
    else if (type === T_PLAY) this.plays[s]!++;
    else if (type === T_SEEK) this.target[s] = position;
    else if (type === T_REPLAY) this.target[s] = 0;
    else if (type >= T_PT25 && type <= T_PT100) this.flags[s]! |= TOUCHED | (2 << (type - T_PT25));
    else if (type === T_VIEW) this.view(s, position, playTimeSum, k);
  }

  private view(s: number, pos: number, pts: number, k: number): void {
    const out = this.out;
    viewFacts(this.prevPts[s]!, this.prevPos[s]!, this.target[s]!, pos, pts, k, out);
    this.seconds[s]! += out[0]!;
    this.flags[s]! |= TOUCHED;
    const a0 = out[1]!;
    const a1 = out[2]!;
    const b0 = out[3]!;
    const b1 = out[4]!;
    if (a1 > a0) {
      setBits(this.mask, s * MASK_WORDS, a0, a1);
      this.bump(s, a0, 1);
      this.bump(s, a1, -1);
    }
    if (b1 > b0) {
      setBits(this.mask, s * MASK_WORDS, b0, b1);
      this.bump(s, b0, 1);
      this.bump(s, b1, -1);
    }
    this.prevPts[s] = pts;
    this.prevPos[s] = pos;
    this.target[s] = NaN;
  }

  /** Adds `by` at bucket `x` of session `s`'s difference array (an entry that reaches 0 is dropped). */
  private bump(s: number, x: number, by: number): void {
    const dense = this.dense.size > 0 ? this.dense.get(s) : undefined;
    if (dense) {
      dense[x]! += by;
      return;
    }
    const at = this.diffAt;
    const amounts = this.diffBy;
    const o = s * INLINE_DIFFS;
    const n = this.diffCount[s]!;
    for (let i = o; i < o + n; i++) {
      if (at[i] !== x) continue;
      const v = amounts[i]! + by;
      if (v !== 0) amounts[i] = v;
      else {
        // Drop it: the last entry takes its place.
        at[i] = at[o + n - 1]!;
        amounts[i] = amounts[o + n - 1]!;
        this.diffCount[s] = n - 1;
      }
      return;
    }
    if (n < INLINE_DIFFS) {
      at[o + n] = x;
      amounts[o + n] = by;
      this.diffCount[s] = n + 1;
      return;
    }
    const d = new Int32Array(BUCKETS + 1);
    for (let i = o; i < o + n; i++) d[at[i]!] = amounts[i]!;
    d[x]! += by;
    this.dense.set(s, d);
  }

  /**
   * Writes session `s`'s non-zero differences, in bucket order, at `outAt[from …]` / `outBy[from …]`; returns the
   * index after the last one written. The output arrays must have room for {@link BUCKETS} + 1 more.
   */
  diffsOf(s: number, outAt: Uint8Array, outBy: Int32Array, from: number): number {
    let n = from;
    const dense = this.dense.size > 0 ? this.dense.get(s) : undefined;
    if (dense) {
      for (let x = 0; x <= BUCKETS; x++) {
        if (dense[x] === 0) continue;
        outAt[n] = x;
        outBy[n++] = dense[x]!;
      }
      return n;
    }
    const o = s * INLINE_DIFFS;
    const count = this.diffCount[s]!;
    // Insertion sort by bucket of the few inline entries, straight into the output.
    for (let i = o; i < o + count; i++) {
      const x = this.diffAt[i]!;
      const by = this.diffBy[i]!;
      let j = n - 1;
      while (j >= from && outAt[j]! > x) {
        outAt[j + 1] = outAt[j]!;
        outBy[j + 1] = outBy[j]!;
        j--;
      }
      outAt[j + 1] = x;
      outBy[j + 1] = by;
      n++;
    }
    return n;
  }
}
