/**
 * Columnar storage of ingested events: one typed array per field, strings dictionary-encoded, plus per-session
 * open-addressing hash tables that find duplicates without a string per event.
 * @internal
 */
import { BUCKETS, PLAYBACK_TYPES } from '../types.js';
import {
  BAD,
  decodeReferrer,
  deviceIndex,
  domainOf,
  readNumber,
  readString,
  readTime,
  splitCategories,
  urlOf,
} from './parse.js';
import { T_SEEK, T_VIEW } from './event-types.js';
import { SessionFacts } from './facts.js';

/**
 * Why an event was skipped: `invalid-event` (not a plain object), `invalid-type` (eventType missing or not a
 * non-negative integer), `missing-entry`, `missing-session`, `invalid-time` (neither epoch ms nor an ISO date),
 * `invalid-number` (a numeric field that is not a number, a view without playTimeSum/position, a seek without a
 * target), `out-of-range` (a position or playTimeSum beyond {@link MAX_MEDIA_SECONDS}, which would overflow a
 * metric), `duplicate` (same sessionId, eventIndex, eventType and position as an accepted event), `unknown-entry`
 * (not in the engine's entries), `malformed-json` (an NDJSON line that does not parse).
 */
export type SkipReason =
  | 'invalid-event'
  | 'invalid-type'
  | 'missing-entry'
  | 'missing-session'
  | 'invalid-time'
  | 'invalid-number'
  | 'out-of-range'
  | 'duplicate'
  | 'unknown-entry'
  | 'malformed-json';

/**
 * The largest media position or cumulative play time accepted, in seconds (10⁹ s, about 31.7 years). A larger value
 * is no real playback, and sums of a few such values (2 × 1.7e308) overflow minutesViewed to Infinity.
 */
export const MAX_MEDIA_SECONDS = 1e9;

/** The numbers of one beacon that the engine keeps, as {@link readMediaFields} read them. */
export interface MediaFields {
  eventIndex: number | undefined;
  position: number | undefined;
  playTimeSum: number | undefined;
  lat: number | undefined;
  lon: number | undefined;
}

/**
 * Reads a beacon's numeric fields into `out` (reused by the caller: nothing is allocated per event) and checks them
 * by the rules every reader of raw events shares, the engine's store and the ClickHouse loader alike: any of them
 * not a number, a seek without a target, a view without position or playTimeSum, or a negative value →
 * `invalid-number`; a position or playTimeSum beyond {@link MAX_MEDIA_SECONDS} → `out-of-range`. A seek's position is
 * its target (`targetPosition` when `position` is absent). Returns the skip reason, or `undefined` when valid.
 */
export function readMediaFields(o: Record<string, unknown>, rawType: number, out: MediaFields): 'invalid-number' | 'out-of-range' | undefined {
  const eventIndex = readNumber(o['eventIndex']);
  let position = readNumber(o['position']);
  const playTimeSum = readNumber(o['playTimeSum']);
  const lat = readNumber(o['latitude'] ?? o['lat']);
  const lon = readNumber(o['longitude'] ?? o['lon']);
  if (eventIndex === BAD || position === BAD || playTimeSum === BAD || lat === BAD || lon === BAD) return 'invalid-number';
  if (rawType === T_SEEK) {
    const target = readNumber(o['targetPosition']);
    if (target === BAD) return 'invalid-number';
    if (position === undefined) position = target;
    if (position === undefined) return 'invalid-number';
  }
  if (rawType === T_VIEW && (position === undefined || playTimeSum === undefined)) return 'invalid-number';
  if ((position !== undefined && position > MAX_MEDIA_SECONDS) || (playTimeSum !== undefined && playTimeSum > MAX_MEDIA_SECONDS)) {
    return 'out-of-range';
  }
  if ((position !== undefined && position < 0) || (playTimeSum !== undefined && playTimeSum < 0)) return 'invalid-number';
  out.eventIndex = eventIndex;
  out.position = position;
  out.playTimeSum = playTimeSum;
  out.lat = lat;
  out.lon = lon;
  return undefined;
}

/** A string dictionary: string ↔ dense index. */
export class Dict {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  /** The index of `s`, added when new. */
  add(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  /** The index of `s`, or -1. */
  get(s: string): number {
    return this.index.get(s) ?? -1;
  }
  get size(): number {
    return this.values.length;
  }
}

/** A copy of `a` with room for `n` elements; only the first `used` (default: all) are copied. */
function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number, used = a.length): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(used < a.length ? a.subarray(0, used) : a);
  return b;
}

