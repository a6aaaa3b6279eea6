/**
 * Loading: raw KAVA-shaped beacons (numbers as numbers or numeric strings, referrers plain or base64), entries and
 * the user directory. Each beacon is read field by field exactly as the embedded engine reads it (the same functions),
 * invalid ones are skipped with the engine's reasons, and the rest go to ClickHouse in RowBinary batches (binary
 * doubles: no decimal round trip, so the server holds the very numbers the engine holds).
 * @internal
 */
import { DEVICES, PLAYBACK_TYPES, type EntryResult } from '../types.js';
import { BAD, decodeReferrer, deviceIndex, domainOf, readNumber, readString, readTime, splitCategories, urlOf } from '../engine/parse.js';
import type { IngestReport, RawEvent, SkipReason } from '../engine/engine.js';
import { readMediaFields, type MediaFields } from '../engine/store.js';
import { databaseOf, execute, f64, selectRows, num, str, type ClickHouseOptions } from './http.js';
import { buildSessionsSql } from './sql.js';

/** One event as stored: the columns of the `events` table. */
export interface EventRow {
  entryId: string;
  sessionId: string;
  seq: number;
  time: number;
  eventType: number;
  eventIndex: number;
  position: number;
  playTimeSum: number;
  userId: string;
  country: string;
  region: string;
  city: string;
  lat: number;
  lon: number;
  hasCoords: boolean;
  device: string;
  domain: string;
  url: string;
  categories: string[];
  playbackType: string;
  os: string;
  browser: string;
}

let lastSeq = 0;
/** Arrival order: microseconds of the wall clock, strictly increasing within a process. */
function nextSeq(): number {
  const now = Date.now() * 1000;
  lastSeq = now > lastSeq ? now : lastSeq + 1;
  return lastSeq;
}

const str0 = (v: unknown): string => readString(v) ?? '';
const categoryCache = new Map<unknown, string[]>();

/**
 * Reads one raw event the engine's way. Returns the row, or why the engine would skip it (`duplicate` and
 * `unknown-entry` are decided by the server: see {@link eventStats}). Never throws.
 */
export function readEvent(e: unknown, entries?: ReadonlySet<string>): EventRow | SkipReason {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return 'invalid-event';
  try {
    const o = e as Record<string, unknown>;
    const rawType = readNumber(o['eventType']);
    if (rawType === undefined || rawType === BAD || !Number.isInteger(rawType) || rawType < 0) return 'invalid-type';
    const entryId = readString(o['entryId']);
    if (entryId === undefined) return 'missing-entry';
    const sessionId = readString(o['sessionId']);
    if (sessionId === undefined) return 'missing-session';
    const time = readTime(o['time'] ?? o['eventTime'] ?? o['timestamp']);
    if (time === undefined) return 'invalid-time';
    if (entries && !entries.has(entryId)) return 'unknown-entry';
    const media: MediaFields = { eventIndex: undefined, position: undefined, playTimeSum: undefined, lat: undefined, lon: undefined };
    const invalid = readMediaFields(o, rawType, media);
    if (invalid) return invalid;
    const { eventIndex, position, playTimeSum, lat, lon } = media;
    // Region only with a country, city only with a region (as the engine keys places).
    const country = str0(o['country']).toUpperCase();
    const region = country === '' ? '' : str0(o['region']);
    const city = region === '' ? '' : str0(o['city']);
    const rawReferrer = o['referrer'];
    let domain = '';
    let url = '';
    if (typeof rawReferrer === 'string') {
      const decoded = decodeReferrer(rawReferrer);
      domain = domainOf(decoded);
      if (domain !== '') url = urlOf(decoded);
    }
    const rawContext = o['playbackContext'];
    const rawCategories = o['categories'];
    let categories: string[];
    const memo = typeof rawContext === 'string' && rawCategories === undefined;
    const hit = memo ? categoryCache.get(rawContext) : undefined;
    if (hit) categories = hit;
    else {
      const names = splitCategories(rawContext);
      if (rawCategories !== undefined) names.push(...splitCategories(rawCategories));
      categories = [...new Set(names)].sort();
      if (memo && categoryCache.size < 100_000) categoryCache.set(rawContext, categories);
    }
    const pt = readString(o['playbackType'])?.toLowerCase();
    const hasCoords = lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    return {
      entryId,
      sessionId,
      seq: nextSeq(),
      time,
      eventType: rawType < 256 ? rawType : 0,
      // -0 and 0 are one key for the engine's duplicate check (===); keep one of them.
      eventIndex: eventIndex === undefined ? NaN : eventIndex + 0,
      position: position === undefined ? NaN : position + 0,
      playTimeSum: playTimeSum ?? NaN,
      userId: str0(o['userId']),
      country,
      region,
      city,
      lat: hasCoords ? lat : 0,
      lon: hasCoords ? lon : 0,
      hasCoords,
      device: DEVICES[deviceIndex(o['device'])]!,
      domain,
      url,
      categories,
      playbackType: pt !== undefined && (PLAYBACK_TYPES as readonly string[]).includes(pt) ? pt : '',
      os: str0(o['os']),
      browser: str0(o['browser']),
    };
  } catch {
    // A field whose getter throws.
    return 'invalid-event';
  }
}

