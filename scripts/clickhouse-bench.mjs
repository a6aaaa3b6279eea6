#!/usr/bin/env node
// `nice -n 19 npm run clickhouse:bench -- [--sizes 1000000,10000000,50000000] [--base 1000000]
//                                        [--engine-sizes 1000000,5000000] [--url URL]`
//
// Times every query of the default dashboard (the panels' 9 queries, for the last 30 days and the previous 30 days)
// over ClickHouse at each size, and beside it the embedded engine (in this Node process) at the sizes it can hold.
// Prints load time (base load, multiplication, session build), per-query times, the server's memory (resident set
// after loading and peak, and each query's peak from system.query_log) and the tables' size on disk.
//
// The data: a base sample of --base events (the demo's shape: seed 1, 120 days to 2026-03-31, 2,000 users, one
// lecture video and one image) goes through the library's loader (generated in a worker thread, read and encoded
// there by EventEncoder, inserted as RowBinary batches). Larger sizes are that base repeated server-side: copy k
// (k = 1 … size/base − 1) is every base event with `~k` appended to its session id and, when it has one, its user
// id (so each copy is a disjoint population of sessions and users behaving like the base one: same times, places,
// devices, referrers and positions), made by one INSERT … SELECT per step; the user directory gets `name (k)` for
// `user~k`. Sizes are run in increasing order on one database, each adding the copies it lacks, then the
// per-session facts are rebuilt (buildSessions) over all events — the build is timed as part of loading.
import { Worker } from 'node:worker_threads';
import { writeFileSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startClickHouse } from './clickhouse.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const END = '2026-03-31';
const DAYS = 120;
const USERS = 2000;
const BATCH = 250_000;

function args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  return out;
}

async function bundle(dir) {
  const result = await build({
    stdin: {
      contents:
        "export * as clickhouse from './src/data/clickhouse/index.ts';\nexport * as http from './src/data/clickhouse/http.ts';\nexport * as sample from './src/data/sample/index.ts';\nexport * as engine from './src/data/engine/index.ts';\n",
      resolveDir: root,
      sourcefile: 'clickhouse-bench-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    tsconfig: join(root, 'tsconfig.json'),
  });
  const file = join(dir, 'modules.mjs');
  writeFileSync(file, result.outputFiles[0].text);
  const worker = join(dir, 'worker.mjs');
  writeFileSync(
    worker,
    `import { workerData, parentPort } from 'node:worker_threads';
const { clickhouse, sample } = await import(${JSON.stringify(file)});
const { spec, queued } = workerData;
const q = new Int32Array(queued);
const enc = new clickhouse.EventEncoder();
const send = () => {
  const { bytes, count } = enc.take();
  Atomics.add(q, 0, 1);
  parentPort.postMessage({ bytes, count }, [bytes.buffer]);
  while (Atomics.load(q, 0) >= 3) Atomics.wait(q, 0, Atomics.load(q, 0), 1000);
};
const meta = sample.generateSampleEvents(spec, (e) => {
  enc.add(e);
  if (enc.count >= ${BATCH}) send();
});
if (enc.count > 0) send();
parentPort.postMessage({ done: true, meta });
`,
  );
  return { file, worker };
}

function memoryOf(pid) {
  if (!pid) return {};
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMB: Math.round(kb('VmRSS') / 1024), peakRssMB: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return {};
  }
}

/** Loads `size` events into database `db` through the worker; resolves with timing and counts. */
function load(mods, workerFile, options, size) {
  const spec = { seed: 1, end: END, days: DAYS, events: size, users: USERS };
  const queued = new SharedArrayBuffer(4);
  const q = new Int32Array(queued);
  const worker = new Worker(workerFile, { workerData: { spec, queued } });
  let chain = Promise.resolve();
  let accepted = 0;
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (m) => {
      if (m.done) {
        chain.then(() => resolve({ accepted, meta: m.meta }), reject);
        return;
      }
      chain = chain.then(async () => {
        await mods.clickhouse.insertEncoded(options, m.bytes);
        accepted += m.count;
        Atomics.sub(q, 0, 1);
        Atomics.notify(q, 0);
        if (accepted % 5_000_000 < BATCH) process.stdout.write(`  … ${accepted.toLocaleString('en')} events\n`);
      });
      chain.catch(reject);
    });
  });
}

