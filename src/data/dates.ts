/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings. Calendar dates have no time zone; only "today" needs one.
 * Pure and DOM-free, shared by the shell's presets, the panels and the providers.
 */
import type { DateRange, IsoDate } from './types.js';

/** Milliseconds in a calendar day (UTC days have no DST). */
export const DAY_MS = 86_400_000;
const DAY = DAY_MS;

/**
 * Epoch ms of UTC midnight of calendar day `y-m-d` (month 1–12; out-of-range days and months roll over). Every year
 * is read as written: `Date.UTC` alone would read years 0–99 as 1900–1999.
 */
export function utcDayStart(y: number, m: number, d: number): number {
  if (y >= 100) return Date.UTC(y, m - 1, d);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses `YYYY-MM-DD` into [year, month, day]; throws an Error naming `what` for anything else or an impossible date.
 */
export function parseIsoDate(s: unknown, what: string): [number, number, number] {
  const m = typeof s === 'string' ? DATE.exec(s) : null;
  if (!m) throw new Error(`Invalid ${what}: expected a date YYYY-MM-DD, got ${JSON.stringify(s)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(utcDayStart(y, mo, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) {
    throw new Error(`Invalid ${what}: ${s} is not a calendar date`);
  }
  return [y, mo, d];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD` of the UTC calendar day that contains epoch ms `t`. */
export function isoDayOf(t: number): IsoDate {
  const u = new Date(t);
  return `${pad(u.getUTCFullYear(), 4)}-${pad(u.getUTCMonth() + 1)}-${pad(u.getUTCDate())}`;
}

/** Whether `value` is a real calendar date `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Days since 1970-01-01 of a calendar date. */
export function toDayNumber(iso: IsoDate): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(utcDayStart(y!, m!, d!) / DAY);
}

/** The calendar date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return isoDayOf(day * DAY);
}

/** `iso` plus `days` (may be negative). */
export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** `iso` plus `months`, the day clamped to the target month's length (Mar 31 − 1 month = Feb 28/29). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number);
  const index = y! * 12 + (m! - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(utcDayStart(year, month + 2, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d!, last)).padStart(2, '0')}`;
}

/** Days in a range, both ends included. */
export function rangeLength(range: DateRange): number {
  return toDayNumber(range.to) - toDayNumber(range.from) + 1;
}

/** Today's calendar date in an IANA time zone. */
export function todayIn(timeZone: string, now: number = Date.now()): IsoDate {
  try {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return new Date(now).toISOString().slice(0, 10);
  }
}

/** The calendar date of an instant (ISO string or epoch ms) in a time zone. */
export function dateIn(instant: string | number, timeZone: string): IsoDate {
  const t = typeof instant === 'number' ? instant : Date.parse(instant);
  return todayIn(timeZone, Number.isNaN(t) ? 0 : t);
}

/** The range of the same length that ends the day before `range` starts. */
export function previousPeriod(range: DateRange): DateRange {
  const length = rangeLength(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** The same calendar dates one year earlier (Feb 29 becomes Feb 28). */
export function sameRangeLastYear(range: DateRange): DateRange {
  return { from: addMonths(range.from, -12), to: addMonths(range.to, -12) };
}