/** A growable RowBinary writer. */
class RowBinary {
  buf = new Uint8Array(1 << 16);
  view = new DataView(this.buf.buffer);
  n = 0;
  private readonly enc = new TextEncoder();
  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let c = this.buf.length * 2;
    while (c < this.n + k) c *= 2;
    const b = new Uint8Array(c);
    b.set(this.buf.subarray(0, this.n));
    this.buf = b;
    this.view = new DataView(b.buffer);
  }
  varint(v: number): void {
    this.room(10);
    while (v >= 0x80) {
      this.buf[this.n++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.n++] = v;
  }
  string(s: string): void {
    // At most 3 bytes per UTF-16 unit.
    this.room(5 + s.length * 3);
    if (s.length < 128 && /^[\x00-\x7f]*$/.test(s)) {
      this.buf[this.n++] = s.length;
      for (let i = 0; i < s.length; i++) this.buf[this.n++] = s.charCodeAt(i);
      return;
    }
    const bytes = this.enc.encode(s);
    this.varint(bytes.length);
    this.room(bytes.length);
    this.buf.set(bytes, this.n);
    this.n += bytes.length;
  }
  u8(v: number): void {
    this.room(1);
    this.buf[this.n++] = v;
  }
  u16(v: number): void {
    this.room(2);
    this.view.setUint16(this.n, v, true);
    this.n += 2;
  }
  u64(v: number): void {
    this.room(8);
    this.view.setUint32(this.n, v % 4294967296, true);
    this.view.setUint32(this.n + 4, Math.floor(v / 4294967296), true);
    this.n += 8;
  }
  f64(v: number): void {
    this.room(8);
    this.view.setFloat64(this.n, v, true);
    this.n += 8;
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }
}

const COLUMNS =
  'entry_id, session_id, seq, time, event_date, event_type, event_index, position, play_time_sum, user_id, country, region, city, ' +
  'has_coords, latitude, longitude, device, domain, url, categories, playback_type, os, browser';

function writeRow(w: RowBinary, r: EventRow): void {
  w.string(r.entryId);
  w.string(r.sessionId);
  w.u64(r.seq);
  w.f64(r.time);
  w.u16(Math.min(65535, Math.max(0, Math.floor(r.time / 86_400_000))));
  w.u8(r.eventType);
  w.f64(r.eventIndex);
  w.f64(r.position);
  w.f64(r.playTimeSum);
  w.string(r.userId);
  w.string(r.country);
  w.string(r.region);
  w.string(r.city);
  w.u8(r.hasCoords ? 1 : 0);
  w.f64(r.lat);
  w.f64(r.lon);
  w.string(r.device);
  w.string(r.domain);
  w.string(r.url);
  w.varint(r.categories.length);
  for (const c of r.categories) w.string(c);
  w.string(r.playbackType);
  w.string(r.os);
  w.string(r.browser);
}

