/**
 * `createKalturaProvider`: the dashboard's {@link DataProvider} over Kaltura's report API.
 *
 * Each query becomes one `multirequest` (split only when it carries more than `maxCallsPerRequest` calls). The report
 * types, columns and metric definitions come from the public kaltura/server sources:
 * - `alpha/apps/kaltura/lib/reports/kKavaReports.php`: which metrics each report type returns (`REPORT_METRICS`,
 *   `REPORT_GRAPH_METRICS`, `REPORT_TOTAL_METRICS`, `REPORT_COLUMN_MAP`) and its dimensions (`object_id`, `name`,
 *   `device`, `domain_name`, `referrer` for the domain drill-down, `country`/`region`/`city`/`coordinates`,
 *   `percentile`).
 * - `alpha/apps/kaltura/lib/reports/kKavaReportsMgr.class.php`: the column names of metrics (`count_plays`,
 *   `count_loads`, `sum_time_viewed`, `avg_view_drop_off`, `avg_completion_rate`, `load_play_ratio`,
 *   `unique_known_users`, `count_viewers`, `count_plays_25`…) and their definitions: `sum_time_viewed` = play time / 60
 *   (minutes); `avg_view_drop_off` = (Σ quartile events / 4) / plays and `avg_completion_rate` = unique percentiles /
 *   plays are **fractions** (0–1, the latter capped by `limitPercentages`); `load_play_ratio` = plays / loads;
 *   `unique_known_users` is a HyperLogLog estimate (`floor`ed).
 * - `api_v3/lib/types/report/KalturaReportTable.php`, `KalturaReportTotal.php`, `KalturaReportGraph.php`: wire shapes.
 *
 * Where Kaltura has no equivalent of a contract field, the choice is documented on the function that fills it and in
 * `docs/kaltura.md`.
 * @packageDocumentation
 */
import {
  BUCKETS,
  DEVICES,
  type DataProvider,
  type Device,
  type DevicesQuery,
  type DomainsQuery,
  type EntryLink,
  type EntryQuery,
  type EntryResult,
  type Marker,
  type GeoQuery,
  type GeoRow,
  type HeatmapQuery,
  type MetricSet,
  type PlayThrough,
  type Query,
  type Result,
  type RetentionQuery,
  type TimelinePoint,
  type TimelineQuery,
  type TotalsQuery,
  type UrlsQuery,
  type UserRow,
  type UsersQuery,
  type BreakdownSortField,
  type BreakdownMetrics,
  type Page,
} from '../types.js';
import {
  BREAKDOWN_METRICS,
  METRICS,
  clampMetric,
  isRate,
  metricDef,
  type MetricKey,
  type MetricName,
} from '../metrics.js';
import { createTransport, valueOf, type CallResult, type KalturaSession } from './client.js';
import { AnswerCache, stableKey } from './cache.js';
import { ksIdentity } from './session.js';
import { addDays } from '../dates.js';
import { ReportType, buildFilter, reportLabel, type KalturaCall, type KalturaReportFilter } from './request.js';
import { DELIMITER, ZERO_ROW, parseGraphs, parseTable, parseTotal, type Row } from './wire.js';
import { kalturaFilterValues } from './filter-values.js';

/** Options of {@link createKalturaProvider}. */
export interface KalturaProviderOptions extends KalturaSession {
  /**
   * How long an answer is kept, ms (default 300 000 = 5 min; 0 keeps none). Answers are keyed by the whole query and
   * by who the KS speaks for, so toggling the compare period or going back up a drill-down is instant.
   * `provider.clearCache()` forgets them all.
   */
  cacheMs?: number;
  /**
   * The partner's KMC (Kaltura Management Console), e.g. `https://kmc.kaltura.com`: the details header links to the
   * entry there (`{kmcUrl}/index.php/kmcng/content/entries/entry/{id}/metadata`).
   */
  kmcUrl?: string;
  /** The text of the KMC link (a product name; default `KMC`). */
  kmcLabel?: string;
  /**
   * The partner's KMS (Kaltura MediaSpace), e.g. `https://mediaspace.example.edu`: the details header links to the
   * entry's page there (`{kmsUrl}/media/t/{id}`).
   */
  kmsUrl?: string;
  /** The text of the KMS link (a product name; default `MediaSpace`). */
  kmsLabel?: string;
}

/** A {@link DataProvider} over Kaltura, with a way to forget the answers it keeps. */
export interface KalturaProvider extends DataProvider {
  /** Forgets every kept answer: the next query of each kind asks Kaltura again. */
  clearCache(): void;
}

/** Default of {@link KalturaProviderOptions.cacheMs}: five minutes. */
export const DEFAULT_CACHE_MS = 300_000;

