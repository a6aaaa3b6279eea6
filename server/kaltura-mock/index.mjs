// A Kaltura-compatible endpoint for tests and the demo. It answers `multirequest`, `report.getTotal`,
// `report.getGraphs`, `report.getTable`, `media.get` and `user.get` in Kaltura's JSON wire format (format=1), computing
// every number with the embedded engine. Column sets per report type follow kaltura/server's kKavaReports.php, so the
// provider meets the same gaps it meets on a real server (e.g. the map reports have no minutes or completion columns).
//
//   import { startKalturaMock } from './server/kaltura-mock/index.mjs';
//   const mock = await startKalturaMock({ port: 0 });          // sample data; or data: {entries, users, events}
//   mock.url  // 'http://127.0.0.1:PORT'  → createKalturaProvider({ serviceUrl: mock.url, ks: 'any' })
//   await mock.close();
//
// Any non-empty KS is accepted, except 'expired' (INVALID_KS), so tests can exercise Kaltura's exceptions.
//
// Fault injection (see FAULTS below; set with startKalturaMock({faults}), mock.setFaults(), the CLI's flags, or over
// HTTP with POST /__mock/faults): latency per request and per call, an error rate, a KS that expires after N calls, and
// SERVICE_FORBIDDEN on chosen report types. GET /__mock/stats counts requests and calls (POST /__mock/stats/reset).
import { createServer } from 'node:http';
import { loadEngineModules } from './engine-loader.mjs';
import { normalizeFaults, prng } from './faults.mjs';

export { FAULTS, normalizeFaults, faultsFromArgs } from './faults.mjs';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Accept',
  'Access-Control-Max-Age': '600',
};

class ApiException extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}
const exception = (code, message) => ({ code, message, objectType: 'KalturaAPIException', args: [] });

const sleep = (ms) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

// --- time: Kaltura's fixed timeZoneOffset (minutes behind UTC) → an IANA zone the engine understands -------------
const HALF_HOUR_ZONES = {
  '-330': 'Asia/Kolkata',
  '-345': 'Asia/Kathmandu',
  '-570': 'Australia/Darwin',
  '-210': 'Asia/Tehran',
  '-270': 'Asia/Kabul',
  '-390': 'Asia/Yangon',
  '-630': 'Australia/Lord_Howe',
  '210': 'America/St_Johns',
};
function zoneOf(offset) {
  const o = Number(offset) || 0;
  if (o === 0) return 'UTC';
  if (o % 60 === 0 && Math.abs(o) <= 14 * 60) return `Etc/GMT${o > 0 ? '+' : '-'}${Math.abs(o) / 60}`;
  return HALF_HOUR_ZONES[String(o)] ?? `Etc/GMT${o > 0 ? '+' : '-'}${Math.round(Math.abs(o) / 60)}`;
}
const dayOf = (unixSec, offset) => new Date(Math.round((unixSec - offset * 60) / 86400) * 86400 * 1000).toISOString().slice(0, 10);

const list = (s) => (s == null || s === '' ? undefined : String(s).split(',').map((x) => x.trim()).filter(Boolean));