/** Options of {@link insertEvents}. */
export interface InsertEventsOptions {
  /** Events per INSERT; default 20,000 (a few MB per request). */
  batchSize?: number;
  /**
   * The known entries: events of others are skipped as `unknown-entry` here. Without it they are stored and counted
   * by {@link eventStats} (they are never part of an answer: queries name their entry).
   */
  entries?: readonly (string | EntryResult)[];
  /**
   * Rebuild the per-session facts of the entries the events belong to when done (default true; see
   * {@link buildSessions}). Pass false to load many calls' worth of events first and build once at the end: queries
   * answer from the last build, so events inserted since are not in the numbers until then.
   */
  buildSessions?: boolean;
  signal?: AbortSignal;
}

/** Splits NDJSON text into parsed objects, counting lines that do not parse. */
function* ndjson(text: string, skip: (r: SkipReason) => void): Iterable<unknown> {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    try {
      yield JSON.parse(line);
    } catch {
      skip('malformed-json');
    }
  }
}

/**
 * Encodes raw events into RowBinary batches for the `events` table (synchronously: a generator that pushes events
 * can feed it). {@link insertEvents} uses it; so does the benchmark, which encodes in a worker.
 */
export class EventEncoder {
  private w = new RowBinary();
  /** Events in the current batch. */
  count = 0;
  private readonly known?: ReadonlySet<string>;
  constructor(entries?: readonly (string | EntryResult)[]) {
    if (entries) this.known = new Set(entries.map((e) => (typeof e === 'string' ? e : e.id)));
  }
  /** The entry of the last event encoded. */
  lastEntry = '';
  /** Adds one raw event; returns why it was skipped, or undefined when it was encoded. */
  add(e: unknown): SkipReason | undefined {
    const r = readEvent(e, this.known);
    if (typeof r === 'string') return r;
    this.lastEntry = r.entryId;
    writeRow(this.w, r);
    this.count++;
    return undefined;
  }
  /** The batch so far, and a fresh one begun. */
  take(): { bytes: Uint8Array; count: number } {
    const out = { bytes: this.w.bytes(), count: this.count };
    this.w = new RowBinary();
    this.count = 0;
    return out;
  }
}

/** Inserts one RowBinary batch made by {@link EventEncoder}. */
export async function insertEncoded(options: ClickHouseOptions, bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
  await execute(options, `INSERT INTO ${databaseOf(options)}.events (${COLUMNS}) FORMAT RowBinary`, { body: bytes, signal });
}

/**
 * Inserts raw events (an array or any iterable of objects, or NDJSON text) in batches. Returns what was accepted and
 * what was skipped, by the engine's reasons; duplicates (a beacon sent twice) are stored and left out by every query,
 * and counted by {@link eventStats}.
 */
export async function insertEvents(
  options: ClickHouseOptions,
  events: Iterable<RawEvent> | string,
  x: InsertEventsOptions = {},
): Promise<IngestReport> {
  databaseOf(options);
  const report: IngestReport = { accepted: 0, skipped: {} };
  const skip = (r: SkipReason) => {
    report.skipped[r] = (report.skipped[r] ?? 0) + 1;
  };
  const batchSize = Math.max(1, x.batchSize ?? 20_000);
  const encoder = new EventEncoder(x.entries);
  const flush = async () => {
    if (encoder.count === 0) return;
    const { bytes, count } = encoder.take();
    await insertEncoded(options, bytes, x.signal ?? options.signal);
    report.accepted += count;
  };
  const source: Iterable<unknown> = typeof events === 'string' ? ndjson(events, skip) : events;
  const touched = new Set<string>();
  for (const e of source) {
    const r = encoder.add(e);
    if (r) skip(r);
    else {
      touched.add(encoder.lastEntry);
      if (encoder.count >= batchSize) await flush();
    }
  }
  await flush();
  if (x.buildSessions !== false && touched.size > 0) await buildSessions(options, [...touched], { signal: x.signal });
  return report;
}

