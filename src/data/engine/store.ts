/**
 * Columnar storage of ingested events: one typed array per field, strings dictionary-encoded, plus an open-addressing
 * hash table that finds duplicates without a string per event.
 * @internal
 */
import { PLAYBACK_TYPES } from '../types.js';
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

/**
 * Why an event was skipped: `invalid-event` (not a plain object), `invalid-type` (eventType missing or not a
 * non-negative integer), `missing-entry`, `missing-session`, `invalid-time` (neither epoch ms nor an ISO date),
 * `invalid-number` (a numeric field that is not a number, a view without playTimeSum/position, a seek without a
 * target), `duplicate` (same sessionId, eventIndex, eventType and position as an accepted event), `unknown-entry`
 * (not in the engine's entries), `malformed-json` (an NDJSON line that does not parse).
 */
export type SkipReason =
  | 'invalid-event'
  | 'invalid-type'
  | 'missing-entry'
  | 'missing-session'
  | 'invalid-time'
  | 'invalid-number'
  | 'duplicate'
  | 'unknown-entry'
  | 'malformed-json';

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

function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/** Event types the engine reads; stored as small integers. Other types are stored as 0 ("other"). */
export const T_IMPRESSION = 1;
export const T_PLAY = 3;
export const T_PT25 = 11;
export const T_PT100 = 14;
export const T_REPLAY = 34;
export const T_SEEK = 35;
export const T_VIEW = 99;

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

/**
 * All accepted events, column by column. Row `i` of every column is event `i` (ingest order). Sessions are keyed by
 * (entry, sessionId), so one sessionId reused for two entries makes two sessions.
 */
export class EventStore {
  length = 0;
  private capacity = 0;
  entry = new Int32Array(0);
  session = new Int32Array(0);
  time = new Float64Array(0);
  type = new Uint8Array(0);
  eventIndex = new Float64Array(0);
  position = new Float64Array(0);
  playTimeSum = new Float64Array(0);
  user = new Int32Array(0);
  country = new Int32Array(0);
  region = new Int32Array(0);
  city = new Int32Array(0);
  device = new Uint8Array(0);
  domain = new Int32Array(0);
  url = new Int32Array(0);
  categories = new Int32Array(0);
  playbackType = new Uint8Array(0);

  readonly entries: Dict;
  readonly sessions = new Dict();
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

  /** Per session: 1 once its coordinates were counted in its place's mean. */
  private sessionCoords = new Uint8Array(1024);

  /** Open-addressing table of row+1 (0 = empty), for duplicate detection. */
  private table = new Int32Array(1 << 12);
  private tableUsed = 0;

  /** Rows per entry, in ingest order; and a version that changes whenever an entry gets new rows. */
  readonly rowsOfEntry: Int32Array[] = [];
  readonly rowCountOfEntry: number[] = [];
  readonly versionOfEntry: number[] = [];

  constructor(entryIds: readonly string[]) {
    this.entries = new Dict();
    for (const id of entryIds) {
      const i = this.entries.add(id);
      if (i === this.rowsOfEntry.length) {
        this.rowsOfEntry.push(new Int32Array(16));
        this.rowCountOfEntry.push(0);
        this.versionOfEntry.push(0);
      }
    }
    this.categorySetKeys.add('');
    this.categorySets.push(new Int32Array(0));
  }

  private ensure(n: number): void {
    if (n <= this.capacity) return;
    const c = Math.max(1024, this.capacity * 2, n);
    this.entry = grow(this.entry, c);
    this.session = grow(this.session, c);
    this.time = grow(this.time, c);
    this.type = grow(this.type, c);
    this.eventIndex = grow(this.eventIndex, c);
    this.position = grow(this.position, c);
    this.playTimeSum = grow(this.playTimeSum, c);
    this.user = grow(this.user, c);
    this.country = grow(this.country, c);
    this.region = grow(this.region, c);
    this.city = grow(this.city, c);
    this.device = grow(this.device, c);
    this.domain = grow(this.domain, c);
    this.url = grow(this.url, c);
    this.categories = grow(this.categories, c);
    this.playbackType = grow(this.playbackType, c);
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
    return (h ^ (h >>> 16)) >>> 0;
  }

  private sameKey(row: number, session: number, eventIndex: number, type: number, position: number): boolean {
    if (this.session[row] !== session || this.type[row] !== type) return false;
    const ei = this.eventIndex[row]!;
    if (!(ei === eventIndex || (Number.isNaN(ei) && Number.isNaN(eventIndex)))) return false;
    const p = this.position[row]!;
    return p === position || (Number.isNaN(p) && Number.isNaN(position));
  }

  /** Finds a duplicate of the key, or records `row` under it. Returns true for a duplicate. */
  private checkDuplicate(row: number, session: number, eventIndex: number, rawType: number, position: number): boolean {
    if ((this.tableUsed + 1) * 2 > this.table.length) this.rehash();
    const mask = this.table.length - 1;
    let i = this.hash(session, eventIndex, rawType, position) & mask;
    for (;;) {
      const v = this.table[i]!;
      if (v === 0) {
        this.table[i] = row + 1;
        this.tableUsed++;
        return false;
      }
      if (this.sameKey(v - 1, session, eventIndex, rawType, position)) return true;
      i = (i + 1) & mask;
    }
  }

