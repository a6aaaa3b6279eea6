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
  'n_imp',
  'n_pl',
  'n_sec',
  'n_bits',
  'f25',
  'f50',
  'f75',
  'f100',
  'ub',
  'ubn',
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
  const slice = b.slices > 1 ? ` AND cityHash64(session_id) % ${b.slices} = ${b.slice}` : '';
  // No lambda here captures a column: ClickHouse copies a captured array once per element (n² per session), so
  // every array is passed to the lambda as an argument instead (sorting by a key array, filtering by a flag array).
  // Each step is its own subquery over plain columns: ClickHouse 18.16 expands an alias into its whole expression
  // wherever it is used, so a chain of aliases in one SELECT grows into a tree that takes seconds to analyse.
  const attrs = 'sid, user, s_country, s_region, s_city, s_device, s_domain, s_url, s_cats, s_ptype, c_has, c_lat, c_lon, c_country, c_region, c_city';
  const step = (cols: string[], inner: string) => `SELECT ${attrs},\n  ${cols.join(',\n  ')}\nFROM (${inner}\n)`;
  const shift = (a: string, first: string) => `arraySlice(arrayPushFront(${a}, ${first}), 1, length(${a}))`;
  const key = '(x, t, e, q) -> (t, e, q)';
  const perSession = `
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
    c.1 AS c_lat, c.2 AS c_lon, c.3 AS c_country, c.4 AS c_region, c.5 AS c_city,
    groupArray(seq) AS aq,
    groupArray(time) AS at,
    groupArray(event_type) AS aty,
    groupArray(event_index) AS aei,
    groupArray(position) AS apo,
    groupArray(play_time_sum) AS aps
  FROM ${ev}
  WHERE entry_id = ${e}${slice}
  GROUP BY session_id`;
  // Arrival order, then the first of each duplicate key (NaN keys count as equal, as in the engine).
  const byArrival = step(
    [
      'arraySort(aq) AS qq',
      'arraySort((x, q) -> q, at, aq) AS qt',
      'arraySort((x, q) -> q, aty, aq) AS qty',
      'arraySort((x, q) -> q, aei, aq) AS qei',
      'arraySort((x, q) -> q, apo, aq) AS qpo',
      'arraySort((x, q) -> q, aps, aq) AS qps',
    ],
    perSession,
  );
  const firsts = step(['qq', 'qt', 'qty', 'qei', 'qpo', 'qps', 'arrayEnumerateUniq(qei, qty, qpo) AS qu'], byArrival);
  const unique = step(
    ['fq', 'ft', 'fei', 'fty', 'fpo', 'fps'].map((n, i) => `arrayFilter((x, u) -> u = 1, ${['qq', 'qt', 'qei', 'qty', 'qpo', 'qps'][i]}, qu) AS ${n}`),
    firsts,
  );
  // The session's order: time, then eventIndex, then arrival.
  const ordered = step(
    [
      `arraySort(${key}, ft, ft, fei, fq) AS T`,
      `arraySort(${key}, fty, ft, fei, fq) AS TY`,
      `arraySort(${key}, fpo, ft, fei, fq) AS PO`,
      `arraySort(${key}, fps, ft, fei, fq) AS PS`,
    ],
    unique,
  );
  // Views; the subsequence of seeks (a replay is a seek to 0), replays and views; the other metric events.
  const split = step(
    [
      'arrayFilter((x, y) -> y = 99, T, TY) AS VT',
      'arrayFilter((x, y) -> y = 99, PS, TY) AS vps',
      'arrayFilter((x, y) -> y = 99, PO, TY) AS vpo',
      'arrayFilter(y -> y = 99 OR y = 34 OR y = 35, TY) AS svt',
      'arrayFilter((p, y) -> y = 99 OR y = 34 OR y = 35, arrayMap((p, y) -> if(y = 34, 0., p), PO, TY), TY) AS svv',
      'arrayFilter((x, y) -> y IN (1, 3, 11, 12, 13, 14), T, TY) AS nt',
      'arrayFilter(y -> y IN (1, 3, 11, 12, 13, 14), TY) AS nty',
    ],
    ordered,
  );
  // A view's seconds (its playTimeSum minus the previous view's, or its own after a reset), the last seek's target
  // since the previous view (the element just before it in the seek/replay/view subsequence), the previous position.
  const views = step(
    [
      'VT',
      'vpo',
      'nt',
      'nty',
      `arrayMap((p, b) -> if(isNaN(b) OR p < b, p, p - b), vps, ${shift('vps', 'nan')}) AS vsec`,
      `arrayFilter((x, y) -> y = 99, arrayMap((py, pv) -> if(py = 34 OR py = 35, pv, nan), ${shift('svt', 'toUInt8(0)')}, ${shift('svv', 'nan')}), svt) AS vtg`,
      `${shift('vpo', 'nan')} AS pvpo`,
    ],
    split,
  );
  const buckets = step(['VT', 'nt', 'nty', 'vsec', `arrayMap((pos, sec, tg, pp) -> ${viewBuckets(b.duration)}, vpo, vsec, vtg, pvpo) AS vbk`], views);
  const out = step(
    [
      'arrayConcat(nt, VT) AS et',
      'arrayConcat(nty, arrayMap(x -> toUInt8(99), VT)) AS ety',
      'arrayConcat(arrayMap(x -> 0., nt), vsec) AS esec',
      'arrayConcat(arrayMap(x -> emptyArrayUInt8(), nt), vbk) AS ebk',
      'arraySum(vsec) AS n_sec',
      `arraySort(arrayReduce('groupArrayArray', vbk)) AS sf`,
    ],
    buckets,
  );
  // The whole session's sums, for queries whose range holds all of it: impressions, plays, view seconds, reached-X
  // flags, and its watched buckets (distinct, ascending) with the intervals covering each.
  const sums = step(['et', 'ety', 'esec', 'ebk', 'n_sec', 'sf', 'arrayEnumerateUniq(sf) AS eu'], out);
  const starts = `arrayFilter((i, u) -> u = 1, arrayEnumerate(sf), eu)`;
  return `
INSERT INTO ${b.db}.sessions (${SESSION_COLUMNS.join(', ')})
SELECT ${e}, sid, toUInt64(${b.build}),
  toDate(toUInt16(if(length(et) > 0, least(65535, greatest(0, intDiv(toInt64(floor(arrayReduce('min', et))), 86400000))), 0))),
  if(length(et) > 0, arrayReduce('min', et), nan), if(length(et) > 0, arrayReduce('max', et), nan),
  user, s_country, s_region, s_city, s_device, s_domain, s_url, s_cats, s_ptype,
  c_has, c_lat, c_lon, c_country, c_region, c_city,
  et, ety, esec, ebk,
  toUInt32(countEqual(ety, 1)), toUInt32(countEqual(ety, 3)), n_sec, toUInt8(length(ub)),
  has(ety, 11), has(ety, 12), has(ety, 13), has(ety, 14),
  arrayFilter((x, u) -> u = 1, sf, eu) AS ub,
  arrayMap((a, z) -> toUInt32(z - a), ${starts}, arraySlice(arrayPushBack(arraySlice(${starts}, 2), length(sf) + 1), 1, length(ub)))
FROM (${sums}
)`;
}