/** Options of {@link buildSessions}. */
export interface BuildSessionsOptions {
  /** Most events one INSERT … SELECT groups at once (bounds the server's memory); default 4,000,000. */
  eventsPerStep?: number;
  signal?: AbortSignal;
}

/** What {@link buildSessions} did, per entry. */
export interface SessionBuild {
  entryId: string;
  build: number;
  sessions: number;
  events: number;
  ms: number;
}

/**
 * Computes the per-session facts every query reads (the `sessions` table) from the raw events of the given entries
 * (default: every entry of the entries table that has events), each over its whole session with the entry's
 * duration: attributes, user, duplicates left out, view seconds, seek splitting, watched buckets. A build is written
 * whole, then registered; queries read an entry's latest registered build, so they never see half of one; older
 * builds are then deleted (a background mutation). {@link insertEvents} calls it for the entries it touched;
 * {@link insertEntries} for entries whose duration changed. Events of entries missing from the entries table are
 * not built (the engine rejects them too).
 */
export async function buildSessions(
  options: ClickHouseOptions,
  entryIds?: readonly string[],
  x: BuildSessionsOptions = {},
): Promise<SessionBuild[]> {
  const db = databaseOf(options);
  const signal = x.signal ?? options.signal;
  const perStep = Math.max(1, x.eventsPerStep ?? 4_000_000);
  const only = entryIds ? ` WHERE entry_id IN (${[...new Set(entryIds)].map(str).join(', ') || "''"})` : '';
  // Entries with events and metadata, with their event counts and durations.
  const rows = await selectRows(
    options,
    `SELECT entry_id, n, d FROM (SELECT entry_id, count() AS n FROM ${db}.events${only} GROUP BY entry_id)
     ANY INNER JOIN (SELECT id AS entry_id, argMax(duration, version) AS d FROM ${db}.entries GROUP BY id) USING entry_id
     ORDER BY entry_id`,
    signal,
  );
  const out: SessionBuild[] = [];
  for (const r of rows) {
    const t0 = Date.now();
    const entryId = String(r[0]);
    const events = num(r[1]);
    const d = num(r[2]);
    const duration = Number.isFinite(d) && d > 0 ? d : 0;
    const build = nextSeq();
    const slices = Math.max(1, Math.ceil(events / perStep));
    for (let slice = 0; slice < slices; slice++) {
      await execute(options, buildSessionsSql({ db, entryId, build, duration, slices, slice }), { signal });
    }
    const [stats] = await selectRows(
      options,
      `SELECT count(), max(if(isNaN(last_time), 0, toInt64(intDiv(toInt64(floor(last_time)), 86400000)) - toInt64(toUInt16(first_date))))
       FROM ${db}.sessions WHERE entry_id = ${str(entryId)} AND build = ${build}`,
      signal,
    );
    const sessions = num(stats![0]);
    const span = Math.min(65535, Math.max(0, num(stats![1])));
    await execute(
      options,
      `INSERT INTO ${db}.session_builds (entry_id, build, duration, span_days, sessions) SELECT ${str(entryId)}, toUInt64(${build}), ${f64(duration)}, toUInt16(${span}), toUInt64(${sessions})`,
      { signal },
    );
    // Older builds of the entry are no longer read: delete them in the background (a failure only costs disk).
    await execute(options, `ALTER TABLE ${db}.sessions DELETE WHERE entry_id = ${str(entryId)} AND build < ${build}`, { signal }).catch(() => {});
    out.push({ entryId, build, sessions, events, ms: Date.now() - t0 });
  }
  return out;
}