export { T_IMPRESSION, T_PLAY, T_PT25, T_PT100, T_REPLAY, T_SEEK, T_VIEW } from './event-types.js';

/** Geo place of an event: country code, region and city names, each dictionary-encoded (-1 when unknown). */
export class GeoDicts {
  readonly countries = new Dict();
  /** Keys `country\u0000region`. */
  readonly regions = new Dict();
  readonly regionName: string[] = [];
  readonly regionCountry: number[] = [];
  /** Keys `country\u0000region\u0000city`. */
  readonly cities = new Dict();
  readonly cityName: string[] = [];
  readonly cityRegion: number[] = [];
  /** Sums of coordinates per region and city, for their mean position. */
  readonly regionLat: number[] = [];
  readonly regionLon: number[] = [];
  readonly regionN: number[] = [];
  readonly cityLat: number[] = [];
  readonly cityLon: number[] = [];
  readonly cityN: number[] = [];

  region(country: number, name: string): number {
    const key = `${country}\u0000${name}`;
    const before = this.regions.size;
    const i = this.regions.add(key);
    if (i === before) {
      this.regionName.push(name);
      this.regionCountry.push(country);
      this.regionLat.push(0);
      this.regionLon.push(0);
      this.regionN.push(0);
    }
    return i;
  }
  city(region: number, name: string): number {
    const key = `${region}\u0000${name}`;
    const before = this.cities.size;
    const i = this.cities.add(key);
    if (i === before) {
      this.cityName.push(name);
      this.cityRegion.push(region);
      this.cityLat.push(0);
      this.cityLon.push(0);
      this.cityN.push(0);
    }
    return i;
  }
}

/** Marks a per-session cached raw value as "none yet": no event field can be this object. */
const UNSET: unknown = Object.freeze({});

/**
 * What a session's last accepted event reported for each collector field (raw, as read from the event) and what that
 * encoded to. Collector fields are constant within a session in practice, so an event whose raw value is the same
 * primitive as the cached one reuses the encoding without a dictionary lookup; any other value is encoded afresh (and
 * becomes the cached one). Objects (e.g. an array of categories) are never taken from the cache: they can change.
 */
class SessionAttrs {
  rawUser: unknown = UNSET;
  user = -1;
  rawCountry: unknown = UNSET;
  country = -1;
  rawRegion: unknown = UNSET;
  region = -1;
  rawCity: unknown = UNSET;
  city = -1;
  rawDevice: unknown = UNSET;
  device = 0;
  rawReferrer: unknown = UNSET;
  domain = -1;
  url = -1;
  rawContext: unknown = UNSET;
  rawCategories: unknown = UNSET;
  categories = 0;
  rawPlaybackType: unknown = UNSET;
  playbackType = 255;
  /**
   * The attribute record (see {@link EventStore.attr}) holding these codes, or -1 when a code changed since it was
   * written (any cache miss sets -1; the next accepted event then writes a new record).
   */
  record = -1;
  /** Whether the session's first valid coordinates were counted in its place's mean. */
  coords = false;
}

/** An event's raw collector fields besides the place. */
interface RawAttributes {
  rawUser: unknown;
  rawDevice: unknown;
  rawReferrer: unknown;
  rawContext: unknown;
  rawCategories: unknown;
  rawPlaybackType: unknown;
}

/** A raw value that may be reused from the cache: the same primitive (never an object, which may have changed). */
const same = (raw: unknown, cached: unknown): boolean => raw === cached && typeof raw !== 'object';

/** Number of 32-bit words per duplicate-table slot: row + 1 (0 = empty) and the key's hash. */
const SLOT = 2;
/** Recent raw sessionIds remembered. */
const MRU = 4;

/**
 * All accepted events, column by column. Row `i` of every column is event `i` (ingest order). Sessions are keyed by
 * (entry, sessionId), so one sessionId reused for two entries makes two sessions.
 */
export class EventStore {
  length = 0;
  private capacity = 0;
  time = new Float64Array(0);
  type = new Uint8Array(0);
  eventIndex = new Float64Array(0);
  position = new Float64Array(0);
  playTimeSum = new Float64Array(0);
  /**
   * Per row: its attribute record. A record holds the dictionary codes of an event's collector fields (user, country,
   * region, city, device, domain, URL, category set, playback type; -1 when absent, device and playback type as
   * their index). Those fields rarely change within a session, so consecutive rows of a session share one record:
   * 4 bytes per row instead of nine columns. Records are written only when a session's codes change.
   */
  attr = new Int32Array(0);
  recordCount = 0;
  recUser = new Int32Array(256);
  recCountry = new Int32Array(256);
  recRegion = new Int32Array(256);
  recCity = new Int32Array(256);
  recDevice = new Int32Array(256);
  recDomain = new Int32Array(256);
  recUrl = new Int32Array(256);
  recCategories = new Int32Array(256);
  recPlaybackType = new Int32Array(256);

