/**
 * The SQL of every query: one per-session stage that applies DESIGN §3's rules with array functions over each
 * session's events, and per-kind aggregations over its output. Written for ClickHouse 18.16 and later (see
 * docs/clickhouse.md for the functions avoided and why).
 * @internal
 */
import { DEVICES, PLAYBACK_TYPES, type FilterField, type Filters } from '../types.js';
import { f64, str, strs } from './http.js';

/** What the session stage needs. */
export interface SessionScope {
  db: string;
  entryId: string;
  /** The entry's current session build (see {@link buildSessionsSql}) and its longest session, in UTC days. */
  build: number;
  spanDays: number;
  /** First and last-exclusive instant of the range, ms. */
  from: number;
  to: number;
  /** The entry's duration, seconds (0: no buckets). */
  duration: number;
  filters: Filters | undefined;
  /** Extra session conditions (drill-down scopes), SQL over the session columns. */
  extra?: string[];
}

/** A filter's values: strings only; absent or empty means no filter (the engine's rule). */
function list(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.length > 0 ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/** `col IN (…)` without the empty value (which stands for "none" and never matches a filter). */
function inList(col: string, values: string[]): string {
  const vs = [...new Set(values)].filter((v) => v !== '');
  return vs.length === 0 ? '0' : `${col} IN (${vs.map(str).join(', ')})`;
}

/** The domain the way the engine normalises a domain filter. */
export function normDomain(d: string): string {
  return d.trim().toLowerCase().replace(/^www\./, '');
}

/** SQL conditions on the session columns for the dashboard filters (AND-ed; each an OR-list). */
export function filterConditions(filters: Filters | undefined): string[] {
  const f = (filters ?? {}) as Record<string, unknown>;
  const out: string[] = [];
  const c = list(f['countries']);
  if (c) out.push(inList('s_country', c.map((x) => x.toUpperCase())));
  const r = list(f['regions']);
  if (r) out.push(inList('s_region', r));
  const ci = list(f['cities']);
  if (ci) out.push(inList('s_city', ci));
  const d = list(f['devices']);
  if (d) out.push(inList('s_device', d.filter((x) => (DEVICES as readonly string[]).includes(x))));
  const dom = list(f['domains']);
  if (dom) out.push(inList('s_domain', dom.map(normDomain)));
  const u = list(f['urls']);
  if (u) out.push(inList('s_url', u));
  const ca = list(f['categories']);
  if (ca) {
    const vs = [...new Set(ca)].filter((x) => x !== '');
    out.push(vs.length === 0 ? '0' : `hasAny(s_cats, ${strs(vs)})`);
  }
  const us = list(f['users']);
  if (us) out.push(inList('user', us));
  const pt = list(f['playbackTypes']);
  if (pt) out.push(inList('s_ptype', pt.filter((x) => (PLAYBACK_TYPES as readonly string[]).includes(x))));
  return out;
}

/**
 * The watched buckets of one view (lambda parameters `pos`, `sec`, `tg` (the last seek's target since the previous
 * view, NaN when none) and `pp` (the previous view's position, NaN when none)): the bucket numbers of its after-seek
 * part, then those of its before-seek part (a bucket may repeat: views count each interval). Inlined text, since a
 * lambda has no local names.
 */
function viewBuckets(duration: number): string {
  if (!(duration > 0)) return 'emptyArrayUInt8()';
  const K = `(100 / ${f64(duration)})`;
  const has = `(NOT isNaN(tg))`;
  // DESIGN §3: the after-seek part is [target, position], even when longer than the view's seconds (a counter reset
  // lost play time); the rest of the seconds, when positive, go before the seek from the previous view's position.
  const after = `greatest(0., pos - tg)`;
  const s0 = `if(${has}, pos - ${after}, pos - sec)`;
  const e0 = `pos`;
  const rest = `(sec - ${after})`;
  const from = `if(isNaN(pp), 0., pp)`;
  const cond1 = `(${has} AND ${rest} > 0)`;
  const s1 = `if(${cond1}, ${from}, nan)`;
  const e1 = `if(${cond1}, ${from} + ${rest}, nan)`;
  const bucket = (x: string) => `least(100., greatest(0., ceil(${x} * ${K} - 0.5)))`;
  const part = (s: string, e: string) => {
    const a0 = bucket(s);
    const a1 = bucket(e);
    const ok = `(${e} > ${s} AND ${a1} > ${a0})`;
    // range(100)[a0 + 1 … a1]: the buckets a0 … a1 − 1 (range(start, end) is newer than 18.16).
    return `arraySlice(range(100), toUInt32(if(${ok}, ${a0}, 0.)) + 1, toUInt32(if(${ok}, ${a1} - ${a0}, 0.)))`;
  };
  return `arrayConcat(${part(s0, e0)}, ${part(s1, e1)})`;
}

/** What one session build reads and writes. */
export interface BuildScope {
  db: string;
  entryId: string;
  /** The build's number (rows of older builds are ignored, then deleted). */
  build: number;
  /** The entry's duration, seconds (0: no buckets). */
  duration: number;
  /** Build the sessions whose `cityHash64(session_id) % slices = slice` (bounds the server's memory). */
  slices: number;
  slice: number;
}

/** The columns of the `sessions` table, in the order {@link buildSessionsSql} fills them. */
export const SESSION_COLUMNS = [
  'entry_id',
  'session_id',
  'build',
  'first_date',
  'first_time',
  'last_time',
  'user',
  's_country',
  's_region',
  's_city',
  's_device',
  's_domain',
  's_url',
  's_cats',
  's_ptype',
  'c_has',
  'c_lat',
  'c_lon',
  'c_country',
  'c_region',
  'c_city',
  'et',
  'ety',
  'esec',
  'ebk',
] as const;

/**
 * The per-session facts of one entry, computed once over each session's whole event list (DESIGN §3's rules, with
 * array functions): `INSERT INTO sessions SELECT …`. One row per session with an event the metrics read: its
 * attributes (its first event's; the user is the first event's, else the first one reported), its first reported
 * coordinates (by arrival, for the places' mean positions; sessions without a metric event are kept for these), and its events of the types the metrics read
 * (impressions, plays, reached-X, views), each with its time, type, view seconds and watched buckets. A query then
 * only keeps each session's events in its range.
 */
export function buildSessionsSql(b: BuildScope): string {
  const e = str(b.entryId);
  const ev = `${b.db}.events`;
  const k = '(time, event_index, seq)';
  // No lambda here captures a column: ClickHouse copies a captured array once per element (n² per session), so
  // every array is passed to the lambda as an argument instead (sorting by a key array, filtering by a flag array).
  const key = '(x, t, e, q) -> (t, e, q)';
  const slice = b.slices > 1 ? ` AND cityHash64(session_id) % ${b.slices} = ${b.slice}` : '';
  return `
INSERT INTO ${b.db}.sessions (${SESSION_COLUMNS.join(', ')})
SELECT ${e}, sid, toUInt64(${b.build}),
  toDate(toUInt16(if(length(et) > 0, least(65535, greatest(0, intDiv(toInt64(floor(arrayReduce('min', et))), 86400000))), 0))),
  if(length(et) > 0, arrayReduce('min', et), nan), if(length(et) > 0, arrayReduce('max', et), nan),
  user, s_country, s_region, s_city, s_device, s_domain, s_url, s_cats, s_ptype,
  c_has, c_lat, c_lon, c_country, c_region, c_city,
  et, ety, esec, ebk
FROM (
SELECT sid, user, s_country, s_region, s_city, s_device, s_domain, s_url, s_cats, s_ptype,
  c_has, c.1 AS c_lat, c.2 AS c_lon, c.3 AS c_country, c.4 AS c_region, c.5 AS c_city,
  arraySort(aq) AS qq,
  arraySort((x, q) -> q, at, aq) AS qt,
  arraySort((x, q) -> q, aty, aq) AS qty,
  arraySort((x, q) -> q, aei, aq) AS qei,
  arraySort((x, q) -> q, apo, aq) AS qpo,
  arraySort((x, q) -> q, aps, aq) AS qps,
  arrayEnumerateUniq(qei, qty, qpo) AS qu,
  arrayFilter((x, u) -> u = 1, qq, qu) AS fq,
  arrayFilter((x, u) -> u = 1, qt, qu) AS ft,
  arrayFilter((x, u) -> u = 1, qei, qu) AS fei,
  arraySort(${key}, ft, ft, fei, fq) AS T,
  arraySort(${key}, arrayFilter((x, u) -> u = 1, qty, qu), ft, fei, fq) AS TY,
  arraySort(${key}, arrayFilter((x, u) -> u = 1, qpo, qu), ft, fei, fq) AS PO,
  arraySort(${key}, arrayFilter((x, u) -> u = 1, qps, qu), ft, fei, fq) AS PS,
  arrayMap(y -> y = 99, TY) AS isv,
  arrayFilter((x, v) -> v, T, isv) AS VT,
  arrayFilter((x, v) -> v, PS, isv) AS vps,
  arrayFilter((x, v) -> v, PO, isv) AS vpo,
  arraySlice(arrayPushFront(vps, nan), 1, length(vps)) AS pvps,
  arraySlice(arrayPushFront(vpo, nan), 1, length(vpo)) AS pvpo,
  arrayMap((p, b) -> if(isNaN(b) OR p < b, p, p - b), vps, pvps) AS vsec,
  arrayFilter(y -> y = 99 OR y = 34 OR y = 35, TY) AS svt,
  arrayFilter((p, y) -> y = 99 OR y = 34 OR y = 35, arrayMap((p, y) -> if(y = 34, 0., p), PO, TY), TY) AS svv,
  arrayFilter((x, y) -> y = 99,
    arrayMap((py, pv) -> if(py = 34 OR py = 35, pv, nan),
      arraySlice(arrayPushFront(svt, toUInt8(0)), 1, length(svt)), arraySlice(arrayPushFront(svv, nan), 1, length(svv))),
    svt) AS vtg,
  arrayMap((pos, sec, tg, pp) -> ${viewBuckets(b.duration)}, vpo, vsec, vtg, pvpo) AS vbk,
  arrayMap(y -> y IN (1, 3, 11, 12, 13, 14), TY) AS nin,
  arrayFilter((x, f) -> f, T, nin) AS nt1,
  arrayConcat(nt1, VT) AS et,
  arrayConcat(arrayFilter((x, f) -> f, TY, nin), arrayMap(x -> toUInt8(99), VT)) AS ety,
  arrayConcat(arrayMap(x -> 0., nt1), vsec) AS esec,
  arrayConcat(arrayMap(x -> emptyArrayUInt8(), nt1), vbk) AS ebk
FROM (
  SELECT session_id AS sid,
    argMin(user_id, ${k}) AS u0,
    argMinIf(user_id, ${k}, user_id != '') AS u1,
    if(u0 != '', u0, u1) AS user,
    argMin(country, ${k}) AS s_country,
    argMin(region, ${k}) AS s_region,
    argMin(city, ${k}) AS s_city,
    argMin(device, ${k}) AS s_device,
    argMin(domain, ${k}) AS s_domain,
    argMin(url, ${k}) AS s_url,
    argMin(categories, ${k}) AS s_cats,
    argMin(playback_type, ${k}) AS s_ptype,
    max(has_coords) AS c_has,
    argMinIf((latitude, longitude, country, region, city), seq, has_coords = 1) AS c,
    groupArray(seq) AS aq,
    groupArray(time) AS at,
    groupArray(event_type) AS aty,
    groupArray(event_index) AS aei,
    groupArray(position) AS apo,
    groupArray(play_time_sum) AS aps
  FROM ${ev}
  WHERE entry_id = ${e}${slice}
  GROUP BY session_id
)
)`;
}

/**
 * One row per session of the entry's current build with a metric event in the range, passing the filters: its
 * attributes and its in-range events (time, type, view seconds, watched buckets) as `et`, `ety`, `esec`, `ebk`.
 */
export function sessionsSql(s: SessionScope): string {
  // UTC days of the range for the primary key: a session is filed under its first event's day, and none lasts
  // longer than the build's spanDays, so earlier days cannot hold one reaching into the range.
  const d0 = Math.max(0, Math.floor(s.from / 86_400_000) - Math.max(0, s.spanDays));
  const d1 = Math.min(65535, Math.max(0, Math.floor((s.to - 1) / 86_400_000)));
  const where = [...filterConditions(s.filters), ...(s.extra ?? [])];
  const inRange = `t -> t >= ${f64(s.from)} AND t < ${f64(s.to)}`;
  return `
SELECT session_id AS sid, user, s_country, s_region, s_city, s_device, s_domain, s_url, s_cats, s_ptype,
  arrayMap(${inRange}, a_t) AS m,
  arrayFilter((x, f) -> f, a_t, m) AS et,
  arrayFilter((x, f) -> f, a_ty, m) AS ety,
  arrayFilter((x, f) -> f, a_sec, m) AS esec,
  arrayFilter((x, f) -> f, a_bk, m) AS ebk
FROM (
  SELECT session_id, user, s_country, s_region, s_city, s_device, s_domain, s_url, s_cats, s_ptype,
    et AS a_t, ety AS a_ty, esec AS a_sec, ebk AS a_bk
  FROM ${s.db}.sessions
  WHERE entry_id = ${str(s.entryId)} AND build = ${s.build}
    AND first_date >= toDate(${d0}) AND first_date <= toDate(${d1})
    AND first_time < ${f64(s.to)} AND last_time >= ${f64(s.from)}${where.map((c) => `\n    AND (${c})`).join('')}
)`;
}

/** The in-range events of the sessions, one row each, with the session's columns and `g`, the event's groups. */
function eventsSql(s: SessionScope, groups: string, bounds?: readonly number[]): string {
  let withDay = '';
  let day = '';
  if (bounds) {
    // The day of an event: a first guess from 24-hour days, then two corrections against the exact bounds (a day
    // is 23 to 25 hours, and a zone may skip a whole day), without a lambda over the bounds per event.
    const n = bounds.length - 1;
    withDay = `WITH [${bounds.map(f64).join(', ')}] AS bnd\n`;
    const fix = (d: string) => `(${d} - toInt64(t < bnd[${d}] AND ${d} > 1) + toInt64(t >= bnd[${d} + 1] AND ${d} < ${n}))`;
    const guess = `least(toInt64(${n}), greatest(toInt64(1), toInt64(floor((t - bnd[1]) / 86400000)) + 1))`;
    day = `, ${fix(fix(guess))} AS day`;
  }
  return `
SELECT sid, user, ty, sec, bk, arrayJoin(${groups}) AS g
FROM (
  ${withDay}SELECT sid, user, s_country, s_region, s_city, s_device, s_domain, s_url, s_cats, s_ptype, t, ty, sec, bk${day}
  FROM (${sessionsSql(s)})
  ARRAY JOIN et AS t, ety AS ty, esec AS sec, ebk AS bk
)`;
}

/**
 * Metrics per group: impressions, plays, distinct users among plays, view seconds, Σ over sessions of distinct
 * buckets watched, and sessions reaching 25/50/75/100 %. `groups` is an Array(String) expression over the session
 * columns (and `day`, the 1-based day of the range, when `bounds` are given).
 */
export function metricsSql(s: SessionScope, groups: string, bounds?: readonly number[]): string {
  return `
SELECT g, sum(imp), sum(pl), uniqExactIf(user, pl > 0), sum(sec), sum(bits), sum(p25), sum(p50), sum(p75), sum(p100)
FROM (
  SELECT g, sid, any(user) AS user, countIf(ty = 1) AS imp, countIf(ty = 3) AS pl, sum(sec) AS sec,
    length(groupUniqArrayArray(bk)) AS bits, max(ty = 11) AS p25, max(ty = 12) AS p50, max(ty = 13) AS p75, max(ty = 14) AS p100
  FROM (${eventsSql(s, groups, bounds)})
  GROUP BY g, sid
)
GROUP BY g`;
}

/** The session column of each filter field (categories: an array). */
const FILTER_COLUMN: Record<FilterField, string> = {
  countries: 's_country',
  regions: 's_region',
  cities: 's_city',
  devices: 's_device',
  domains: 's_domain',
  urls: 's_url',
  users: 'user',
  playbackTypes: 's_ptype',
  categories: 's_cats',
};

/**
 * Filter values: per value of `field` among the sessions in scope (the scope's filters should leave out `field`'s
 * own), its in-range impressions and plays, and its display name for users (`known` = 1 when the directory has
 * one). The empty value ("none") is no value.
 */
export function filterValuesSql(s: SessionScope, field: FilterField): string {
  const col = FILTER_COLUMN[field];
  const groups = field === 'categories' ? `arrayFilter(x -> x != '', ${col})` : `arrayFilter(x -> x != '', [${col}])`;
  const counts = `
  SELECT g, countIf(ty = 1) AS imp, countIf(ty = 3) AS pl
  FROM (${eventsSql(s, groups)})
  GROUP BY g`;
  if (field !== 'users') return `SELECT g, imp, pl, '' AS name, toUInt8(0) AS known FROM (${counts}
)`;
  return `
SELECT g, imp, pl, name, known
FROM (${counts}
)
ANY LEFT JOIN (
  SELECT user_id AS g, argMax(name, version) AS name, toUInt8(1) AS known FROM ${s.db}.users GROUP BY user_id
) USING g`;
}

/** Retention: per bucket (−1: plays) the watched intervals, distinct sessions and distinct users. */
export function retentionSql(s: SessionScope): string {
  return `
SELECT b, count(), uniqExact(sid), uniqExact(user)
FROM (
  SELECT sid, user, arrayJoin(multiIf(ty = 99, arrayMap(x -> toInt16(x), bk), ty = 3, [toInt16(-1)], emptyArrayInt16())) AS b
  FROM (${sessionsSql(s)})
  ARRAY JOIN ety AS ty, ebk AS bk
)
GROUP BY b`;
}

/** Heatmap: per user of `userIds` and bucket, the watched intervals covering it. */
export function heatmapSql(s: SessionScope, userIds: readonly string[]): string {
  return `
SELECT user, b, count()
FROM (
  SELECT user, arrayJoin(bk) AS b
  FROM (${sessionsSql({ ...s, extra: [...(s.extra ?? []), inList('user', [...userIds])] })})
  ARRAY JOIN ety AS ty, ebk AS bk
  WHERE ty = 99
)
GROUP BY user, b`;
}

/**
 * The users table: per user with an impression or a play, impressions, plays, Σ over its sessions of distinct
 * buckets, distinct buckets over all its sessions, and its display name (`known` = 1 when the directory has one).
 */
export function usersAggregateSql(s: SessionScope): string {
  return `
SELECT user, if(known = 1, uname, user) AS name, imp, pl, bits, tbits
FROM (
  SELECT user, sum(imp) AS imp, sum(pl) AS pl, sum(bits) AS bits, length(groupUniqArrayArray(bks)) AS tbits
  FROM (
    SELECT sid, any(user) AS user, countIf(ty = 1) AS imp, countIf(ty = 3) AS pl,
      groupUniqArrayArray(bk) AS bks, length(bks) AS bits
    FROM (${sessionsSql(s)})
    ARRAY JOIN ety AS ty, ebk AS bk
    GROUP BY sid
  )
  WHERE user != ''
  GROUP BY user
  HAVING imp > 0 OR pl > 0
)
ANY LEFT JOIN (
  SELECT user_id AS user, argMax(name, version) AS uname, toUInt8(1) AS known FROM ${s.db}.users GROUP BY user_id
) USING user`;
}

/**
 * Mean first coordinates per place, over every session of every entry's current build (as the engine keeps them:
 * each session's first reported coordinates).
 */
export function placesSql(db: string, level: 'region' | 'city', country: string, region?: string): string {
  const key = level === 'region' ? 'c_region' : 'c_city';
  return `
SELECT ${key}, avg(c_lat), avg(c_lon)
FROM ${db}.sessions
WHERE (entry_id, build) IN (SELECT entry_id, max(build) FROM ${db}.session_builds GROUP BY entry_id)
  AND c_has = 1 AND c_country = ${str(country)}${region !== undefined ? ` AND c_region = ${str(region)}` : ''} AND ${key} != ''
GROUP BY ${key}`;
}