const ranges = () => {
  const end = Date.parse(`${END}T00:00:00Z`);
  const day = (k) => new Date(end - k * 86_400_000).toISOString().slice(0, 10);
  return { current: { from: day(29), to: day(0) }, previous: { from: day(59), to: day(30) } };
};

/** The default dashboard's queries for one range, in the panels' order; heatmap users from the users page. */
async function dashboard(provider, entryId, range, time) {
  const b = { entryId, range, timeZone: 'UTC', filters: {} };
  const signal = new AbortController().signal;
  const q = (name, query) => time(name, () => provider(query, { signal }));
  await q('entry', { kind: 'entry', ...b });
  await q('totals', { kind: 'totals', ...b });
  await q('timeline day', { kind: 'timeline', granularity: 'day', ...b });
  await q('retention', { kind: 'retention', ...b });
  const users = await q('users (plays desc, 25)', { kind: 'users', ...b, sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 25 } });
  await q(`heatmap (${users.rows.length} users)`, { kind: 'heatmap', ...b, userIds: users.rows.map((r) => r.userId) });
  await q('geo country', { kind: 'geo', level: 'country', ...b });
  await q('devices', { kind: 'devices', ...b });
  await q('domains (10)', { kind: 'domains', ...b, sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 10 } });
}

async function timeDashboard(label, provider, entryId, extra = () => ({})) {
  const rows = [];
  for (const [period, range] of Object.entries(ranges())) {
    await dashboard(provider, entryId, range, async (name, fn) => {
      const t = performance.now();
      const r = await fn();
      const ms = performance.now() - t;
      rows.push({ period, query: name, ms, ...(await extra()) });
      return r;
    });
  }
  const total = rows.reduce((s, r) => s + r.ms, 0);
  console.log(`\n${label}: default dashboard, last 30 days + previous 30 days (${rows.length} queries) in ${(total / 1000).toFixed(2)} s`);
  for (const r of rows) {
    const mem = (r.memMB !== undefined ? `  query peak ${r.memMB} MB` : '') + (r.cpuMs !== undefined ? `, server CPU ${r.cpuMs} ms` : '');
    console.log(`  ${r.period.padEnd(8)} ${r.query.padEnd(26)} ${r.ms.toFixed(0).padStart(7)} ms${mem}`);
  }
  return { total, rows };
}

/** Server CPU time (user + system, µs) of query_log rows. */
const CPU = `sum(ProfileEvents.Values[indexOf(ProfileEvents.Names, 'UserTimeMicroseconds')] + ProfileEvents.Values[indexOf(ProfileEvents.Names, 'SystemTimeMicroseconds')])`;

/** Server CPU seconds spent by the finished statements on `database` since `since` (a unix time, s). */
async function cpuSince(options, since) {
  await rowsOf(options, 'SYSTEM FLUSH LOGS', true);
  const [[us]] = await rowsOf(options, `SELECT ${CPU} FROM system.query_log WHERE type = 2 AND event_time >= toDateTime(${Math.floor(since)}) AND query LIKE '%${options.database}.%'`);
  return (Number(us) / 1e6).toFixed(1);
}

const EVENT_COPY_COLUMNS = [
  'entry_id', 'session_id', 'seq', 'time', 'event_date', 'event_type', 'event_index', 'position', 'play_time_sum', 'user_id',
  'country', 'region', 'city', 'has_coords', 'latitude', 'longitude', 'device', 'domain', 'url', 'categories',
  'playback_type', 'os', 'browser',
];

