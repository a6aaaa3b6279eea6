/**
 * The embedded analytics engine: raw KAVA-shaped player events in, every report of the data contract out.
 * @packageDocumentation
 */
import { BREAKDOWN_SORT, USER_SORT, checkPage, checkSort, compareStrings, countryName, sortKeyedRows } from '../rows.js';
import {
  BUCKETS,
  DEVICES,
  type BreakdownMetrics,
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
  type Query,
  type QueryBase,
  type ResultOf,
  type RetentionQuery,
  type RetentionResult,
  type TimelineQuery,
  type TimelineResult,
  type TotalsResult,
  type UrlsQuery,
  type UrlsResult,
  type UserRow,
  type UsersQuery,
  type UsersResult,
} from '../types.js';
import { metricsOf, playThroughOf, runPass, runUsersPass, type PassResult, type PassSpec } from './aggregate.js';
import { UserOrdering, type UsersAggregate } from './users.js';
import { sessionMask, type MaskScope } from './filters.js';
import { prepareEntry, type PreparedEntry } from './prepare.js';
import { filterValues } from './filter-values.js';
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


/**
 * The embedded analytics engine. Holds up to millions of events in columnar form (typed arrays, dictionary-encoded
 * strings) and answers every query kind of the contract synchronously, by the metric definitions of docs/metrics.md.
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
  private readonly ordering: UserOrdering;

  /** Builds an engine over `options.entries` (metadata of every entry) and an optional user directory. */
  constructor(options: EngineOptions) {
    const list = Array.isArray(options?.entries) ? options.entries : [];
    for (const e of list) if (e && typeof e.id === 'string') this.entries.set(e.id, e);
    const ids = [...this.entries.keys()];
    this.store = new EventStore(ids, ids.map((id) => Number(this.entries.get(id)!.duration)));
    for (const id of this.entries.keys()) this.entryIndex.set(id, this.store.entries.get(id));
    let collator: Intl.Collator;
    try {
      collator = new Intl.Collator(options?.locale ?? 'en');
    } catch {
      collator = new Intl.Collator('en');
    }
    this.directory = new Map(
      Object.entries(options?.users ?? {}).filter((kv): kv is [string, string] => typeof kv[1] === 'string'),
    );
    this.ordering = new UserOrdering(this.store.users, (id) => this.name(id), collator);
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
    if (query.kind !== 'entry' && !Object.hasOwn(this.handlers, query.kind)) throw new Error(`Invalid query: unknown kind ${JSON.stringify(query.kind)}`);
    const meta = this.entries.get(query.entryId);
    if (!meta) throw new Error(`Unknown entryId: ${JSON.stringify(query.entryId)}`);
    const rb = rangeBounds(query.range, query.timeZone);
    if (query.filters !== undefined && (typeof query.filters !== 'object' || query.filters === null)) {
      throw new Error('Invalid query: filters must be an object');
    }
    if (query.kind === 'entry') return JSON.parse(JSON.stringify(meta)) as ResultOf<Q>;
    const p = this.prepare(query.entryId);
    const handle = this.handlers[query.kind as HandledKind] as Handler<HandledKind>;
    return handle(p, query as QueryOf<HandledKind>, rb) as ResultOf<Q>;
  }

  /** The answer of every query kind but `entry`, by kind: prepared entry, query and range layout in, result out. */
  private readonly handlers: { [K in HandledKind]: Handler<K> } = {
    totals: (p, q, rb) => this.totals(p, q, rb),
    timeline: (p, q, rb) => this.timeline(p, q, rb),
    retention: (p, q, rb) => this.retention(p, q, rb),
    users: (p, q, rb) => this.users(p, q, rb),
    heatmap: (p, q, rb) => this.heatmap(p, q, rb),
    geo: (p, q, rb) => this.geo(p, q, rb),
    devices: (p, q, rb) => this.devices(p, q, rb),
    domains: (p, q, rb) => this.referrers(p, q, rb),
    urls: (p, q, rb) => this.referrers(p, q, rb),
    filterValues: (p, q, rb) => {
      // The field's own filter is left out, so a picker offers every value beside the ones already chosen.
      const mask = this.mask(p, { ...q.filters, [q.field]: undefined });
      return filterValues(q, {
        p,
        store: this.store,
        count: (sessionGroup, groups) => runPass(p, this.spec(p, rb, mask, { groups, sessionGroup })),
        name: (id) => this.name(id),
        countryName,
      });
    },
  };

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
  private span(rb: RangeBounds): Pick<PassSpec, 'from' | 'to' | 'time' | 'type' | 'lists'> {
    const b = rb.bounds;
    const st = this.store;
    const lists = { firstRow: st.firstRow, next: st.nextInSession, position: st.position, playTimeSum: st.playTimeSum };
    return { from: b[0]!, to: b[b.length - 1]!, time: st.time, type: st.type, lists };
  }

  /** The per-session filter mask (1 = passes), cached per entry and filters. */
  private mask(p: PreparedEntry, filters: Filters | undefined, extra?: MaskScope): Uint8Array {
    return sessionMask(this.store, p, filters, extra);
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
    const o = this.ordering.order(agg, sort);
    const order = o.order;
    const needle = typeof q.search === 'string' ? q.search.trim().toLowerCase() : '';
    const out: UserRow[] = [];
    const end = page.offset + page.limit;
    if (needle === '') {
      // The page is positions [offset, end) of the order.
      const to = Math.min(end, order.length);
      this.ordering.settleRange(agg, o, page.offset, to);
      for (let k = page.offset; k < to; k++) out.push(this.userRow(agg, order[k]!));
      return { rows: out, total: order.length };
    }
    const haystack = this.ordering.haystack();
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
      const o = this.ordering.order(agg, { field: 'name', direction: 'asc' });
      const order = o.order;
      const needle = typeof q.search === 'string' ? q.search.trim().toLowerCase() : '';
      const haystack = needle === '' ? null : this.ordering.haystack();
      const limit = typeof q.limit === 'number' && q.limit >= 0 ? Math.floor(q.limit) : Infinity;
      ids = [];
      let g = 0;
      for (let k = 0; k < order.length && ids.length < limit; k++) {
        // Entering a group: put it in id order.
        while (o.bounds[g + 1]! <= k) g++;
        if (o.bounds[g] === k) this.ordering.settle(agg, o, g);
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
    sortKeyedRows(rows, sort);
    const pageRows = rows.slice(page.offset, page.offset + page.limit);
    const totals: MetricSet = metricsOf(r, groups);
    if (q.kind === 'urls') {
      return { rows: pageRows.map((x) => ({ url: x.key, ...x.m })), total: rows.length, totals };
    }
    return { rows: pageRows.map((x) => ({ domain: x.key, ...x.m })), total: rows.length, totals };
  }
}

type QueryOf<K extends Query['kind']> = Extract<Query, { kind: K }>;
/** The query kinds answered from events (`entry` is answered from the metadata). */
type HandledKind = Exclude<Query['kind'], 'entry'>;
type Handler<K extends HandledKind> = (p: PreparedEntry, q: QueryOf<K>, rb: RangeBounds) => unknown;

/** Groups with plays or impressions. */
function activeGroups(r: PassResult, groups: number): number[] {
  const out: number[] = [];
  for (let g = 0; g < groups; g++) if (r.plays[g]! > 0 || r.impressions[g]! > 0) out.push(g);
  return out;
}