  readonly entries: Dict;
  /** Per entry: sessionId → global session index. */
  private readonly sessionIds: Map<string, number>[] = [];
  /** Per global session: the cached encodings of its collector fields. */
  private readonly sessionAttrs: SessionAttrs[] = [];
  readonly users = new Dict();
  readonly geo = new GeoDicts();
  readonly domains = new Dict();
  readonly urls = new Dict();
  /** Category names. */
  readonly categoryNames = new Dict();
  /** Sets of categories, keyed by their sorted indices joined with ','; `categorySets[i]` lists the indices. */
  readonly categorySetKeys = new Dict();
  readonly categorySets: Int32Array[] = [];
  /** Per referrer string: [domain index, url index]. */
  private readonly referrers = new Map<string, [number, number]>();
  /** Per raw `playbackContext` string (of events without `categories`): its category set. */
  private readonly contextSets = new Map<string, number>();

  /**
   * Per *keyed* session (see {@link EventStore.sessionMaxIndex}): an open-addressing table of its keys, {@link SLOT}
   * words per slot (row + 1, or 0 when empty; the key's hash), and the number of slots in use. A session's table is
   * small and used while the session is active, so its probes rarely miss the cache. Tables are regions of one arena
   * (`keyAt`: a table's first word, `keySlots`: its size, a power of two); a table that grows moves to the arena's end.
   */
  private keyArena = new Int32Array(1 << 16);
  private keyArenaUsed = 0;
  private keyAt = new Int32Array(1024);
  private keySlots = new Int32Array(1024);
  private keysUsed = new Int32Array(1024);
  /**
   * Per global session: the largest eventIndex of its accepted events, while every event so far had a larger
   * eventIndex than all before it (then no two of them can share a key, so no event of the session needs a table);
   * NaN once that no longer holds (a counter reset, an event without eventIndex, an out-of-order arrival): the session
   * is then *keyed*, its rows are in its key table.
   */
  private sessionMaxIndex = new Float64Array(1024);
  /**
   * Each session's rows as a list: per global session its first and last row (-1: none), per row the session's next
   * row (-1: none). While a session's events arrive in its order (time, then eventIndex, then arrival) the list is in
   * that order; preparation puts the list of a session marked {@link EventStore.unordered} back in order.
   */
  firstRow = new Int32Array(1024);
  lastRow = new Int32Array(1024);
  nextInSession = new Int32Array(0);
  /**
   * Per global session: the times of its first and last rows and its first row's attribute record, so that
   * preparation reads them in session order instead of looking rows up all over the columns.
   */
  firstTime = new Float64Array(1024);
  lastTime = new Float64Array(1024);
  firstAttr = new Int32Array(1024);
  /** Per global session: its entry; 1 when an event arrived out of the session's order (its facts need repair). */
  sessionEntry = new Int32Array(1024);
  unordered = new Uint8Array(1024);
  /** Per global session: 1 when one of its events has a userId. */
  hasUser = new Uint8Array(1024);
  /** Running facts of every session and view ({@link SessionFacts}), applied as events arrive in order. */
  readonly facts = new SessionFacts();
  /** What the last duplicate check found: the free slot of its session's key table (-1: no table), and its hash. */
  private pendingSlot = -1;
  private pendingHash = 0;

  /** The last raw entryId seen, and what it resolved to (consecutive events often share it). */
  private lastRawEntry: unknown = UNSET;
  private lastEntry = -1;
  /**
   * The sessions of the last {@link MRU} distinct raw sessionId strings seen, most recent first (raw value, entry,
   * global session): time-ordered input interleaves a few concurrent sessions, so most events find theirs here.
   */
  private readonly mruRaw: unknown[] = [UNSET, UNSET, UNSET, UNSET];
  private readonly mruEntry = new Int32Array(MRU).fill(-1);
  private readonly mruSession = new Int32Array(MRU).fill(-1);
  /** Per entry: 100 / its duration in seconds (0 when unknown), for the watched buckets of its views. */
  private readonly bucketsPerSecond: number[] = [];
  /**
   * Per entry: whether one of its events has no eventIndex. The order of equal-time events then depends on the
   * events of other sessions too (see prepare.ts), so preparation orders the entry's events as a whole.
   */
  readonly missingIndex: boolean[] = [];

