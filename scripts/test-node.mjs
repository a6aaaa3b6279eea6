// Runs the pure tests (test/node-files.mjs) in Node: esbuild bundles each test file (TypeScript, with
// `@open-wc/testing` mapped to chai's expect), mocha runs the bundles. One process, no browser.
//
//   node scripts/test-node.mjs [file-or-glob ...]     prints `N passed, N failed, N skipped`, exits 1 on a failure
import { build } from 'esbuild';
import Mocha from 'mocha';
import { mkdtempSync, rmSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeTestFiles } from '../test/node-files.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The test files matched by `patterns` (default: every Node test file), repository-relative and sorted. */
export function nodeFiles(patterns = nodeTestFiles) {
  const matchers = patterns.map(globToRegExp);
  return walk('test').filter((f) => matchers.some((m) => m.test(f)));
}

/** `**` any folders, `*` any name part: enough for the patterns in test/node-files.mjs (Node 20 has no fs.glob). */
function globToRegExp(pattern) {
  const re = pattern
    .split('/')
    .map((part) => (part === '**' ? '(?:[^/]+/)*' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '/'))
    .join('')
    .replace(/\/$/, '');
  return new RegExp(`^${re}$`);
}

/**
 * In the browser the tests fetch fixtures from the dev server: a path from the repository's root
 * (`/node_modules/…`) or a URL relative to the test module (`new URL('../fixtures/…', import.meta.url)`). Node's fetch
 * knows neither, so while the tests run, those two forms read the repository's files (a bundle's file: URL maps back
 * from the bundle folder to the repository). Other URLs go to the real fetch.
 */
function serveFilesToFetch(bundleDir) {
  const realFetch = globalThis.fetch;
  const bundleUrl = pathToFileURL(bundleDir + '/').href;
  const rootUrl = pathToFileURL(root + '/').href;
  globalThis.fetch = async (input, init) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let file;
    if (href.startsWith('/')) file = join(root, decodeURIComponent(href.split(/[?#]/)[0]));
    else if (href.startsWith('file:')) file = fileURLToPath(href.replace(bundleUrl, rootUrl).split(/[?#]/)[0]);
    if (file === undefined) return realFetch(input, init);
    if (!existsSync(file)) return new Response('not found', { status: 404 });
    const type = file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    return new Response(readFileSync(file), { status: 200, headers: { 'content-type': type } });
  };
  return () => {
    globalThis.fetch = realFetch;
  };
}

function walk(dir) {
  const found = [];
  for (const d of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${d.name}`;
    if (d.isDirectory()) found.push(...walk(path));
    else found.push(path);
  }
  return found.sort();
}

/** Runs the given test files in this process; resolves to the counts. */
export async function runNodeTests(files = nodeFiles(), { reporter = 'dot' } = {}) {
  if (files.length === 0) return { passed: 0, failed: 0, skipped: 0, files: 0 };
  const out = mkdtempSync(join(tmpdir(), 'ea-node-tests-'));
  try {
    await build({
      entryPoints: files.map((f) => join(root, f)),
      outdir: out,
      outbase: root,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      logLevel: 'error',
      tsconfig: join(root, 'tsconfig.json'),
      alias: { '@open-wc/testing': join(root, 'scripts/node-testing-shim.mjs') },
    });
    const restoreFetch = serveFilesToFetch(out);
    // A limit against hangs, not a speed check: generous, so a busy machine does not fail a slow but correct test.
    const mocha = new Mocha({ reporter, timeout: 60_000 });
    for (const f of files) mocha.addFile(join(out, f.replace(/\.ts$/, '.mjs')));
    await mocha.loadFilesAsync();
    const counts = await new Promise((done) => {
      const runner = mocha.run(() => undefined);
      runner.on('end', () => {
        const s = runner.stats ?? {};
        done({ passed: s.passes ?? 0, failed: s.failures ?? 0, skipped: s.pending ?? 0, files: files.length });
      });
    });
    restoreFetch();
    return counts;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const args = process.argv.slice(2).map((a) => relative(root, resolve(a)));
  const started = performance.now();
  const r = await runNodeTests(args.length ? nodeFiles(args) : nodeFiles());
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\nNode: ${r.files} files in ${seconds} s\n${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped\n`);
  process.exitCode = r.failed > 0 ? 1 : 0;
}
