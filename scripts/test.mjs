// `npm test`: unit and integration tests (PGlite, or PostgreSQL when DATABASE_URL is set), and the
// browser tests when Chromium is installed (E2E=required makes a missing browser a failure).
// Extra arguments go to Vitest, e.g. `npm test -- --project int`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { buildWebIfStale } from './start.mjs';

const args = process.argv.slice(2);
const runsE2e = args.length === 0 || args.some((a) => a.includes('e2e'));
if (runsE2e && (existsSync('/usr/bin/chromium') || process.env.E2E === 'required')) buildWebIfStale();

mkdirSync('.tmp', { recursive: true });
const results = '.tmp/vitest-results.json';
const r = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...args], {
  stdio: 'inherit',
});
if (existsSync(results)) {
  // Kept per database as well, so that a later run on the other one (CI runs both) leaves this one readable.
  copyFileSync(results, `.tmp/vitest-results-${process.env.DATABASE_URL ? 'postgres' : 'pglite'}.json`);
  const report = JSON.parse(readFileSync(results, 'utf8'));
  const skipped = report.numPendingTests + report.numTodoTests;
  // A file whose setup fails has no failed test, only skipped ones: count the files too.
  const failedFiles = report.testResults.filter((f) => f.status === 'failed').length;
  const files = `${failedFiles} of ${report.testResults.length} files failed`;
  console.log(`\ntests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped; ${files}`);
}
process.exit(r.status ?? 1);