/** Adds copies from … to − 1 of the base events (those whose session id has no `~`) and of the base directory. */
async function multiply(mods, options, from, to) {
  const db = options.database;
  const run = (sql) => mods.http.execute(options, sql);
  const cols = EVENT_COPY_COLUMNS.map((c) =>
    c === 'session_id' ? `concat(session_id, '~', toString(k))`
    : c === 'user_id' ? `if(user_id = '', '', concat(user_id, '~', toString(k)))`
    : c === 'seq' ? 'seq + k'
    : c,
  );
  // Up to 8 copies per statement (each statement reads the base once; a block of base rows becomes 8 blocks).
  for (let c = from; c < to; c += 8) {
    const n = Math.min(8, to - c);
    await run(
      `INSERT INTO ${db}.events (${EVENT_COPY_COLUMNS.join(', ')}) SELECT ${cols.join(', ')} ` +
        `FROM (SELECT *, arrayJoin(arrayMap(x -> toUInt64(x + ${c}), range(${n}))) AS k FROM ${db}.events WHERE position(session_id, '~') = 0)`,
    );
  }
  await run(
    `INSERT INTO ${db}.users (user_id, version, name) SELECT concat(user_id, '~', toString(k)), version, concat(name, ' (', toString(k), ')') ` +
      `FROM (SELECT user_id, version, name, arrayJoin(arrayMap(x -> toUInt64(x + ${from}), range(${to - from}))) AS k FROM ${db}.users WHERE position(user_id, '~') = 0)`,
  );
}