/**
 * The day of the range (1-based) holding instant `t` (a column), given `bnd`, the range's day bounds (a WITH
 * array): a first guess from 24-hour days, then two corrections against the exact bounds (a day is 23 to 25 hours,
 * and a zone may skip a whole day), without a lambda over the bounds per row.
 */
function dayOf(t: string, days: number): string {
  const fix = (d: string) => `(${d} - toInt64(${t} < bnd[${d}] AND ${d} > 1) + toInt64(${t} >= bnd[${d} + 1] AND ${d} < ${days}))`;
  const guess = `least(toInt64(${days}), greatest(toInt64(1), toInt64(floor((${t} - bnd[1]) / 86400000)) + 1))`;
  return fix(fix(guess));
}

/**
 * Which sessions a query reads, and how. A session whose metric events all lie in the range (and, for a timeline,
 * in one of its days) is *whole*: its precomputed sums are used as they are. The others, those straddling a bound
 * (few: sessions are short, ranges are days), are *split*: their in-range events are kept and summed per query.
 */
interface Part {
  whole: boolean;
  /** The range's day bounds, for timelines (days and months). */
  bounds?: readonly number[];
}

/** `WITH [bounds] AS bnd` for a part that needs days. */
function withBounds(part: Part): string {
  return part.bounds ? `WITH [${part.bounds.map(f64).join(', ')}] AS bnd\n  ` : '';
}

