/**
 * The pass every query runs over the sessions of its range. A session wholly inside the range (and, for a timeline,
 * inside one day) contributes its prepared facts at once; a session that straddles a boundary is read event by event
 * (only its events inside the range count, split by day for timelines). Sessions are ordered by their first event,
 * so the range's sessions are found by binary search. Scratch arrays sized by the user dictionary are reused from one
 * query to the next (cleared through a stamp, never reallocated per query).
 * @internal
 */
import { BUCKETS, type MetricSet, type PlayThrough } from '../types.js';
import { MASK_WORDS, TOUCHED, lowerBound, popcount, setBits, type PreparedEntry } from './prepare.js';
import { ViewWalker } from './facts.js';
import { T_IMPRESSION, T_PLAY, T_PT100, T_PT25 } from './event-types.js';

/** The store's row lists and the columns a straddling session's events are read from. */
export interface RowLists {
  /** Per global session: its first row; per row: its session's next row (-1: none). */
  firstRow: Int32Array;
  next: Int32Array;
  position: Float64Array;
  playTimeSum: Float64Array;
}

/** Walks the straddling sessions' events (one query at a time). */
const walker = new ViewWalker();

/** 100 / the entry's duration (0 when unknown), as the store's facts use it. */
const bucketsPerSecond = (p: PreparedEntry): number => (p.duration > 0 ? BUCKETS / p.duration : 0);

/** What a pass computes. */
export interface PassSpec {
  /** The query's range as instants [from, to). */
  from: number;
  to: number;
  /** The store's time and type columns (the straddling sessions' events are read from them). */
  time: Float64Array;
  type: Uint8Array;
  lists: RowLists;
  /** Per session: non-zero when the session passes the filters. */
  mask: Uint8Array;
  /** Number of groups. */
  groups: number;
  /** Group of each session (-1: in no group, only in the total). Null: by day (`dayBounds`) or a single group 0. */
  sessionGroup?: Int32Array | Uint8Array | null;
  /** Timeline: day boundaries (the group of an event is its day, or `dayGroup[day]`). */
  dayBounds?: Float64Array | null;
  dayGroup?: Int32Array | null;
  /** Also accumulate every passing session into an extra slot at index `groups`. */
  total?: boolean;
  /** Number of users (user slots are user index + 1; slot 0 is all anonymous sessions). */
  users: number;
  /** Compute retention arrays (views, viewers, uniqueUsers). */
  retention?: boolean;
  /** Heatmap: row of each user slot (-1: none) and number of rows. */
  heatmapRow?: Int32Array;
  heatmapRows?: number;
  /** Session → user index (-1 anonymous). */
  sUser: Int32Array;
}

/** What a pass returns: per slot (group, then the total when asked). */
export interface PassResult {
  slots: number;
  impressions: Float64Array;
  plays: Float64Array;
  seconds: Float64Array;
  /** Σ over sessions of distinct buckets watched. */
  bits: Float64Array;
  /** 4 per slot: sessions reaching 25, 50, 75, 100 %. */
  pt: Float64Array;
  uniqueViewers: Float64Array;
  views?: Float64Array;
  viewers?: Float64Array;
  uniqueUsers?: Float64Array;
  /** 100 per heatmap row. */
  heat?: Float64Array;
}

/**
 * Per-user scratch shared by every pass (one query at a time): a stamp per user slot says whether the slot was
 * touched by the current pass, so nothing is cleared or reallocated per query.
 */
class Scratch {
  stamp = new Int32Array(0);
  /** First group a user's play was counted in (valid when stamped). */
  group = new Int32Array(0);
  totalStamp = new Int32Array(0);
  /** Union of watched buckets per user slot (valid when `maskStamp` is current). */
  mask = new Uint32Array(0);
  maskStamp = new Int32Array(0);
  epoch = 0;
  /** (group, user) pairs seen beyond a user's first group. */
  readonly pairs = new Set<number>();

  begin(slots: number): void {
    if (this.stamp.length < slots) {
      const n = Math.max(slots, this.stamp.length * 2);
      this.stamp = new Int32Array(n);
      this.group = new Int32Array(n);
      this.totalStamp = new Int32Array(n);
      this.mask = new Uint32Array(n * MASK_WORDS);
      this.maskStamp = new Int32Array(n);
      this.epoch = 0;
    }
    this.epoch++;
    this.pairs.clear();
  }
}
const scratch = new Scratch();

