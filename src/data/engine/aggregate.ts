/**
 * The one linear pass every query runs over the time-sorted events of its range: counts, seconds, per-session bucket
 * masks (flushed per session and group), and optionally retention, per-user masks and per-user heatmaps.
 * @internal
 */
import { BUCKETS, type MetricSet, type PlayThrough } from '../types.js';
import { MASK_WORDS, popcount, type PreparedEntry } from './prepare.js';
import { T_IMPRESSION, T_PLAY, T_PT100, T_PT25, T_VIEW } from './store.js';

/** What a pass computes. */
export interface PassSpec {
  /** Event index range [lo, hi) of the prepared entry (the query's range after binary search). */
  lo: number;
  hi: number;
  /** Per session: non-zero when the session passes the filters. */
  mask: Uint8Array;
  /** Number of groups. */
  groups: number;
  /** Group of each session (-1: in no group, only in the total). Null: by day (`dayBounds`) or a single group 0. */
  sessionGroup?: Int32Array | null;
  /** Timeline: day boundaries (the group of an event is the day, or `dayGroup[day]`). */
  dayBounds?: Float64Array | null;
  dayGroup?: Int32Array | null;
  /** Also accumulate every passing session into an extra slot at index `groups`. */
  total?: boolean;
  /** Number of users (user slots are user index + 1; slot 0 is all anonymous sessions). */
  users: number;
  /** Compute retention arrays (views, viewers, uniqueUsers). */
  retention?: boolean;
  /** Compute per-user bucket masks (union over the user's sessions). */
  userMasks?: boolean;
  /** Heatmap: row of each user slot (-1: none) and number of rows. */
  heatmapRow?: Int32Array;
  heatmapRows?: number;
  /** Skip distinct-viewer counting (the users table does not show it). */
  noUnique?: boolean;
  /** Session → user index (-1 anonymous); required for uniqueness, user masks and heatmaps. */
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
  /** MASK_WORDS per user slot. */
  userMask?: Uint32Array;
  /** 100 per heatmap row. */
  heat?: Float64Array;
}

