/**
 * The floor the engine is measured against: plain dictionary-coding of the raw events into typed-array columns, and
 * one hand-written pass per dashboard aggregate over those columns. No validation, no duplicate detection, no
 * real-player rules (a view's seconds, seek splitting, watched buckets): it counts what can be counted in one pass,
 * and the bench checks that the engine's counts agree with it exactly.
 */
import { startOfDate } from '../src/data/time-zone.js';
import { addDays, rangeLength } from '../src/data/dates.js';
import type { DateRange } from '../src/data/types.js';

/** A string dictionary (string → dense code), the plain way: one Map. */
class Codes {
  readonly values: string[] = [];
  private readonly map = new Map<string, number>();
  code(s: unknown): number {
    if (typeof s !== 'string') return -1;
    let c = this.map.get(s);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(s);
      this.map.set(s, c);
    }
    return c;
  }
}

const num = (v: unknown): number => (typeof v === 'number' ? v : v === undefined ? NaN : Number(v));

/** Every field the engine keeps, dictionary-coded into columns of a fixed capacity. */
export class CodedColumns {
  n = 0;
  readonly type: Uint8Array;
  readonly time: Float64Array;
  readonly eventIndex: Float64Array;
  readonly position: Float64Array;
  readonly playTimeSum: Float64Array;
  readonly entry: Int32Array;
  readonly session: Int32Array;
  readonly user: Int32Array;
  readonly country: Int32Array;
  readonly region: Int32Array;
  readonly city: Int32Array;
  readonly device: Int32Array;
  readonly referrer: Int32Array;
  readonly context: Int32Array;
  readonly playbackType: Int32Array;
  readonly entries = new Codes();
  readonly sessions = new Codes();
  readonly users = new Codes();
  readonly countries = new Codes();
  readonly regions = new Codes();
  readonly cities = new Codes();
  readonly devices = new Codes();
  readonly referrers = new Codes();
  readonly contexts = new Codes();
  readonly playbackTypes = new Codes();

  constructor(capacity: number) {
    this.type = new Uint8Array(capacity);
    this.time = new Float64Array(capacity);
    this.eventIndex = new Float64Array(capacity);
    this.position = new Float64Array(capacity);
    this.playTimeSum = new Float64Array(capacity);
    this.entry = new Int32Array(capacity);
    this.session = new Int32Array(capacity);
    this.user = new Int32Array(capacity);
    this.country = new Int32Array(capacity);
    this.region = new Int32Array(capacity);
    this.city = new Int32Array(capacity);
    this.device = new Int32Array(capacity);
    this.referrer = new Int32Array(capacity);
    this.context = new Int32Array(capacity);
    this.playbackType = new Int32Array(capacity);
  }

  /** Codes a batch of raw events (numbers may be numeric strings; time is epoch ms or ISO). */
  add(events: readonly Record<string, unknown>[]): void {
    let i = this.n;
    for (const e of events) {
      this.type[i] = num(e['eventType']);
      const t = e['time'];
      this.time[i] = typeof t === 'number' ? t : Date.parse(String(t));
      this.eventIndex[i] = num(e['eventIndex']);
      this.position[i] = num(e['position']);
      this.playTimeSum[i] = num(e['playTimeSum']);
      this.entry[i] = this.entries.code(e['entryId']);
      this.session[i] = this.sessions.code(e['sessionId']);
      this.user[i] = this.users.code(e['userId']);
      this.country[i] = this.countries.code(e['country']);
      this.region[i] = this.regions.code(e['region']);
      this.city[i] = this.cities.code(e['city']);
      this.device[i] = this.devices.code(e['device']);
      this.referrer[i] = this.referrers.code(e['referrer']);
      this.context[i] = this.contexts.code(e['playbackContext']);
      this.playbackType[i] = this.playbackTypes.code(e['playbackType']);
      i++;
    }
    this.n = i;
  }

