/**
 * Calendar days and months of a query's range in its IANA time zone, as millisecond boundaries. A few `Intl` calls
 * per day boundary (the shared time-zone module), once per (time zone, range): the per-event work is then a
 * comparison against a sorted array.
 * @internal
 */
import { DAY_MS, isoDayOf, parseIsoDate, utcDayStart } from '../dates.js';
import { checkTimeZone, startOfDay } from '../time-zone.js';
import type { DateRange, Granularity } from '../types.js';

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
  const [fy, fm, fd] = parseIsoDate(range.from, 'range.from');
  const [ty, tm, td] = parseIsoDate(range.to, 'range.to');
  const first = utcDayStart(fy, fm, fd);
  const last = utcDayStart(ty, tm, td);
  if (last < first) throw new Error(`Invalid range: ${range.to} is before ${range.from}`);
  const n = Math.round((last - first) / DAY_MS) + 1;
  if (n > MAX_DAYS) throw new Error(`Invalid range: ${n} days is too long`);
  const bounds = new Float64Array(n + 1);
  const days: string[] = new Array(n);
  const monthOfDay = new Int32Array(n);
  const months: string[] = [];
  let lastMonth = -1;
  for (let k = 0; k <= n; k++) {
    const u = new Date(first + k * DAY_MS);
    const y = u.getUTCFullYear();
    const m = u.getUTCMonth() + 1;
    const d = u.getUTCDate();
    bounds[k] = startOfDay(timeZone, y, m, d);
    if (k < n) {
      days[k] = isoDayOf(first + k * DAY_MS);
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