async function main() {
  const a = args(process.argv.slice(2));
  const sizes = (a.sizes ?? '1000000,10000000,50000000').split(',').filter(Boolean).map(Number).sort((x, y) => x - y);
  const base = Number(a.base ?? 1_000_000);
  const engineSizes = (a['engine-sizes'] ?? '1000000,5000000').split(',').filter(Boolean).map(Number);
  for (const size of sizes) if (size % base !== 0) throw new Error(`--sizes must be multiples of --base (${base})`);
  const dir = mkdtempSync(join(tmpdir(), 'entry-analytics-chbench-'));
  const { file, worker } = await bundle(dir);
  const mods = await import(file);
  const os = await import('node:os');
  console.log(`${new Date().toISOString()} machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  try {
    for (const size of engineSizes) await engineRun(mods, size);
    if (sizes.length === 0) return;
    const server = a.url ? { url: a.url, pid: undefined, stop: async () => {} } : await startClickHouse();
    console.log(`\nClickHouse ${server.url}${server.pid ? ` (private server, pid ${server.pid})` : ''}`);
    try {
      const database = `bench_${process.pid}`;
      const options = { url: server.url, database, timeoutMs: 3_600_000, settings: { log_queries: '1' } };
      await mods.clickhouse.dropSchema(options);
      await mods.clickhouse.createSchema(options);
      let t0 = performance.now();
      let since = Date.now() / 1000 - 1;
      const { accepted, meta } = await load(mods, worker, options, base);
      await mods.clickhouse.insertEntries(options, meta.entries);
      await mods.clickhouse.insertUsers(options, meta.users);
      const baseMs = performance.now() - t0;
      console.log(
        `base: ${accepted.toLocaleString('en')} sample events generated, read and inserted in ${(baseMs / 1000).toFixed(1)} s ` +
          `(${Math.round(accepted / (baseMs / 1000)).toLocaleString('en')}/s); server CPU ${await cpuSince(options, since)} s`,
      );
      let copies = 1;
      for (const size of sizes) {
        const want = size / base;
        t0 = performance.now();
        since = Date.now() / 1000 - 1;
        if (want > copies) await multiply(mods, options, copies, want);
        const copyMs = performance.now() - t0;
        const copyCpu = await cpuSince(options, since);
        copies = want;
        t0 = performance.now();
        since = Date.now() / 1000 - 1;
        const builds = await mods.clickhouse.buildSessions(options, undefined, { eventsPerStep: 8_000_000 });
        const buildMs = performance.now() - t0;
        const buildCpu = await cpuSince(options, since);
        const [[bytes, rowsOnDisk]] = await rowsOf(options, `SELECT sum(bytes_on_disk), sum(rows) FROM system.parts WHERE database = '${database}' AND table = 'events' AND active`);
        const [[sbytes]] = await rowsOf(options, `SELECT sum(bytes_on_disk) FROM system.parts WHERE database = '${database}' AND table = 'sessions' AND active`);
        console.log(
          `\n== ${Number(rowsOnDisk).toLocaleString('en')} events (${copies} × base) ==\n` +
            `load: copies ${(copyMs / 1000).toFixed(1)} s (server CPU ${copyCpu} s), session build ${(buildMs / 1000).toFixed(1)} s (server CPU ${buildCpu} s) ` +
            `(${builds.map((b) => `${b.entryId}: ${b.events.toLocaleString('en')} events → ${b.sessions.toLocaleString('en')} sessions in ${(b.ms / 1000).toFixed(1)} s`).join('; ')}); ` +
            `events ${(Number(bytes) / 1e6).toFixed(0)} MB, sessions ${(Number(sbytes) / 1e6).toFixed(0)} MB on disk; server memory ${JSON.stringify(memoryOf(server.pid))}`,
        );
        const provider = mods.clickhouse.createClickHouseProvider(options);
        const seen = new Set();
        const extra = async () => {
          // The statements of the dashboard query just run (those not seen before), from the query log: the
          // highest peak memory among them and their CPU time together.
          await rowsOf(options, 'SYSTEM FLUSH LOGS', true);
          const r = await rowsOf(
            options,
            `SELECT query_id, memory_usage, ${CPU.replace(/^sum\(/, '(')} FROM system.query_log WHERE type = 2 AND query LIKE '%FORMAT JSONCompact' AND query NOT LIKE '%system.%' AND event_time >= now() - 600`,
          );
          let mem = 0;
          let cpu = 0;
          let n = 0;
          for (const [id, m, c] of r) {
            if (seen.has(id)) continue;
            seen.add(id);
            n++;
            mem = Math.max(mem, Number(m));
            cpu += Number(c);
          }
          return n ? { memMB: Math.round(mem / 1048576), cpuMs: Math.round(cpu / 1000) } : {};
        };
        await extra(); // statements before the dashboard (the build's) are not a query's
        await timeDashboard(`ClickHouse, ${size.toLocaleString('en')} events, first run`, provider, meta.entries[0].id, extra);
        await timeDashboard(`ClickHouse, ${size.toLocaleString('en')} events, second run`, provider, meta.entries[0].id);
        console.log(`server memory after the queries ${JSON.stringify(memoryOf(server.pid))}`);
      }
      await mods.clickhouse.dropSchema(options);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function engineRun(mods, size) {
  const { engine, sample } = mods;
  const spec = { seed: 1, end: END, days: DAYS, events: size, users: USERS };
  // Entries and the user directory depend on the seed only: a tiny run gives them, so events can stream in.
  const meta = sample.generateSampleEvents({ ...spec, events: 1 }, () => {});
  const eng = new engine.AnalyticsEngine({ entries: meta.entries, users: meta.users });
  global.gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  let chunk = [];
  let ingestMs = 0;
  const ingest = () => {
    const t = performance.now();
    eng.ingest(chunk);
    ingestMs += performance.now() - t;
    chunk = [];
  };
  sample.generateSampleEvents(spec, (e) => {
    chunk.push(e);
    if (chunk.length >= 50_000) ingest();
  });
  ingest();
  global.gc?.();
  const after = process.memoryUsage();
  console.log(
    `\n== embedded engine (Node), ${eng.stats.accepted.toLocaleString('en')} events == ingest ${(ingestMs / 1000).toFixed(1)} s ` +
      `(generation ${((performance.now() - t0 - ingestMs) / 1000).toFixed(1)} s); memory held +${Math.round((after.rss - before.rss) / 1048576)} MB resident`,
  );
  const provider = engine.createEventsProvider(eng);
  await timeDashboard(`engine, ${size.toLocaleString('en')} events, first run`, provider, meta.entries[0].id);
  await timeDashboard(`engine, ${size.toLocaleString('en')} events, second run`, provider, meta.entries[0].id);
}

async function rowsOf(options, sql, statement = false) {
  if (statement) {
    const res = await fetch(`${options.url}/`, { method: 'POST', body: sql });
    if (!res.ok) throw new Error(await res.text());
    return [];
  }
  const res = await fetch(`${options.url}/?database=${options.database}`, { method: 'POST', body: `${sql} FORMAT JSONCompact` });
  if (!res.ok) throw new Error(await res.text());
  return (await res.json()).data;
}

main().catch((e) => {
  console.error(e?.stack ?? e);
  process.exit(1);
});