const responseOptions = { objectType: 'KalturaReportResponseOptions', delimiter: DELIMITER };

type ReportAction = 'getTotal' | 'getTable' | 'getGraphs';
function report(
  action: ReportAction,
  reportType: number,
  filter: KalturaReportFilter,
  extra: { pager?: { pageSize: number; pageIndex: number }; order?: string; objectIds?: string } = {},
): KalturaCall {
  const call: KalturaCall = { service: 'report', action, reportType, reportInputFilter: filter, responseOptions };
  if (extra.pager) call.pager = { objectType: 'KalturaFilterPager', ...extra.pager };
  if (extra.order) call.order = extra.order;
  if (extra.objectIds !== undefined) call.objectIds = extra.objectIds;
  return call;
}

const count = (n: number | undefined) => Math.max(0, Math.round(n ?? 0));
const ratio = (a: number, b: number) => (b > 0 ? (a / b) * 100 : 0);
/** A metric's Kaltura column (from the metric registry). */
const col = (key: MetricKey) => metricDef(key).kaltura;
/** A Kaltura value of `key` in the contract's unit: percents arrive as fractions; counts are whole; all within bounds. */
function fromKaltura(key: MetricKey, value: number | undefined): number {
  const v = value ?? 0;
  const def = metricDef(key);
  return clampMetric(key, def.unit === 'percent' ? v * 100 : def.bounds.integer ? Math.round(v) : v);
}

/**
 * A Kaltura total/table row → the contract's {@link MetricSet}. Metrics whose registry column holds them directly are
 * read from it; the ones below need a rule. `estimate` fills columns a report type lacks.
 */
function metrics(row: Row, estimate: { durationSec?: number } = {}): MetricSet {
  const plays = count(row.num(col('plays')));
  const quartiles = ['count_plays_25', 'count_plays_50', 'count_plays_75', 'count_plays_100'].map((c) => row.optNum(c));
  const hasQuartiles = quartiles.every((q) => q !== undefined);
  const quartileSum = quartiles.reduce<number>((a, q) => a + (q ?? 0), 0);
  const dropOff =
    row.optNum(col('avgDropOffRate')) ?? (hasQuartiles && plays > 0 ? quartileSum / 4 / plays : 0);
  // Map reports (36/37/30) have neither minutes nor completion: estimate minutes the way Kaltura's own
  // `quartile_play_time` does (each quartile event = a quarter of the duration) and use the drop-off rate, the
  // closest quartile-based measure, for completion. Documented in docs/kaltura.md.
  const minutes =
    row.optNum(col('minutesViewed')) ??
    (hasQuartiles && estimate.durationSec ? (quartileSum * estimate.durationSec) / 4 / 60 : 0);
  const completion = row.optNum(col('avgCompletionRate')) ?? dropOff;
  const ruled: Partial<MetricSet> = {
    plays,
    // HyperLogLog estimates, floored; older report types name the column `unique_viewers`.
    uniqueViewers: count(Math.floor(row.optNum(col('uniqueViewers')) ?? row.optNum('unique_viewers') ?? 0)),
    minutesViewed: fromKaltura('minutesViewed', minutes),
    avgCompletionRate: fromKaltura('avgCompletionRate', completion),
    avgDropOffRate: fromKaltura('avgDropOffRate', dropOff),
  };
  return Object.fromEntries(METRICS.map((k) => [k, ruled[k] ?? fromKaltura(k, row.optNum(col(k)))])) as MetricSet;
}

function playThrough(row: Row): PlayThrough {
  return {
    25: count(row.num('count_plays_25')),
    50: count(row.num('count_plays_50')),
    75: count(row.num('count_plays_75')),
    100: count(row.num('count_plays_100')),
  };
}

const zeroMetrics = (): MetricSet => Object.fromEntries(METRICS.map((k) => [k, 0])) as MetricSet;

function breakdown(m: MetricSet, allPlays: number): BreakdownMetrics {
  return { ...m, distribution: ratio(m.plays, allPlays), playImpressionRatio: ratio(m.plays, m.impressions) };
}

/** A report's total row (zeros when the server found nothing); `type` names the report in parse errors. */
const total = (r: CallResult, type: number) => parseTotal(valueOf(r), { report: reportLabel(type) }) ?? ZERO_ROW;
/** A report's table; `type` names the report in parse errors. */
const table = (r: CallResult, type: number) => parseTable(valueOf(r), { report: reportLabel(type) });