/** The sessions that may have events in [from, to): those whose first event is in [from − longest span, to). */
function candidates(p: PreparedEntry, from: number, to: number): [number, number] {
  return [lowerBound(p.sFirst, p.sessions, from - p.maxSpan), lowerBound(p.sFirst, p.sessions, to)];
}

/** Runs the pass. */
export function runPass(p: PreparedEntry, spec: PassSpec): PassResult {
  const { from, to, mask, groups } = spec;
  const TOTAL = spec.total === true ? groups : -1;
  const slots = groups + (TOTAL >= 0 ? 1 : 0);
  const impressions = new Float64Array(slots);
  const plays = new Float64Array(slots);
  const seconds = new Float64Array(slots);
  const bits = new Float64Array(slots);
  const pt = new Float64Array(slots * 4);
  const uniq = new Float64Array(slots);
  const nUserSlots = spec.users + 1;
  const sUser = spec.sUser;
  const sessionGroup = spec.sessionGroup ?? null;
  const dayBounds = spec.dayBounds ?? null;
  const dayGroup = spec.dayGroup ?? null;
  const retention = spec.retention === true;
  const viewsDiff = retention ? new Float64Array(BUCKETS + 1) : null;
  /** Difference array of the viewers per bucket (a session adds its watched runs). */
  const viewersDiff = retention ? new Float64Array(BUCKETS + 1) : null;
  const heatRow = spec.heatmapRow ?? null;
  const heatDiff = heatRow ? new Float64Array((spec.heatmapRows ?? 0) * (BUCKETS + 1)) : null;
  const { firstRow, next, position: P, playTimeSum: PTS } = spec.lists;
  const k = bucketsPerSecond(p);
  const vf = walker.view;
  scratch.begin(nUserSlots);
  const { stamp, group: firstGroup, totalStamp, pairs } = scratch;
  const epoch = scratch.epoch;
  const touchedUsers: number[] = [];

  // --- The phases' shared steps.

  /** A play of user slot `u` in group `g`: counts the user once per group and once in the total. */
  const countViewer = (g: number, u: number) => {
    if (g >= 0) {
      if (stamp[u] !== epoch) {
        stamp[u] = epoch;
        firstGroup[u] = g;
        uniq[g]!++;
      } else if (firstGroup[u] !== g) {
        const key = g * nUserSlots + u;
        if (!pairs.has(key)) {
          pairs.add(key);
          uniq[g]!++;
        }
      }
    }
    if (TOTAL >= 0 && totalStamp[u] !== epoch) {
      totalStamp[u] = epoch;
      uniq[TOTAL]!++;
    }
  };

  /** One session's watched buckets and reached-X flags in group `g` (its whole range part, or one day of it). */
  const addCoverage = (s: number, g: number, m0: number, m1: number, m2: number, m3: number, flags: number) => {
    if (flags === 0) return;
    const nb = popcount(m0) + popcount(m1) + popcount(m2) + popcount(m3);
    if (g >= 0) {
      bits[g]! += nb;
      for (let q = 0; q < 4; q++) if (flags & (2 << q)) pt[g * 4 + q]!++;
    }
    if (TOTAL >= 0) {
      bits[TOTAL]! += nb;
      for (let q = 0; q < 4; q++) if (flags & (2 << q)) pt[TOTAL * 4 + q]!++;
    }
    if (nb > 0 && viewersDiff) {
      addRuns(viewersDiff, m0, m1, m2, m3);
      const u = sUser[s]! + 1;
      const um = scratch.mask;
      const o = u * MASK_WORDS;
      if (scratch.maskStamp[u] !== epoch) {
        scratch.maskStamp[u] = epoch;
        um[o] = um[o + 1] = um[o + 2] = um[o + 3] = 0;
        touchedUsers.push(u);
      }
      um[o] = (um[o]! | m0) >>> 0;
      um[o + 1] = (um[o + 1]! | m1) >>> 0;
      um[o + 2] = (um[o + 2]! | m2) >>> 0;
      um[o + 3] = (um[o + 3]! | m3) >>> 0;
    }
  };

  /** The walked view's watched bucket ranges into the retention and heatmap difference arrays. */
  const addView = (s: number) => {
    const a0 = vf[1]!;
    const a1 = vf[2]!;
    const b0 = vf[3]!;
    const b1 = vf[4]!;
    if (viewsDiff) {
      if (a1 > a0) {
        viewsDiff[a0]!++;
        viewsDiff[a1]!--;
      }
      if (b1 > b0) {
        viewsDiff[b0]!++;
        viewsDiff[b1]!--;
      }
    }
    if (heatDiff) {
      const row = heatRow![sUser[s]! + 1]!;
      if (row >= 0) {
        const h = row * (BUCKETS + 1);
        if (a1 > a0) {
          heatDiff[h + a0]!++;
          heatDiff[h + a1]!--;
        }
        if (b1 > b0) {
          heatDiff[h + b0]!++;
          heatDiff[h + b1]!--;
        }
      }
    }
  };

  /** Phase A: a session wholly inside the range (and inside one group): its prepared facts. */
  const addSession = (s: number, g: number) => {
    const i = p.sImpressions[s]!;
    const n = p.sPlays[s]!;
    const sec = p.sSeconds[s]!;
    if (g >= 0) {
      impressions[g]! += i;
      plays[g]! += n;
      seconds[g]! += sec;
    }
    if (TOTAL >= 0) {
      impressions[TOTAL]! += i;
      plays[TOTAL]! += n;
      seconds[TOTAL]! += sec;
    }
    if (n > 0) countViewer(g, sUser[s]! + 1);
    const o = s * MASK_WORDS;
    const sm = p.sMask;
    addCoverage(s, g, sm[o]!, sm[o + 1]!, sm[o + 2]!, sm[o + 3]!, p.sFlags[s]!);
    if (viewsDiff || heatDiff) {
      const row = heatRow ? heatRow[sUser[s]! + 1]! : -1;
      if (viewsDiff || row >= 0) {
        const { diffAt, diffBy } = p;
        const h = row * (BUCKETS + 1);
        for (let k = p.diffStart[s]!, end = p.diffStart[s + 1]!; k < end; k++) {
          if (viewsDiff) viewsDiff[diffAt[k]!]! += diffBy[k]!;
          if (row >= 0) heatDiff![h + diffAt[k]!]! += diffBy[k]!;
        }
      }
    }
  };

  /** Phase B: a session that straddles a boundary of the range (or of a day): its events in the range, one by one. */
  const seg = new Uint32Array(MASK_WORDS);
  const T = spec.time;
  const TY = spec.type;
  const scanSession = (s: number) => {
    let day = 0;
    let g = -2;
    let flags = 0;
    seg.fill(0);
    const flush = () => {
      addCoverage(s, g, seg[0]!, seg[1]!, seg[2]!, seg[3]!, flags);
      flags = 0;
      seg.fill(0);
    };
    const fixed = dayBounds ? -2 : sessionGroup ? sessionGroup[s]! : 0;
    const u = sUser[s]! + 1;
    walker.reset();
    for (let r = firstRow[p.sGlobal[s]!]!; r >= 0; r = next[r]!) {
      const t = TY[r]!;
      const time = T[r]!;
      const isView = walker.step(t, P[r]!, PTS[r]!, k);
      if (time < from || time >= to) continue;
      let eg = fixed;
      if (dayBounds) {
        if (g === -2) day = Math.max(0, lowerBound(dayBounds, dayBounds.length, time) - 1);
        while (time >= dayBounds[day + 1]!) day++;
        eg = dayGroup ? dayGroup[day]! : day;
      }
      if (eg !== g) {
        if (g !== -2) flush();
        g = eg;
      }
      if (t === T_IMPRESSION) {
        if (g >= 0) impressions[g]!++;
        if (TOTAL >= 0) impressions[TOTAL]!++;
      } else if (t === T_PLAY) {
        if (g >= 0) plays[g]!++;
        if (TOTAL >= 0) plays[TOTAL]!++;
        countViewer(g, u);
      } else if (isView) {
        const sec = vf[0]!;
        if (g >= 0) seconds[g]! += sec;
        if (TOTAL >= 0) seconds[TOTAL]! += sec;
        setBits(seg, 0, vf[1]!, vf[2]!);
        setBits(seg, 0, vf[3]!, vf[4]!);
        flags |= TOUCHED;
        if (viewsDiff || heatDiff) addView(s);
      } else if (t >= T_PT25 && t <= T_PT100) flags |= TOUCHED | (2 << (t - T_PT25));
    }
    if (g !== -2) flush();
  };

  // --- The pass.
  const [sLo, sHi] = candidates(p, from, to);
  const sFirst = p.sFirst;
  const sLast = p.sLast;
  let day = 0;
  for (let s = sLo; s < sHi; s++) {
    if (mask[s] === 0) continue;
    const first = sFirst[s]!;
    const last = sLast[s]!;
    if (last < from) continue;
    if (first < from || last >= to) scanSession(s);
    else if (dayBounds) {
      // Sessions inside the range come in order of their first event: the day only moves forward.
      while (first >= dayBounds[day + 1]!) day++;
      if (last < dayBounds[day + 1]!) addSession(s, dayGroup ? dayGroup[day]! : day);
      else scanSession(s);
    } else addSession(s, sessionGroup ? sessionGroup[s]! : 0);
  }

  // --- Results.
  const result: PassResult = { slots, impressions, plays, seconds, bits, pt, uniqueViewers: uniq };
  if (viewsDiff && viewersDiff) {
    const usersDiff = new Float64Array(BUCKETS + 1);
    const um = scratch.mask;
    for (const u of touchedUsers) {
      const o = u * MASK_WORDS;
      addRuns(usersDiff, um[o]!, um[o + 1]!, um[o + 2]!, um[o + 3]!);
    }
    result.views = runningSums(viewsDiff);
    result.viewers = runningSums(viewersDiff);
    result.uniqueUsers = runningSums(usersDiff);
  }
  if (heatDiff) {
    const rows = spec.heatmapRows ?? 0;
    const heat = new Float64Array(rows * BUCKETS);
    for (let r = 0; r < rows; r++) {
      let run = 0;
      for (let b = 0; b < BUCKETS; b++) {
        run += heatDiff[r * (BUCKETS + 1) + b]!;
        heat[r * BUCKETS + b] = run;
      }
    }
    result.heat = heat;
  }
  return result;
}

