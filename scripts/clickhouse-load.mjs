#!/usr/bin/env node
// `npm run clickhouse:load -- --url http://127.0.0.1:8123 [options]`: creates the schema (when missing) and loads the
// deterministic sample data (the demo's by default: seed 1, 120 days to today, 300,000 events, 2,000 users) into a
// ClickHouse server, through the library's own insertEntries / insertUsers / insertEvents.
//
//   --url URL          the HTTP interface (default: CLICKHOUSE_URL)
//   --database NAME    default entry_analytics          --user U --password P   (default: ClickHouse's `default`)
//   --seed N --days N --events N --users N --end YYYY-MM-DD   the sample (see docs/sample-data.md)
//   --kava DIR         also load the *.ndjson beacon captures in DIR (e.g. test/fixtures/kava)
//   --replace          drop the database first
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** The library's ClickHouse module and the sample generator, bundled in memory by esbuild. */
export async function loadModules() {
  const result = await build({
    stdin: {
      contents:
        "export * as clickhouse from './src/data/clickhouse/index.ts';\nexport * as sample from './src/data/sample/index.ts';\nexport * as engine from './src/data/engine/index.ts';\n",
      resolveDir: root,
      sourcefile: 'clickhouse-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    tsconfig: join(root, 'tsconfig.json'),
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

function args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`Unexpected argument ${a}`);
    const key = a.slice(2);
    if (key === 'replace') out.replace = true;
    else out[key] = argv[++i];
  }
  return out;
}

async function main() {
  const a = args(process.argv.slice(2));
  const url = a.url ?? process.env.CLICKHOUSE_URL;
  if (!url) throw new Error('Give the server: --url http://127.0.0.1:8123 (or set CLICKHOUSE_URL)');
  const options = { url, database: a.database, user: a.user, password: a.password, timeoutMs: 300_000 };
  const { clickhouse, sample } = await loadModules();
  const today = new Date().toISOString().slice(0, 10);
  const spec = {
    seed: Number(a.seed ?? 1),
    days: Number(a.days ?? 120),
    events: Number(a.events ?? 300_000),
    users: Number(a.users ?? 2_000),
    end: a.end ?? today,
  };
  const t0 = performance.now();
  const data = sample.generateSample(spec);
  const t1 = performance.now();
  if (a.replace) await clickhouse.dropSchema(options);
  await clickhouse.createSchema(options);
  await clickhouse.insertEntries(options, data.entries);
  await clickhouse.insertUsers(options, data.users);
  const report = await clickhouse.insertEvents(options, data.events, { entries: data.entries });
  if (a.kava) {
    const clip = { id: '0_hidden01', name: 'Acceptance clip', type: 'video', duration: 120, owner: { id: 'o', name: 'O' }, created: '2026-11-01T00:00:00Z' };
    await clickhouse.insertEntries(options, [clip]);
    for (const f of readdirSync(a.kava).filter((n) => n.endsWith('.ndjson'))) {
      const r = await clickhouse.insertEvents(options, readFileSync(join(a.kava, f), 'utf8'));
      report.accepted += r.accepted;
      for (const [k, n] of Object.entries(r.skipped)) report.skipped[k] = (report.skipped[k] ?? 0) + n;
    }
  }
  const t2 = performance.now();
  const stats = await clickhouse.eventStats(options);
  console.log(
    `Loaded ${report.accepted.toLocaleString('en')} events (${JSON.stringify(report.skipped)} skipped) of the sample ` +
      `${JSON.stringify(spec)} into ${url} database ${options.database ?? clickhouse.DEFAULT_DATABASE}: generated in ` +
      `${((t1 - t0) / 1000).toFixed(1)} s, inserted in ${((t2 - t1) / 1000).toFixed(1)} s. Server: ${JSON.stringify(stats)}.`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e?.message ?? e);
    process.exit(1);
  });
}