/** Kaltura's pager is page-based: a page that does not start on a multiple of `limit` is fetched wider and sliced. */
function pager(page: Page): { pager: { pageSize: number; pageIndex: number }; skip: number } {
  if (page.offset % page.limit === 0)
    return { pager: { pageSize: page.limit, pageIndex: page.offset / page.limit + 1 }, skip: 0 };
  return { pager: { pageSize: page.offset + page.limit, pageIndex: 1 }, skip: page.offset };
}

/** Kaltura's column to order a referrer table by: each metric's registry column. */
const BREAKDOWN_ORDER: Record<BreakdownSortField, string> = {
  key: 'domain_name',
  ...(Object.fromEntries(BREAKDOWN_METRICS.map((m) => [m, col(m)])) as Record<Exclude<BreakdownSortField, 'key'>, string>),
  uniqueViewers: col('plays'), // TOP_SYNDICATION has no unique-users column
};
const USER_ORDER: Record<UsersQuery['sort']['field'], string> = {
  name: 'name',
  impressions: col('impressions'),
  plays: col('plays'),
  avgCompletionRate: col('avgCompletionRate'),
  totalCompletionRate: col('totalCompletionRate'),
};
const order = (direction: 'asc' | 'desc', field: string) => `${direction === 'asc' ? '+' : '-'}${field}`;

/** `KalturaMediaType`: 1 video, 2 image, 5 audio; anything else (live, mix) shows as video. */
function entryType(mediaType: unknown): EntryResult['type'] {
  const t = Number(mediaType);
  return t === 2 ? 'image' : t === 5 ? 'audio' : 'video';
}

interface MediaEntry {
  id: string;
  name?: string;
  mediaType?: number;
  duration?: number;
  msDuration?: number;
  userId?: string;
  createdAt?: number;
  thumbnailUrl?: string;
}
const durationOf = (m: MediaEntry) =>
  typeof m.msDuration === 'number' && m.msDuration > 0 ? m.msDuration / 1000 : Math.max(0, Number(m.duration) || 0);

const mediaGet = (entryId: string): KalturaCall => ({ service: 'media', action: 'get', entryId });

/** `KalturaThumbCuePointSubType`: 1 slide, 2 chapter (kaltura/server thumbCuePoint plugin). */
const THUMB_CHAPTER = 2;

/**
 * `cuePoint.list` (service `cuepoint_cuepoint`) for the entry's chapters and quiz questions: thumb cue points
 * (`thumbCuePoint.Thumb`) and questions (`quiz.QUIZ_QUESTION`), by start time. Sources: kaltura/server
 * `plugins/cue_points/base/lib/api/KalturaCuePointFilter.php`, `…/thumb_cue_point/lib/api/KalturaThumbCuePoint.php`
 * (`subType`, `title`, `description`), `plugins/quiz/lib/api/KalturaQuestionCuePoint.php` (`question`); `startTime` is
 * in milliseconds.
 */
function cuePointsList(entryId: string): KalturaCall {
  return {
    service: 'cuepoint_cuepoint',
    action: 'list',
    filter: {
      objectType: 'KalturaCuePointFilter',
      entryIdEqual: entryId,
      cuePointTypeIn: 'thumbCuePoint.Thumb,quiz.QUIZ_QUESTION',
      orderBy: '+startTime',
    },
    pager: { objectType: 'KalturaFilterPager', pageSize: 500, pageIndex: 1 },
  };
}

interface RawCuePoint {
  objectType?: string;
  cuePointType?: string;
  subType?: number | string;
  startTime?: number | string;
  status?: number | string;
  title?: string;
  description?: string;
  question?: string;
}

/**
 * Chapters (thumb cue points of the chapter sub-type) and quiz questions as markers, ordered by time, within the
 * media. Slides (thumb cue points of the slide sub-type) and other cue points are left out; a deleted cue point
 * (status 2) too.
 */
export function cuePointMarkers(raw: unknown, durationSec: number): Marker[] {
  const objects = (raw as { objects?: unknown } | null)?.objects;
  if (!Array.isArray(objects)) return [];
  const out: Marker[] = [];
  for (const o of objects as RawCuePoint[]) {
    if (!o || typeof o !== 'object' || Number(o.status) === 2) continue;
    const ms = Number(o.startTime);
    if (!Number.isFinite(ms) || ms < 0) continue;
    const time = durationSec > 0 ? Math.min(ms / 1000, durationSec) : ms / 1000;
    const type = o.cuePointType ?? '';
    if (type === 'thumbCuePoint.Thumb' || o.objectType === 'KalturaThumbCuePoint') {
      if (Number(o.subType) !== THUMB_CHAPTER) continue;
      out.push({ time, label: String(o.title || o.description || '').trim(), kind: 'chapter' });
    } else if (type === 'quiz.QUIZ_QUESTION' || o.objectType === 'KalturaQuestionCuePoint') {
      out.push({ time, label: String(o.question ?? '').trim(), kind: 'quiz' });
    }
  }
  return out.sort((a, b) => a.time - b.time);
}

