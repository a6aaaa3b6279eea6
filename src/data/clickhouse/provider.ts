/**
 * A {@link DataProvider} answering every query kind by SQL over ClickHouse's HTTP interface. The numbers are the
 * embedded engine's (DESIGN §3): the per-session rules run in ClickHouse (sql.ts); this module builds the SQL,
 * computes the calendar bounds with the engine's time module, and turns sums into the contract's rates with the
 * engine's formulas.
 * @internal
 */
import {
  BUCKETS,
  DEVICES,
  type FilterValuesQuery,
  type FilterValuesResult,
  type BreakdownMetrics,
  type DataProvider,
  type EntryResult,
  type GeoQuery,
  type GeoRow,
  type MetricSet,
  type PlayThrough,
  type Query,
  type Result,
  type UserRow,
} from '../types.js';
import { rangeBounds, timelineBuckets } from '../engine/time.js';
import { checkFilterValuesQuery, filterValueList } from '../engine/filter-values.js';
import { BREAKDOWN_SORT, USER_SORT, checkPage, checkSort, compareStrings as cmp, countryName, sortKeyedRows } from '../rows.js';
import { abortReason } from '../abort.js';
import { ClickHouseError, databaseOf, num, selectRows, str, type ClickHouseOptions } from './http.js';
import {
  filterValuesSql,
  heatmapSql,
  metricsSql,
  normDomain,
  placesSql,
  retentionSql,
  usersAggregateSql,
  type SessionScope,
} from './sql.js';

/** Options of {@link createClickHouseProvider}. */
export interface ClickHouseProviderOptions extends ClickHouseOptions {
  /** Locale(s) of the collation that sorts users by name (as the engine's `locale`); default `'en'`. */
  locale?: string | string[];
}

const KINDS = new Set(['entry', 'totals', 'timeline', 'retention', 'users', 'heatmap', 'geo', 'devices', 'domains', 'urls', 'filterValues']);
/** Sums of one group, as the SQL returns them. */
interface Sums {
  impressions: number;
  plays: number;
  uniqueViewers: number;
  seconds: number;
  bits: number;
  pt: [number, number, number, number];
}

const ZERO: Sums = { impressions: 0, plays: 0, uniqueViewers: 0, seconds: 0, bits: 0, pt: [0, 0, 0, 0] };

/** The engine's formulas (aggregate.ts metricsOf). */
function metricsOf(s: Sums): MetricSet {
  const plays = s.plays;
  return {
    impressions: s.impressions,
    plays,
    uniqueViewers: s.uniqueViewers,
    minutesViewed: s.seconds / 60,
    avgCompletionRate: plays > 0 ? Math.min(100, s.bits / plays) : 0,
    avgDropOffRate: plays > 0 ? ((s.pt[0] + s.pt[1] + s.pt[2] + s.pt[3]) / 4 / plays) * 100 : 0,
  };
}

function playThroughOf(s: Sums): PlayThrough {
  return { 25: s.pt[0], 50: s.pt[1], 75: s.pt[2], 100: s.pt[3] };
}

function breakdownOf(s: Sums, allPlays: number): BreakdownMetrics {
  const m = metricsOf(s);
  return {
    ...m,
    distribution: allPlays > 0 ? (m.plays / allPlays) * 100 : 0,
    playImpressionRatio: m.impressions > 0 ? (m.plays / m.impressions) * 100 : 0,
  };
}

function groupsOf(rows: unknown[][]): Map<string, Sums> {
  const out = new Map<string, Sums>();
  for (const r of rows) {
    if (r.length !== 10 || typeof r[0] !== 'string') throw new ClickHouseError('ClickHouse answered rows of an unexpected shape');
    const [g, imp, pl, uv, sec, bits, p25, p50, p75, p100] = r;
    out.set(g as string, {
      impressions: num(imp),
      plays: num(pl),
      uniqueViewers: num(uv),
      seconds: num(sec),
      bits: num(bits),
      pt: [num(p25), num(p50), num(p75), num(p100)],
    });
  }
  return out;
}

