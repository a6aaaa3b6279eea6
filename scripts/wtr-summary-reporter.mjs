// Prints `N passed, N failed, N skipped` alone on the last line, which CI reads. A test file that fails to load (or
// whose browser session errors) counts as one failure, so a broken import can never look green.
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
  return {
    onTestRunFinished({ sessions }) {
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
      // Written after the default reporter's last frame.
      setTimeout(() => process.stdout.write(`\n${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped\n`), 0);
    },
  };
}