/** Links back to the entry in KMC and KMS, from the options (http(s) bases only). */
function entryLinks(o: KalturaProviderOptions, entryId: string): EntryLink[] {
  const links: EntryLink[] = [];
  const base = (url: string | undefined) => {
    if (!url) return undefined;
    try {
      const u = new URL(url);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href.replace(/\/+$/, '') : undefined;
    } catch {
      return undefined;
    }
  };
  const id = encodeURIComponent(entryId);
  const kmc = base(o.kmcUrl);
  if (kmc) links.push({ label: o.kmcLabel ?? 'KMC', href: `${kmc}/index.php/kmcng/content/entries/entry/${id}/metadata` });
  const kms = base(o.kmsUrl);
  if (kms) links.push({ label: o.kmsLabel ?? 'MediaSpace', href: `${kms}/media/t/${id}` });
  return links;
}

/** The contract's device classes by their lower-case names (Kaltura's `device` column, `_` read as a space). */
const DEVICE_CLASS = new Map<string, Device>(DEVICES.map((d) => [d.toLowerCase(), d]));

/** Orders users by display name, as the embedded engine does by default. */
const NAME_ORDER = new Intl.Collator('en');

/** The users ids a retention/heatmap query restricts to: `userIds` AND `filters.users`. `null` = no restriction. */
function userRestriction(a?: string[], b?: string[]): string[] | null {
  const A = a && a.length ? a : null;
  const B = b && b.length ? b : null;
  if (A && B) return A.filter((x) => B.includes(x));
  return A ?? B;
}

/** Parses a PERCENTILES (43) table into 100 buckets: percentile p → bucket p; percentile 100 folds into bucket 99. */
function percentiles(r: CallResult): { views: number[]; users: number[] } {
  const views = new Array<number>(BUCKETS).fill(0);
  const users = new Array<number>(BUCKETS).fill(0);
  for (const row of table(r, ReportType.PERCENTILES).rows) {
    const p = Math.round(row.num('percentile'));
    if (p < 0 || p > 100) continue;
    const i = Math.min(BUCKETS - 1, p);
    views[i]! += count(row.num('count_viewers'));
    users[i] = Math.max(users[i]!, count(Math.floor(row.optNum('unique_known_users') ?? 0)));
  }
  return { views, users };
}

const isAnonymous = (id: string) => id === '' || id === '0' || id.toLowerCase() === 'unknown';

/**
 * Creates a {@link DataProvider} that answers every query kind from Kaltura's report API.
 *
 * ```ts
 * el.provider = createKalturaProvider({ serviceUrl: 'https://www.kaltura.com', ks, partnerId });
 * ```
 */
