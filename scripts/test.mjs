// `npm test` after the type-check: the pure tests in Node (scripts/test-node.mjs), then the component tests in headless
// Chromium (@web/test-runner, several files at once), then one line with the sum, `N passed, N failed, N skipped`,
// which CI reads. Exits non-zero when anything failed or a runner could not run.
//
//   node scripts/test.mjs              everything
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

process.stdout.write(`\n${lines.join('\n')}\n${broken ? 'A runner failed to run; counted as a failure.\n' : ''}`);
process.stdout.write(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exitCode = total.failed > 0 ? 1 : 0;
