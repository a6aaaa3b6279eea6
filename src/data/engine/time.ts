/**
 * Calendar days and months in an IANA time zone, as millisecond boundaries. A few `Intl` calls per day boundary, once
 * per (time zone, range): the per-event work is then a comparison against a sorted array.
 * @internal
 */
import type { DateRange, Granularity } from '../types.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter for `timeZone`; throws an Error with a clear message for an unknown zone. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    if (typeof timeZone !== 'string' || timeZone === '') throw new Error(`Invalid time zone: ${JSON.stringify(timeZone)}`);
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      throw new Error(`Invalid time zone: ${JSON.stringify(timeZone)} is not an IANA time zone`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Checks a time zone, throwing a clear Error when it is not a valid IANA zone. */
export function checkTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** The zone's offset from UTC at instant `t`, in ms (local wall-clock minus UTC). */
export function offsetAt(timeZone: string, t: number): number {
  const parts = formatter(timeZone).formatToParts(t);
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value) % 24;
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
      case 'era':
        bc = /^b/i.test(p.value);
        break;
    }
  }
  const wall = Date.UTC(bc ? 1 - y : y, mo - 1, d, h, mi, s);
  return wall - Math.floor(t / 1000) * 1000;
}

const H = 3_600_000;

/**
 * The first instant of calendar day `y-m-d` in `timeZone`: local midnight, or the end of the DST gap when midnight
 * does not exist that day, or the first of two midnights when it happens twice.
 */
export function startOfDay(timeZone: string, y: number, m: number, d: number): number {
  const g = Date.UTC(y, m - 1, d);
  const before = offsetAt(timeZone, g - 16 * H);
  const after = offsetAt(timeZone, g + 14 * H);
  if (before === after) return g - before;
  const c1 = g - before;
  const c2 = g - after;
  const ok1 = offsetAt(timeZone, c1) === before;
  const ok2 = offsetAt(timeZone, c2) === after;
  if (ok1 && ok2) return Math.min(c1, c2);
  if (ok1) return c1;
  if (ok2) return c2;
  // Midnight falls in a gap: the day starts at the transition, which is midnight in the earlier offset.
  return c1;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into [y, m, d]; throws a clear Error for anything else or an impossible date. */
export function parseDate(s: unknown, what: string): [number, number, number] {
  const m = typeof s === 'string' ? DATE.exec(s) : null;
  if (!m) throw new Error(`Invalid ${what}: expected a date YYYY-MM-DD, got ${JSON.stringify(s)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) {
    throw new Error(`Invalid ${what}: ${s} is not a calendar date`);
  }
  return [y, mo, d];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Formats a UTC-midnight `Date` value as `YYYY-MM-DD`. */
export function isoDay(utcMidnight: number): string {
  const t = new Date(utcMidnight);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The calendar layout of a range in a zone. */
export interface RangeBounds {
  /** `days + 1` instants: day k is [bounds[k], bounds[k+1]). */
  bounds: Float64Array;
  /** `YYYY-MM-DD` of each day. */
  days: string[];
  /** Month bucket of each day. */
  monthOfDay: Int32Array;
  /** First day of each month bucket (the range's start for a partial first month). */
  months: string[];
}

/** Longest range accepted, in days (about 100 years): beyond that a query is surely a mistake. */
const MAX_DAYS = 36_600;

const cache = new Map<string, RangeBounds>();
const CACHE_SIZE = 32;

/**
 * The millisecond boundaries of every calendar day of `range` in `timeZone`, cached per (zone, range). Throws an
 * Error with a clear message for a bad date, a reversed range or an unknown zone.
 */
export function rangeBounds(range: DateRange, timeZone: string): RangeBounds {
  if (!range || typeof range !== 'object') throw new Error('Invalid range: expected {from, to}');
  const key = `${timeZone}|${range.from}|${range.to}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  checkTimeZone(timeZone);
  const [fy, fm, fd] = parseDate(range.from, 'range.from');
  const [ty, tm, td] = parseDate(range.to, 'range.to');
  const first = Date.UTC(fy, fm - 1, fd);
  const last = Date.UTC(ty, tm - 1, td);
  if (last < first) throw new Error(`Invalid range: ${range.to} is before ${range.from}`);
  const n = Math.round((last - first) / 86_400_000) + 1;
  if (n > MAX_DAYS) throw new Error(`Invalid range: ${n} days is too long`);
  const bounds = new Float64Array(n + 1);
  const days: string[] = new Array(n);
  const monthOfDay = new Int32Array(n);
  const months: string[] = [];
  let lastMonth = -1;
  for (let k = 0; k <= n; k++) {
    const u = new Date(first + k * 86_400_000);
    const y = u.getUTCFullYear();
    const m = u.getUTCMonth() + 1;
    const d = u.getUTCDate();
    bounds[k] = startOfDay(timeZone, y, m, d);
    if (k < n) {
      days[k] = isoDay(first + k * 86_400_000);
      const monthKey = y * 12 + m;
      if (monthKey !== lastMonth) {
        months.push(days[k]!);
        lastMonth = monthKey;
      }
      monthOfDay[k] = months.length - 1;
    }
  }
  const result: RangeBounds = { bounds, days, monthOfDay, months };
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return result;
}

/** The buckets of a timeline: their first days and the bucket of each day. */
export function timelineBuckets(rb: RangeBounds, granularity: Granularity): { dates: string[]; ofDay: Int32Array | null } {
  if (granularity === 'month') return { dates: rb.months, ofDay: rb.monthOfDay };
  if (granularity === 'day') return { dates: rb.days, ofDay: null };
  throw new Error(`Invalid granularity: ${JSON.stringify(granularity)} (expected "day" or "month")`);
}
