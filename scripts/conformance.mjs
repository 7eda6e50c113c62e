// `npm run conformance`: builds the web app if needed, runs the whole suite with the browser tests
// required (a report without them would silently lose every ID only a browser test proves), and
// writes docs/conformance.md and docs/conformance.json from the IDs in the tests' own titles
// ([A-107], [B-012], [F-12], [task-9]). See docs/decisions/0017-conformance-report.md.
//
//   --no-run           report from the last run's results instead of running the suite
//   --check            CI: fail when the committed report claims more than the last run proved
//   --results <file>   the Vitest JSON report to read (default .tmp/vitest-results.json)
//   --refresh-titles   reread the checkpoint and task titles from ../shared into scripts/conformance/titles.json
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { compareWithCommitted } from './conformance/check.mjs';
import { coverageOf, idsInDescribeTitles, unclaimedPartials } from './conformance/coverage.mjs';
import { IDS, isTask, loadTitles, refreshTitles } from './conformance/ids.mjs';
import { JSON_PATH, MD_PATH, writeReport } from './conformance/report.mjs';
import { buildWebIfStale } from './start.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const resultsAt = args.indexOf('--results');
const RESULTS = resultsAt >= 0 ? args[resultsAt + 1] : '.tmp/vitest-results.json';
const CHROMIUM = '/usr/bin/chromium';

if (flag('--refresh-titles')) {
  refreshTitles('../shared/reference/cts-ebs01-2016.md', '../shared/mission/FEATURES.md');
  console.log('scripts/conformance/titles.json rewritten');
  process.exit(0);
}

if (!flag('--no-run') && !flag('--check')) {
  // Tests that skip without a tool would drop their IDs from the report: the tools are required.
  if (!existsSync(CHROMIUM)) {
    console.error(`conformance: the browser tests need ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk)`);
    process.exit(2);
  }
  if (!/^OpenSSL 3\./.test(spawnSync('openssl', ['version'], { encoding: 'utf8' }).stdout ?? '')) {
    console.error('conformance: the interoperability tests need the OpenSSL 3 command line (apt-get install -y openssl)');
    process.exit(2);
  }
  if (resultsAt >= 0) {
    console.error('conformance: --results reads a report; a run writes .tmp/vitest-results.json (add --no-run)');
    process.exit(2);
  }
  buildWebIfStale();
  const r = spawnSync('node', ['scripts/test.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, E2E: 'required' },
  });
  if (r.status !== 0) console.error('\nsome tests failed; the report marks their IDs as failing');
}
if (!existsSync(RESULTS)) {
  console.error(`no test results at ${RESULTS}; run npm test first`);
  process.exit(2);
}

const results = JSON.parse(readFileSync(RESULTS, 'utf8'));
const coverage = coverageOf(results);
for (const title of idsInDescribeTitles(results)) {
  console.warn(`note: IDs in the describe title "${title}" are not counted; name them in the tests' own titles`);
}
for (const id of unclaimedPartials(coverage)) {
  console.warn(`note: ${id} is in scripts/conformance/partial.mjs but no test claims it`);
}

if (flag('--check')) {
  if (!existsSync(JSON_PATH)) {
    console.error(`conformance --check: no committed ${JSON_PATH}`);
    process.exit(2);
  }
  const { errors, warnings } = compareWithCommitted(JSON.parse(readFileSync(JSON_PATH, 'utf8')), coverage);
  for (const w of warnings) console.warn(`warning: ${w}`);
  for (const e of errors) console.error(`error: ${e}`);
  if (errors.length > 0) {
    console.error(
      `conformance --check: ${JSON_PATH} claims what this run did not prove (${errors.length}); run npm run conformance and commit the report`,
    );
    process.exit(1);
  }
  console.log(
    `conformance --check: every claim of ${JSON_PATH} is proven by this run${warnings.length ? ` (${warnings.length} warnings)` : ''}`,
  );
  process.exit(0);
}

writeReport(coverage, loadTitles());
const count = (match, status) => IDS.filter((id) => match(id) && coverage[id].status === status).length;
const checkpoints = (id) => !isTask(id);
console.log(
  `conformance: checkpoints ${count(checkpoints, 'proven')} proven, ${count(checkpoints, 'partial')} partial of ${IDS.filter(checkpoints).length}; ` +
    `tasks ${count(isTask, 'proven')} proven, ${count(isTask, 'partial')} partial of ${IDS.filter(isTask).length}; ${MD_PATH} and ${JSON_PATH} written`,
);
const git = spawnSync('git', ['diff', '--quiet', '--', MD_PATH, JSON_PATH]);
if (git.status === 1) console.log(`the report differs from the committed one: git diff -- ${MD_PATH} ${JSON_PATH}`);