/** Runs the pass. */
export function runPass(p: PreparedEntry, spec: PassSpec): PassResult {
  const { lo, hi, mask, groups } = spec;
  const hasTotal = spec.total === true;
  const slots = groups + (hasTotal ? 1 : 0);
  const TOTAL = hasTotal ? groups : -1;
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
  const byDay = dayBounds !== null;
  // Distinct viewers: groups contiguous in time (days, months, a single group) use a stamp per user; groups by session
  // attribute interleave, so they use a set of (group, user) keys.
  const stamp = sessionGroup ? null : new Int32Array(nUserSlots).fill(-1);
  const seen = sessionGroup ? new Set<number>() : null;
  const seenTotal = hasTotal ? new Uint8Array(nUserSlots) : null;

  const sMask = new Uint32Array(p.sessions * MASK_WORDS);
  const sFlags = new Uint8Array(p.sessions); // bit 0: touched; bits 1-4: reached 25/50/75/100
  const touched = new Int32Array(p.sessions);
  let nTouched = 0;

  const retention = spec.retention === true;
  const viewsDiff = retention ? new Float64Array(BUCKETS + 1) : null;
  const viewers = retention ? new Float64Array(BUCKETS) : null;
  const userMask = retention || spec.userMasks ? new Uint32Array(nUserSlots * MASK_WORDS) : null;
  const heatRow = spec.heatmapRow ?? null;
  const heatDiff = heatRow ? new Float64Array((spec.heatmapRows ?? 0) * (BUCKETS + 1)) : null;

  const time = p.time;
  const type = p.type;
  const session = p.session;
  const view = p.view;
  const vSec = p.viewSeconds;
  const vMask = p.viewMask;
  const vB = p.viewBuckets;

  let day = 0;
  let group = -2;

  const flush = (g: number) => {
    for (let k = 0; k < nTouched; k++) {
      const s = touched[k]!;
      const sg = byDay ? g : sessionGroup ? sessionGroup[s]! : 0;
      const o = s * MASK_WORDS;
      const m0 = sMask[o]!;
      const m1 = sMask[o + 1]!;
      const m2 = sMask[o + 2]!;
      const m3 = sMask[o + 3]!;
      const n = popcount(m0) + popcount(m1) + popcount(m2) + popcount(m3);
      const f = sFlags[s]!;
      if (sg >= 0) {
        bits[sg]! += n;
        for (let q = 0; q < 4; q++) if (f & (2 << q)) pt[sg * 4 + q]!++;
      }
      if (TOTAL >= 0) {
        bits[TOTAL]! += n;
        for (let q = 0; q < 4; q++) if (f & (2 << q)) pt[TOTAL * 4 + q]!++;
      }
      if (n > 0 && viewers) {
        const words = [m0, m1, m2, m3];
        for (let w = 0; w < MASK_WORDS; w++) {
          let x = words[w]!;
          while (x !== 0) {
            const b = 31 - Math.clz32(x & -x);
            viewers[w * 32 + b]!++;
            x &= x - 1;
          }
        }
      }
      if (n > 0 && userMask) {
        const u = (sUser[s]! + 1) * MASK_WORDS;
        userMask[u] = (userMask[u]! | m0) >>> 0;
        userMask[u + 1] = (userMask[u + 1]! | m1) >>> 0;
        userMask[u + 2] = (userMask[u + 2]! | m2) >>> 0;
        userMask[u + 3] = (userMask[u + 3]! | m3) >>> 0;
      }
      sMask[o] = 0;
      sMask[o + 1] = 0;
      sMask[o + 2] = 0;
      sMask[o + 3] = 0;
      sFlags[s] = 0;
    }
    nTouched = 0;
  };

  for (let i = lo; i < hi; i++) {
    const s = session[i]!;
    if (mask[s] === 0) continue;
    let g: number;
    if (byDay) {
      const t = time[i]!;
      while (t >= dayBounds[day + 1]!) day++;
      g = dayGroup ? dayGroup[day]! : day;
      if (g !== group) {
        if (nTouched > 0) flush(group);
        group = g;
      }
    } else g = sessionGroup ? sessionGroup[s]! : 0;
    const t = type[i]!;
    if (t === T_IMPRESSION) {
      if (g >= 0) impressions[g]!++;
      if (TOTAL >= 0) impressions[TOTAL]!++;
    } else if (t === T_PLAY) {
      const u = sUser[s]! + 1;
      if (g >= 0) {
        plays[g]!++;
        if (spec.noUnique) {
          // not needed
        } else if (stamp) {
          if (stamp[u] !== g) {
            stamp[u] = g;
            uniq[g]!++;
          }
        } else {
          const key = g * nUserSlots + u;
          if (!seen!.has(key)) {
            seen!.add(key);
            uniq[g]!++;
          }
        }
      }
      if (TOTAL >= 0) {
        plays[TOTAL]!++;
        if (seenTotal![u] === 0) {
          seenTotal![u] = 1;
          uniq[TOTAL]!++;
        }
      }
    } else if (t === T_VIEW) {
      const v = view[i]!;
      const sec = vSec[v]!;
      if (g >= 0) seconds[g]! += sec;
      if (TOTAL >= 0) seconds[TOTAL]! += sec;
      const vo = v * MASK_WORDS;
      const m0 = vMask[vo]!;
      const m1 = vMask[vo + 1]!;
      const m2 = vMask[vo + 2]!;
      const m3 = vMask[vo + 3]!;
      if ((m0 | m1 | m2 | m3) !== 0) {
        const o = s * MASK_WORDS;
        sMask[o] = (sMask[o]! | m0) >>> 0;
        sMask[o + 1] = (sMask[o + 1]! | m1) >>> 0;
        sMask[o + 2] = (sMask[o + 2]! | m2) >>> 0;
        sMask[o + 3] = (sMask[o + 3]! | m3) >>> 0;
        if (viewsDiff || heatDiff) {
          const b = v * 4;
          const a0 = vB[b]!;
          const a1 = vB[b + 1]!;
          const b0 = vB[b + 2]!;
          const b1 = vB[b + 3]!;
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
        }
      }
      if (sFlags[s] === 0) {
        sFlags[s] = 1;
        touched[nTouched++] = s;
      }
    } else if (t >= T_PT25 && t <= T_PT100) {
      if (sFlags[s] === 0) touched[nTouched++] = s;
      sFlags[s] = sFlags[s]! | 1 | (2 << (t - T_PT25));
    }
  }
  if (nTouched > 0) flush(group);

  const result: PassResult = { slots, impressions, plays, seconds, bits, pt, uniqueViewers: uniq };
  if (viewsDiff && viewers && userMask) {
    const views = new Float64Array(BUCKETS);
    let run = 0;
    for (let b = 0; b < BUCKETS; b++) {
      run += viewsDiff[b]!;
      views[b] = run;
    }
    const uniqueUsers = new Float64Array(BUCKETS);
    for (let u = 0; u < nUserSlots; u++) {
      for (let w = 0; w < MASK_WORDS; w++) {
        let x = userMask[u * MASK_WORDS + w]!;
        while (x !== 0) {
          const b = 31 - Math.clz32(x & -x);
          uniqueUsers[w * 32 + b]!++;
          x &= x - 1;
        }
      }
    }
    result.views = views;
    result.viewers = viewers;
    result.uniqueUsers = uniqueUsers;
  }
  if (userMask) result.userMask = userMask;
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

/** Number of distinct buckets in a user slot's mask. */
export function maskBits(m: Uint32Array, slot: number): number {
  const o = slot * MASK_WORDS;
  return popcount(m[o]!) + popcount(m[o + 1]!) + popcount(m[o + 2]!) + popcount(m[o + 3]!);
}

/** Per-user sums of a range: slot u + 1 for user u, slot 0 for every anonymous session. */
export interface UsersPass {
  impressions: Float64Array;
  plays: Float64Array;
  /** Σ over the user's sessions of the distinct buckets each watched. */
  bits: Float64Array;
  /** {@link MASK_WORDS} per slot: the union of the buckets of the user's sessions. */
  userMask: Uint32Array;
}

/**
 * The users table's pass: what {@link runPass} computes with one group per user and user masks, without the parts
 * the table does not show (seconds, reached-X, distinct viewers), in one loop over the range's events.
 */
export function runUsersPass(p: PreparedEntry, lo: number, hi: number, mask: Uint8Array, users: number): UsersPass {
  const slots = users + 1;
  const impressions = new Float64Array(slots);
  const plays = new Float64Array(slots);
  const bits = new Float64Array(slots);
  const userMask = new Uint32Array(slots * MASK_WORDS);
  const sMask = new Uint32Array(p.sessions * MASK_WORDS);
  const seen = new Uint8Array(p.sessions);
  const touched = new Int32Array(p.sessions);
  let nTouched = 0;
  const { session, type, view, viewMask, sUser } = p;
  for (let i = lo; i < hi; i++) {
    const s = session[i]!;
    if (mask[s] === 0) continue;
    const t = type[i]!;
    if (t === T_IMPRESSION) impressions[sUser[s]! + 1]!++;
    else if (t === T_PLAY) plays[sUser[s]! + 1]!++;
    else if (t === T_VIEW) {
      const vo = view[i]! * MASK_WORDS;
      const o = s * MASK_WORDS;
      sMask[o] = (sMask[o]! | viewMask[vo]!) >>> 0;
      sMask[o + 1] = (sMask[o + 1]! | viewMask[vo + 1]!) >>> 0;
      sMask[o + 2] = (sMask[o + 2]! | viewMask[vo + 2]!) >>> 0;
      sMask[o + 3] = (sMask[o + 3]! | viewMask[vo + 3]!) >>> 0;
      if (seen[s] === 0) {
        seen[s] = 1;
        touched[nTouched++] = s;
      }
    }
  }
  for (let k = 0; k < nTouched; k++) {
    const s = touched[k]!;
    const o = s * MASK_WORDS;
    const m0 = sMask[o]!;
    const m1 = sMask[o + 1]!;
    const m2 = sMask[o + 2]!;
    const m3 = sMask[o + 3]!;
    const u = sUser[s]! + 1;
    bits[u]! += popcount(m0) + popcount(m1) + popcount(m2) + popcount(m3);
    const w = u * MASK_WORDS;
    userMask[w] = (userMask[w]! | m0) >>> 0;
    userMask[w + 1] = (userMask[w + 1]! | m1) >>> 0;
    userMask[w + 2] = (userMask[w + 2]! | m2) >>> 0;
    userMask[w + 3] = (userMask[w + 3]! | m3) >>> 0;
  }
  return { impressions, plays, bits, userMask };
}