/** The WHERE of a part: the entry's build, the range, the filters, and whole or split. */
function partWhere(s: SessionScope, part: Part): string {
  // UTC days of the range for the primary key: a session is filed under its first metric event's day, and none
  // lasts longer than the build's spanDays, so earlier days cannot hold one reaching into the range.
  const d0 = Math.max(0, Math.floor(s.from / 86_400_000) - Math.max(0, s.spanDays));
  const d1 = Math.min(65535, Math.max(0, Math.floor((s.to - 1) / 86_400_000)));
  const where = [...filterConditions(s.filters), ...(s.extra ?? [])];
  let whole = `first_time >= ${f64(s.from)} AND last_time < ${f64(s.to)}`;
  if (part.bounds) whole += ` AND ${dayOf('first_time', part.bounds.length - 1)} = ${dayOf('last_time', part.bounds.length - 1)}`;
  return `entry_id = ${str(s.entryId)} AND build = ${s.build}
    AND first_date >= toDate(${d0}) AND first_date <= toDate(${d1})
    AND first_time < ${f64(s.to)} AND last_time >= ${f64(s.from)}
    AND ${part.whole ? `(${whole})` : `NOT (${whole})`}${where.map((c) => `\n    AND (${c})`).join('')}`;
}

/** The session columns every part passes on. */
const ATTRS = 'user, s_country, s_region, s_city, s_device, s_domain, s_url, s_cats, s_ptype';

/** Whole sessions, with their sums (and `day`, their day of the range, when the part has bounds). */
function wholeSql(s: SessionScope, part: Part, cols: string): string {
  const day = part.bounds ? `, ${dayOf('first_time', part.bounds.length - 1)} AS day` : '';
  return `
  ${withBounds(part)}SELECT session_id AS sid, ${ATTRS}, ${cols}${day}
  FROM ${s.db}.sessions
  WHERE ${partWhere(s, { ...part, whole: true })}`;
}

/**
 * Split sessions: one row per session with its in-range events (time, type, view seconds, watched buckets) as
 * `et`, `ety`, `esec`, `ebk`.
 */
function splitSql(s: SessionScope, part: Part): string {
  const inRange = `t -> t >= ${f64(s.from)} AND t < ${f64(s.to)}`;
  return `
SELECT sid, ${ATTRS},
  arrayMap(${inRange}, a_t) AS m,
  arrayFilter((x, f) -> f, a_t, m) AS et,
  arrayFilter((x, f) -> f, a_ty, m) AS ety,
  arrayFilter((x, f) -> f, a_sec, m) AS esec,
  arrayFilter((x, f) -> f, a_bk, m) AS ebk
FROM (
  ${withBounds(part)}SELECT session_id AS sid, ${ATTRS}, et AS a_t, ety AS a_ty, esec AS a_sec, ebk AS a_bk
  FROM ${s.db}.sessions
  WHERE ${partWhere(s, { ...part, whole: false })}
)`;
}

