// `--check` (CI, decision 0017): the committed report may not claim more than the run that CI has
// just made. It fails when the committed report gives an ID a higher status than the run (proven
// where the run shows partial, failing or nothing; partial where the run shows failing or nothing),
// or cites as evidence a test that did not pass in the run (renamed, removed, failing, skipped). It
// only warns when the run proves more than the committed report says: new proofs wait for the next
// `npm run conformance`, which the lead commits from a full run.
import { RANK } from './coverage.mjs';

/** The committed status of an entry, also in the first format (`passed` without `status`). */
function committedStatus(entry) {
  if (entry.status) return entry.status;
  return entry.passed ? 'proven' : entry.tests?.length ? 'failing' : 'uncovered';
}

/** `{ errors, warnings }`: each a line naming the ID and what differs. */
export function compareWithCommitted(committed, coverage) {
  const errors = [];
  const warnings = [];
  for (const [id, entry] of Object.entries(committed)) {
    const claimed = committedStatus(entry);
    const run = coverage[id] ?? { status: 'uncovered', tests: [] };
    if (RANK[claimed] > RANK[run.status]) {
      errors.push(`${id}: the committed report says ${claimed}, this run shows ${run.status}`);
    }
    if (RANK[claimed] > 0) {
      const passed = new Set(run.tests.filter((t) => !run.failing?.includes(t)));
      for (const test of entry.tests ?? []) {
        if (!passed.has(test)) errors.push(`${id}: the committed report cites a test that did not pass in this run: ${test}`);
      }
    }
    if (RANK[run.status] > RANK[claimed])
      warnings.push(`${id}: this run shows ${run.status}, the committed report says ${claimed}`);
    else if (RANK[run.status] > 0) {
      const cited = new Set(entry.tests ?? []);
      const fresh = run.tests.filter((t) => !cited.has(t));
      if (fresh.length > 0) warnings.push(`${id}: ${fresh.length} test(s) of this run not yet in the committed report`);
      if (run.status === 'partial' && entry.missing !== run.missing)
        warnings.push(`${id}: what is missing changed since the committed report`);
    }
  }
  for (const id of Object.keys(coverage)) {
    if (!(id in committed) && RANK[coverage[id].status] > 0) warnings.push(`${id}: not in the committed report`);
  }
  return { errors, warnings };
}
