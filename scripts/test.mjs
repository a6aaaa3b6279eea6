// `npm test`: three things side by side — the type-check (both tsc projects, `npm run typecheck`), the pure tests in
// Node (scripts/test-node.mjs) and the component tests in headless Chromium (@web/test-runner) — then one line with
// the sum, `N passed, N failed, N skipped`, which CI reads. A type error counts as one failure. They run side by side
// rather than one after another because the type-check and the Node half are single-threaded and the browser half
// with one page at a time leaves a core mostly idle: together they share the cores instead of queueing.
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

/** Runs a command with its output held back; resolves to its exit code, output and time. */
function captured(command, args) {
  const t = performance.now();
  return new Promise((done) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (c) => done({ code: c ?? 1, output, seconds: seconds(t) }));
    child.on('error', (e) => done({ code: 1, output: String(e), seconds: seconds(t) }));
  });
}

// Everything at once: the type-check and the Node half start first, in child processes whose output is held back and
// printed after the browser half's own output (which stays live, as the runner draws it).
const typecheck = only === 'all' ? captured(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'typecheck']) : undefined;
const nodeHalf = only === 'all' ? captured(process.execPath, ['scripts/test-node.mjs']) : undefined;

if (only === 'node') {
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

if (nodeHalf) {
  const r = await nodeHalf;
  process.stdout.write(`\n${r.output.trimEnd()}\n`);
  // scripts/test-node.mjs ends with `N passed, N failed, N skipped`; anything else means it could not run.
  const m = /(\d+) passed, (\d+) failed, (\d+) skipped\s*$/.exec(r.output);
  if (m) {
    add({ passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3]) });
    lines.unshift(`Node: ${m[1]} passed, ${m[2]} failed, ${m[3]} skipped (${r.seconds} s, beside the browser)`);
  } else {
    total.failed++;
    broken = true;
    lines.unshift('Node: could not run (see above)');
  }
  if (r.code !== 0 && (!m || Number(m[2]) === 0)) {
    total.failed++;
    broken = true;
  }
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
