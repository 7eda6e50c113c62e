// What a Vitest JSON report proves: for each ID, the tests whose OWN title names it (an ID in a
// describe title proves nothing by itself) and a status.
import { ID_IN_TITLE, IDS } from './ids.mjs';
import { PARTIAL } from './partial.mjs';

/** Ranks of the statuses: a committed report may not claim a higher one than its run shows. */
export const RANK = { uncovered: 0, failing: 0, partial: 1, proven: 2 };

const relative = (file, root) => (file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file);

/**
 * `{ [id]: { status, tests: ['file › full name'], failing: [...], missing? } }` for every ID of the
 * report and any other ID a test names. Tests are listed by file, then in their order in the file,
 * so the same suite gives the same report whatever order the files ran in.
 */
export function coverageOf(results, root = process.cwd()) {
  const found = new Map();
  const files = [...results.testResults].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const file of files) {
    for (const test of file.assertionResults) {
      const ids = new Set([...test.title.matchAll(ID_IN_TITLE)].map((m) => m[1]));
      for (const id of ids) {
        if (!found.has(id)) found.set(id, []);
        found.get(id).push({ name: `${relative(file.name, root)} › ${test.fullName}`, passed: test.status === 'passed' });
      }
    }
  }
  const coverage = {};
  for (const id of [...IDS, ...[...found.keys()].filter((id) => !IDS.includes(id)).sort()]) {
    const tests = found.get(id) ?? [];
    const failing = tests.filter((t) => !t.passed).map((t) => t.name);
    const status = tests.length === 0 ? 'uncovered' : failing.length > 0 ? 'failing' : PARTIAL[id] ? 'partial' : 'proven';
    coverage[id] = { status, tests: tests.map((t) => t.name), failing, ...(PARTIAL[id] ? { missing: PARTIAL[id] } : {}) };
  }
  return coverage;
}

/** Describe titles that carry an ID: it is not counted for the tests inside (say it in their own titles). */
export function idsInDescribeTitles(results) {
  const titles = new Set();
  for (const file of results.testResults) {
    for (const test of file.assertionResults) {
      for (const title of test.ancestorTitles) if (title.match(ID_IN_TITLE)) titles.add(title);
    }
  }
  return [...titles].sort();
}

/** Entries of the partial list that no test claims: stale, or waiting for a test. */
export function unclaimedPartials(coverage) {
  return Object.keys(PARTIAL).filter((id) => coverage[id]?.status === 'uncovered');
}