/** The split sessions' in-range events, one row each, with the session's columns and `g`, the event's groups. */
function splitEventsSql(s: SessionScope, groups: string, bounds?: readonly number[]): string {
  const day = bounds ? `, ${dayOf('t', bounds.length - 1)} AS day` : '';
  return `
SELECT sid, user, ty, sec, bk, arrayJoin(${groups}) AS g
FROM (
  ${bounds ? withBounds({ whole: false, bounds }) : ''}SELECT sid, ${ATTRS}, t, ty, sec, bk${day}
  FROM (${splitSql(s, { whole: false, bounds })})
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
  SELECT arrayJoin(${groups}) AS g, sid, user, toUInt64(n_imp) AS imp, toUInt64(n_pl) AS pl, n_sec AS sec, toUInt64(n_bits) AS bits,
    f25 AS p25, f50 AS p50, f75 AS p75, f100 AS p100
  FROM (${wholeSql(s, { whole: true, bounds }, 'n_imp, n_pl, n_sec, n_bits, f25, f50, f75, f100')}
  )
  UNION ALL
  SELECT g, sid, any(user) AS user, countIf(ty = 1) AS imp, countIf(ty = 3) AS pl, sum(sec) AS sec,
    length(groupUniqArrayArray(bk)) AS bits, max(ty = 11) AS p25, max(ty = 12) AS p50, max(ty = 13) AS p75, max(ty = 14) AS p100
  FROM (${splitEventsSql(s, groups, bounds)})
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
  SELECT g, sum(imp) AS imp, sum(pl) AS pl
  FROM (
    SELECT arrayJoin(${groups}) AS g, toUInt64(n_imp) AS imp, toUInt64(n_pl) AS pl
    FROM (${wholeSql(s, { whole: true }, 'n_imp, n_pl')}
    )
    UNION ALL
    SELECT g, toUInt64(ty = 1) AS imp, toUInt64(ty = 3) AS pl
    FROM (${splitEventsSql(s, groups)})
  )
  GROUP BY g`;
  if (field !== 'users') return `SELECT g, imp, pl, '' AS name, toUInt8(0) AS known FROM (${counts}\n)`;
  return `
SELECT g, imp, pl, name, known
FROM (${counts}
)
ANY LEFT JOIN (
  SELECT user_id AS g, argMax(name, version) AS name, toUInt8(1) AS known FROM ${s.db}.users GROUP BY user_id
) USING g`;
}

/** Retention: per bucket (−1: plays) the watched intervals (plays), distinct sessions and distinct users. */
export function retentionSql(s: SessionScope): string {
  return `
SELECT b, sum(n), count(), uniqExact(user)
FROM (
  SELECT b, sid, user, n
  FROM (
    SELECT sid, user, arrayConcat([toInt16(-1)], arrayMap(x -> toInt16(x), ub)) AS bs,
      arrayConcat([toUInt64(n_pl)], arrayMap(x -> toUInt64(x), ubn)) AS ns
    FROM (${wholeSql(s, { whole: true }, 'n_pl, ub, ubn')}
    )
  )
  ARRAY JOIN bs AS b, ns AS n
  WHERE n > 0
  UNION ALL
  SELECT b, sid, any(user) AS user, count() AS n
  FROM (
    SELECT sid, user, arrayJoin(multiIf(ty = 99, arrayMap(x -> toInt16(x), bk), ty = 3, [toInt16(-1)], emptyArrayInt16())) AS b
    FROM (${splitSql(s, { whole: false })})
    ARRAY JOIN ety AS ty, ebk AS bk
  )
  GROUP BY b, sid
)
GROUP BY b`;
}

/** Heatmap: per user of `userIds` and bucket, the watched intervals covering it. */
export function heatmapSql(s: SessionScope, userIds: readonly string[]): string {
  const sc = { ...s, extra: [...(s.extra ?? []), inList('user', [...userIds])] };
  return `
SELECT user, b, sum(n)
FROM (
  SELECT user, b, toUInt64(bn) AS n
  FROM (${wholeSql(sc, { whole: true }, 'ub, ubn')}
  )
  ARRAY JOIN ub AS b, ubn AS bn
  UNION ALL
  SELECT user, b, count() AS n
  FROM (
    SELECT user, arrayJoin(bk) AS b
    FROM (${splitSql(sc, { whole: false })})
    ARRAY JOIN ety AS ty, ebk AS bk
    WHERE ty = 99
  )
  GROUP BY user, b
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
    SELECT sid, user, toUInt64(n_imp) AS imp, toUInt64(n_pl) AS pl, ub AS bks, toUInt64(n_bits) AS bits
    FROM (${wholeSql(s, { whole: true }, 'n_imp, n_pl, ub, n_bits')}
    )
    UNION ALL
    SELECT sid, any(user) AS user, countIf(ty = 1) AS imp, countIf(ty = 3) AS pl,
      groupUniqArrayArray(bk) AS bks, length(bks) AS bits
    FROM (${splitSql(s, { whole: false })})
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
