/**
 * The embedded analytics engine: raw KAVA-shaped player events in, every report of the data contract out.
 * @packageDocumentation
 */
import {
  BUCKETS,
  DEVICES,
  PLAYBACK_TYPES,
  type BreakdownMetrics,
  type BreakdownSortField,
  type DevicesResult,
  type DomainsResult,
  type EntryResult,
  type Filters,
  type GeoQuery,
  type GeoResult,
  type GeoRow,
  type HeatmapQuery,
  type HeatmapResult,
  type MetricSet,
  type Page,
  type Query,
  type QueryBase,
  type ResultOf,
  type RetentionQuery,
  type RetentionResult,
  type Sort,
  type TimelineQuery,
  type TimelineResult,
  type TotalsResult,
  type UrlsQuery,
  type UrlsResult,
  type UserRow,
  type UserSortField,
  type UsersQuery,
  type UsersResult,
} from '../types.js';
import { metricsOf, playThroughOf, runPass, runUsersPass, type PassResult, type PassSpec } from './aggregate.js';
import { codeUnitOrder, collationKeys, collationTable, type CollationTable } from './order.js';
import { prepareEntry, type PreparedEntry } from './prepare.js';
import { EventStore, type SkipReason } from './store.js';
import { rangeBounds, timelineBuckets, type RangeBounds } from './time.js';

export type { SkipReason } from './store.js';

/** One KAVA-shaped beacon. Numbers may arrive as numeric strings; time as epoch ms or an ISO string. */
export type RawEvent = Record<string, unknown>;

/** How many events an {@link AnalyticsEngine.ingest} call (or all of them) accepted, and how many it skipped, by reason. */
export interface IngestReport {
  accepted: number;
  skipped: Partial<Record<SkipReason, number>>;
}

/** What an engine is built from. */
export interface EngineOptions {
  /** Every entry's metadata; events of other entries are skipped as `unknown-entry`. */
  entries: EntryResult[];
  /** Optional user directory: user id → display name. Users without a name show by id. */
  users?: Record<string, string>;
  /** Locale(s) of the name collation that sorts users by name; default `'en'`. */
  locale?: string | string[];
}

const QUERY_KINDS = new Set(['entry', 'totals', 'timeline', 'retention', 'users', 'heatmap', 'geo', 'devices', 'domains', 'urls']);
const USER_SORT = new Set<UserSortField>(['name', 'impressions', 'plays', 'avgCompletionRate', 'totalCompletionRate']);
const BREAKDOWN_SORT = new Set<BreakdownSortField>([
  'key',
  'impressions',
  'plays',
  'uniqueViewers',
  'minutesViewed',
  'avgCompletionRate',
  'avgDropOffRate',
  'distribution',
  'playImpressionRatio',
]);

let regionNames: Intl.DisplayNames | null | undefined;
/** English name of an ISO 3166-1 alpha-2 code, or the code itself when unknown. */
function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  if (!regionNames || !/^[A-Z]{2}$/.test(code)) return code;
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The per-user figures of one (entry, range, zone, filters), as typed arrays over the active users (those with an
 * impression or a play), in user-dictionary order; row objects are only made for the page asked.
 */
interface UsersAggregate {
  key: string;
  /** User index (in the store's user dictionary) of each row. */
  user: Int32Array;
  impressions: Float64Array;
  plays: Float64Array;
  avgCompletionRate: Float64Array;
  totalCompletionRate: Float64Array;
  /** Row order per sort key (`field:direction`). */
  orders: Map<string, UsersOrder>;
  /** Row of each user (-1: none), made when a large tie group is put in id order. */
  rowOfUser?: Int32Array;
}

/**
 * Rows of a users aggregate by one sort key: grouped by the key's rank, each group in row order until it is *settled*
 * (put in user-id order, the tie-breaker), which is done only for the groups a page reaches.
 */
interface UsersOrder {
  order: Int32Array;
  /** Group g holds positions [bounds[g], bounds[g + 1]) of `order`. */
  bounds: Int32Array;
  /** Per group: how many of its leading positions are in their final order (the whole group once settled). */
  ready: Int32Array;
}

/**
 * Orders over the whole user dictionary, computed once per dictionary size (it only grows) and shared by every users
 * aggregate: the tie-breaker (user id, code-unit order), the name order (locale collation) and the search text.
 */
interface UserIndex {
  size: number;
  /** The users in ascending code-unit order of their ids; made on demand (large tie groups only). */
  byIdRank?: Int32Array;
  /** Position of each user in {@link UserIndex.byIdRank}. */
  idRank?: Int32Array;
  /** Dense rank of each user's display name by the engine's collator (equal names share a rank); made on demand. */
  nameRank?: Int32Array;
  /** Lower-cased name and id of each user, for search; made on demand. */
  haystack?: string[];
}

const arr = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.length > 0 ? v.filter((x): x is string => typeof x === 'string') : undefined;

/**
 * The embedded analytics engine. Holds up to millions of events in columnar form (typed arrays, dictionary-encoded
 * strings) and answers every query kind of the contract synchronously, by the metric definitions of DESIGN §3.
 *
 * ```ts
 * const engine = new AnalyticsEngine({ entries: [entry], users: { u1: 'Ada' } });
 * engine.ingest(ndjsonText);
 * const totals = engine.query({ kind: 'totals', entryId: entry.id, range, timeZone: 'Europe/Paris', filters: {} });
 * ```
 */