/** The first {@link BUCKETS} running sums of a difference array. */
function runningSums(diff: Float64Array): Float64Array {
  const out = new Float64Array(BUCKETS);
  let run = 0;
  for (let b = 0; b < BUCKETS; b++) {
    run += diff[b]!;
    out[b] = run;
  }
  return out;
}

/**
 * Adds a 128-bit mask (4 words, bucket b = bit b % 32 of word b / 32) to a difference array run by run: +1 where a run
 * of set bits starts, −1 after it ends. Watched buckets come in a few runs, so this costs far less than a bit each.
 */
function addRuns(diff: Float64Array, m0: number, m1: number, m2: number, m3: number): void {
  let carry = 0; // the previous word's top bit
  for (let w = 0; w < 4; w++) {
    const m = w === 0 ? m0 : w === 1 ? m1 : w === 2 ? m2 : m3;
    const next = w === 0 ? m1 : w === 1 ? m2 : w === 2 ? m3 : 0;
    let starts = (m & ~((m << 1) | carry)) >>> 0;
    let ends = (m & ~((m >>> 1) | ((next & 1) << 31))) >>> 0;
    while (starts !== 0) {
      diff[w * 32 + 31 - Math.clz32(starts & -starts)]!++;
      starts = (starts & (starts - 1)) >>> 0;
    }
    while (ends !== 0) {
      diff[w * 32 + 32 - Math.clz32(ends & -ends)]!--;
      ends = (ends & (ends - 1)) >>> 0;
    }
    carry = m >>> 31;
  }
}