  /** The raw collector fields of the event being added (one object, reused). */
  /** Scratch for {@link readMediaFields}, reused by every event. */
  private readonly media: MediaFields = { eventIndex: undefined, position: undefined, playTimeSum: undefined, lat: undefined, lon: undefined };
  private readonly raw: RawAttributes = {
    rawUser: undefined,
    rawDevice: undefined,
    rawReferrer: undefined,
    rawContext: undefined,
    rawCategories: undefined,
    rawPlaybackType: undefined,
  };

  /** Global sessions per entry, in order of creation; and a version that changes whenever an entry gets new rows. */
  readonly sessionsOfEntry: Int32Array[] = [];
  readonly sessionCountOfEntry: number[] = [];
  readonly versionOfEntry: number[] = [];

  /** A store for the entries `entryIds`, whose durations (seconds; not positive or NaN: unknown) are `durations`. */
  constructor(entryIds: readonly string[], durations: readonly number[] = []) {
    this.entries = new Dict();
    entryIds.forEach((id, k) => {
      const i = this.entries.add(id);
      const duration = durations[k] ?? NaN;
      const perSecond = Number.isFinite(duration) && duration > 0 ? BUCKETS / duration : 0;
      if (i === this.sessionsOfEntry.length) {
        this.sessionsOfEntry.push(new Int32Array(16));
        this.sessionCountOfEntry.push(0);
        this.versionOfEntry.push(0);
        this.sessionIds.push(new Map());
        this.bucketsPerSecond.push(perSecond);
        this.missingIndex.push(false);
      } else this.bucketsPerSecond[i] = perSecond;
    });
    this.categorySetKeys.add('');
    this.categorySets.push(new Int32Array(0));
  }

  /** Number of sessions over all entries (global session indices are 0 … sessionCount-1). */
  get sessionCount(): number {
    return this.sessionAttrs.length;
  }

  /**
   * Makes room in the columns for `n` rows in total.
   */
  reserve(n: number): void {
    this.ensure(n);
  }

  private ensure(n: number): void {
    if (n <= this.capacity) return;
    let c = Math.max(1024, this.capacity * 2);
    while (c < n) c *= 2;
    // Only the rows in use are copied: the rest of the old capacity was never written.
    const used = this.length;
    this.time = grow(this.time, c, used);
    this.type = grow(this.type, c, used);
    this.eventIndex = grow(this.eventIndex, c, used);
    this.position = grow(this.position, c, used);
    this.playTimeSum = grow(this.playTimeSum, c, used);
    this.attr = grow(this.attr, c, used);
    this.nextInSession = grow(this.nextInSession, c, used);
    this.capacity = c;
  }

  private hash(session: number, eventIndex: number, type: number, position: number): number {
    // Mix the fields (position and eventIndex through their float bits when fractional).
    let h = Math.imul(session ^ 0x9e3779b9, 0x85ebca6b);
    h ^= Math.imul((eventIndex | 0) + 0x27d4eb2f, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ type;
    const p = Number.isNaN(position) ? -1 : Math.round(position * 1000);
    h ^= Math.imul(p | 0, 0x297a2d39) ^ Math.floor(p / 4294967296);
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995);
    return h ^ (h >>> 16);
  }

  private sameKey(row: number, eventIndex: number, type: number, position: number): boolean {
    // Every row in a session's key table is the session's own: the session needs no comparison.
    if (this.type[row] !== type) return false;
    const ei = this.eventIndex[row]!;
    if (!(ei === eventIndex || (Number.isNaN(ei) && Number.isNaN(eventIndex)))) return false;
    const p = this.position[row]!;
    return p === position || (Number.isNaN(p) && Number.isNaN(position));
  }

  /**
   * Whether an accepted event has the key of `row` (whose key columns must already hold it). Records nothing about
   * `row` itself: {@link EventStore.commitKey} does, once the event is accepted. A session whose eventIndex only ever
   * increased needs no lookup: no earlier event of it can share the eventIndex. Its first event that breaks the rule
   * makes it *keyed*: its rows so far (all with distinct keys) go into a key table of its own, and from then on every
   * event of the session is looked up there.
   */
  private checkDuplicate(row: number, session: number, eventIndex: number): boolean {
    const max = this.sessionMaxIndex[session]!;
    // Still increasing (NaN compares false on either side: a keyed session never takes this path).
    if (eventIndex > max) {
      this.pendingSlot = -1;
      return false;
    }
    if (max === max) {
      // The session becomes keyed: record its earlier rows (distinct keys, so no comparison needed).
      this.sessionMaxIndex[session] = NaN;
      let n = 0;
      for (let r = this.firstRow[session]!; r >= 0; r = this.nextInSession[r]!) n++;
      // Room for the session to double at least before its table grows (load ≤ 1/2).
      let slots = 64;
      while (slots < 4 * (n + 1)) slots *= 2;
      this.keyAt[session] = this.allocKeys(slots);
      this.keySlots[session] = slots;
      for (let r = this.firstRow[session]!; r >= 0; r = this.nextInSession[r]!) {
        this.findKey(r, session, false);
        this.commitSlot(r, session);
      }
    }
    return this.findKey(row, session, true);
  }