export class AnalyticsEngine {
  private readonly store: EventStore;
  private readonly entries = new Map<string, EntryResult>();
  private readonly entryIndex = new Map<string, number>();
  private readonly directory: Map<string, string>;
  private readonly prepared: (PreparedEntry | undefined)[] = [];
  private readonly total: IngestReport = { accepted: 0, skipped: {} };
  private usersCache: UsersAggregate | undefined;
  private userIndex: UserIndex | undefined;
  private readonly collator: Intl.Collator;
  private collation?: CollationTable;

  /** Builds an engine over `options.entries` (metadata of every entry) and an optional user directory. */
  constructor(options: EngineOptions) {
    const list = Array.isArray(options?.entries) ? options.entries : [];
    for (const e of list) if (e && typeof e.id === 'string') this.entries.set(e.id, e);
    this.store = new EventStore([...this.entries.keys()]);
    for (const id of this.entries.keys()) this.entryIndex.set(id, this.store.entries.get(id));
    let collator: Intl.Collator;
    try {
      collator = new Intl.Collator(options?.locale ?? 'en');
    } catch {
      collator = new Intl.Collator('en');
    }
    this.collator = collator;
    this.directory = new Map(
      Object.entries(options?.users ?? {}).filter((kv): kv is [string, string] => typeof kv[1] === 'string'),
    );
  }

