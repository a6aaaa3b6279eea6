/**
 * Time-zone arithmetic over `Intl`: a zone's offset from UTC at an instant, and the instant a calendar day starts in a
 * zone (DST-correct). The one implementation shared by the engine, the Kaltura provider and the sample generator.
 * Pure and DOM-free; one cached `Intl.DateTimeFormat` per zone.
 */
import { utcDayStart } from './dates.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached wall-clock formatter for `timeZone`; throws an Error with a clear message for an unknown zone. */
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

/** Checks a time zone, throwing an Error with a clear message when it is not a valid IANA zone. */
export function checkTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** The zone's offset from UTC at instant `t` (epoch ms), in ms: local wall-clock minus UTC (UTC+2 gives +7,200,000). */
export function zoneOffset(timeZone: string, t: number): number {
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const p of formatter(timeZone).formatToParts(t)) {
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
  const wall = utcDayStart(bc ? 1 - y : y, mo, d) + ((h * 60 + mi) * 60 + s) * 1000;
  return wall - Math.floor(t / 1000) * 1000;
}

const H = 3_600_000;

/**
 * The first instant (epoch ms) of calendar day `y-m-d` in `timeZone`: local midnight; the end of the DST gap when
 * midnight does not exist that day; the first of the two midnights when it happens twice.
 */
export function startOfDay(timeZone: string, y: number, m: number, d: number): number {
  const g = utcDayStart(y, m, d);
  // The offsets well before and well after the day's start; they differ only around a transition.
  const before = zoneOffset(timeZone, g - 16 * H);
  const after = zoneOffset(timeZone, g + 14 * H);
  if (before === after) return g - before;
  const c1 = g - before;
  const c2 = g - after;
  const ok1 = zoneOffset(timeZone, c1) === before;
  const ok2 = zoneOffset(timeZone, c2) === after;
  if (ok1 && ok2) return Math.min(c1, c2);
  if (ok1) return c1;
  if (ok2) return c2;
  // Midnight falls in a gap: the day starts at the transition, which is midnight in the earlier offset.
  return c1;
}

/** {@link startOfDay} of a `YYYY-MM-DD` date (assumed valid). */
export function startOfDate(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return startOfDay(timeZone, y, m, d);
}
