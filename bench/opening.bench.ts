/**
 * The remote opening (issue 11, Measure): a section with N sealed bids opened in the hall of a real
 * app on loopback (PGlite or PostgreSQL, the blob store on disk).
 *
 * 1. Readout: C clients watch the hall's live stream (Server-Sent Events, a worker thread on the other
 *    core); the readout event carries the table, which the hall page shows from it; the time from the
 *    last bidder's unsealing request to the whole table on every client (target < 2 s with 500
 *    clients), against a bare Node SSE server fanning the same table out to the same clients in the
 *    same run.
 * 2. Bulk decryption: the job that decrypts every part after the readout and re-seals it for evaluation,
 *    on a worker thread per core, against OpenSSL doing the same work on the same blobs on a worker
 *    thread per core in the same run (target ≥ 80 % per core used, on both cores; OpenSSL on one core
 *    is printed beside it),
 *    and against CTS E-07 (≥ 1 GB or 100 files per minute).
 *
 *   npm run bench opening                      20 bids (4 MiB each), 200 clients
 *   npm run bench opening -- --full            500 bids (2 MiB each), 500 clients
 *   npx tsx bench/opening.bench.ts --bids 10 --mb 8 --clients 100
 *
 * Setting up (parties, certificates, sealing and submitting, the clock past the deadline) is not timed.
 * Prints figures and ratios; never fails on a time.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { biddingSection, certifiedBidder, defaultFiles, requirements, sealBid, submitBid, type Bidder } from '../tests/support/bidding-fixtures.ts';
import { createDocumentsTestApp } from '../tests/support/documents-fixtures.ts';
import { openingFixtures } from '../tests/support/opening-fixtures.ts';
import { bareSseServer, opensslBulk, opensslBulkOnCores } from './opening/baselines.ts';
import { startWatchers } from './opening/watchers.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const FULL = args.includes('--full');
const BIDS = option('bids', FULL ? 500 : 20);
const MB = option('mb', FULL ? 2 : 4);
const CLIENTS = option('clients', FULL ? 500 : 200);

const t0 = performance.now();
const progress = (line: string) => console.error(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const now = () => performance.timeOrigin + performance.now();
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
const ms = (x: number) => `${x.toFixed(0)} ms`;

const d = await createDocumentsTestApp({ config: { rateLimitScale: 1_000_000 } });
const { t } = d;
const o = openingFixtures(d);
const tmp = mkdtempSync(join(tmpdir(), 'bidhall-bench-opening-'));
try {
  progress(`setting up: ${BIDS} bids of ${MB} MiB`);
  const s = await biddingSection(d, { instructions: { unsealWindowMinutes: '120' } });
  const sectionId = s.r.sectionId;
  const bidders: Bidder[] = [];
  for (let i = 0; i < BIDS; i++) {
    const b = await certifiedBidder(d, s.doc.id);
    const req = await requirements(t, sectionId, b.cookie);
    // The technical part carries the bulk, as in life; the rest are the small required parts.
    const files = defaultFiles(String(i)).map((f) => (f.partKey === 'technical' ? { ...f, bytes: randomBytes(MB << 20) } : f));
    const res = await submitBid(t, b, sectionId, await sealBid(req, b, { summary: { price: String(100_000_000 + i * 1000), durationDays: 150, quality: '合格' }, files }));
    if (res.statusCode !== 201) throw new Error(`bid ${i}: ${res.statusCode} ${res.body}`);
    bidders.push(b);
    if ((i + 1) % 50 === 0) progress(`${i + 1} bids in`);
  }
  const tenderer = await o.atDeadline(s, bidders);
  await o.hallOf(sectionId, tenderer);
  for (const b of bidders) await o.call('POST', `/api/v1/sections/${sectionId}/hall/sign-in`, b.cookie);
  await o.call('POST', `/api/v1/sections/${sectionId}/hall/unsealing`, tenderer);
  for (const b of bidders.slice(0, -1)) {
    const res = await o.call('POST', `/api/v1/sections/${sectionId}/hall/unseal`, b.cookie, (await o.unsealBody(b, sectionId)).body);
    if (res.statusCode !== 200) throw new Error(`unseal: ${res.statusCode} ${res.body}`);
  }
  const last = bidders.at(-1)!;
  const lastBody = (await o.unsealBody(last, sectionId)).body;
  const base = await t.built.app.listen({ port: 0, host: '127.0.0.1' });

  // 1. The readout on every watcher: the bidders and the tenderer, their streams opened after the unsealing started.
  const lastSeq = (await o.hallOf(sectionId, tenderer)).lastSeq;
  const cookies = [tenderer, ...bidders.map((b) => b.cookie)];
  progress(`${CLIENTS} clients watching the hall`);
  const hall = await startWatchers({ url: `${base}/api/v1/sections/${sectionId}/hall/events?after=${lastSeq}`, cookies, clients: CLIENTS, event: 'readout', rows: BIDS });
  const sent = now();
  const res = await o.call('POST', `/api/v1/sections/${sectionId}/hall/unseal`, last.cookie, lastBody);
  if (res.statusCode !== 200) throw new Error(`last unseal: ${res.statusCode} ${res.body}`);
  const seen = (await hall.arrivals).map((at) => at - sent);
  await hall.stop();

  const bare = await bareSseServer();
  const baseline = await startWatchers({ url: bare.url, cookies: ['-'], clients: CLIENTS, event: 'readout', rows: BIDS });
  // The same table the hall sent, from a bare server that has it in memory.
  const readout = (await o.hallOf(sectionId, tenderer)).readout!;
  const fired = now();
  bare.fire(JSON.stringify({ seq: 1, kind: 'readout', at: readout.at, data: readout }));
  const bareSeen = (await baseline.arrivals).map((at) => at - fired);
  await baseline.stop();
  await bare.close();

  // 2. Bulk decryption of every part of the opened bids (the job the readout queued), against OpenSSL on the same blobs.
  progress('bulk decryption');
  const round = (await o.hallOf(sectionId, tenderer)).round;
  const bulkStart = performance.now();
  await t.jobs.runNow('opening.bulk-unseal', { sectionId, round });
  const bulkSeconds = (performance.now() - bulkStart) / 1000;
  const parts = (
    await sql<{ size: string; blob: string }>`SELECT u.plaintext_size::text AS size, p.blob_sm3 AS blob FROM opening.unsealed_part u JOIN bidding.bid_part p ON p.bid_id = u.bid_id AND p.part_id = u.part_id JOIN bidding.bid b ON b.id = u.bid_id WHERE b.section_id = ${sectionId}`.execute(t.database.db)
  ).rows;
  if (parts.length !== bidders.length * 5) throw new Error(`bulk decrypted ${parts.length} parts, expected ${bidders.length * 5}`);
  const bytes = parts.reduce((a, p) => a + Number(p.size), 0);
  const blobPath = (sm3: string) => join(t.blobDir, sm3.slice(0, 2), sm3.slice(2, 4), sm3);
  const files = parts.map((p) => blobPath(p.blob));
  const cores = availableParallelism();
  const opensslSeconds = await opensslBulk(files, tmp);
  const opensslCoresSeconds = await opensslBulkOnCores(files, tmp, cores);

  const max = Math.max(...seen);
  const bareMax = Math.max(...bareSeen);
  const platformRate = bytes / bulkSeconds;
  const opensslRate = bytes / opensslSeconds;
  const opensslCoresRate = bytes / opensslCoresSeconds;
  // Per core used: the job's worker thread per core against OpenSSL's, the same work on the same cores.
  const perCore = platformRate / opensslCoresRate;
  const perMinute = { gb: (platformRate * 60) / 1e9, files: (parts.length / bulkSeconds) * 60 };
  console.log(`readout table on ${CLIENTS} clients after the last unsealing (${BIDS} bids): p50 ${ms(quantile(seen, 0.5))}, p99 ${ms(quantile(seen, 0.99))}, max ${ms(max)}`);
  console.log(`bare Node SSE fan-out of the same table to the same clients: p50 ${ms(quantile(bareSeen, 0.5))}, max ${ms(bareMax)}; the hall's max is ${(max / Math.max(1, bareMax)).toFixed(1)}× it`);
  console.log(
    `bulk decryption: ${parts.length} parts, ${(bytes / 2 ** 20).toFixed(0)} MiB in ${bulkSeconds.toFixed(2)} s = ${(platformRate / 2 ** 20).toFixed(1)} MiB/s on ${cores} worker threads (${(platformRate / cores / 2 ** 20).toFixed(1)} per core); OpenSSL the same work ${(opensslCoresRate / 2 ** 20).toFixed(1)} MiB/s on ${cores} threads (${(opensslRate / 2 ** 20).toFixed(1)} MiB/s on one)`,
  );
  console.log(`CTS E-07: ${perMinute.gb.toFixed(2)} GB and ${perMinute.files.toFixed(0)} files per minute (target ≥ 1 GB or 100 files)`);
  console.log(
    `bulk decryption ${perCore.toFixed(2)} of OpenSSL per core on ${cores} cores (target ≥ 0.80); readout max ${(max / 1000).toFixed(2)} s to ${CLIENTS} clients (target < 2 s)`,
  );
} finally {
  await d.t.close();
  rmSync(tmp, { recursive: true, force: true });
}
