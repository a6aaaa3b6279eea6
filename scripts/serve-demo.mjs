// `npm start`: bundles demo/main.ts and its data worker with esbuild (in memory, rebuilt on each page load, split into
// chunks so the map's code behind a dynamic import is its own file and d3 stays tree-shaken), serves
// demo/ on http://127.0.0.1:<port> (PORT, else 8080, else any free port), and starts the local Kaltura-compatible mock
// so the demo's "Kaltura API" switch has an endpoint. Binds the loopback interface only; fetches nothing from the
// network.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { context } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const demoDir = join(root, 'demo');
const HOST = '127.0.0.1';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const builder = await context({
  entryPoints: { main: join(demoDir, 'main.ts'), worker: join(demoDir, 'worker.ts') },
  bundle: true,
  // Code reached only through import() (the map of <top-countries>) goes into its own chunk, and code the page and
  // the worker share into shared chunks (`chunk-<hash>.js`, served from memory beside main.js and worker.js).
  splitting: true,
  format: 'esm',
  target: 'es2022',
  sourcemap: 'linked',
  write: false,
  outdir: join(root, '.demo-build'),
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'silent',
});

/** The latest bundle: file name → bytes (entries, chunks, source maps). Rebuilt when the page is loaded. */
let bundle = new Map();
let buildError = '';
async function rebuild() {
  try {
    const result = await builder.rebuild();
    bundle = new Map(result.outputFiles.map((f) => [`/${f.path.split(/[\\/]/).pop()}`, f.contents]));
    buildError = '';
  } catch (error) {
    buildError = (error.errors ?? [error]).map((e) => e.text ?? String(e)).join('\n');
    console.error(`Demo build failed:\n${buildError}`);
  }
}
await rebuild();

// The Kaltura mock, once it exists.
let kalturaMock;
try {
  const { startKalturaMock } = await import('../server/kaltura-mock/index.mjs');
  kalturaMock = await startKalturaMock({ port: Number(process.env.KALTURA_MOCK_PORT ?? 0) });
} catch (error) {
  console.warn(`Kaltura mock not started: ${error?.message ?? error}`);
}

// A ClickHouse server (CLICKHOUSE_URL, loaded with `npm run clickhouse:load`): the demo's "ClickHouse" source reaches it
// through /clickhouse/ on this server (same origin, so the browser needs no CORS from ClickHouse).
const clickhouseUrl = (process.env.CLICKHOUSE_URL ?? '').replace(/\/+$/, '');

async function proxyClickHouse(req, res, url) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const headers = {};
  for (const h of ['authorization', 'content-type']) if (req.headers[h]) headers[h] = req.headers[h];
  try {
    const r = await fetch(`${clickhouseUrl}${url.pathname.slice('/clickhouse'.length) || '/'}${url.search}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
    });
    res.writeHead(r.status, { 'Content-Type': r.headers.get('content-type') ?? 'text/plain' });
    res.end(Buffer.from(await r.arrayBuffer()));
  } catch (error) {
    res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`ClickHouse at ${clickhouseUrl} is unreachable: ${error?.message ?? error}`);
  }
}

async function handle(req, res) {
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  let path = decodeURIComponent(url.pathname);
  if (path === '/') path = '/index.html';
  if (path === '/index.html') await rebuild();
  if (path === '/config.json') {
    res.writeHead(200, { 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-store' });
    res.end(
      JSON.stringify({
        kalturaMockUrl: kalturaMock?.url ?? '',
        ...(clickhouseUrl ? { clickhouse: { url: '/clickhouse', database: process.env.CLICKHOUSE_DATABASE || 'entry_analytics' } } : {}),
      }),
    );
    return;
  }
  if (clickhouseUrl && (path === '/clickhouse' || path.startsWith('/clickhouse/'))) {
    await proxyClickHouse(req, res, url);
    return;
  }
  if (bundle.has(path)) {
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(bundle.get(path));
    return;
  }
  if ((path === '/main.js' || path === '/worker.js') && buildError) {
    res.writeHead(500, { 'Content-Type': TYPES['.js'] });
    res.end(`throw new Error(${JSON.stringify(`Demo build failed: ${buildError}`)});`);
    return;
  }
  // Static files under demo/ only (the map geometry is a chunk of the bundle, like the map's code).
  let file = normalize(join(demoDir, path));
  if (!file.startsWith(demoDir + sep) || extname(file) === '.ts') file = undefined;
  if (!file || !existsSync(file)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
  res.end(await readFile(file));
}

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(String(error?.message ?? error));
  });
});

function listen(port) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

const wanted = Number(process.env.PORT ?? 8080);
let port;
try {
  port = await listen(wanted);
} catch (error) {
  if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') throw error;
  port = await listen(0);
  console.log(`Port ${wanted} is busy; using ${port} instead.`);
}

console.log(`Demo: http://${HOST}:${port}/`);
if (kalturaMock) console.log(`Kaltura mock API: ${kalturaMock.url} (any KS but "expired")`);
if (clickhouseUrl) console.log(`ClickHouse: ${clickhouseUrl} (the "ClickHouse" data source; load it with npm run clickhouse:load)`);
if (buildError) console.log('The demo bundle has errors; fix them and reload the page.');

const stop = async () => {
  server.close();
  await kalturaMock?.close?.();
  await builder.dispose();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
