// `npm test`: the type-check (both tsc projects, `npm run typecheck`) in a child process of its own, while the pure
// tests run in Node (scripts/test-node.mjs) and then the component tests in headless Chromium (@web/test-runner); then
// one line with the sum, `N passed, N failed, N skipped`, which CI reads. A type error counts as one failure. The
// type-check runs beside the tests rather than before them because it is single-threaded and takes about as long as
// the Node tests and a third of the browser half: side by side they share the cores instead of queueing.
// Exits non-zero when anything failed or a runner could not run.
//
//   node scripts/test.mjs              everything, type-check included
//   node scripts/test.mjs --node       only the Node tests          node scripts/test.mjs --browser   only the browser
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNodeTests } from './test-node.mjs';

const only = process.argv.includes('--node') ? 'node' : process.argv.includes('--browser') ? 'browser' : 'all';
const total = { passed: 0, failed: 0, skipped: 0 };
const add = (r) => {
  total.passed += r.passed;
  total.failed += r.failed;
  total.skipped += r.skipped;
};
const seconds = (t) => ((performance.now() - t) / 1000).toFixed(1);
const lines = [];
let broken = false;

// The type-check, started first; its output is held back and printed at the end, after the runners' own output.
let typecheck;
if (only === 'all') {
  const t = performance.now();
  typecheck = new Promise((done) => {
    let output = '';
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'typecheck'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (c) => done({ code: c ?? 1, output, seconds: seconds(t) }));
    child.on('error', (e) => done({ code: 1, output: String(e), seconds: seconds(t) }));
  });
}

if (only !== 'browser') {
  const t = performance.now();
  try {
    const r = await runNodeTests();
    add(r);
    lines.push(`Node: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.files} files, ${seconds(t)} s)`);
  } catch (e) {
    console.error(e);
    total.failed++;
    broken = true;
    lines.push('Node: could not run (see above)');
  }
}

if (only !== 'node') {
  const t = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'ea-wtr-'));
  const summary = join(dir, 'summary.json');
  const code = await new Promise((done) => {
    const child = spawn(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], {
      stdio: 'inherit',
      env: { ...process.env, EA_TEST_SUMMARY: summary },
    });
    child.on('exit', (c) => done(c ?? 1));
    child.on('error', () => done(1));
  });
  let r;
  try {
    r = JSON.parse(readFileSync(summary, 'utf8'));
  } catch {
    r = { passed: 0, failed: 1, skipped: 0 };
    broken = true;
  }
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0 && r.failed === 0) {
    r.failed = 1;
    broken = true;
  }
  add(r);
  lines.push(`Browser: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${seconds(t)} s)`);
}

if (typecheck) {
  const r = await typecheck;
  if (r.code !== 0) {
    process.stdout.write(`\nType-check failed:\n${r.output}\n`);
    total.failed++;
  }
  lines.unshift(`Type-check: ${r.code === 0 ? 'passed' : 'FAILED'} (${r.seconds} s, beside the tests)`);
}

process.stdout.write(`\n${lines.join('\n')}\n${broken ? 'A runner failed to run; counted as a failure.\n' : ''}`);
process.stdout.write(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exitCode = total.failed > 0 ? 1 : 0;
