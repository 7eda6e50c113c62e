/**
 * The public log on PostgreSQL: append rate in batches (target ≥ 5,000 entries/s) against plain
 * batched INSERTs of the same rows (baseline), inclusion proof time, and full verification of the
 * whole log by `bidhall log verify` against fetching the same pages without verifying (baseline).
 * LOG_BENCH_ENTRIES sets the log size (default 1,000,000); DATABASE_URL the server (default the local
 * PostgreSQL). Prints figures and ratios; never fails on a time.
 */
import { ManualClock } from '@bidhall/rules';
import pino from 'pino';
import { buildApp } from '../apps/server/src/app.ts';
import { createJobQueue } from '../apps/server/src/platform/jobs/job-queue.ts';
import { ephemeralSigningKey } from '../apps/server/src/platform/keys/signing-key.ts';
import { verifyWholeLog } from '../apps/cli/src/log-verify.ts';

process.env.DATABASE_URL ??= 'postgres://root@127.0.0.1:5432/test';
const { createTestDatabase } = await import('../tests/support/test-database.ts');

const TOTAL = Number(process.env.LOG_BENCH_ENTRIES ?? 1_000_000);
const BATCH = 2_000;
const entry = (i: number) => ({ type: 'bench', action: 'bench.event', targetType: 'section', targetId: `S-${i}`, occurredAt: new Date(1_790_000_000_000 + i).toISOString() });

const database = await createTestDatabase();
const db = database.db;
const clock = new ManualClock('2026-11-26T00:00:00Z');
// buildApp prepares the job queue (decision 0009); it is stopped at the end, or its pool keeps the process alive.
const jobs = createJobQueue(database, pino({ level: 'silent' }));
const built = await buildApp({
  config: { bodyLimit: 1 << 20, sessionTtlHours: 1, cookieSecure: false, logLevel: 'silent', webDist: undefined },
  database,
  clock,
  jobs,
  signingKey: ephemeralSigningKey(),
  logger: false,
});
const log = built.log;

try {
  // Baseline: the same canonical rows inserted in the same batches, with no tree.
  await db.schema.createTable('bench_plain').addColumn('i', 'bigint', (c) => c.primaryKey()).addColumn('entry', 'text').execute();
  const baseCount = Math.min(TOTAL, 200_000);
  let t0 = performance.now();
  for (let start = 0; start < baseCount; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, baseCount - start) }, (_, k) => ({ i: start + k, entry: JSON.stringify({ ...entry(start + k), logIndex: start + k }) }));
    await db.transaction().execute((trx) => trx.insertInto('bench_plain').values(rows).execute());
  }
  const baseRate = baseCount / ((performance.now() - t0) / 1000);

  t0 = performance.now();
  for (let start = 0; start < TOTAL; start += BATCH) {
    const items = Array.from({ length: Math.min(BATCH, TOTAL - start) }, (_, k) => entry(start + k));
    await db.transaction().execute((trx) => log.append(trx, items));
  }
  const appendSeconds = (performance.now() - t0) / 1000;
  const appendRate = TOTAL / appendSeconds;

  // One entry per transaction, as a single state change appends it.
  const singles = 500;
  t0 = performance.now();
  for (let i = 0; i < singles; i++) await db.transaction().execute((trx) => log.append(trx, [entry(TOTAL + i)]));
  const singleRate = singles / ((performance.now() - t0) / 1000);
  const size = TOTAL + singles;

  await log.signedHead(db);
  const proofs = 200;
  t0 = performance.now();
  for (let i = 0; i < proofs; i++) await log.inclusionProof(db, Math.floor((i * 7919 * 104729) % size), size);
  const proofMs = (performance.now() - t0) / proofs;

  const url = await built.app.listen({ port: 0, host: '127.0.0.1' });
  t0 = performance.now();
  for (let start = 0; start < size; start += 5000) {
    const res = await fetch(`${url}/api/v1/log/entries?start=${start}&end=${Math.min(start + 5000, size)}`);
    await res.json();
  }
  const fetchSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const outcome = await verifyWholeLog({ url });
  const verifySeconds = (performance.now() - t0) / 1000;
  if (!outcome.ok) throw new Error(`verification failed: ${outcome.reason}`);

  console.log(`log size                          ${size.toLocaleString('en')} entries (PostgreSQL, batches of ${BATCH})`);
  console.log(`append, batched                   ${Math.round(appendRate).toLocaleString('en')} entries/s   (target ≥ 5,000)`);
  console.log(`  baseline: plain batched INSERT  ${Math.round(baseRate).toLocaleString('en')} rows/s   ratio ${(appendRate / baseRate).toFixed(2)}`);
  console.log(`append, one entry per transaction ${Math.round(singleRate).toLocaleString('en')} entries/s`);
  console.log(`inclusion proof                   ${proofMs.toFixed(2)} ms each (tree of ${size.toLocaleString('en')})`);
  console.log(`full verification                 ${verifySeconds.toFixed(1)} s   (target < 30 s)`);
  console.log(`  baseline: fetch pages only      ${fetchSeconds.toFixed(1)} s   ratio ${(verifySeconds / fetchSeconds).toFixed(2)}`);
  await built.app.close();
} finally {
  await jobs.stop(1000);
  await database.close();
}