/** The {@link MetricSet} of slot `k` of a pass. */
export function metricsOf(r: PassResult, k: number): MetricSet {
  const plays = r.plays[k]!;
  const pt = r.pt;
  return {
    impressions: r.impressions[k]!,
    plays,
    uniqueViewers: r.uniqueViewers[k]!,
    minutesViewed: r.seconds[k]! / 60,
    avgCompletionRate: plays > 0 ? Math.min(100, r.bits[k]! / plays) : 0,
    avgDropOffRate: plays > 0 ? ((pt[k * 4]! + pt[k * 4 + 1]! + pt[k * 4 + 2]! + pt[k * 4 + 3]!) / 4 / plays) * 100 : 0,
  };
}

/** The {@link PlayThrough} of slot `k` of a pass. */
export function playThroughOf(r: PassResult, k: number): PlayThrough {
  return { 25: r.pt[k * 4]!, 50: r.pt[k * 4 + 1]!, 75: r.pt[k * 4 + 2]!, 100: r.pt[k * 4 + 3]! };
}

/** Per-user sums of a range, over the users with an impression or a play in it (ascending user index). */
export interface UsersPass {
  user: Int32Array;
  impressions: Float64Array;
  plays: Float64Array;
  /** Σ over the user's sessions of the distinct buckets each watched. */
  bits: Float64Array;
  /** Distinct buckets of the union of the user's sessions. */
  unionBits: Float64Array;
}