export function createKalturaProvider(options: KalturaProviderOptions): KalturaProvider {
  if (!options || !options.serviceUrl) throw new TypeError('createKalturaProvider: serviceUrl is required');
  if (!options.ks || (typeof options.ks !== 'string' && typeof options.ks !== 'function'))
    throw new TypeError('createKalturaProvider: ks is required (a string, or a function returning one)');
  const session: KalturaSession = { ...options };
  const transport = createTransport(session);
  const send = (calls: KalturaCall[], signal: AbortSignal) => transport.run(calls, signal);
  const cache = new AnswerCache<Result>(Math.max(0, options.cacheMs ?? DEFAULT_CACHE_MS));

  /**
   * `media.get`, the owner's `user.get` (a result reference) and the entry's cue points, in one multirequest. Chapters
   * and quiz questions become the entry's `markers`; links back to KMC and KMS come from the options.
   */
  async function entry(q: EntryQuery, signal: AbortSignal): Promise<EntryResult> {
    const [m, u, c] = await send(
      [mediaGet(q.entryId), { service: 'user', action: 'get', userId: '{1:result:userId}' }, cuePointsList(q.entryId)],
      signal,
    );
    const media = valueOf(m!) as MediaEntry;
    const ownerId = media.userId ?? '';
    // The owner may have been deleted: the entry still shows, with the owner's id as name.
    const user = u!.ok ? (u!.value as { id?: string; fullName?: string; screenName?: string; firstName?: string; lastName?: string }) : {};
    const fullName =
      user.fullName?.trim() || [user.firstName, user.lastName].filter(Boolean).join(' ').trim() || user.screenName || ownerId;
    const type = entryType(media.mediaType);
    const duration = type === 'image' ? 0 : durationOf(media);
    const result: EntryResult = {
      id: media.id ?? q.entryId,
      name: media.name ?? q.entryId,
      type,
      duration,
      owner: { id: ownerId, name: fullName },
      created: new Date((Number(media.createdAt) || 0) * 1000).toISOString(),
    };
    if (media.thumbnailUrl) result.thumbnail = media.thumbnailUrl;
    const links = entryLinks(options, result.id);
    if (links.length) result.links = links;
    // Cue points are a plugin: a partner without it (or a KS without the right) still gets the entry, without markers.
    const markers = c!.ok && type !== 'image' ? cuePointMarkers(c!.value, duration) : [];
    if (markers.length) result.markers = markers;
    return result;
  }

  /** USER_TOP_CONTENT (13) total for the metrics, CONTENT_DROPOFF (2) total for the quartiles. */
  async function totals(q: TotalsQuery, signal: AbortSignal) {
    const filter = buildFilter(q);
    const [t, d] = await send(
      [report('getTotal', ReportType.USER_TOP_CONTENT, filter), report('getTotal', ReportType.CONTENT_DROPOFF, filter)],
      signal,
    );
    const drop = total(d!, ReportType.CONTENT_DROPOFF);
    return { ...metrics(total(t!, ReportType.USER_TOP_CONTENT)), playThrough: drop === ZERO_ROW ? { 25: 0, 50: 0, 75: 0, 100: 0 } : playThrough(drop) };
  }

  /**
   * USER_TOP_CONTENT (13) graphs with `interval` days/months give the metrics per bucket. CONTENT_DROPOFF's graph is
   * by name, not by date (`REPORT_GRAPH_TYPE => GRAPH_BY_NAME`), so each bucket's quartiles come from a
   * CONTENT_DROPOFF total over that bucket, batched in the same multirequest.
   */
  async function timeline(q: TimelineQuery, signal: AbortSignal) {
    const buckets: { date: string; key: string; from: string; to: string }[] = [];
    if (q.granularity === 'day') {
      for (let d = q.range.from; d <= q.range.to; d = addDays(d, 1))
        buckets.push({ date: d, key: d.replaceAll('-', ''), from: d, to: d });
    } else {
      let start = q.range.from;
      while (start <= q.range.to) {
        const [y, m] = start.split('-').map(Number) as [number, number];
        const nextMonth = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
        const end = addDays(nextMonth, -1) < q.range.to ? addDays(nextMonth, -1) : q.range.to;
        buckets.push({ date: start, key: start.slice(0, 7).replace('-', ''), from: start, to: end });
        start = nextMonth;
      }
    }
    const calls = [
      report('getGraphs', ReportType.USER_TOP_CONTENT, buildFilter(q, { interval: q.granularity === 'day' ? 'days' : 'months' })),
      ...buckets.map((b) => report('getTotal', ReportType.CONTENT_DROPOFF, buildFilter({ ...q, range: { from: b.from, to: b.to } }))),
    ];
    const [g, ...drops] = await send(calls, signal);
    const graphs = parseGraphs(valueOf(g!), { report: reportLabel(ReportType.USER_TOP_CONTENT) });
    const at = (id: string, key: string) => graphs.get(id)?.get(key);
    const points: TimelinePoint[] = buckets.map((b, i) => {
      const cells: Record<string, number | undefined> = {};
      for (const id of graphs.keys()) cells[id] = at(id, b.key);
      const row: Row = {
        str: () => '',
        strOf: () => '',
        num: (name) => cells[name] ?? 0,
        optNum: (name) => (graphs.has(name) ? (cells[name] ?? 0) : undefined),
        has: (name) => graphs.has(name),
      };
      const drop = total(drops[i]!, ReportType.CONTENT_DROPOFF);
      return {
        date: b.date,
        ...metrics(row),
        playThrough: drop === ZERO_ROW ? { 25: 0, 50: 0, 75: 0, 100: 0 } : playThrough(drop),
      };
    });
    return { granularity: q.granularity, points };
  }

  /**
   * PERCENTILES (43): `count_viewers` per percentile → `views`; `unique_known_users` → `uniqueUsers`. Kaltura has no
   * distinct-session count per percentile, so `viewers` repeats `views` (documented). Duration from `media.get`,
   * plays from USER_TOP_CONTENT's total, all in one multirequest.
   */
  async function retention(q: RetentionQuery, signal: AbortSignal) {
    const users = userRestriction(q.userIds, q.filters.users);
    const noOne = users !== null && users.length === 0;
    const filter = buildFilter(q, users ? { userIds: users.join(',') } : {});
    const calls: KalturaCall[] = [mediaGet(q.entryId)];
    if (!noOne) calls.push(report('getTable', ReportType.PERCENTILES, filter, { pager: { pageSize: 500, pageIndex: 1 } }), report('getTotal', ReportType.USER_TOP_CONTENT, filter));
    const [m, p, t] = await send(calls, signal);
    const duration = durationOf(valueOf(m!) as MediaEntry);
    if (noOne) {
      const zeros = () => new Array<number>(BUCKETS).fill(0);
      return { duration, plays: 0, views: zeros(), viewers: zeros(), uniqueUsers: zeros() };
    }
    const { views, users: uniqueUsers } = percentiles(p!);
    return { duration, plays: count(total(t!, ReportType.USER_TOP_CONTENT).num('count_plays')), views, viewers: [...views], uniqueUsers };
  }

  function userRow(row: Row): { userId: string; name: string; impressions: number; plays: number; avgCompletionRate: number; total?: number } {
    const userId = row.strOf('user_id', 'name').trim();
    const nameCol = ['full_name', 'creator_name', 'user_name', 'name'].find((c) => row.has(c))!;
    const name = row.str(nameCol).trim() || userId;
    const totalRate = row.optNum(col('totalCompletionRate'));
    return {
      userId,
      name,
      impressions: count(row.optNum(col('impressions'))),
      plays: count(row.num(col('plays'))),
      avgCompletionRate: fromKaltura('avgCompletionRate', row.optNum(col('avgCompletionRate'))),
      ...(totalRate !== undefined ? { total: clampMetric('totalCompletionRate', totalRate) } : {}),
    };
  }

  const percentilesFor = (q: Query, userId: string) =>
    report('getTable', ReportType.PERCENTILES, buildFilter(q, { userIds: userId }), { pager: { pageSize: 500, pageIndex: 1 } });

  /**
   * USER_TOP_CONTENT (13) table, paged and ordered by Kaltura; `search` goes to the filter's `keywords`. Kaltura's
   * table has no total completion rate: when the `total_completion_rate` column is absent, it is derived from each
   * listed user's PERCENTILES (share of percentiles 0–99 watched), one batched multirequest for the page.
   */
  async function users(q: UsersQuery, signal: AbortSignal) {
    const { pager: pg, skip } = pager(q.page);
    const filter = buildFilter(q, q.search ? { keywords: q.search } : {});
    const [t] = await send(
      [report('getTable', ReportType.USER_TOP_CONTENT, filter, { pager: pg, order: order(q.sort.direction, USER_ORDER[q.sort.field]) })],
      signal,
    );
    const list = table(t!, ReportType.USER_TOP_CONTENT);
    let anonymous = 0;
    const rows = list.rows
      .map(userRow)
      .filter((r) => (isAnonymous(r.userId) ? (anonymous++, false) : true))
      .slice(skip, skip + q.page.limit);
    const missing = rows.filter((r) => r.total === undefined);
    const totals = new Map<string, number>();
    if (missing.length) {
      const results = await send(missing.map((r) => percentilesFor(q, r.userId)), signal);
      missing.forEach((r, i) => {
        const { views } = percentiles(results[i]!);
        totals.set(r.userId, ratio(views.filter((v) => v > 0).length, BUCKETS));
      });
    }
    const out: UserRow[] = rows.map(({ total: t0, ...r }) => ({ ...r, totalCompletionRate: t0 ?? totals.get(r.userId) ?? 0 }));
    return { rows: out, total: Math.max(0, list.totalCount - anonymous) };
  }

  /**
   * Per-user heatmaps: one PERCENTILES (43) table per user with `userIds` = that user, batched; names from a
   * USER_TOP_CONTENT table restricted to those users. Without `userIds`, the users with plays come first from
   * USER_TOP_CONTENT (a second round trip), sorted by name and cut at `limit`.
   */
  async function heatmap(q: HeatmapQuery, signal: AbortSignal) {
    let ids = q.userIds;
    const names = new Map<string, string>();
    if (!ids) {
      const [t] = await send([report('getTable', ReportType.USER_TOP_CONTENT, buildFilter(q), { pager: { pageSize: 500, pageIndex: 1 }, order: '-count_plays' })], signal);
      const listed = table(t!, ReportType.USER_TOP_CONTENT).rows.map(userRow).filter((r) => !isAnonymous(r.userId) && r.plays > 0);
      // The embedded engine's order: names by an English collation, equal names by id in code-unit order.
      listed.sort((a, b) => NAME_ORDER.compare(a.name, b.name) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
      ids = listed.slice(0, q.limit ?? listed.length).map((r) => r.userId);
      for (const r of listed) names.set(r.userId, r.name);
    }
    const wanted = ids;
    const calls: KalturaCall[] = [mediaGet(q.entryId)];
    const lookupNames = q.userIds && wanted.length > 0;
    if (lookupNames)
      calls.push(report('getTable', ReportType.USER_TOP_CONTENT, buildFilter(q, { userIds: wanted.join(',') }), { pager: { pageSize: Math.max(1, wanted.length), pageIndex: 1 } }));
    for (const id of wanted) calls.push(percentilesFor(q, id));
    const results = await send(calls, signal);
    const duration = durationOf(valueOf(results[0]!) as MediaEntry);
    let next = 1;
    if (lookupNames) {
      for (const r of table(results[next++]!, ReportType.USER_TOP_CONTENT).rows.map(userRow)) names.set(r.userId, r.name);
    }
    const rows = wanted.map((userId, i) => ({
      userId,
      name: names.get(userId) ?? userId,
      counts: percentiles(results[next + i]!).views,
    }));
    return { duration, users: rows };
  }

  /**
   * MAP_OVERLAY_COUNTRY (36) / _REGION (37) / _CITY (30): rows by place, `coordinates` "lat/lon"; the drilled country
   * and region go to `countryIn`/`regionIn`. Totals from the same report's total; `distribution` against all plays
   * (USER_TOP_CONTENT total).
   */
  async function geo(q: GeoQuery, signal: AbortSignal) {
    const type =
      q.level === 'country' ? ReportType.MAP_OVERLAY_COUNTRY : q.level === 'region' ? ReportType.MAP_OVERLAY_REGION : ReportType.MAP_OVERLAY_CITY;
    const extra: Partial<KalturaReportFilter> = {};
    if (q.level !== 'country' && q.country) extra.countryIn = q.country;
    if (q.level === 'city' && q.region) extra.regionIn = q.region;
    const filter = buildFilter(q, extra);
    const [m, t, tt, all] = await send(
      [
        mediaGet(q.entryId),
        report('getTable', type, filter, { pager: { pageSize: 1000, pageIndex: 1 }, order: '-count_plays' }),
        report('getTotal', type, filter),
        report('getTotal', ReportType.USER_TOP_CONTENT, buildFilter(q)),
      ],
      signal,
    );
    const durationSec = durationOf(valueOf(m!) as MediaEntry);
    const allPlays = count(total(all!, ReportType.USER_TOP_CONTENT).num('count_plays'));
    const rows: GeoRow[] = [];
    for (const row of table(t!, type).rows) {
      const mm = metrics(row, { durationSec });
      if (mm.plays === 0 && mm.impressions === 0) continue;
      const r: GeoRow = {
        name:
          q.level === 'country'
            ? row.strOf('country', 'object_id')
            : q.level === 'region'
              ? row.strOf('region', 'location_name', 'object_id')
              : row.strOf('city', 'object_id'),
        ...breakdown(mm, allPlays),
      };
      if (q.level === 'country') {
        const code = row.has('object_id') ? row.str('object_id').trim().toUpperCase() : '';
        if (/^[A-Z]{2}$/.test(code)) r.code = code;
      }
      if (row.has('coordinates')) {
        const [lat, lon] = row.str('coordinates').split('/').map((s) => Number(s.trim()));
        if (row.str('coordinates').includes('/') && Number.isFinite(lat) && Number.isFinite(lon)) {
          r.lat = lat;
          r.lon = lon;
        }
      }
      rows.push(r);
    }
    rows.sort((a, b) => b.plays - a.plays); // stable: ties keep Kaltura's order
    const totalsRow = total(tt!, type);
    return { level: q.level, rows, totals: totalsRow === ZERO_ROW ? zeroMetrics() : metrics(totalsRow, { durationSec }) };
  }

  /** PLATFORMS (21): `device` rows, mapped case-insensitively onto the contract's classes (unknown → Other). */
  async function devices(q: DevicesQuery, signal: AbortSignal) {
    const filter = buildFilter(q);
    const [t, tt, all] = await send(
      [
        report('getTable', ReportType.PLATFORMS, filter, { pager: { pageSize: 100, pageIndex: 1 }, order: '-count_plays' }),
        report('getTotal', ReportType.PLATFORMS, filter),
        report('getTotal', ReportType.USER_TOP_CONTENT, filter),
      ],
      signal,
    );
    const allPlays = count(total(all!, ReportType.USER_TOP_CONTENT).num('count_plays'));
    // Each row is appended to its class's list in place: linear in the rows (copying the list per row was quadratic,
    // 44.7 s for a 150,000-row table).
    const byDevice = new Map<Device, MetricSet[]>();
    for (const row of table(t!, ReportType.PLATFORMS).rows) {
      const device = DEVICE_CLASS.get(row.str('device').trim().toLowerCase().replaceAll('_', ' ')) ?? 'Other';
      const list = byDevice.get(device);
      if (list) list.push(metrics(row));
      else byDevice.set(device, [metrics(row)]);
    }
    const rows = [...byDevice].map(([device, list]) => ({ device, ...breakdown(mergeMetrics(list), allPlays) }));
    const out = rows.filter((r) => r.plays > 0 || r.impressions > 0).sort((a, b) => b.plays - a.plays);
    const totalsRow = total(tt!, ReportType.PLATFORMS);
    return { rows: out, totals: totalsRow === ZERO_ROW ? zeroMetrics() : metrics(totalsRow) };
  }

  /**
   * TOP_SYNDICATION (6), paged and ordered by Kaltura; the URLs of a domain are its drill-down (`objectIds` = the
   * domain, `referrer` column). TOP_SYNDICATION has no unique-users column: `uniqueViewers` is 0 on these rows.
   */
  async function syndication(q: DomainsQuery | UrlsQuery, signal: AbortSignal) {
    const { pager: pg, skip } = pager(q.page);
    const filter = buildFilter(q);
    const objectIds = q.kind === 'urls' ? { objectIds: q.domain } : {};
    const orderField = q.kind === 'urls' && q.sort.field === 'key' ? 'referrer' : BREAKDOWN_ORDER[q.sort.field];
    const [t, tt, all] = await send(
      [
        report('getTable', ReportType.TOP_SYNDICATION, filter, { pager: pg, order: order(q.sort.direction, orderField), ...objectIds }),
        report('getTotal', ReportType.TOP_SYNDICATION, filter, objectIds),
        report('getTotal', ReportType.USER_TOP_CONTENT, filter),
      ],
      signal,
    );
    const allPlays = count(total(all!, ReportType.USER_TOP_CONTENT).num('count_plays'));
    const list = table(t!, ReportType.TOP_SYNDICATION);
    const rows = list.rows.slice(skip, skip + q.page.limit).map((row) => ({
      key: q.kind === 'urls' ? row.strOf('referrer', 'object_id') : row.strOf('domain_name', 'object_id'),
      ...breakdown(metrics(row), allPlays),
    }));
    const totalsRow = total(tt!, ReportType.TOP_SYNDICATION);
    const totals = totalsRow === ZERO_ROW ? zeroMetrics() : metrics(totalsRow);
    if (q.kind === 'urls') return { rows: rows.map(({ key, ...r }) => ({ url: key, ...r })), total: list.totalCount, totals };
    return { rows: rows.map(({ key, ...r }) => ({ domain: key, ...r })), total: list.totalCount, totals };
  }

  function answer(query: Query, signal: AbortSignal): Promise<Result> {
    switch (query.kind) {
      case 'entry':
        return entry(query, signal);
      case 'totals':
        return totals(query, signal);
      case 'timeline':
        return timeline(query, signal);
      case 'retention':
        return retention(query, signal);
      case 'users':
        return users(query, signal);
      case 'heatmap':
        return heatmap(query, signal);
      case 'geo':
        return geo(query, signal);
      case 'devices':
        return devices(query, signal);
      case 'domains':
      case 'urls':
        return syndication(query, signal);
      case 'filterValues':
        return kalturaFilterValues(query, provider, signal);
      default:
        return Promise.reject(new Error(`Kaltura provider: unknown query kind "${(query as { kind: string }).kind}"`));
    }
  }

  const provider = (async (query: Query, { signal }: { signal: AbortSignal }): Promise<Result> => {
    signal.throwIfAborted();
    // Who the KS speaks for is part of the key: another user's answers are never served from the cache.
    const key = `${ksIdentity(await transport.currentKs())}\n${stableKey(query)}`;
    return cache.get(key, (shared) => answer(query, shared), signal);
  }) as KalturaProvider;
  provider.clearCache = () => cache.clear();
  return provider;
}

/**
 * Merges rows that map onto one contract row (several Kaltura platforms → one device class): metrics that add up are
 * summed; rates are averaged weighted by plays (how Kaltura's ratios combine). Distinct counts (unique viewers) have
 * no exact merge from per-row estimates: they are summed, an upper bound (a viewer on two merged platforms counts
 * twice), documented in docs/kaltura.md.
 */
function mergeMetrics(list: MetricSet[]): MetricSet {
  if (list.length === 1) return list[0]!;
  const sum = (k: MetricName) => list.reduce((a, m) => a + m[k], 0);
  const plays = sum('plays');
  const weighted = (k: MetricName) => (plays > 0 ? list.reduce((a, m) => a + m[k] * m.plays, 0) / plays : 0);
  return Object.fromEntries(METRICS.map((k) => [k, isRate(k) ? weighted(k) : sum(k)])) as MetricSet;
}