  /**
   * Adds events: an array or any iterable of plain objects, or NDJSON text (one JSON object per line; blank lines
   * ignored). Can be called more than once. Never throws on bad input: invalid, duplicate and unknown-entry events are
   * skipped and counted by reason in the returned report (and in {@link AnalyticsEngine.stats}).
   */
  ingest(events: Iterable<RawEvent> | string): IngestReport {
    const report: IngestReport = { accepted: 0, skipped: {} };
    const skip = (r: SkipReason) => {
      report.skipped[r] = (report.skipped[r] ?? 0) + 1;
    };
    const one = (e: unknown) => {
      let reason: SkipReason | undefined;
      try {
        reason = this.store.add(e);
      } catch {
        reason = 'invalid-event';
      }
      if (reason) skip(reason);
      else report.accepted++;
    };
    if (typeof events === 'string') {
      const text = events;
      let start = 0;
      while (start <= text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        const line = text.slice(start, end).trim();
        start = end + 1;
        if (line === '') continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          skip('malformed-json');
          continue;
        }
        one(parsed);
      }
    } else if (Array.isArray(events)) {
      // The final size is known: grow the columns and the duplicate table once.
      try {
        if (events.length <= 1 << 26) this.store.reserve(this.store.length + events.length);
        for (let i = 0; i < events.length; i++) one(events[i]);
      } catch {
        skip('invalid-event');
      }
    } else if (events !== null && typeof events === 'object' && Symbol.iterator in Object(events)) {
      try {
        for (const e of events) one(e);
      } catch {
        skip('invalid-event');
      }
    } else if (events !== undefined && events !== null) {
      skip('invalid-event');
    }
    this.total.accepted += report.accepted;
    for (const [k, n] of Object.entries(report.skipped) as [SkipReason, number][]) {
      this.total.skipped[k] = (this.total.skipped[k] ?? 0) + n;
    }
    if (report.accepted > 0) this.usersCache = undefined;
    return report;
  }

  /** Totals since construction: accepted events and skipped ones by reason. */
  get stats(): IngestReport {
    return { accepted: this.total.accepted, skipped: { ...this.total.skipped } };
  }

  /**
   * Answers any query of the contract synchronously with plain JSON. Throws an Error with a clear message for an
   * unknown entryId or an invalid query (unknown kind, bad date, reversed range, bad time zone, bad sort).
   */
  query<Q extends Query>(query: Q): ResultOf<Q> {
    if (!query || typeof query !== 'object') throw new Error('Invalid query: expected an object');
    if (!QUERY_KINDS.has(query.kind)) throw new Error(`Invalid query: unknown kind ${JSON.stringify(query.kind)}`);
    const meta = this.entries.get(query.entryId);
    if (!meta) throw new Error(`Unknown entryId: ${JSON.stringify(query.entryId)}`);
    const rb = rangeBounds(query.range, query.timeZone);
    if (query.filters !== undefined && (typeof query.filters !== 'object' || query.filters === null)) {
      throw new Error('Invalid query: filters must be an object');
    }
    if (query.kind === 'entry') return JSON.parse(JSON.stringify(meta)) as ResultOf<Q>;
    const p = this.prepare(query.entryId);
    const q = query as Query;
    let result: unknown;
    switch (q.kind) {
      case 'totals':
        result = this.totals(p, q, rb);
        break;
      case 'timeline':
        result = this.timeline(p, q, rb);
        break;
      case 'retention':
        result = this.retention(p, q, rb);
        break;
      case 'users':
        result = this.users(p, q, rb);
        break;
      case 'heatmap':
        result = this.heatmap(p, q, rb);
        break;
      case 'geo':
        result = this.geo(p, q, rb);
        break;
      case 'devices':
        result = this.devices(p, q, rb);
        break;
      case 'domains':
      case 'urls':
        result = this.referrers(p, q, rb);
        break;
    }
    return result as ResultOf<Q>;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Preparation, ranges and filters

  private prepare(entryId: string): PreparedEntry {
    const e = this.entryIndex.get(entryId)!;
    const version = this.store.versionOfEntry[e]!;
    let p = this.prepared[e];
    if (!p || p.version !== version) {
      const duration = Number(this.entries.get(entryId)!.duration);
      p = prepareEntry(this.store, e, Number.isFinite(duration) && duration > 0 ? duration : 0);
      this.prepared[e] = p;
    }
    return p;
  }

  /** The range's instants and the store columns a pass reads. */
  private span(rb: RangeBounds): Pick<PassSpec, 'from' | 'to' | 'time' | 'type'> {
    const b = rb.bounds;
    return { from: b[0]!, to: b[b.length - 1]!, time: this.store.time, type: this.store.type };
  }

  /** The per-session filter mask (1 = passes), cached per entry and filters. */
  private mask(p: PreparedEntry, filters: Filters | undefined, extra?: { country?: number; region?: number; domain?: number; users?: string[] }): Uint8Array {
    const f = filters ?? {};
    const norm = {
      c: arr(f.countries)?.map((x) => x.toUpperCase()).sort(),
      r: arr(f.regions)?.slice().sort(),
      ci: arr(f.cities)?.slice().sort(),
      d: arr(f.devices)?.slice().sort(),
      do: arr(f.domains)
        ?.map((x) => x.trim().toLowerCase().replace(/^www\./, ''))
        .sort(),
      u: arr(f.urls)?.slice().sort(),
      ca: arr(f.categories)?.slice().sort(),
      us: arr(f.users)?.slice().sort(),
      pt: arr(f.playbackTypes)?.slice().sort(),
      x: extra,
    };
    const key = JSON.stringify(norm);
    const hit = p.masks.get(key);
    if (hit) return hit;
    const st = this.store;
    const geo = st.geo;
    const setOf = (values: string[] | undefined, lookup: (v: string) => number) =>
      values ? new Set(values.map(lookup).filter((i) => i >= 0)) : null;
    const byName = (values: string[] | undefined, names: string[]) => {
      if (!values) return null;
      const want = new Set(values);
      const s = new Set<number>();
      names.forEach((n, i) => want.has(n) && s.add(i));
      return s;
    };
    const countries = setOf(norm.c, (v) => geo.countries.get(v));
    const regions = byName(norm.r, geo.regionName);
    const cities = byName(norm.ci, geo.cityName);
    const devices = setOf(norm.d, (v) => DEVICES.indexOf(v as never));
    const domains = setOf(norm.do, (v) => st.domains.get(v));
    const urls = setOf(norm.u, (v) => st.urls.get(v));
    const users = setOf(norm.us, (v) => st.users.get(v));
    const extraUsers = extra?.users ? new Set(extra.users.map((v) => st.users.get(v)).filter((i) => i >= 0)) : null;
    const pts = setOf(norm.pt, (v) => (PLAYBACK_TYPES as readonly string[]).indexOf(v));
    let catSets: Uint8Array | null = null;
    if (norm.ca) {
      const want = new Set(norm.ca.map((v) => st.categoryNames.get(v)).filter((i) => i >= 0));
      catSets = new Uint8Array(st.categorySets.length);
      st.categorySets.forEach((set, i) => {
        if (set.some((c) => want.has(c))) catSets![i] = 1;
      });
    }
    const m = new Uint8Array(p.sessions);
    // A drill-down scope that names an unknown place or domain matches nothing (not the sessions without one).
    const none = extra?.country === -1 || extra?.region === -1 || extra?.domain === -1;
    if (none) {
      p.masks.set(key, m);
      return m;
    }
    for (let s = 0; s < p.sessions; s++) {
      if (countries && !countries.has(p.sCountry[s]!)) continue;
      if (regions && !regions.has(p.sRegion[s]!)) continue;
      if (cities && !cities.has(p.sCity[s]!)) continue;
      if (devices && !devices.has(p.sDevice[s]!)) continue;
      if (domains && !domains.has(p.sDomain[s]!)) continue;
      if (urls && !urls.has(p.sUrl[s]!)) continue;
      if (users && !users.has(p.sUser[s]!)) continue;
      if (extraUsers && !extraUsers.has(p.sUser[s]!)) continue;
      if (pts && !pts.has(p.sPlaybackType[s]!)) continue;
      if (catSets && catSets[p.sCategories[s]!] !== 1) continue;
      if (extra?.country !== undefined && p.sCountry[s] !== extra.country) continue;
      if (extra?.region !== undefined && p.sRegion[s] !== extra.region) continue;
      if (extra?.domain !== undefined && p.sDomain[s] !== extra.domain) continue;
      m[s] = 1;
    }
    p.masks.set(key, m);
    if (p.masks.size > 16) p.masks.delete(p.masks.keys().next().value as string);
    return m;
  }

  private spec(p: PreparedEntry, rb: RangeBounds, mask: Uint8Array, more: Partial<PassSpec>): PassSpec {
    return { ...this.span(rb), mask, groups: 1, users: this.store.users.size, sUser: p.sUser, ...more };
  }

  private name(userId: string): string {
    return this.directory.get(userId) ?? userId;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Queries

  private totals(p: PreparedEntry, q: QueryBase, rb: RangeBounds): TotalsResult {
    const r = runPass(p, this.spec(p, rb, this.mask(p, q.filters), {}));
    return { ...metricsOf(r, 0), playThrough: playThroughOf(r, 0) };
  }

  private timeline(p: PreparedEntry, q: TimelineQuery, rb: RangeBounds): TimelineResult {
    const { dates, ofDay } = timelineBuckets(rb, q.granularity);
    const r = runPass(
      p,
      this.spec(p, rb, this.mask(p, q.filters), { groups: dates.length, dayBounds: rb.bounds, dayGroup: ofDay }),
    );
    return {
      granularity: q.granularity,
      points: dates.map((date, k) => ({ date, ...metricsOf(r, k), playThrough: playThroughOf(r, k) })),
    };
  }

  private retention(p: PreparedEntry, q: RetentionQuery, rb: RangeBounds): RetentionResult {
    const userIds = Array.isArray(q.userIds) ? q.userIds.filter((x) => typeof x === 'string') : undefined;
    const mask = this.mask(p, q.filters, userIds ? { users: userIds } : undefined);
    const r = runPass(p, this.spec(p, rb, mask, { retention: true }));
    return {
      duration: p.duration,
      plays: r.plays[0]!,
      views: Array.from(r.views!),
      viewers: Array.from(r.viewers!),
      uniqueUsers: Array.from(r.uniqueUsers!),
    };
  }

  /** The dictionary-wide user orders, recomputed when new users arrived. */
  private users_(): UserIndex {
    const dict = this.store.users;
    const n = dict.size;
    if (this.userIndex?.size === n) return this.userIndex;
    this.userIndex = { size: n };
    return this.userIndex;
  }

  /** The position of every user in ascending code-unit order of the ids (one radix sort per dictionary). */
  private idRank(ix: UserIndex): Int32Array {
    if (!ix.idRank) {
      const byIdRank = codeUnitOrder(this.store.users.values);
      const idRank = new Int32Array(ix.size);
      for (let i = 0; i < ix.size; i++) idRank[byIdRank[i]!] = i;
      ix.byIdRank = byIdRank;
      ix.idRank = idRank;
    }
    return ix.idRank;
  }

  /**
   * Puts (at least) the first `need` positions of group `g` of a users order in user-id order (ids are distinct, so
   * this is the order's last tie-breaker; `need` defaults to the whole group). Small groups compare their ids; when a
   * page needs only the head of a large group, the smallest ids are selected (a bounded heap) and only they are
   * sorted; a whole large group uses the dictionary-wide id order, a middling one sorts its own ids.
   */
  private settle(agg: UsersAggregate, o: UsersOrder, g: number, need = Infinity): void {
    const a = o.bounds[g]!;
    const b = o.bounds[g + 1]!;
    const n = b - a;
    const ready = o.ready[g]!;
    if (ready >= n || ready >= need) return;
    const ids = this.store.users.values;
    const order = o.order;
    const user = agg.user;
    const head = Math.max(64, need);
    if (n > 32 && head * 8 <= n) {
      o.ready[g] = head;
      this.selectHead(agg, order, a, b, head);
      return;
    }
    o.ready[g] = n;
    if (n < 2) return;
    if (n <= 32) {
      for (let i = a + 1; i < b; i++) {
        const k = order[i]!;
        const id = ids[user[k]!]!;
        let j = i - 1;
        while (j >= a && ids[user[order[j]!]!]! > id) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = k;
      }
      return;
    }
    const ix = this.users_();
    if (ix.idRank || n > 4096) {
      const idRank = this.idRank(ix);
      const byIdRank = ix.byIdRank!;
      if (!agg.rowOfUser) {
        const rowOfUser = new Int32Array(ix.size).fill(-1);
        for (let k = 0; k < user.length; k++) rowOfUser[user[k]!] = k;
        agg.rowOfUser = rowOfUser;
      }
      const rowOfUser = agg.rowOfUser;
      const keys = new Int32Array(n);
      for (let i = 0; i < n; i++) keys[i] = idRank[user[order[a + i]!]!]!;
      keys.sort();
      for (let i = 0; i < n; i++) order[a + i] = rowOfUser[byIdRank[keys[i]!]!]!;
      return;
    }
    const rows = order.slice(a, b);
    const perm = codeUnitOrder(Array.from(rows, (k) => ids[user[k]!]!));
    for (let i = 0; i < n; i++) order[a + i] = rows[perm[i]!]!;
  }

  /**
   * Moves the `m` rows of `order[a … b)` with the smallest user ids to its front, in id order (the others follow in
   * their previous order): a max-heap of the m smallest seen so far, which most rows leave after one comparison.
   */
  private selectHead(agg: UsersAggregate, order: Int32Array, a: number, b: number, m: number): void {
    const ids = this.store.users.values;
    const user = agg.user;
    const heap = new Int32Array(m); // positions in `order`, max id at the root
    const idAt = (k: number) => ids[user[order[k]!]!]!;
    let size = 0;
    for (let k = a; k < b; k++) {
      const id = idAt(k);
      if (size < m) {
        // Sift up.
        let i = size++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (idAt(heap[parent]!) >= id) break;
          heap[i] = heap[parent]!;
          i = parent;
        }
        heap[i] = k;
      } else if (id < idAt(heap[0]!)) {
        // Replace the root and sift down.
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= m) break;
          let c = l;
          if (l + 1 < m && idAt(heap[l + 1]!) > idAt(heap[l]!)) c = l + 1;
          if (idAt(heap[c]!) <= id) break;
          heap[i] = heap[c]!;
          i = c;
        }
        heap[i] = k;
      }
    }
    const chosen = new Uint8Array(b - a);
    const head = Array.from(heap.subarray(0, size), (k) => {
      chosen[k - a] = 1;
      return order[k]!;
    });
    head.sort((x, y) => (ids[user[x]!]! < ids[user[y]!]! ? -1 : 1));
    const rest: number[] = [];
    for (let k = a; k < b; k++) if (chosen[k - a] === 0) rest.push(order[k]!);
    order.set(head, a);
    order.set(rest, a + head.length);
  }

  /** Settles every group of `o` that holds a position in [from, to) (up to `to`). */
  private settleRange(agg: UsersAggregate, o: UsersOrder, from: number, to: number): void {
    const bounds = o.bounds;
    // The first group that ends after `from` (bounds ascend).
    let lo = 0;
    let hi = bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (bounds[mid + 1]! <= from) lo = mid + 1;
      else hi = mid;
    }
    for (let g = lo; g < bounds.length - 1 && bounds[g]! < to; g++) this.settle(agg, o, g, to - bounds[g]!);
  }

  /** Dense rank of every user's display name by the collator: one sort of the distinct names per dictionary. */
  private nameRank(ix: UserIndex): Int32Array {
    if (ix.nameRank) return ix.nameRank;
    const ids = this.store.users.values;
    // One pass over the users: each user keeps the index of its distinct name (an open-addressing table of a hash
    // of the code units: cheaper than a Map of ~100,000 strings), so the ranks reach the users through typed arrays.
    const distinct: string[] = [];
    const userName = new Int32Array(ix.size);
    const slots = new Int32Array(1 << Math.max(4, 32 - Math.clz32(2 * ix.size)));
    const mask = slots.length - 1;
    for (let u = 0; u < ix.size; u++) {
      const name = this.name(ids[u]!);
      let h = 0x811c9dc5;
      for (let c = 0; c < name.length; c++) h = Math.imul(h ^ name.charCodeAt(c), 0x01000193);
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      let s = (h ^ (h >>> 16)) & mask;
      let d: number;
      for (;;) {
        const at = slots[s]!;
        if (at === 0) {
          d = distinct.length;
          distinct.push(name);
          slots[s] = d + 1;
          break;
        }
        if (distinct[at - 1] === name) {
          d = at - 1;
          break;
        }
        s = (s + 1) & mask;
      }
      userName[u] = d;
    }
    // Sorting by the collator alone costs ~n log n ICU comparisons. The names are first put in the order of a cheap
    // key (collationKeys: each character's primary class, case and accents folded; ties by the name with ASCII case
    // swapped, lower case first), which is almost always the collator's order. One pass of n − 1 collator comparisons
    // of neighbours then checks that order and gives the dense ranks; only when a pair is out of order are the names
    // sorted by the collator (from that nearly sorted order, a merge sort needs about one comparison per name). The
    // collator decides every order and every tie.
    const compare = this.collator.compare;
    const order = codeUnitOrder(collationKeys(distinct, this.collationTable()));
    const rankOfDistinct = new Int32Array(distinct.length);
    let r = 0;
    let sorted = true;
    for (let k = 1; k < order.length; k++) {
      const c = compare(distinct[order[k - 1]!]!, distinct[order[k]!]!);
      if (c > 0) {
        sorted = false;
        break;
      }
      if (c < 0) r++;
      rankOfDistinct[order[k]!] = r;
    }
    if (!sorted) {
      const byCollator = Array.from(order).sort((a, b) => compare(distinct[a]!, distinct[b]!));
      r = 0;
      rankOfDistinct[byCollator[0]!] = 0;
      for (let k = 1; k < byCollator.length; k++) {
        if (compare(distinct[byCollator[k - 1]!]!, distinct[byCollator[k]!]!) !== 0) r++;
        rankOfDistinct[byCollator[k]!] = r;
      }
    }
    const nameRank = new Int32Array(ix.size);
    for (let u = 0; u < ix.size; u++) nameRank[u] = rankOfDistinct[userName[u]!]!;
    ix.nameRank = nameRank;
    return nameRank;
  }

  /** The engine collator's primary classes of the ASCII characters (made once), for {@link collationKeys}. */
  private collationTable(): CollationTable {
    if (!this.collation) this.collation = collationTable(this.collator);
    return this.collation;
  }

  private haystack(ix: UserIndex): string[] {
    if (!ix.haystack) {
      ix.haystack = this.store.users.values.map((id) => `${this.name(id).toLowerCase()}\u0000${id.toLowerCase()}`);
    }
    return ix.haystack;
  }

  private usersAggregate(p: PreparedEntry, q: QueryBase, rb: RangeBounds): UsersAggregate {
    const key = JSON.stringify([q.entryId, p.version, q.timeZone, q.range.from, q.range.to, q.filters ?? {}]);
    if (this.usersCache?.key === key) return this.usersCache;
    const pass = runUsersPass(p, { ...this.span(rb), mask: this.mask(p, q.filters), users: this.store.users.size });
    const n = pass.user.length;
    const agg: UsersAggregate = {
      key,
      user: pass.user,
      impressions: pass.impressions,
      plays: pass.plays,
      avgCompletionRate: new Float64Array(n),
      totalCompletionRate: new Float64Array(n),
      orders: new Map(),
    };
    for (let k = 0; k < n; k++) {
      const plays = pass.plays[k]!;
      agg.avgCompletionRate[k] = plays > 0 ? Math.min(100, pass.bits[k]! / plays) : 0;
      agg.totalCompletionRate[k] = Math.min(100, pass.unionBits[k]!);
    }
    this.usersCache = agg;
    return agg;
  }

  /**
   * Rows of the aggregate in the order of a sort: by the field (names by collation), ties by user id ascending.
   * Each row's value becomes a dense rank (integers are their own rank; other numbers are ranked by a native sort);
   * a counting sort by rank groups the rows, with no comparison sort. Ties (a group) are put in user-id order only
   * when a page reaches them ({@link AnalyticsEngine.settle}).
   */
  private usersOrder(agg: UsersAggregate, sort: Sort<UserSortField>): UsersOrder {
    const okey = `${sort.field}:${sort.direction}`;
    const hit = agg.orders.get(okey);
    if (hit) return hit;
    const ix = this.users_();
    const n = agg.user.length;
    const rank = new Int32Array(n);
    let ranks = 0;
    if (sort.field === 'name') {
      const nameRank = this.nameRank(ix);
      for (let k = 0; k < n; k++) {
        const r = nameRank[agg.user[k]!]!;
        rank[k] = r;
        if (r >= ranks) ranks = r + 1;
      }
    } else {
      const values = agg[sort.field];
      let integers = true;
      let max = 0;
      for (let k = 0; k < n; k++) {
        const v = values[k]!;
        if (!Number.isInteger(v) || v < 0) integers = false;
        else if (v > max) max = v;
      }
      if (integers && max <= 4 * n + 1024) {
        for (let k = 0; k < n; k++) rank[k] = values[k]!;
        ranks = max + 1;
      } else {
        // Dense rank of each value among the distinct values.
        const sorted = Float64Array.from(values).sort();
        let m = 0;
        for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[m - 1]) sorted[m++] = sorted[k]!;
        for (let k = 0; k < n; k++) {
          const v = values[k]!;
          let lo = 0;
          let hi = m - 1;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (sorted[mid]! < v) lo = mid + 1;
            else hi = mid;
          }
          rank[k] = lo;
        }
        ranks = m;
      }
    }
    if (sort.direction === 'desc') for (let k = 0; k < n; k++) rank[k] = ranks - 1 - rank[k]!;
    const start = new Int32Array(ranks + 1);
    for (let k = 0; k < n; k++) start[rank[k]! + 1]!++;
    for (let r = 0; r < ranks; r++) start[r + 1]! += start[r]!;
    const bounds = start.slice();
    const order = new Int32Array(n);
    for (let k = 0; k < n; k++) order[start[rank[k]!]!++] = k;
    const o: UsersOrder = { order, bounds, ready: new Int32Array(ranks) };
    agg.orders.set(okey, o);
    return o;
  }

  private userRow(agg: UsersAggregate, k: number): UserRow {
    const userId = this.store.users.values[agg.user[k]!]!;
    return {
      userId,
      name: this.name(userId),
      impressions: agg.impressions[k]!,
      plays: agg.plays[k]!,
      avgCompletionRate: agg.avgCompletionRate[k]!,
      totalCompletionRate: agg.totalCompletionRate[k]!,
    };
  }

  private users(p: PreparedEntry, q: UsersQuery, rb: RangeBounds): UsersResult {
    const sort = checkSort(q.sort, USER_SORT, 'name');
    const page = checkPage(q.page);
    const agg = this.usersAggregate(p, q, rb);
    const o = this.usersOrder(agg, sort);
    const order = o.order;
    const needle = typeof q.search === 'string' ? q.search.trim().toLowerCase() : '';
    const out: UserRow[] = [];
    const end = page.offset + page.limit;
    if (needle === '') {
      // The page is positions [offset, end) of the order.
      const to = Math.min(end, order.length);
      this.settleRange(agg, o, page.offset, to);
      for (let k = page.offset; k < to; k++) out.push(this.userRow(agg, order[k]!));
      return { rows: out, total: order.length };
    }
    const haystack = this.haystack(this.users_());
    let total = 0;
    const bounds = o.bounds;
    const ids = this.store.users.values;
    const user = agg.user;
    const hits: number[] = [];
    for (let g = 0; g < bounds.length - 1; g++) {
      const a = bounds[g]!;
      const b = bounds[g + 1]!;
      if (a === b) continue;
      hits.length = 0;
      for (let k = a; k < b; k++) {
        const i = order[k]!;
        if (haystack[user[i]!]!.includes(needle)) hits.push(i);
      }
      // The group's matches on the page, in id order (sorted here unless the whole group already is).
      if (total < end && total + hits.length > page.offset) {
        if (o.ready[g]! < b - a && hits.length > 1) hits.sort((x, y) => (ids[user[x]!]! < ids[user[y]!]! ? -1 : 1));
        for (let h = Math.max(0, page.offset - total); h < hits.length && total + h < end; h++) out.push(this.userRow(agg, hits[h]!));
      }
      total += hits.length;
    }
    return { rows: out, total };
  }

  private heatmap(p: PreparedEntry, q: HeatmapQuery, rb: RangeBounds): HeatmapResult {
    const st = this.store;
    let ids: string[];
    if (Array.isArray(q.userIds)) ids = q.userIds.filter((x) => typeof x === 'string');
    else {
      // Every user with a play in range and filters (matching the search, when given), by name, up to the limit.
      const agg = this.usersAggregate(p, q, rb);
      const o = this.usersOrder(agg, { field: 'name', direction: 'asc' });
      const order = o.order;
      const needle = typeof q.search === 'string' ? q.search.trim().toLowerCase() : '';
      const haystack = needle === '' ? null : this.haystack(this.users_());
      const limit = typeof q.limit === 'number' && q.limit >= 0 ? Math.floor(q.limit) : Infinity;
      ids = [];
      let g = 0;
      for (let k = 0; k < order.length && ids.length < limit; k++) {
        // Entering a group: put it in id order.
        while (o.bounds[g + 1]! <= k) g++;
        if (o.bounds[g] === k) this.settle(agg, o, g);
        const i = order[k]!;
        if (agg.plays[i] === 0) continue;
        const u = agg.user[i]!;
        if (haystack && !haystack[u]!.includes(needle)) continue;
        ids.push(st.users.values[u]!);
      }
    }
    const heatmapRow = new Int32Array(st.users.size + 1).fill(-1);
    const firstRowOfUser = new Map<string, number>();
    ids.forEach((id, k) => {
      if (firstRowOfUser.has(id)) return;
      firstRowOfUser.set(id, k);
      const u = st.users.get(id);
      if (u >= 0) heatmapRow[u + 1] = k;
    });
    const r = runPass(
      p,
      this.spec(p, rb, this.mask(p, q.filters), { heatmapRow, heatmapRows: ids.length }),
    );
    return {
      duration: p.duration,
      users: ids.map((userId) => {
        const row = firstRowOfUser.get(userId)!;
        return { userId, name: this.name(userId), counts: Array.from(r.heat!.subarray(row * BUCKETS, (row + 1) * BUCKETS)) };
      }),
    };
  }

  private breakdown(r: PassResult, groups: number[], allPlays: number): BreakdownMetrics[] {
    return groups.map((g) => {
      const m = metricsOf(r, g);
      return {
        ...m,
        distribution: allPlays > 0 ? (m.plays / allPlays) * 100 : 0,
        playImpressionRatio: m.impressions > 0 ? (m.plays / m.impressions) * 100 : 0,
      };
    });
  }

  /** Plays of sessions passing `mask` in the range: the base of `distribution` for drilled-down breakdowns. */
  private allPlays(p: PreparedEntry, q: QueryBase, rb: RangeBounds): number {
    return runPass(p, this.spec(p, rb, this.mask(p, q.filters), {})).plays[0]!;
  }

  private geo(p: PreparedEntry, q: GeoQuery, rb: RangeBounds): GeoResult {
    const geo = this.store.geo;
    const level = q.level;
    let mask: Uint8Array;
    let sessionGroup: Int32Array;
    let groups: number;
    if (level === 'country') {
      mask = this.mask(p, q.filters);
      sessionGroup = p.sCountry;
      groups = geo.countries.size;
    } else if (level === 'region' || level === 'city') {
      if (typeof q.country !== 'string' || q.country === '') throw new Error(`Invalid geo query: level "${level}" needs a country`);
      const country = geo.countries.get(q.country.toUpperCase());
      let region: number | undefined;
      if (level === 'city') {
        if (typeof q.region !== 'string' || q.region === '') throw new Error('Invalid geo query: level "city" needs a region');
        region = country < 0 ? -1 : geo.regions.get(`${country}\u0000${q.region}`);
      }
      mask = this.mask(p, q.filters, level === 'region' ? { country } : { country, region: region! });
      sessionGroup = level === 'region' ? p.sRegion : p.sCity;
      groups = level === 'region' ? geo.regions.size : geo.cities.size;
    } else throw new Error(`Invalid geo query: unknown level ${JSON.stringify(level)}`);
    const r = runPass(p, this.spec(p, rb, mask, { groups, sessionGroup, total: true }));
    const allPlays = level === 'country' ? r.plays[groups]! : this.allPlays(p, q, rb);
    const active = activeGroups(r, groups);
    const metrics = this.breakdown(r, active, allPlays);
    const rows: GeoRow[] = active.map((g, k) => {
      const row: GeoRow = { name: '', ...metrics[k]! };
      if (level === 'country') {
        const code = geo.countries.values[g]!;
        row.code = code;
        row.name = countryName(code);
      } else if (level === 'region') {
        row.name = geo.regionName[g]!;
        if (geo.regionN[g]! > 0) {
          row.lat = geo.regionLat[g]! / geo.regionN[g]!;
          row.lon = geo.regionLon[g]! / geo.regionN[g]!;
        }
      } else {
        row.name = geo.cityName[g]!;
        if (geo.cityN[g]! > 0) {
          row.lat = geo.cityLat[g]! / geo.cityN[g]!;
          row.lon = geo.cityLon[g]! / geo.cityN[g]!;
        }
      }
      return row;
    });
    rows.sort((a, b) => b.plays - a.plays || compareStrings(a.code ?? a.name, b.code ?? b.name));
    return { level, rows, totals: metricsOf(r, groups) };
  }

  private devices(p: PreparedEntry, q: QueryBase, rb: RangeBounds): DevicesResult {
    const groups = DEVICES.length;
    const r = runPass(p, this.spec(p, rb, this.mask(p, q.filters), { groups, sessionGroup: p.sDevice, total: true }));
    const active = activeGroups(r, groups);
    const metrics = this.breakdown(r, active, r.plays[groups]!);
    const rows = active.map((g, k) => ({ device: DEVICES[g]!, ...metrics[k]! }));
    rows.sort((a, b) => b.plays - a.plays || compareStrings(a.device, b.device));
    return { rows, totals: metricsOf(r, groups) };
  }

  private referrers(p: PreparedEntry, q: QueryOf<'domains' | 'urls'>, rb: RangeBounds): DomainsResult | UrlsResult {
    const sort = checkSort(q.sort, BREAKDOWN_SORT, 'plays');
    const page = checkPage(q.page);
    const st = this.store;
    let mask: Uint8Array;
    let sessionGroup: Int32Array;
    let groups: number;
    let keys: string[];
    if (q.kind === 'urls') {
      const uq = q as UrlsQuery;
      if (typeof uq.domain !== 'string') throw new Error('Invalid urls query: domain is required');
      const domain = st.domains.get(uq.domain.trim().toLowerCase().replace(/^www\./, ''));
      mask = this.mask(p, q.filters, { domain });
      sessionGroup = p.sUrl;
      groups = st.urls.size;
      keys = st.urls.values;
    } else {
      mask = this.mask(p, q.filters);
      sessionGroup = p.sDomain;
      groups = st.domains.size;
      keys = st.domains.values;
    }
    const r = runPass(p, this.spec(p, rb, mask, { groups, sessionGroup, total: true }));
    const allPlays = q.kind === 'urls' ? this.allPlays(p, q, rb) : r.plays[groups]!;
    const active = activeGroups(r, groups);
    const metrics = this.breakdown(r, active, allPlays);
    const rows = active.map((g, k) => ({ key: keys[g]!, m: metrics[k]! }));
    const dir = sort.direction === 'asc' ? 1 : -1;
    const f = sort.field;
    rows.sort((a, b) => {
      if (f !== 'key') {
        const d = a.m[f] - b.m[f];
        if (d !== 0) return d * dir;
        return compareStrings(a.key, b.key);
      }
      return compareStrings(a.key, b.key) * dir;
    });
    const pageRows = rows.slice(page.offset, page.offset + page.limit);
    const totals: MetricSet = metricsOf(r, groups);
    if (q.kind === 'urls') {
      return { rows: pageRows.map((x) => ({ url: x.key, ...x.m })), total: rows.length, totals };
    }
    return { rows: pageRows.map((x) => ({ domain: x.key, ...x.m })), total: rows.length, totals };
  }
}