/**
 * A provider over the tables {@link createSchema} made and the insert functions filled. Every query is one or two
 * SELECTs; the answer is plain JSON of the contract. A server that is down, slow (see `timeoutMs`) or answers an
 * exception makes the promise reject with a {@link ClickHouseError}, so the panel shows its error state and Retry.
 */
export function createClickHouseProvider(options: ClickHouseProviderOptions): DataProvider {
  const db = databaseOf(options);
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(options.locale ?? 'en');
  } catch {
    collator = new Intl.Collator('en');
  }
  const entries = new Map<string, Promise<{ entry: EntryResult; duration: number }>>();

  const entryOf = (entryId: string, signal: AbortSignal) => {
    let p = entries.get(entryId);
    if (!p) {
      p = selectRows(
        options,
        `SELECT argMax(json, version), argMax(duration, version) FROM ${db}.entries WHERE id = ${str(entryId)} GROUP BY id`,
        signal,
      ).then((rows) => {
        if (rows.length === 0) throw new Error(`Unknown entryId: ${JSON.stringify(entryId)}`);
        let entry: EntryResult;
        try {
          entry = JSON.parse(String(rows[0]![0])) as EntryResult;
        } catch {
          throw new ClickHouseError(`The entries table holds malformed metadata for ${JSON.stringify(entryId)}`);
        }
        return { entry, duration: num(rows[0]![1]) };
      });
      entries.set(entryId, p);
      // A failure is not kept: the next query asks again.
      p.catch(() => entries.delete(entryId));
      // Entries change rarely; forget them after a minute.
      const timer = setTimeout(() => entries.delete(entryId), 60_000) as unknown as { unref?: () => void };
      timer.unref?.(); // in Node, the cache never keeps the process alive
    }
    return p;
  };

  const rows = (sql: string, signal: AbortSignal) => selectRows(options, sql, signal);

  /**
   * The entry's current session build (read for every query: a rebuild shows at once). None with events stored is
   * an error (the events were loaded without building), never a zero answer.
   */
  const buildOf = async (entryId: string, signal: AbortSignal) => {
    const e = str(entryId);
    const [r] = await rows(`SELECT build, span_days, duration FROM ${db}.session_builds WHERE entry_id = ${e} ORDER BY build DESC LIMIT 1`, signal);
    if (r) return { build: num(r[0]), spanDays: num(r[1]), duration: num(r[2]) };
    const [n] = await rows(`SELECT count() FROM (SELECT 1 FROM ${db}.events WHERE entry_id = ${e} LIMIT 1)`, signal);
    if (n && num(n[0]) > 0) throw new ClickHouseError(`The sessions of ${JSON.stringify(entryId)} are not built: run buildSessions`);
    return undefined;
  };

  async function answer(q: Query, signal: AbortSignal): Promise<Result> {
    if (!q || typeof q !== 'object') throw new Error('Invalid query: expected an object');
    if (!KINDS.has(q.kind)) throw new Error(`Invalid query: unknown kind ${JSON.stringify(q.kind)}`);
    if (typeof q.entryId !== 'string') throw new Error(`Unknown entryId: ${JSON.stringify(q.entryId)}`);
    const rb = rangeBounds(q.range, q.timeZone);
    if (q.filters !== undefined && (typeof q.filters !== 'object' || q.filters === null)) {
      throw new Error('Invalid query: filters must be an object');
    }
    if (q.kind === 'entry') {
      const { entry } = await entryOf(q.entryId, signal);
      return JSON.parse(JSON.stringify(entry)) as EntryResult;
    }
    const [{ duration }, built] = await Promise.all([entryOf(q.entryId, signal), buildOf(q.entryId, signal)]);
    if (built && built.duration !== (Number.isFinite(duration) && duration > 0 ? duration : 0)) {
      throw new ClickHouseError(`The sessions of ${JSON.stringify(q.entryId)} were built for another duration: run buildSessions`);
    }
    const b = rb.bounds;
    const scope: SessionScope = {
      db,
      entryId: q.entryId,
      build: built?.build ?? 0,
      spanDays: built?.spanDays ?? 0,
      from: b[0]!,
      to: b[b.length - 1]!,
      duration: Number.isFinite(duration) && duration > 0 ? duration : 0,
      filters: q.filters,
    };
    switch (q.kind) {
      case 'totals': {
        const g = groupsOf(await rows(metricsSql(scope, `['t']`), signal)).get('t') ?? ZERO;
        return { ...metricsOf(g), playThrough: playThroughOf(g) };
      }
      case 'timeline': {
        const { dates, ofDay } = timelineBuckets(rb, q.granularity);
        const key = ofDay ? `[toString([${Array.from(ofDay).join(', ')}][day])]` : `[toString(day - 1)]`;
        const g = groupsOf(await rows(metricsSql(scope, key, Array.from(b)), signal));
        return {
          granularity: q.granularity,
          points: dates.map((date, k) => {
            const s = g.get(String(k)) ?? ZERO;
            return { date, ...metricsOf(s), playThrough: playThroughOf(s) };
          }),
        };
      }
      case 'retention': {
        const userIds = Array.isArray(q.userIds) ? q.userIds.filter((x) => typeof x === 'string') : undefined;
        const sc = userIds ? { ...scope, extra: [userIds.filter((u) => u !== '').length ? `user IN (${[...new Set(userIds)].filter((u) => u !== '').map(str).join(', ')})` : '0'] } : scope;
        const views = new Array<number>(BUCKETS).fill(0);
        const viewers = new Array<number>(BUCKETS).fill(0);
        const uniqueUsers = new Array<number>(BUCKETS).fill(0);
        let plays = 0;
        for (const r of await rows(retentionSql(sc), signal)) {
          const i = num(r[0]);
          if (i === -1) plays = num(r[1]);
          else if (i >= 0 && i < BUCKETS) {
            views[i] = num(r[1]);
            viewers[i] = num(r[2]);
            uniqueUsers[i] = num(r[3]);
          }
        }
        return { duration: scope.duration, plays, views, viewers, uniqueUsers };
      }
      case 'users':
        return users(q, scope, signal);
      case 'heatmap':
        return heatmap(q, scope, signal);
      case 'geo':
        return geo(q, scope, signal);
      case 'devices': {
        const g = groupsOf(await rows(metricsSql(scope, `[s_device, '#total']`), signal));
        const all = g.get('#total') ?? ZERO;
        const out = DEVICES.flatMap((d) => {
          const s = g.get(d);
          return s && (s.plays > 0 || s.impressions > 0) ? [{ device: d, ...breakdownOf(s, all.plays) }] : [];
        });
        out.sort((x, y) => y.plays - x.plays || cmp(x.device, y.device));
        return { rows: out, totals: metricsOf(all) };
      }
      case 'domains':
      case 'urls':
        return referrers(q, scope, signal);
      case 'filterValues':
        return filterValuesOf(q, scope, signal);
    }
  }

  async function filterValuesOf(q: FilterValuesQuery, scope: SessionScope, signal: AbortSignal): Promise<FilterValuesResult> {
    checkFilterValuesQuery(q);
    // The field's own filter is left out, so a picker offers every value beside the ones already chosen.
    const sc = { ...scope, filters: { ...scope.filters, [q.field]: undefined } };
    const plays = new Map<string, number>();
    const names = new Map<string, string>();
    for (const r of await rows(filterValuesSql(sc, q.field), signal)) {
      const value = String(r[0]);
      const [imp, pl] = [num(r[1]), num(r[2])];
      // A value seen only in impressions is offered too, with 0 plays; the empty value is none.
      if (value === '' || (imp === 0 && pl === 0)) continue;
      plays.set(value, pl);
      if (num(r[4]) === 1) names.set(value, String(r[3]));
    }
    return filterValueList(q, plays, (value) => (q.field === 'users' ? (names.get(value) ?? value) : q.field === 'countries' ? countryName(value) : ''));
  }

  type UserAgg = { userId: string; name: string; impressions: number; plays: number; bits: number; tbits: number };

  async function usersAggregate(scope: SessionScope, signal: AbortSignal): Promise<UserAgg[]> {
    return (await rows(usersAggregateSql(scope), signal)).map((r) => ({
      userId: String(r[0]),
      name: String(r[1]),
      impressions: num(r[2]),
      plays: num(r[3]),
      bits: num(r[4]),
      tbits: num(r[5]),
    }));
  }

  const userRow = (u: UserAgg): UserRow => ({
    userId: u.userId,
    name: u.name,
    impressions: u.impressions,
    plays: u.plays,
    avgCompletionRate: u.plays > 0 ? Math.min(100, u.bits / u.plays) : 0,
    totalCompletionRate: Math.min(100, u.tbits),
  });

  const byName = (a: UserAgg, b: UserAgg) => collator.compare(a.name, b.name) || cmp(a.userId, b.userId);

  async function users(q: Extract<Query, { kind: 'users' }>, scope: SessionScope, signal: AbortSignal) {
    const sort = checkSort(q.sort, USER_SORT, 'name');
    const page = checkPage(q.page);
    const needle = typeof q.search === 'string' ? q.search.trim().toLowerCase() : '';
    let all = (await usersAggregate(scope, signal)).map((u) => ({ u, r: userRow(u) }));
    if (needle !== '') all = all.filter(({ u }) => u.name.toLowerCase().includes(needle) || u.userId.toLowerCase().includes(needle));
    const dir = sort.direction === 'asc' ? 1 : -1;
    if (sort.field === 'name') all.sort((a, b) => (collator.compare(a.u.name, b.u.name) || 0) * dir || cmp(a.u.userId, b.u.userId));
    else {
      const f = sort.field;
      all.sort((a, b) => (a.r[f] - b.r[f]) * dir || cmp(a.u.userId, b.u.userId));
    }
    return { rows: all.slice(page.offset, page.offset + page.limit).map((x) => x.r), total: all.length };
  }

  async function heatmap(q: Extract<Query, { kind: 'heatmap' }>, scope: SessionScope, signal: AbortSignal) {
    let ids: string[];
    const names = new Map<string, string>();
    if (Array.isArray(q.userIds)) ids = q.userIds.filter((x) => typeof x === 'string');
    else {
      const needle = typeof q.search === 'string' ? q.search.trim().toLowerCase() : '';
      const limit = typeof q.limit === 'number' && q.limit >= 0 ? Math.floor(q.limit) : Infinity;
      const agg = (await usersAggregate(scope, signal))
        .filter((u) => u.plays > 0)
        .filter((u) => needle === '' || u.name.toLowerCase().includes(needle) || u.userId.toLowerCase().includes(needle))
        .sort(byName);
      ids = agg.slice(0, Math.min(agg.length, limit)).map((u) => u.userId);
      for (const u of agg) names.set(u.userId, u.name);
    }
    const counts = new Map<string, number[]>();
    const distinct = [...new Set(ids)].filter((u) => u !== '');
    if (distinct.length > 0) {
      for (const r of await rows(heatmapSql(scope, distinct), signal)) {
        const u = String(r[0]);
        const i = num(r[1]);
        let c = counts.get(u);
        if (!c) counts.set(u, (c = new Array<number>(BUCKETS).fill(0)));
        if (i >= 0 && i < BUCKETS) c[i] = num(r[2]);
      }
      const missing = distinct.filter((u) => !names.has(u));
      if (missing.length > 0) {
        const found = await rows(
          `SELECT user_id, argMax(name, version) FROM ${db}.users WHERE user_id IN (${missing.map(str).join(', ')}) GROUP BY user_id`,
          signal,
        );
        for (const r of found) names.set(String(r[0]), String(r[1]));
      }
    }
    return {
      duration: scope.duration,
      users: ids.map((userId) => ({
        userId,
        name: names.get(userId) ?? userId,
        counts: (counts.get(userId) ?? new Array<number>(BUCKETS).fill(0)).slice(),
      })),
    };
  }

  async function geo(q: GeoQuery, scope: SessionScope, signal: AbortSignal) {
    const level = q.level;
    let groups: string;
    let coords: Promise<unknown[][]> | undefined;
    if (level === 'country') groups = `arrayConcat(if(s_country != '', [s_country], emptyArrayString()), ['#total'])`;
    else if (level === 'region' || level === 'city') {
      if (typeof q.country !== 'string' || q.country === '') throw new Error(`Invalid geo query: level "${level}" needs a country`);
      const country = q.country.toUpperCase();
      let inScope = `s_country = ${str(country)}`;
      if (level === 'city') {
        if (typeof q.region !== 'string' || q.region === '') throw new Error('Invalid geo query: level "city" needs a region');
        inScope += ` AND s_region = ${str(q.region)}`;
      }
      const key = level === 'region' ? 's_region' : 's_city';
      groups =
        `arrayConcat(if(${inScope}, arrayConcat(if(${key} != '', [${key}], emptyArrayString()), ['#total']), emptyArrayString()), ['#all'])`;
      coords = rows(placesSql(db, level, country, level === 'city' ? q.region : undefined), signal);
    } else throw new Error(`Invalid geo query: unknown level ${JSON.stringify(level)}`);
    const [g, places] = await Promise.all([rows(metricsSql(scope, groups), signal).then(groupsOf), coords]);
    const total = g.get('#total') ?? ZERO;
    const allPlays = level === 'country' ? total.plays : (g.get('#all') ?? ZERO).plays;
    const latLon = new Map<string, [number, number]>();
    for (const r of places ?? []) latLon.set(String(r[0]), [num(r[1]), num(r[2])]);
    const out: GeoRow[] = [];
    for (const [key, s] of g) {
      if (key.startsWith('#') || !(s.plays > 0 || s.impressions > 0)) continue;
      const row: GeoRow = { name: '', ...breakdownOf(s, allPlays) };
      if (level === 'country') {
        row.code = key;
        row.name = countryName(key);
      } else {
        row.name = key;
        const c = latLon.get(key);
        if (c) {
          row.lat = c[0];
          row.lon = c[1];
        }
      }
      out.push(row);
    }
    out.sort((a, b) => b.plays - a.plays || cmp(a.code ?? a.name, b.code ?? b.name));
    return { level, rows: out, totals: metricsOf(total) };
  }

  async function referrers(q: Extract<Query, { kind: 'domains' | 'urls' }>, scope: SessionScope, signal: AbortSignal) {
    const sort = checkSort(q.sort, BREAKDOWN_SORT, 'plays');
    const page = checkPage(q.page);
    let groups: string;
    if (q.kind === 'urls') {
      if (typeof q.domain !== 'string') throw new Error('Invalid urls query: domain is required');
      const d = normDomain(q.domain);
      const inScope = d === '' ? '0' : `s_domain = ${str(d)}`;
      groups = `arrayConcat(if(${inScope}, arrayConcat(if(s_url != '', [s_url], emptyArrayString()), ['#total']), emptyArrayString()), ['#all'])`;
    } else groups = `arrayConcat(if(s_domain != '', [s_domain], emptyArrayString()), ['#total'])`;
    const g = groupsOf(await rows(metricsSql(scope, groups), signal));
    const total = g.get('#total') ?? ZERO;
    const allPlays = q.kind === 'urls' ? (g.get('#all') ?? ZERO).plays : total.plays;
    const list: { key: string; m: BreakdownMetrics }[] = [];
    for (const [key, s] of g) {
      if (key.startsWith('#') || !(s.plays > 0 || s.impressions > 0)) continue;
      list.push({ key, m: breakdownOf(s, allPlays) });
    }
    sortKeyedRows(list, sort);
    const pageRows = list.slice(page.offset, page.offset + page.limit);
    const totals = metricsOf(total);
    if (q.kind === 'urls') return { rows: pageRows.map((x) => ({ url: x.key, ...x.m })), total: list.length, totals };
    return { rows: pageRows.map((x) => ({ domain: x.key, ...x.m })), total: list.length, totals };
  }

  return async (query: Query, opts: { signal: AbortSignal }): Promise<Result> => {
    const signal = opts?.signal ?? new AbortController().signal;
    if (signal.aborted) throw abortReason(signal);
    return answer(query, signal);
  };
}
