#!/usr/bin/env node
// Runs the browser benchmarks: every bench/*.bench.ts (or those whose name contains an argument) is bundled with
// esbuild in memory, served from 127.0.0.1 on a free port and opened in headless Chromium (playwright-core, the
// system browser). Each bench reports rows (see bench/harness.ts); this script prints them as a table.
//
//   npm run bench                       every bench
//   npm run bench -- engine             only bench/engine.bench.ts
//   npm run bench -- --events=200000    query string handed to the page (the engine bench reads `events`)
//   npm run bench -- --json=out.json    also write the results as JSON
//   npm run bench -- --strict           exit 1 when a row is over its budget (default: only on errors)
//   npm run bench -- kaltura            the dashboard over the local Kaltura-compatible endpoint (started here, with
//                                       300 ms injected per request: see bench/kaltura.bench.ts)
//
// Environment: CHROME_PATH (default /usr/bin/chromium), BENCH_TIMEOUT_MS (per bench, default 900000).
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const benchDir = join(root, 'bench');
const args = process.argv.slice(2);
const flags = Object.fromEntries(
  args.filter((a) => a.startsWith('--')).map((a) => {
    const [k, ...v] = a.slice(2).split('=');
    return [k, v.length ? v.join('=') : true];
  }),
);
const filters = args.filter((a) => !a.startsWith('--'));
const strict = Boolean(flags.strict);
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 900_000);
const pageQuery = new URLSearchParams(
  Object.entries(flags).filter(([k]) => !['json', 'strict'].includes(k)).map(([k, v]) => [k, String(v)]),
).toString();

const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

const files = (await readdir(benchDir))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error(`No bench/*.bench.ts matches ${filters.join(', ') || '(any)'}`);
  process.exit(1);
}

/** Bundles one bench file for the browser, in memory. */
async function bundle(file) {
  const result = await build({
    entryPoints: [join(benchDir, file)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    sourcemap: 'inline',
    logLevel: 'silent',
    tsconfig: join(root, 'tsconfig.json'),
  });
  return result.outputFiles[0].text;
}

// Benches over the Kaltura API get the local endpoint (server/kaltura-mock), started once; its address goes to the page
// as `kalturaMock`, and the page sets the faults (latency) it measures with.
let kalturaMock;
if (files.some((f) => f.startsWith('kaltura'))) {
  const { startKalturaMock } = await import('../server/kaltura-mock/index.mjs');
  kalturaMock = await startKalturaMock({ port: 0 });
  console.log(`Kaltura-compatible endpoint: ${kalturaMock.url}`);
}

const bundles = new Map();
const waiting = new Map(); // bench name -> resolve
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const name = url.searchParams.get('bench') ?? '';
  if (req.method === 'GET' && url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`<!doctype html><meta charset="utf-8"><title>bench ${name}</title><script type="module" src="/bench.js?${url.searchParams}"></script>`);
  } else if (req.method === 'GET' && url.pathname === '/bench.js' && bundles.has(name)) {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    res.end(bundles.get(name));
  } else if (req.method === 'POST' && url.pathname === '/done') {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      res.writeHead(204).end();
      try {
        waiting.get(name)?.({ ok: true, ...JSON.parse(body) });
      } catch (e) {
        waiting.get(name)?.({ ok: false, error: `unreadable result: ${e}` });
      }
    });
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath, headless: true, args: chromeArgs });
const results = [];
let failed = false;

for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  process.stdout.write(`\n▶ ${file}\n`);
  let result;
  try {
    bundles.set(name, await bundle(file));
  } catch (e) {
    result = { title: name, rows: [], error: `bundle failed: ${e.message}` };
  }
  if (!result) {
    const page = await browser.newPage();
    page.on('console', (m) => {
      const text = m.text();
      if (text.startsWith('bench: ')) process.stdout.write(`  · ${text.slice(7)}\n`);
      else if (m.type() === 'error') process.stdout.write(`  ! ${text}\n`);
    });
    const done = new Promise((r) => waiting.set(name, r));
    const crashed = new Promise((r) => {
      page.on('pageerror', (e) => r({ rows: [], error: `page error: ${e.message}` }));
      page.on('crash', () => r({ rows: [], error: 'page crashed (out of memory?)' }));
    });
    let timer;
    const timeout = new Promise((r) => (timer = setTimeout(() => r({ rows: [], error: `timed out after ${timeoutMs} ms` }), timeoutMs)));
    const started = Date.now();
    const loadBefore = loadavg()[0];
    const mockQuery = kalturaMock && name.startsWith('kaltura') ? `&kalturaMock=${encodeURIComponent(kalturaMock.url)}` : '';
    await page.goto(`http://127.0.0.1:${port}/?bench=${encodeURIComponent(name)}${pageQuery ? `&${pageQuery}` : ''}${mockQuery}`);
    result = await Promise.race([done, crashed, timeout]);
    clearTimeout(timer);
    result.wallMs = Date.now() - started;
    // The machine's 1-minute load average before and after: absolute times scale with it on a shared machine.
    result.load = [loadBefore, loadavg()[0]];
    await page.close().catch(() => {});
  }
  result.file = file;
  results.push(result);
  printTable(result);
  if (result.error) {
    failed = true;
    console.log(`\n✖ ${file}: ${result.error}`);
  }
}

await browser.close();
server.close();
await kalturaMock?.close();

const over = results.flatMap((r) => (r.rows ?? []).filter((row) => row.budget !== undefined && row.value > row.budget));
console.log(
  `\n${results.length} bench file(s), ${results.filter((r) => r.error).length} failed, ${over.length} row(s) over budget` +
    (over.length ? `: ${over.map((r) => r.name).join('; ')}` : ''),
);
if (flags.json) {
  await writeFile(resolve(String(flags.json)), JSON.stringify({ date: new Date().toISOString(), chromeArgs, results }, null, 2));
  console.log(`results written to ${flags.json}`);
}
process.exit(failed || (strict && over.length) ? 1 : 0);

function fmt(x) {
  if (x === undefined || x === null || Number.isNaN(x)) return '';
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en') : String(Math.round(x * 100) / 100);
}

function printTable(result) {
  const rows = result.rows ?? [];
  const env = result.userAgent
    ? `${/Chrome\/[\d.]+/.exec(result.userAgent)?.[0] ?? result.userAgent}, ${result.hardwareConcurrency} cores, gc ${result.gc ? 'on' : 'off'}, precise memory ${result.memory ? 'on' : 'off'}, wall ${fmt(result.wallMs / 1000)} s` +
      (result.load ? `, load average ${result.load.map((x) => x.toFixed(1)).join(' → ')}` : '')
    : '';
  console.log(`\n${result.title ?? result.file}${env ? ` (${env})` : ''}`);
  if (!rows.length) return;
  const header = ['measure', 'value', 'unit', 'first', 'min', 'max', 'runs', 'budget', '', 'note'];
  const table = rows.map((r) => [
    r.name,
    fmt(r.value),
    r.unit,
    fmt(r.first),
    fmt(r.min),
    fmt(r.max),
    r.runs === undefined ? '' : String(r.runs),
    r.budget === undefined ? '' : fmt(r.budget),
    r.budget === undefined ? '' : r.value <= r.budget ? 'ok' : 'OVER',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const right = new Set([1, 3, 4, 5, 6, 7]);
  const line = (cells) => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of table) console.log(line(row));
}