type QueryOf<K extends Query['kind']> = Extract<Query, { kind: K }>;

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Groups with plays or impressions. */
function activeGroups(r: PassResult, groups: number): number[] {
  const out: number[] = [];
  for (let g = 0; g < groups; g++) if (r.plays[g]! > 0 || r.impressions[g]! > 0) out.push(g);
  return out;
}

function checkSort<F extends string>(sort: Sort<F> | undefined, allowed: Set<F>, fallback: F): Sort<F> {
  if (sort === undefined) return { field: fallback, direction: 'desc' };
  if (!sort || typeof sort !== 'object' || !allowed.has(sort.field)) {
    throw new Error(`Invalid sort: field must be one of ${[...allowed].join(', ')}, got ${JSON.stringify(sort?.field)}`);
  }
  if (sort.direction !== 'asc' && sort.direction !== 'desc') {
    throw new Error(`Invalid sort: direction must be "asc" or "desc", got ${JSON.stringify(sort.direction)}`);
  }
  return sort;
}

function checkPage(page: Page | undefined): Page {
  if (page === undefined) return { offset: 0, limit: Number.MAX_SAFE_INTEGER };
  const { offset, limit } = page ?? ({} as Page);
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1) {
    throw new Error(`Invalid page: expected {offset ≥ 0, limit ≥ 1} integers, got ${JSON.stringify(page)}`);
  }
  return page;
}
