// Builds every example against the packed package, as a new user would, and opens each in headless Chromium.
//
//   node examples/run.mjs [name…]          (default: the fast ones: plain-html lms-page react-vite vue-vite)
//   node examples/run.mjs angular          (its own run: Angular's install is the slow one, see examples/README.md)
//   TARBALL=/path/entry-analytics-x.tgz node examples/run.mjs   (use that tarball instead of packing one; needs the
//                                                                 root's `npm run build` otherwise)
//
// For each example: copy its folder (without node_modules or build output) into a throw-away folder under the
// system's temp folder, point its `entry-analytics` dependency at the tarball, `npm install`, `npm run build`, serve
// the result (or start the example's own server), and check the page: the highlights show numbers, the map draws its
// countries, no console error, no failed request, no Content-Security-Policy violation. Prints the time of each step
// and ends with `examples: N passed, N failed` (exit 1 on a failure). Installs never touch the repository.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPage } from './check-page.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const FAST = ['plain-html', 'lms-page', 'react-vite', 'vue-vite'];
const names = process.argv.slice(2).length ? process.argv.slice(2) : FAST;
const work = mkdtempSync(join(tmpdir(), 'ea-examples-'));
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

let tarball = process.env.TARBALL;
if (!tarball) {
  const t = Date.now();
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }))[0];
  tarball = join(work, packed.filename);
  console.log(`packed ${packed.filename}: ${(packed.size / 1024).toFixed(1)} kB (${seconds(t)} s)`);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** A static server for a build folder on a free loopback port (index.html for `/`). */
function serveStatic(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(dir, path.endsWith(sep) || path === '' || path === '.' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })),
  );
}

/** Starts `node server.mjs` in `dir` with PORT=0; resolves with the address it prints (`listening on URL`). */
function startServer(dir) {
  const child = spawn(process.execPath, ['server.mjs'], { cwd: dir, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], close: () => child.kill() });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });

let passed = 0;
let failed = 0;
for (const name of names) {
  const src = join(here, name);
  if (!existsSync(join(src, 'package.json'))) throw new Error(`no example "${name}"`);
  const dir = join(work, name);
  const started = Date.now();
  const times = [];
  let server;
  try {
    cpSync(src, dir, { recursive: true, filter: (p) => !/[\\/](node_modules|dist|\.angular)([\\/]|$)/.test(p.slice(src.length)) });
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    pkg.dependencies['entry-analytics'] = `file:${tarball}`;
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
    let t = Date.now();
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock'], dir);
    times.push(`install ${seconds(t)} s`);
    t = Date.now();
    run('npm', ['run', 'build'], dir);
    times.push(`build ${seconds(t)} s`);
    t = Date.now();
    server = pkg.example?.server ? await startServer(dir) : await serveStatic(join(dir, pkg.example?.out ?? 'dist'));
    const figures = await checkPage(server.url, { csp: Boolean(pkg.example?.csp) });
    times.push(`check ${seconds(t)} s`);
    passed++;
    console.log(`ok   ${name} — ${figures} (${times.join(', ')}; ${seconds(started)} s in all)`);
  } catch (e) {
    failed++;
    const detail = String(e.stdout ?? '') + String(e.stderr ?? '') || e.stack || e.message;
    console.log(`FAIL ${name} (${[...times, `${seconds(started)} s`].join(', ')})\n${detail.slice(-6000)}`);
  } finally {
    server?.close();
  }
}

if (process.env.KEEP) console.log(`kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
console.log(`\nexamples: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