/**
 * The users table's pass: per user, impressions, plays, Σ of each session's distinct buckets and the union of the
 * sessions' buckets (no seconds, reached-X or distinct viewers, which the table does not show).
 */
export function runUsersPass(p: PreparedEntry, spec: Pick<PassSpec, 'from' | 'to' | 'mask' | 'users' | 'time' | 'type' | 'lists'>): UsersPass {
  const { from, to, mask } = spec;
  const slots = spec.users + 1;
  scratch.begin(slots);
  const { stamp, mask: um, epoch } = scratch;
  // Per user slot: impressions, plays, bits, in scratch-free growable lists indexed through `at`.
  const at = scratch.group; // slot → index in the lists (valid when stamped)
  const slotOf: number[] = [];
  const imp: number[] = [];
  const pl: number[] = [];
  const bits: number[] = [];
  const seg = new Uint32Array(MASK_WORDS);
  const { sUser, sFirst, sLast, sMask, sGlobal } = p;
  const { firstRow, next, position: P, playTimeSum: PTS } = spec.lists;
  const k = bucketsPerSecond(p);
  const vf = walker.view;
  const T = spec.time;
  const TY = spec.type;
  const add = (u: number, i: number, n: number, m0: number, m1: number, m2: number, m3: number) => {
    let k: number;
    if (stamp[u] !== epoch) {
      stamp[u] = epoch;
      k = at[u] = slotOf.length;
      slotOf.push(u);
      imp.push(0);
      pl.push(0);
      bits.push(0);
      const o = u * MASK_WORDS;
      um[o] = um[o + 1] = um[o + 2] = um[o + 3] = 0;
    } else k = at[u]!;
    imp[k]! += i;
    pl[k]! += n;
    bits[k]! += popcount(m0) + popcount(m1) + popcount(m2) + popcount(m3);
    const o = u * MASK_WORDS;
    um[o] = (um[o]! | m0) >>> 0;
    um[o + 1] = (um[o + 1]! | m1) >>> 0;
    um[o + 2] = (um[o + 2]! | m2) >>> 0;
    um[o + 3] = (um[o + 3]! | m3) >>> 0;
  };
  const [sLo, sHi] = candidates(p, from, to);
  for (let s = sLo; s < sHi; s++) {
    if (mask[s] === 0 || sLast[s]! < from) continue;
    const u = sUser[s]! + 1;
    if (sFirst[s]! >= from && sLast[s]! < to) {
      const o = s * MASK_WORDS;
      add(u, p.sImpressions[s]!, p.sPlays[s]!, sMask[o]!, sMask[o + 1]!, sMask[o + 2]!, sMask[o + 3]!);
      continue;
    }
    let i = 0;
    let n = 0;
    seg.fill(0);
    walker.reset();
    for (let r = firstRow[sGlobal[s]!]!; r >= 0; r = next[r]!) {
      const t = TY[r]!;
      const inRange = T[r]! >= from && T[r]! < to;
      if (walker.step(t, P[r]!, PTS[r]!, k)) {
        if (inRange) {
          setBits(seg, 0, vf[1]!, vf[2]!);
          setBits(seg, 0, vf[3]!, vf[4]!);
        }
      } else if (inRange && t === T_IMPRESSION) i++;
      else if (inRange && t === T_PLAY) n++;
    }
    add(u, i, n, seg[0]!, seg[1]!, seg[2]!, seg[3]!);
  }
  // Users with an impression or a play (slot 0, the anonymous sessions, is not a user), ascending.
  const active = slotOf.filter((u, k) => u > 0 && (imp[k] !== 0 || pl[k] !== 0)).sort((a, b) => a - b);
  const out: UsersPass = {
    user: new Int32Array(active.length),
    impressions: new Float64Array(active.length),
    plays: new Float64Array(active.length),
    bits: new Float64Array(active.length),
    unionBits: new Float64Array(active.length),
  };
  active.forEach((u, j) => {
    const k = at[u]!;
    const o = u * MASK_WORDS;
    out.user[j] = u - 1;
    out.impressions[j] = imp[k]!;
    out.plays[j] = pl[k]!;
    out.bits[j] = bits[k]!;
    out.unionBits[j] = popcount(um[o]!) + popcount(um[o + 1]!) + popcount(um[o + 2]!) + popcount(um[o + 3]!);
  });
  return out;
}