  /**
   * Looks `row`'s key up in its keyed session's table: true when an accepted row has it (compared only when
   * `compare`); otherwise the empty slot where it goes is kept for {@link EventStore.commitKey}. Slots keep the key's
   * hash, so a probe compares stored rows only on a full hash match.
   */
  private findKey(row: number, session: number, compare: boolean): boolean {
    if ((this.keysUsed[session]! + 1) * 2 > this.keySlots[session]!) this.rehash(session, this.keySlots[session]! * 2);
    const table = this.keyArena;
    const at = this.keyAt[session]!;
    const mask = this.keySlots[session]! - 1;
    const eventIndex = this.eventIndex[row]!;
    const type = this.type[row]!;
    const position = this.position[row]!;
    const h = this.hash(session, eventIndex, type, position);
    let i = h & mask;
    for (;;) {
      const j = at + i * SLOT;
      const v = table[j]!;
      if (v === 0) {
        this.pendingSlot = j;
        this.pendingHash = h;
        return false;
      }
      if (compare && table[j + 1] === h && this.sameKey(v - 1, eventIndex, type, position)) return true;
      i = (i + 1) & mask;
    }
  }

  /** Writes `row` into the slot {@link EventStore.findKey} found in its session's table. */
  private commitSlot(row: number, session: number): void {
    const table = this.keyArena;
    const j = this.pendingSlot;
    table[j] = row + 1;
    table[j + 1] = this.pendingHash;
    this.keysUsed[session]!++;
  }

  /** Records the key of accepted `row` of `session` (after {@link EventStore.checkDuplicate} found no duplicate). */
  private commitKey(row: number, session: number): void {
    if (this.pendingSlot >= 0) this.commitSlot(row, session);
    else this.sessionMaxIndex[session] = this.eventIndex[row]!;
  }

  /**
   * Makes `rows[from … to)` (every row of `session`, in the session's order) its list, and applies them to its facts
   * afresh: how preparation repairs a session marked {@link EventStore.unordered}.
   */
  relink(session: number, rows: Int32Array, from: number, to: number): void {
    const next = this.nextInSession;
    const facts = this.facts;
    const k = this.bucketsPerSecond[this.sessionEntry[session]!]!;
    facts.reset(session);
    let prev = -1;
    for (let i = from; i < to; i++) {
      const r = rows[i]!;
      if (prev < 0) {
        this.firstRow[session] = r;
        this.firstTime[session] = this.time[r]!;
        this.firstAttr[session] = this.attr[r]!;
      } else next[prev] = r;
      facts.step(session, this.type[r]!, this.position[r]!, this.playTimeSum[r]!, k);
      prev = r;
    }
    next[prev] = -1;
    this.lastRow[session] = prev;
    this.lastTime[session] = this.time[prev]!;
    this.unordered[session] = 0;
  }

  /**
   * Appends accepted `row` to its session's list and, while the session's events come in its order, applies it to
   * the session's facts. An event that comes before the session's last one (earlier time, or the same time and a
   * smaller eventIndex) marks the session for repair instead.
   */
  private appendToSession(row: number, session: number, entry: number): void {
    const last = this.lastRow[session]!;
    const T = this.time;
    const EI = this.eventIndex;
    if (last < 0) {
      this.firstRow[session] = row;
      this.firstTime[session] = T[row]!;
      this.firstAttr[session] = this.attr[row]!;
    } else {
      this.nextInSession[last] = row;
      if (T[row]! < T[last]! || (T[row] === T[last] && EI[row]! < EI[last]!)) this.unordered[session] = 1;
    }
    this.nextInSession[row] = -1;
    this.lastRow[session] = row;
    this.lastTime[session] = T[row]!;
    if (this.unordered[session] === 0) {
      this.facts.step(session, this.type[row]!, this.position[row]!, this.playTimeSum[row]!, this.bucketsPerSecond[entry]!);
    }
  }

