// Prints `N passed, N failed, N skipped` alone on the last line, which CI reads (and, when EA_TEST_SUMMARY names a
// file, writes the counts there as JSON for scripts/test.mjs, which adds the Node tests' counts). A test file that fails to load (or
// whose browser session errors) counts as one failure, so a broken import can never look green.
import { writeFileSync } from 'node:fs';

function collect(suite, acc) {
  if (!suite) return;
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite.suites ?? []) collect(s, acc);
}

export function summaryReporter() {
  // When each file finished, to name the slowest files at the end: with one file at a time, the gap between two
  // finishes is the later file's time; with several at once it over-counts, but the ranking still points the right way.
  let last = 0;
  const times = [];
  return {
    onTestRunStarted() {
      last = performance.now();
    },
    reportTestFileResults({ testFile }) {
      const now = performance.now();
      times.push([testFile.replace(process.cwd() + '/', ''), now - last]);
      last = now;
    },
    onTestRunFinished({ sessions }) {
      const slowest = times
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([f, ms]) => `${f} ${(ms / 1000).toFixed(1)} s`);
      if (slowest.length > 0) setTimeout(() => process.stdout.write(`\nSlowest files: ${slowest.join(', ')}\n`), 0);
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = acc.passed + acc.failed + acc.skipped;
        collect(session.testResults, acc);
        const counted = acc.passed + acc.failed + acc.skipped - before;
        const brokenFile = !session.passed && (session.errors?.length ?? 0) > 0;
        if (counted === 0 || brokenFile) {
          if (!session.passed) acc.failed++;
        }
      }
      if (process.env.EA_TEST_SUMMARY) writeFileSync(process.env.EA_TEST_SUMMARY, JSON.stringify(acc));
      // Written after the default reporter's last frame.
      setTimeout(() => process.stdout.write(`\n${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped\n`), 0);
    },
  };
}