  private rehash(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    const mask = this.table.length - 1;
    for (let j = 0; j < old.length; j++) {
      const v = old[j]!;
      if (v === 0) continue;
      const r = v - 1;
      let i = this.hash(this.session[r]!, this.eventIndex[r]!, this.type[r]!, this.position[r]!) & mask;
      while (this.table[i] !== 0) i = (i + 1) & mask;
      this.table[i] = v;
    }
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

  /**
   * Adds one raw event. Returns `undefined` when accepted, or why it was skipped. Never throws on any input.
   * Storage is not "type": the stored `type` is the KAVA event type when it is below 256, else 0.
   */
  add(e: unknown): SkipReason | undefined {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return 'invalid-event';
    const o = e as Record<string, unknown>;
    const rawType = readNumber(o['eventType']);
    if (rawType === undefined || rawType === BAD || !Number.isInteger(rawType) || rawType < 0) return 'invalid-type';
    const entryId = readString(o['entryId']);
    if (entryId === undefined) return 'missing-entry';
    const sessionId = readString(o['sessionId']);
    if (sessionId === undefined) return 'missing-session';
    const time = readTime(o['time'] ?? o['eventTime'] ?? o['timestamp']);
    if (time === undefined) return 'invalid-time';
    const entry = this.entries.get(entryId);
    if (entry < 0) return 'unknown-entry';

    const eventIndex = readNumber(o['eventIndex']);
    let position = readNumber(o['position']);
    const playTimeSum = readNumber(o['playTimeSum']);
    const lat = readNumber(o['latitude'] ?? o['lat']);
    const lon = readNumber(o['longitude'] ?? o['lon']);
    if (eventIndex === BAD || position === BAD || playTimeSum === BAD || lat === BAD || lon === BAD) {
      return 'invalid-number';
    }
    if (rawType === T_SEEK) {
      const target = readNumber(o['targetPosition']);
      if (target === BAD) return 'invalid-number';
      // A seek's `position` is its target; `targetPosition` when that is all there is.
      if (position === undefined) position = target;
      if (position === undefined) return 'invalid-number';
    }
    if (rawType === T_VIEW && (position === undefined || playTimeSum === undefined)) return 'invalid-number';
    if ((position !== undefined && position < 0) || (playTimeSum !== undefined && playTimeSum < 0)) {
      return 'invalid-number';
    }
    const type = rawType < 256 ? rawType : 0;
    const session = this.sessions.add(`${entry}\u0000${sessionId}`);
    const row = this.length;
    this.ensure(row + 1);
    const ei = eventIndex ?? NaN;
    const pos = position ?? NaN;
    // Write the key columns first: the duplicate check compares against stored rows.
    if (this.checkDuplicateBeforeWrite(row, session, ei, type, pos)) return 'duplicate';

    this.entry[row] = entry;
    this.time[row] = time;
    this.playTimeSum[row] = playTimeSum ?? NaN;
    const userId = readString(o['userId']);
    this.user[row] = userId === undefined ? -1 : this.users.add(userId);

    const geo = this.geo;
    const countryCode = readString(o['country']);
    const country = countryCode === undefined ? -1 : geo.countries.add(countryCode.toUpperCase());
    const regionName = country >= 0 ? readString(o['region']) : undefined;
    const region = regionName === undefined ? -1 : geo.region(country, regionName);
    const cityName = region >= 0 ? readString(o['city']) : undefined;
    const city = cityName === undefined ? -1 : geo.city(region, cityName);
    this.country[row] = country;
    this.region[row] = region;
    this.city[row] = city;
    if (session >= this.sessionCoords.length) this.sessionCoords = grow(this.sessionCoords, Math.max(1024, session * 2));
    // A place's position is the mean over its sessions of each session's first reported coordinates.
    if (
      lat !== undefined &&
      lon !== undefined &&
      Math.abs(lat) <= 90 &&
      Math.abs(lon) <= 180 &&
      this.sessionCoords[session] === 0
    ) {
      this.sessionCoords[session] = 1;
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
    this.device[row] = deviceIndex(o['device']);
    const ref = o['referrer'];
    const [domain, url] = this.referrer(typeof ref === 'string' ? ref : undefined);
    this.domain[row] = domain;
    this.url[row] = url;
    const cats = splitCategories(o['playbackContext']);
    if (o['categories'] !== undefined) cats.push(...splitCategories(o['categories']));
    this.categories[row] = this.categorySet(cats);
    const pt = readString(o['playbackType'])?.toLowerCase();
    const pti = pt === undefined ? -1 : (PLAYBACK_TYPES as readonly string[]).indexOf(pt);
    this.playbackType[row] = pti < 0 ? 255 : pti;

    const rows = this.rowsOfEntry[entry]!;
    const count = this.rowCountOfEntry[entry]!;
    if (count === rows.length) this.rowsOfEntry[entry] = grow(rows, rows.length * 2);
    this.rowsOfEntry[entry]![count] = row;
    this.rowCountOfEntry[entry] = count + 1;
    this.versionOfEntry[entry]!++;
    this.length = row + 1;
    return undefined;
  }

  private checkDuplicateBeforeWrite(row: number, session: number, ei: number, type: number, pos: number): boolean {
    // The key columns of `row` must hold the candidate's key while it is compared and recorded.
    this.session[row] = session;
    this.eventIndex[row] = ei;
    this.type[row] = type;
    this.position[row] = pos;
    return this.checkDuplicate(row, session, ei, type, pos);
  }
}