  /** A zeroed region of `slots` slots at the arena's end; returns its first word. */
  private allocKeys(slots: number): number {
    const at = this.keyArenaUsed;
    const end = at + slots * SLOT;
    if (end > this.keyArena.length) {
      let c = this.keyArena.length * 2;
      while (c < end) c *= 2;
      this.keyArena = grow(this.keyArena, c);
    }
    this.keyArenaUsed = end;
    return at;
  }

  private rehash(session: number, slots: number): void {
    const from = this.keyAt[session]!;
    const oldSlots = this.keySlots[session]!;
    const at = this.allocKeys(slots);
    const table = this.keyArena;
    const mask = slots - 1;
    for (let j = from; j < from + oldSlots * SLOT; j += SLOT) {
      const v = table[j]!;
      if (v === 0) continue;
      const h = table[j + 1]!;
      let i = h & mask;
      while (table[at + i * SLOT] !== 0) i = (i + 1) & mask;
      table[at + i * SLOT] = v;
      table[at + i * SLOT + 1] = h;
    }
    this.keyAt[session] = at;
    this.keySlots[session] = slots;
  }

  private referrer(raw: string | undefined): [number, number] {
    if (raw === undefined) return [-1, -1];
    let r = this.referrers.get(raw);
    if (!r) {
      const decoded = decodeReferrer(raw);
      const domain = domainOf(decoded);
      r = domain === '' ? [-1, -1] : [this.domains.add(domain), this.urls.add(urlOf(decoded))];
      if (this.referrers.size < 1_000_000) this.referrers.set(raw, r);
    }
    return r;
  }

  private categorySet(names: string[]): number {
    if (names.length === 0) return 0;
    const idx = [...new Set(names.map((n) => this.categoryNames.add(n)))].sort((a, b) => a - b);
    const key = idx.join(',');
    const before = this.categorySetKeys.size;
    const i = this.categorySetKeys.add(key);
    if (i === before) this.categorySets.push(Int32Array.from(idx));
    return i;
  }

  /** The category set of an event's `playbackContext` and `categories` (each comma-separated, or arrays of such). */
  private categoriesOf(context: unknown, categories: unknown): number {
    const memo = typeof context === 'string' && categories === undefined;
    if (memo) {
      const hit = this.contextSets.get(context);
      if (hit !== undefined) return hit;
    }
    const cats = splitCategories(context);
    if (categories !== undefined) cats.push(...splitCategories(categories));
    const set = this.categorySet(cats);
    if (memo && this.contextSets.size < 100_000) this.contextSets.set(context, set);
    return set;
  }

  /** The global session of (entry, sessionId), created when new. */
  private sessionOf(entry: number, sessionId: string): number {
    const ids = this.sessionIds[entry]!;
    let s = ids.get(sessionId);
    if (s === undefined) {
      s = this.sessionAttrs.length;
      ids.set(sessionId, s);
      this.sessionAttrs.push(new SessionAttrs());
      if (s === this.lastRow.length) {
        const c = s * 2;
        this.firstRow = grow(this.firstRow, c);
        this.lastRow = grow(this.lastRow, c);
        this.firstTime = grow(this.firstTime, c);
        this.lastTime = grow(this.lastTime, c);
        this.firstAttr = grow(this.firstAttr, c);
        this.sessionEntry = grow(this.sessionEntry, c);
        this.unordered = grow(this.unordered, c);
        this.hasUser = grow(this.hasUser, c);
        this.sessionMaxIndex = grow(this.sessionMaxIndex, c);
        this.keysUsed = grow(this.keysUsed, c);
        this.keyAt = grow(this.keyAt, c);
        this.keySlots = grow(this.keySlots, c);
      }
      if (this.facts.flags.length <= s) this.facts.growSessions(this.lastRow.length);
      this.facts.reset(s);
      this.firstRow[s] = -1;
      this.lastRow[s] = -1;
      this.sessionEntry[s] = entry;
      this.sessionMaxIndex[s] = -Infinity;
      let list = this.sessionsOfEntry[entry]!;
      const count = this.sessionCountOfEntry[entry]!;
      if (count === list.length) this.sessionsOfEntry[entry] = list = grow(list, count * 2);
      list[count] = s;
      this.sessionCountOfEntry[entry] = count + 1;
    }
    return s;
  }