/** Inserts (or replaces) entries' metadata: the contract's `EntryResult`, answered as is by `entry` queries. */
export async function insertEntries(options: ClickHouseOptions, entries: readonly EntryResult[]): Promise<void> {
  const db = databaseOf(options);
  const version = nextSeq();
  const lines = entries.map((e) => {
    if (!e || typeof e.id !== 'string' || e.id === '') throw new Error('insertEntries: every entry needs an id');
    const d = Number(e.duration);
    return JSON.stringify({ id: e.id, version, duration: Number.isFinite(d) && d > 0 ? d : 0, json: JSON.stringify(e) });
  });
  if (lines.length === 0) return;
  await execute(options, `INSERT INTO ${db}.entries (id, version, duration, json) FORMAT JSONEachRow\n${lines.join('\n')}`, {
    signal: options.signal,
  });
  // Entries with events whose current build is missing or used another duration: build them again.
  const ids = [...new Set(entries.map((e) => e.id))];
  const stale = await selectRows(
    options,
    `SELECT entry_id FROM (
       SELECT entry_id, d FROM (SELECT DISTINCT entry_id FROM ${db}.events WHERE entry_id IN (${ids.map(str).join(', ')}))
       ANY INNER JOIN (SELECT id AS entry_id, argMax(duration, version) AS d FROM ${db}.entries GROUP BY id) USING entry_id
     )
     ANY LEFT JOIN (SELECT entry_id, argMax(duration, build) AS built, toUInt8(1) AS has FROM ${db}.session_builds GROUP BY entry_id) USING entry_id
     WHERE has = 0 OR built != d`,
    options.signal,
  );
  if (stale.length > 0) await buildSessions(options, stale.map((r) => String(r[0])));
}

/** Inserts (or replaces) user names: a directory user id → display name. */
export async function insertUsers(options: ClickHouseOptions, directory: Record<string, string>): Promise<void> {
  const db = databaseOf(options);
  const version = nextSeq();
  const all = Object.entries(directory ?? {}).filter((kv): kv is [string, string] => typeof kv[1] === 'string');
  for (let i = 0; i < all.length; i += 100_000) {
    const w = new RowBinary();
    for (const [id, name] of all.slice(i, i + 100_000)) {
      w.string(id);
      w.u64(version);
      w.string(name);
    }
    await execute(options, `INSERT INTO ${db}.users (user_id, version, name) FORMAT RowBinary`, { body: w.bytes(), signal: options.signal });
  }
}

/** What the server holds beyond the loader's report: the engine's `duplicate` and `unknown-entry` counts. */
export interface EventStats {
  /** Rows stored. */
  stored: number;
  /** Rows that repeat an earlier row's (entry, session, eventIndex, eventType, position): left out by queries. */
  duplicate: number;
  /** Rows of entries missing from the entries table. */
  unknownEntry: number;
  /** Rows every query may use: stored − duplicate − unknownEntry. */
  accepted: number;
}

/** Counts stored, duplicate and unknown-entry events (a full scan of the events table). */
export async function eventStats(options: ClickHouseOptions, signal?: AbortSignal): Promise<EventStats> {
  const db = databaseOf(options);
  // One group per duplicate key (NaN keys group together, as the engine's === plus NaN check does). Events of unknown
  // entries are all unknown-entry (the engine rejects them before its duplicate check).
  const rows = await selectRows(
    options,
    `SELECT sum(n), sumIf(n - 1, known), sumIf(n, NOT known)
     FROM (
       SELECT entry_id IN (SELECT id FROM ${db}.entries) AS known, n
       FROM (
         SELECT entry_id, count() AS n
         FROM ${db}.events
         GROUP BY entry_id, session_id, event_index, event_type, position
       )
     )`,
    signal,
  );
  const [stored, duplicate, unknownEntry] = rows[0]!.map(num) as [number, number, number];
  return { stored, duplicate, unknownEntry, accepted: stored - duplicate - unknownEntry };
}
