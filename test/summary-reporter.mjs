// Counts passed and failed tests across all browser sessions and writes them to a JSON file, so
// test/run-all.mjs can print one bare "N passed, N failed" line. A test file that fails to load
// counts as one failure: wtr itself would report it as "0 failed".
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function summaryReporter(file = process.env.UPWARD_SUMMARY_FILE ?? '.test-summary.json') {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        const loadFailed = !session.passed && (session.errors?.length ?? 0) > 0;
        if (loadFailed) totals.failed++;
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