  /**
   * The global session of an event: the one of a raw sessionId among the last few seen (`mru`, its slot, or -1), else
   * found or created by id; the raw sessionId moves to the front of the recent list.
   */
  private resolveSession(entry: number, rawSession: unknown, sessionId: string | undefined, mru: number): number {
    const mruRaw = this.mruRaw;
    const mruEntry = this.mruEntry;
    const mruSession = this.mruSession;
    let session: number;
    let from: number;
    if (mru >= 0) {
      session = mruSession[mru]!;
      from = mru;
    } else {
      session = this.sessionOf(entry, sessionId!);
      from = MRU - 1;
    }
    if (typeof rawSession === 'string') {
      for (let k = from; k > 0; k--) {
        mruRaw[k] = mruRaw[k - 1];
        mruEntry[k] = mruEntry[k - 1]!;
        mruSession[k] = mruSession[k - 1]!;
      }
      mruRaw[0] = rawSession;
      mruEntry[0] = entry;
      mruSession[0] = session;
    }
    return session;
  }

  /**
   * Codes an event's country, region and city (through the session's cache). Region and city are read only when the
   * event has a country (region), as they mean nothing without one.
   */
  private encodePlace(a: SessionAttrs, rawCountry: unknown, o: Record<string, unknown>): void {
    const geo = this.geo;
    if (!same(rawCountry, a.rawCountry)) {
      const countryCode = readString(rawCountry);
      a.country = countryCode === undefined ? -1 : geo.countries.add(countryCode.toUpperCase());
      a.rawCountry = rawCountry;
      a.rawRegion = UNSET;
      a.record = -1;
    }
    if (a.country >= 0) {
      const rawRegion = o['region'];
      if (!same(rawRegion, a.rawRegion)) {
        const regionName = readString(rawRegion);
        a.region = regionName === undefined ? -1 : geo.region(a.country, regionName);
        a.rawRegion = rawRegion;
        a.rawCity = UNSET;
        a.record = -1;
      }
      if (a.region >= 0) {
        const rawCity = o['city'];
        if (!same(rawCity, a.rawCity)) {
          const cityName = readString(rawCity);
          a.city = cityName === undefined ? -1 : geo.city(a.region, cityName);
          a.rawCity = rawCity;
          a.record = -1;
        }
      }
    }
  }

  /** Appends an attribute record of the session's current codes; returns its index. */
  private writeRecord(a: SessionAttrs): number {
    const k = this.recordCount;
    if (k === this.recUser.length) {
      const c = k * 2;
      this.recUser = grow(this.recUser, c);
      this.recCountry = grow(this.recCountry, c);
      this.recRegion = grow(this.recRegion, c);
      this.recCity = grow(this.recCity, c);
      this.recDevice = grow(this.recDevice, c);
      this.recDomain = grow(this.recDomain, c);
      this.recUrl = grow(this.recUrl, c);
      this.recCategories = grow(this.recCategories, c);
      this.recPlaybackType = grow(this.recPlaybackType, c);
    }
    const region = a.country >= 0 ? a.region : -1;
    this.recUser[k] = a.user;
    this.recCountry[k] = a.country;
    this.recRegion[k] = region;
    this.recCity[k] = region >= 0 ? a.city : -1;
    this.recDevice[k] = a.device;
    this.recDomain[k] = a.domain;
    this.recUrl[k] = a.url;
    this.recCategories[k] = a.categories;
    this.recPlaybackType[k] = a.playbackType;
    this.recordCount = k + 1;
    a.record = k;
    return k;
  }

  /**
   * Codes an accepted event's user, coordinates, device, referrer, categories and playback type, and gives row `row`
   * the session's attribute record (a new one when a code changed).
   */
  private encodeAttributes(row: number, a: SessionAttrs, raw: RawAttributes, lat: number | undefined, lon: number | undefined): void {
    const { rawUser, rawDevice, rawReferrer, rawContext, rawCategories, rawPlaybackType } = raw;
    const geo = this.geo;
    const region = a.country >= 0 ? a.region : -1;
    const city = region >= 0 ? a.city : -1;
    if (!same(rawUser, a.rawUser)) {
      const userId = readString(rawUser);
      a.user = userId === undefined ? -1 : this.users.add(userId);
      a.rawUser = rawUser;
      a.record = -1;
    }
    // A place's position is the mean over its sessions of each session's first reported coordinates.
    if (lat !== undefined && lon !== undefined && !a.coords && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      a.coords = true;
      if (region >= 0) {
        geo.regionLat[region]! += lat;
        geo.regionLon[region]! += lon;
        geo.regionN[region]!++;
      }
      if (city >= 0) {
        geo.cityLat[city]! += lat;
        geo.cityLon[city]! += lon;
        geo.cityN[city]!++;
      }
    }
    if (!same(rawDevice, a.rawDevice)) {
      a.device = deviceIndex(rawDevice);
      a.rawDevice = rawDevice;
      a.record = -1;
    }
    if (!same(rawReferrer, a.rawReferrer)) {
      const [domain, url] = this.referrer(typeof rawReferrer === 'string' ? rawReferrer : undefined);
      a.domain = domain;
      a.url = url;
      a.rawReferrer = rawReferrer;
      a.record = -1;
    }
    if (!same(rawContext, a.rawContext) || !same(rawCategories, a.rawCategories)) {
      a.categories = this.categoriesOf(rawContext, rawCategories);
      a.rawContext = rawContext;
      a.rawCategories = rawCategories;
      a.record = -1;
    }
    if (!same(rawPlaybackType, a.rawPlaybackType)) {
      const pt = readString(rawPlaybackType)?.toLowerCase();
      const pti = pt === undefined ? -1 : (PLAYBACK_TYPES as readonly string[]).indexOf(pt);
      a.playbackType = pti < 0 ? 255 : pti;
      a.rawPlaybackType = rawPlaybackType;
      a.record = -1;
    }
    this.attr[row] = a.record >= 0 ? a.record : this.writeRecord(a);
  }