  /** Bytes of the columns (the dictionaries' strings and maps not counted). */
  get bytes(): number {
    const cols = [this.type, this.time, this.eventIndex, this.position, this.playTimeSum, this.entry, this.session, this.user];
    const more = [this.country, this.region, this.city, this.device, this.referrer, this.context, this.playbackType];
    return [...cols, ...more].reduce((s, a) => s + a.byteLength, 0);
  }
}

/** Counts of one group. */
export interface Counts {
  impressions: number;
  plays: number;
}

/** First event at or after `t` (the columns are in time order). */
function lowerBound(time: Float64Array, n: number, t: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The hand-written passes, over the columns of one entry (`entry` code) in a range of local days. */
export class BaselineQueries {
  constructor(
    private readonly c: CodedColumns,
    private readonly entry: number,
    private readonly timeZone: string,
  ) {}

  private span(range: DateRange): [number, number] {
    const from = startOfDate(range.from, this.timeZone);
    const to = startOfDate(addDays(range.to, 1), this.timeZone);
    return [lowerBound(this.c.time, this.c.n, from), lowerBound(this.c.time, this.c.n, to)];
  }

  /** Impressions, plays, distinct users among plays (anonymous as one). */
  totals(range: DateRange): Counts & { uniqueViewers: number } {
    const { type, entry, user } = this.c;
    const [lo, hi] = this.span(range);
    const seen = new Uint8Array(this.c.users.values.length + 1);
    let impressions = 0;
    let plays = 0;
    let uniqueViewers = 0;
    for (let i = lo; i < hi; i++) {
      if (entry[i] !== this.entry) continue;
      const t = type[i];
      if (t === 1) impressions++;
      else if (t === 3) {
        plays++;
        const u = user[i]! + 1;
        if (seen[u] === 0) {
          seen[u] = 1;
          uniqueViewers++;
        }
      }
    }
    return { impressions, plays, uniqueViewers };
  }

  /** Impressions and plays per local day. */
  daily(range: DateRange): Counts[] {
    const { type, entry, time } = this.c;
    const days = rangeLength(range);
    const bounds = new Float64Array(days + 1);
    for (let d = 0; d <= days; d++) bounds[d] = startOfDate(addDays(range.from, d), this.timeZone);
    const [lo, hi] = this.span(range);
    const impressions = new Float64Array(days);
    const plays = new Float64Array(days);
    let day = 0;
    for (let i = lo; i < hi; i++) {
      const t = type[i];
      if ((t !== 1 && t !== 3) || entry[i] !== this.entry) continue;
      while (time[i]! >= bounds[day + 1]!) day++;
      if (t === 1) impressions[day]!++;
      else plays[day]!++;
    }
    return Array.from({ length: days }, (_, d) => ({ impressions: impressions[d]!, plays: plays[d]! }));
  }

  /** View events per 1 % of the duration, by the view's position. */
  retention(range: DateRange, duration: number): Float64Array {
    const { type, entry, position } = this.c;
    const [lo, hi] = this.span(range);
    const out = new Float64Array(100);
    const k = 100 / duration;
    for (let i = lo; i < hi; i++) {
      if (type[i] !== 99 || entry[i] !== this.entry) continue;
      const b = Math.floor(position[i]! * k);
      out[b < 0 ? 0 : b > 99 ? 99 : b]!++;
    }
    return out;
  }

  /** Impressions and plays per code of a column (country, device, referrer, user); `codes` = dictionary size. */
  by(range: DateRange, column: Int32Array, codes: number): { impressions: Float64Array; plays: Float64Array } {
    const { type, entry } = this.c;
    const [lo, hi] = this.span(range);
    const impressions = new Float64Array(codes + 1);
    const plays = new Float64Array(codes + 1);
    for (let i = lo; i < hi; i++) {
      const t = type[i];
      if ((t !== 1 && t !== 3) || entry[i] !== this.entry) continue;
      const g = column[i]! + 1;
      if (t === 1) impressions[g]!++;
      else plays[g]!++;
    }
    return { impressions, plays };
  }
}