/** A Kaltura report filter → the contract's query base. */
function queryBase(filter = {}) {
  const offset = Number(filter.timeZoneOffset) || 0;
  const from = Number(filter.fromDate);
  const to = Number(filter.toDate);
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new ApiException('MISSING_MANDATORY_PARAMETER', 'Missing parameter "fromDate"/"toDate"');
  const entryId = list(filter.entryIdIn)?.[0];
  if (!entryId) throw new ApiException('MISSING_MANDATORY_PARAMETER', 'Missing parameter "entryIdIn"');
  const filters = {};
  const map = {
    countryIn: 'countries',
    regionIn: 'regions',
    citiesIn: 'cities',
    deviceIn: 'devices',
    domainIn: 'domains',
    canonicalUrlIn: 'urls',
    categoriesIdsIn: 'categories',
    userIds: 'users',
    playbackTypeIn: 'playbackTypes',
  };
  for (const [k, field] of Object.entries(map)) {
    const v = list(filter[k]);
    if (v) filters[field] = v;
  }
  return {
    entryId,
    // fromDate is the first day's midnight, toDate one second before the midnight after the last day.
    range: { from: dayOf(from, offset), to: prevDay(dayOf(to + 1, offset)) },
    timeZone: zoneOf(offset),
    filters,
  };
}
const prevDay = (d) => new Date(Date.parse(`${d}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);

// --- wire format -------------------------------------------------------------------------------------------------
function clean(value, delimiter) {
  // kaltura/server KalturaReportTable::fromReportTable: the delimiter and ';' inside a value become spaces.
  return String(value ?? '').split(delimiter).join(' ').replaceAll(';', ' ');
}
const fmt = (n) => (typeof n === 'number' ? (Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6)) : String(n ?? ''));
function table(columns, rows, totalCount, delimiter) {
  if (!rows.length) return { header: '', data: '', totalCount: totalCount ?? 0, objectType: 'KalturaReportTable' };
  return {
    header: columns.join(delimiter),
    data: rows.map((r) => columns.map((c) => clean(fmt(r[c]), delimiter)).join(delimiter) + ';').join(''),
    totalCount: totalCount ?? rows.length,
    objectType: 'KalturaReportTable',
  };
}
function total(columns, row, delimiter) {
  return { header: columns.join(delimiter), data: columns.map((c) => clean(fmt(row[c]), delimiter)).join(delimiter), objectType: 'KalturaReportTotal' };
}

// Contract metrics → Kaltura columns (kKavaReportsMgr: ratios are fractions, minutes are minutes).
const kalturaMetrics = (m) => ({
  count_plays: m.plays,
  count_loads: m.impressions,
  sum_time_viewed: m.minutesViewed,
  avg_time_viewed: m.plays ? m.minutesViewed / m.plays : 0,
  load_play_ratio: m.impressions ? m.plays / m.impressions : 0,
  avg_view_drop_off: m.avgDropOffRate / 100,
  avg_completion_rate: m.avgCompletionRate / 100,
  unique_known_users: m.uniqueViewers,
});
const kalturaQuartiles = (pt, plays) => ({
  count_plays_25: pt[25],
  count_plays_50: pt[50],
  count_plays_75: pt[75],
  count_plays_100: pt[100],
  play_through_ratio: plays ? pt[100] / plays : 0,
});

// Columns per report type (kKavaReports.php REPORT_METRICS / REPORT_TOTAL_METRICS / REPORT_COLUMN_MAP).
const COLS = {
  userTopContentTotal: ['unique_known_users', 'count_plays', 'sum_time_viewed', 'avg_time_viewed', 'avg_view_drop_off', 'count_loads', 'load_play_ratio', 'avg_completion_rate'],
  userTopContentGraphs: ['count_plays', 'sum_time_viewed', 'avg_time_viewed', 'count_loads', 'unique_known_users', 'avg_view_drop_off', 'avg_completion_rate'],
  userTopContentTable: ['user_id', 'name', 'count_plays', 'count_loads', 'avg_completion_rate'],
  dropoff: ['count_plays', 'count_plays_25', 'count_plays_50', 'count_plays_75', 'count_plays_100', 'play_through_ratio', 'count_loads'],
  percentiles: ['percentile', 'count_viewers', 'unique_known_users'],
  mapMetrics: ['count_plays', 'count_plays_25', 'count_plays_50', 'count_plays_75', 'count_plays_100', 'play_through_ratio', 'unique_known_users', 'avg_view_drop_off', 'count_loads'],
  platforms: ['device', 'count_plays', 'sum_time_viewed', 'avg_time_viewed', 'count_loads', 'load_play_ratio', 'avg_view_drop_off', 'unique_known_users'],
  platformsTotal: ['count_plays', 'sum_time_viewed', 'avg_time_viewed', 'count_loads', 'load_play_ratio', 'avg_view_drop_off', 'unique_known_users'],
  syndicationMetrics: ['count_plays', 'sum_time_viewed', 'avg_time_viewed', 'count_loads', 'load_play_ratio', 'avg_view_drop_off', 'avg_completion_rate'],
};

function pageOf(pager) {
  const size = Math.max(1, Number(pager?.pageSize) || 30);
  const index = Math.max(1, Number(pager?.pageIndex) || 1);
  return { offset: (index - 1) * size, limit: size };
}
function sortOf(order, fields, fallback) {
  const s = String(order ?? '');
  const direction = s.startsWith('+') ? 'asc' : 'desc';
  const col = s.replace(/^[+-]/, '');
  return { field: fields[col] ?? fallback, direction };
}

/** Builds the request handler over an engine (`query(q)` returning contract results). `state.faults` is read live. */
function createHandler(engine, directory, state) {
  const q = (query) => engine.query(query);
  const userName = (id) => directory.get(id) ?? id;

  function report(action, params) {
    const type = Number(params.reportType);
    const delimiter = params.responseOptions?.delimiter || ',';
    const filter = params.reportInputFilter ?? {};
    const base = queryBase(filter);
    const totalsFor = (b) => q({ kind: 'totals', ...b });

    if (type === 13) {
      if (action === 'getTotal') return total(COLS.userTopContentTotal, kalturaMetrics(totalsFor(base)), delimiter);
      if (action === 'getGraphs') {
        const granularity = filter.interval === 'months' ? 'month' : 'day';
        const tl = q({ kind: 'timeline', ...base, granularity });
        return COLS.userTopContentGraphs.map((id) => ({
          id,
          data: tl.points
            .map((p) => `${granularity === 'day' ? p.date.replaceAll('-', '') : p.date.slice(0, 7).replace('-', '')}|${fmt(kalturaMetrics(p)[id])};`)
            .join(''),
          objectType: 'KalturaReportGraph',
        }));
      }
      if (action === 'getTable') {
        const sort = sortOf(params.order, { name: 'name', count_plays: 'plays', count_loads: 'impressions', avg_completion_rate: 'avgCompletionRate', total_completion_rate: 'totalCompletionRate' }, 'plays');
        const res = q({ kind: 'users', ...base, sort, page: pageOf(params.pager), ...(filter.keywords ? { search: String(filter.keywords) } : {}) });
        const rows = res.rows.map((r) => ({ user_id: r.userId, name: r.name, count_plays: r.plays, count_loads: r.impressions, avg_completion_rate: r.avgCompletionRate / 100 }));
        return table(COLS.userTopContentTable, rows, res.total, delimiter);
      }
    }
    if (type === 2 && action === 'getTotal') {
      const t = totalsFor(base);
      return total(COLS.dropoff, { ...kalturaQuartiles(t.playThrough, t.plays), count_plays: t.plays, count_loads: t.impressions }, delimiter);
    }
    if (type === 43 && action === 'getTable') {
      const r = q({ kind: 'retention', ...base });
      const rows = [];
      for (let p = 0; p <= 100; p++) rows.push({ percentile: p, count_viewers: p < 100 ? r.views[p] : 0, unique_known_users: p < 100 ? r.uniqueUsers[p] : 0 });
      return table(COLS.percentiles, rows, rows.length, delimiter);
    }
    if (type === 36 || type === 37 || type === 30) {
      const level = type === 36 ? 'country' : type === 37 ? 'region' : 'city';
      const country = base.filters.countries?.[0];
      const region = base.filters.regions?.[0];
      const geoQuery = { kind: 'geo', ...base, level, ...(level !== 'country' ? { country } : {}), ...(level === 'city' ? { region } : {}) };
      // The map reports carry quartile counts per place: the engine gives them through a totals query per place.
      const placeFilter = (row) =>
        level === 'country'
          ? { ...base.filters, countries: [row.code ?? row.name] }
          : level === 'region'
            ? { ...base.filters, regions: [row.name] }
            : { ...base.filters, cities: [row.name] };
      if (action === 'getTotal') {
        const t = totalsFor(base);
        return total(COLS.mapMetrics, { ...kalturaMetrics(t), ...kalturaQuartiles(t.playThrough, t.plays) }, delimiter);
      }
      if (action === 'getTable') {
        const res = q(geoQuery);
        const dims = level === 'country' ? ['object_id', 'country', 'coordinates'] : level === 'region' ? ['country', 'region', 'coordinates'] : ['country', 'region', 'city', 'coordinates', 'country_code'];
        const rows = res.rows.map((row) => {
          const t = totalsFor({ ...base, filters: placeFilter(row) });
          return {
            object_id: row.code ?? row.name,
            country: level === 'country' ? row.name : (country ?? ''),
            region: level === 'region' ? row.name : (region ?? ''),
            city: row.name,
            country_code: country ?? '',
            coordinates: row.lat != null && row.lon != null ? `${row.lat}/${row.lon}` : '',
            ...kalturaMetrics(row),
            ...kalturaQuartiles(t.playThrough, row.plays),
          };
        });
        const page = pageOf(params.pager);
        return table([...dims, ...COLS.mapMetrics], rows.slice(page.offset, page.offset + page.limit), rows.length, delimiter);
      }
    }
    if (type === 21) {
      const res = q({ kind: 'devices', ...base });
      if (action === 'getTotal') return total(COLS.platformsTotal, kalturaMetrics(res.totals), delimiter);
      if (action === 'getTable') {
        const rows = res.rows.map((r) => ({ device: r.device, ...kalturaMetrics(r) }));
        return table(COLS.platforms, rows, rows.length, delimiter);
      }
    }
    if (type === 6) {
      const domain = params.objectIds ? String(params.objectIds) : undefined;
      const sort = sortOf(params.order, { domain_name: 'key', referrer: 'key', object_id: 'key', count_plays: 'plays', count_loads: 'impressions', sum_time_viewed: 'minutesViewed', avg_completion_rate: 'avgCompletionRate', avg_view_drop_off: 'avgDropOffRate', load_play_ratio: 'playImpressionRatio' }, 'plays');
      const page = action === 'getTable' ? pageOf(params.pager) : { offset: 0, limit: 1 };
      const res = q(domain ? { kind: 'urls', ...base, domain, sort, page } : { kind: 'domains', ...base, sort, page });
      if (action === 'getTotal') return total(COLS.syndicationMetrics, kalturaMetrics(res.totals), delimiter);
      if (action === 'getTable') {
        const rows = res.rows.map((r) => (domain ? { object_id: r.url, referrer: r.url } : { object_id: r.domain, domain_name: r.domain }));
        res.rows.forEach((r, i) => Object.assign(rows[i], kalturaMetrics(r)));
        return table([...(domain ? ['referrer'] : ['object_id', 'domain_name']), ...COLS.syndicationMetrics], rows, res.total, delimiter);
      }
    }
    throw new ApiException('INVALID_REPORT_ITEM', `Report type ${type} does not support ${action} in this mock`);
  }

  function call(service, action, params) {
    const s = String(service).toLowerCase();
    if (s === 'report') return report(action, params);
    if (s === 'media' && action === 'get') {
      const today = new Date().toISOString().slice(0, 10);
      let e;
      try {
        e = q({ kind: 'entry', entryId: String(params.entryId), range: { from: today, to: today }, timeZone: 'UTC', filters: {} });
      } catch {
        e = undefined;
      }
      if (!e) throw new ApiException('ENTRY_ID_NOT_FOUND', `Entry id "${params.entryId}" not found`);
      return {
        id: e.id,
        name: e.name,
        mediaType: e.type === 'image' ? 2 : e.type === 'audio' ? 5 : 1,
        duration: Math.round(e.duration),
        msDuration: Math.round(e.duration * 1000),
        userId: e.owner.id,
        createdAt: Math.floor(Date.parse(e.created) / 1000),
        ...(e.thumbnail ? { thumbnailUrl: e.thumbnail } : {}),
        objectType: e.type === 'image' ? 'KalturaMediaEntry' : 'KalturaMediaEntry',
      };
    }
    if (s === 'user' && action === 'get') {
      const id = String(params.userId ?? '');
      if (!directory.has(id)) throw new ApiException('INVALID_USER_ID', `Invalid user id "${id}"`);
      const fullName = userName(id);
      const [firstName, ...rest] = fullName.split(' ');
      return { id, fullName, firstName, lastName: rest.join(' '), screenName: fullName, objectType: 'KalturaUser' };
    }
    if (s === 'cuepoint_cuepoint' && action === 'list') return cuePoints(params);
    throw new ApiException('SERVICE_FORBIDDEN', `The access to service [${service}->${action}] is forbidden`);
  }

  /**
   * `cuePoint.list` from the sample entry's markers: chapters as thumb cue points of the chapter sub-type (2), quiz
   * markers as quiz questions; other markers have no cue point here. Honours `entryIdEqual` and `cuePointTypeIn`.
   */
  function cuePoints(params) {
    const f = params.filter ?? {};
    const entryId = String(f.entryIdEqual ?? f.entryIdIn ?? '');
    const today = new Date().toISOString().slice(0, 10);
    let e;
    try {
      e = q({ kind: 'entry', entryId, range: { from: today, to: today }, timeZone: 'UTC', filters: {} });
    } catch {
      e = undefined;
    }
    const types = list(f.cuePointTypeIn);
    const objects = [];
    (e?.markers ?? []).forEach((m, i) => {
      const common = { id: `0_cp${i + 1}`, entryId, startTime: Math.round(m.time * 1000), status: 1 };
      if (m.kind === 'chapter')
        objects.push({ ...common, objectType: 'KalturaThumbCuePoint', cuePointType: 'thumbCuePoint.Thumb', subType: 2, title: m.label, description: '' });
      else if (m.kind === 'quiz') objects.push({ ...common, objectType: 'KalturaQuestionCuePoint', cuePointType: 'quiz.QUIZ_QUESTION', question: m.label });
    });
    const wanted = types ? objects.filter((o) => types.includes(o.cuePointType)) : objects;
    wanted.sort((a, b) => a.startTime - b.startTime);
    return { objects: wanted, totalCount: wanted.length, objectType: 'KalturaCuePointListResponse' };
  }

  function resolveTokens(value, results) {
    if (typeof value === 'string') {
      const m = /^\{(\d+):result:?(.*)\}$/.exec(value);
      if (!m) return value;
      let v = results[Number(m[1]) - 1];
      for (const key of m[2] ? m[2].split(':') : []) v = v?.[key];
      return v === undefined ? value : v;
    }
    if (Array.isArray(value)) return value.map((v) => resolveTokens(v, results));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveTokens(v, results)]));
    return value;
  }

  function guarded(ks, service, params, fn) {
    try {
      if (!ks) throw new ApiException('MISSING_KS', 'Missing KS, session not established');
      if (ks === 'expired') throw new ApiException('INVALID_KS', 'Invalid KS "expired" Error: -1,INVALID_STR');
      const { faults } = state;
      if (faults.ksExpiresAfterCalls > 0) {
        const used = (state.ksUses.get(ks) ?? 0) + 1;
        state.ksUses.set(ks, used);
        if (used > faults.ksExpiresAfterCalls) throw new ApiException('INVALID_KS', `Invalid KS "${ks}" Error: -5,EXPIRED`);
      }
      if (String(service).toLowerCase() === 'report' && faults.forbiddenReports.includes(Number(params?.reportType)))
        throw new ApiException('SERVICE_FORBIDDEN', `The access to service [report->${params.action ?? 'get'}] is forbidden`);
      return fn();
    } catch (e) {
      if (e instanceof ApiException) return exception(e.code, e.message);
      return exception('INTERNAL_SERVERL_ERROR', `Internal server error occurred: ${e?.message ?? e}`);
    }
  }

  /** Answers one API request: `{status, json, calls}` (calls = how many service calls it carried). */
  return function handle(path, body) {
    const ks = body.ks;
    const m = /\/api_v3\/service\/([^/]+)(?:\/action\/([^/?]+))?/i.exec(path);
    if (!m) return { status: 404, json: exception('SERVICE_DOES_NOT_EXISTS', 'Service does not exist'), calls: 0 };
    if (m[1].toLowerCase() === 'multirequest') {
      const keys = Object.keys(body).filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b));
      const results = [];
      for (const k of keys) {
        const { service, action, ...params } = body[k] ?? {};
        results.push(guarded(params.ks ?? ks, service, { ...params, action }, () => call(service, action, resolveTokens(params, results))));
      }
      return { status: 200, json: results, calls: keys.length };
    }
    const { service: _s, action: _a, ks: _k, format: _f, ...params } = body;
    const action = m[2] ?? body.action;
    return { status: 200, json: guarded(ks, m[1], { ...params, action }, () => call(m[1], action, params)), calls: 1 };
  };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Starts the endpoint on 127.0.0.1. `data` = `{entries, users, events}` (default: the sample generator's data,
 * seed 1, or `sample` = generateSample's options); or pass a ready `engine`. `faults`: see {@link FAULTS}.
 * Resolves with `{url, port, engine, close, faults, setFaults, stats, resetStats}`.
 */
export async function startKalturaMock({ port = 0, data, engine, seed = 1, sample, faults } = {}) {
  let theEngine = engine;
  let users = data?.users;
  if (!theEngine) {
    const mods = await loadEngineModules();
    data ??= mods.sample.generateSample({ seed, ...sample });
    const d = data;
    users = d.users;
    theEngine = new mods.engine.AnalyticsEngine({ entries: d.entries, users: d.users });
    theEngine.ingest(d.events);
  }
  const directory = new Map();
  const add = (id, name) => directory.set(String(id), String(name ?? id));
  if (users instanceof Map) for (const [id, u] of users) add(id, typeof u === 'string' ? u : (u?.name ?? id));
  else if (Array.isArray(users)) for (const u of users) add(u.id ?? u.userId, u.name ?? u.fullName);
  else if (users && typeof users === 'object') for (const [id, u] of Object.entries(users)) add(id, typeof u === 'string' ? u : (u?.name ?? id));

  // Entry owners are users too (user.get on media.get's userId).
  for (const e of data?.entries ?? []) if (e?.owner?.id && !directory.has(e.owner.id)) add(e.owner.id, e.owner.name);

  const state = { faults: normalizeFaults(faults), ksUses: new Map(), random: prng(1) };
  const freshStats = () => ({ requests: 0, preflights: 0, calls: 0, failed: 0, maxConcurrent: 0, callsPerRequest: [] });
  let stats = freshStats();
  let inFlight = 0;
  const setFaults = (next) => {
    state.faults = normalizeFaults(next);
    state.ksUses = new Map();
    state.random = prng(state.faults.seed);
    return { ...state.faults };
  };
  setFaults(faults);

  const handle = createHandler(theEngine, directory, state);
  const json = (res, status, value) =>
    res.writeHead(status, { ...CORS, 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));

  /** /__mock/faults (GET, POST = replace), /__mock/stats (GET), /__mock/stats/reset (POST): for tests and benches. */
  async function control(req, res, path) {
    if (req.method === 'OPTIONS') return res.writeHead(204, CORS).end();
    if (path === '/__mock/faults') {
      if (req.method === 'POST') {
        try {
          const text = await readBody(req);
          return json(res, 200, setFaults(text ? JSON.parse(text) : {}));
        } catch (e) {
          return json(res, 400, { error: String(e?.message ?? e) });
        }
      }
      return json(res, 200, { ...state.faults });
    }
    if (path === '/__mock/stats') return json(res, 200, stats);
    if (path === '/__mock/stats/reset' && req.method === 'POST') {
      stats = freshStats();
      return json(res, 200, stats);
    }
    return json(res, 404, { error: 'unknown control path' });
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/__mock/')) {
      await control(req, res, url.pathname).catch((e) => json(res, 500, { error: String(e?.message ?? e) }));
      return;
    }
    inFlight++;
    stats.maxConcurrent = Math.max(stats.maxConcurrent, inFlight);
    try {
      const faultsNow = state.faults;
      await sleep(faultsNow.latencyMs);
      if (req.method === 'OPTIONS') {
        stats.preflights++;
        res.writeHead(204, CORS).end();
        return;
      }
      stats.requests++;
      const text = req.method === 'POST' ? await readBody(req) : '';
      if (faultsNow.errorRate > 0 && state.random() < faultsNow.errorRate) {
        stats.failed++;
        res.writeHead(503, { ...CORS, 'Content-Type': 'text/plain' }).end('Service Unavailable (injected fault)');
        return;
      }
      let body = {};
      if (text) {
        const type = String(req.headers['content-type'] ?? '');
        body = type.includes('json') ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text));
      }
      for (const [k, v] of url.searchParams) body[k] ??= v;
      const { status, json: answer, calls } = handle(url.pathname, body);
      stats.calls += calls;
      stats.callsPerRequest.push(calls);
      await sleep(faultsNow.callLatencyMs * calls);
      json(res, status, answer);
    } catch (e) {
      res.writeHead(500, { ...CORS, 'Content-Type': 'text/plain' }).end(String(e?.message ?? e));
    } finally {
      inFlight--;
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    engine: theEngine,
    /** The faults in force. */
    get faults() {
      return { ...state.faults };
    },
    /** Replaces the faults (unset ones are off); resets the KS call counts and the error PRNG. */
    setFaults,
    /** Requests, preflights, calls, injected failures and the most requests in flight at once, since the last reset. */
    stats: () => structuredClone(stats),
    resetStats: () => {
      stats = freshStats();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