  /**
   * Adds one raw event. Returns `undefined` when accepted, or why it was skipped. Never throws on any input.
   * Storage is not "type": the stored `type` is the KAVA event type when it is below 256, else 0.
   */
  add(e: unknown): SkipReason | undefined {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return 'invalid-event';
    const o = e as Record<string, unknown>;
    const rawType = readNumber(o['eventType']);
    if (rawType === undefined || rawType === BAD || !Number.isInteger(rawType) || rawType < 0) return 'invalid-type';
    // entryId: the same raw string as the previous event's resolves to the same entry without a lookup.
    const rawEntry = o['entryId'];
    let entry: number;
    if (rawEntry === this.lastRawEntry && typeof rawEntry === 'string') entry = this.lastEntry;
    else {
      const entryId = readString(rawEntry);
      if (entryId === undefined) return 'missing-entry';
      entry = this.entries.get(entryId);
      if (typeof rawEntry === 'string' && entry >= 0) {
        this.lastRawEntry = rawEntry;
        this.lastEntry = entry;
      }
    }
    // sessionId: a raw string among the last few seen (with the same entry) resolves without a lookup.
    const rawSession = o['sessionId'];
    let sessionId: string | undefined;
    const mruRaw = this.mruRaw;
    const mruEntry = this.mruEntry;
    let mru = -1;
    if (typeof rawSession === 'string') {
      for (let k = 0; k < MRU; k++) {
        if (mruRaw[k] === rawSession && mruEntry[k] === entry) {
          mru = k;
          break;
        }
      }
    }
    if (mru < 0) {
      sessionId = readString(rawSession);
      if (sessionId === undefined) return 'missing-session';
    }
    const time = readTime(o['time'] ?? o['eventTime'] ?? o['timestamp']);
    if (time === undefined) return 'invalid-time';
    if (entry < 0) return 'unknown-entry';

    const media = this.media;
    const invalid = readMediaFields(o, rawType, media);
    if (invalid) return invalid;
    const { eventIndex, position, playTimeSum, lat, lon } = media;
    const type = rawType < 256 ? rawType : 0;
    const session = this.resolveSession(entry, rawSession, sessionId, mru);
    const row = this.length;
    if (row >= this.capacity) this.ensure(row + 1);
    const ei = eventIndex ?? NaN;
    const pos = position ?? NaN;
    // Write the key columns first: the duplicate check compares against stored rows.
    this.eventIndex[row] = ei;
    this.type[row] = type;
    this.position[row] = pos;

    // Read every remaining field before recording the key, so that a field whose getter throws cannot leave a
    // recorded key behind for a row that was never accepted.
    const raw = this.raw;
    raw.rawUser = o['userId'];
    const rawCountry = o['country'];
    raw.rawDevice = o['device'];
    raw.rawReferrer = o['referrer'];
    raw.rawContext = o['playbackContext'];
    raw.rawCategories = o['categories'];
    raw.rawPlaybackType = o['playbackType'];
    const a = this.sessionAttrs[session]!;
    this.encodePlace(a, rawCountry, o);

    if (this.checkDuplicate(row, session, ei)) return 'duplicate';

    this.time[row] = time;
    this.playTimeSum[row] = playTimeSum ?? NaN;
    this.encodeAttributes(row, a, raw, lat, lon);

    this.commitKey(row, session);
    this.appendToSession(row, session, entry);
    if (ei !== ei) this.missingIndex[entry] = true;
    if (a.user >= 0) this.hasUser[session] = 1;
    this.versionOfEntry[entry]!++;
    this.length = row + 1;
    return undefined;
  }
}
