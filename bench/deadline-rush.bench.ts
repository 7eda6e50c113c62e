/**
 * The deadline rush (issue 10, Measure): N bidders each submit a sealed bid of S MB at once, over
 * loopback, to a real server process (`bidhall serve` on PostgreSQL, the platform key and blob store
 * on disk) whose section closes a minute ahead (or as long as the run needs, --window). Each bid is the
 * document's required files (tus uploads, envelope-shaped: real headers, deterministic sealed-chunk
 * bodies) plus the bidSummary sealed for real, and a real manifest signed by the bidder's certificate.
 *
 * Reported: every bid accepted exactly once and every receipt verified (platform signature,
 * commitment, log inclusion proof, timestamp); throughput of sealed bytes against a bare Node
 * streaming upload sink receiving the same bytes with the same concurrency in the same run (target
 * ≥ 70 %); the server's peak RSS at two file sizes (target < 512 MB, flat); p50/p99 from the last
 * byte of a bidder's last upload to its receipt; the CPU seconds the server, PostgreSQL and the client
 * spent in each rush (from /proc); and the cost of the platform layer per request. Each size's rush
 * goes to a fresh server process (its peak RSS is that size's), warmed first by a small rush of its
 * own on a section of its own, as a server at a real deadline has been running all day.
 *
 *   npm run bench deadline-rush                 200 bidders × 2 MB (about two minutes)
 *   npm run bench deadline-rush -- --full       1,000 bidders × 20 MB
 *   npx tsx bench/deadline-rush.bench.ts --bidders 50 --mb 1
 *
 * DATABASE_URL names the PostgreSQL server (default postgres://root@127.0.0.1:5432/test); a database
 * of its own is made and dropped. The setup (entities, certificates, documents, sealing headers and
 * hashing the bodies) is not timed. Prints figures and ratios; never fails on a time.
 */
import { cpus } from 'node:os';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BiddingRequirements, BidReceiptResponse, BidView } from '@bidhall/contracts';
import { privateKeyToPem } from '@bidhall/crypto';
import { sql } from 'kysely';
import {
  getJson,
  postJson,
  receiptFailures,
  request,
  tusCreate,
  tusPatch,
  uploadIdOf,
  type HttpAnswer,
} from '../tests/reliability/bid-client.ts';
import { startProcess, startServerProcess, type ServerProcess } from '../tests/reliability/server-process.ts';
import { createWorld, pool, type World } from '../tests/reliability/world.ts';
import { partBytes } from './deadline-rush/envelope-shaped.ts';
import type { PrepareJob, PreparedBid } from './deadline-rush/prepare-worker.ts';
import { registerCustodians } from '../tests/reliability/custodians.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const FULL = flag('full');
const BIDDERS = option('bidders', FULL ? 1000 : 200);
const MB = option('mb', FULL ? 20 : 2);
/** The second size, for memory flat in file size. */
const SMALL_MB = option('small-mb', MB / 10);
/** The warm-up before each measured rush: this many bidders, this size. */
const WARM_BIDDERS = Math.min(BIDDERS, 100);
const WARM_MB = 0.05;
/** Bidders whose bytes go to the SM3-hashing reference sink (and to the bare sink again to compare it with). */
const REFERENCE_BIDDERS = Math.min(BIDDERS, 200);
process.env.DATABASE_URL ??= 'postgres://root@127.0.0.1:5432/test';

const M = 1e6;
const t0 = performance.now();
const say = (line: string) => console.log(line);
const progress = (line: string) => console.error(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/** CPU seconds (user + system) a process has used, from /proc; 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of the server, the database's processes and this client, to take differences of. */
function cpuNow(server: ServerProcess) {
  const postgres = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    })
    .reduce((a, d) => a + cpuSeconds(Number(d)), 0);
  const client = process.cpuUsage();
  return { server: cpuSeconds(server.pid), postgres, client: (client.user + client.system) / 1e6 };
}
type Cpu = ReturnType<typeof cpuNow>;
const cpuSince = (server: ServerProcess, before: Cpu) => {
  const now = cpuNow(server);
  return { server: now.server - before.server, postgres: now.postgres - before.postgres, client: now.client - before.client };
};
const cpuText = (c: Cpu) => `server ${c.server.toFixed(1)} s, PostgreSQL ${c.postgres.toFixed(1)} s, client ${c.client.toFixed(1)} s`;

/** The document's required parts, S MB shared out among them (technical the most, as in life). */
function filesFor(req: BiddingRequirements, totalBytes: number): PrepareJob['targets'][number] {
  const required = req.document.parts.filter((p) => p.required);
  const weight = (key: string) => ({ technical: 5, commercial: 2.5, qualification: 2, pricedBill: 0.5 })[key] ?? 1;
  const sum = required.reduce((a, p) => a + weight(p.key), 0);
  return required.map((p) => {
    const ext = p.fileTypes[0] ?? 'pdf';
    return {
      key: p.key,
      name: `${p.key}.${ext}`,
      mediaType: ext === 'pdf' ? 'application/pdf' : 'application/octet-stream',
      size: Math.max(1, Math.round((totalBytes * weight(p.key)) / sum)),
    };
  });
}

/** Each bidder's bid for each target (a section and a size), sealed once when the sections' custodians are the same. */
async function prepare(world: World, targets: { req: BiddingRequirements; totalBytes: number }[], count = world.bidders.length): Promise<PreparedBid[][]> {
  const jobs: PrepareJob[] = world.bidders.slice(0, count).map((b, index) => ({
    index,
    entityId: b.entityId,
    keyPem: privateKeyToPem(b.key),
    targets: targets.map((t) => filesFor(t.req, t.totalBytes)),
    summary: { price: String(100_000_000 + index * 137), durationDays: '365', quality: '合格' },
  }));
  const threads = Math.max(1, Math.min(cpus().length, 4));
  const out: PreparedBid[][] = targets.map(() => new Array<PreparedBid>(jobs.length));
  await Promise.all(
    Array.from({ length: threads }, (_, w) => {
      const mine = jobs.filter((_, i) => i % threads === w);
      const worker = new Worker(fileURLToPath(new URL('./deadline-rush/prepare-worker.ts', import.meta.url)), {
        workerData: { requirements: targets.map((t) => t.req), jobs: mine },
      });
      return new Promise<void>((resolve, reject) => {
        worker.on('message', (m: PreparedBid | 'done') => {
          if (m === 'done') {
            void worker.terminate().then(() => resolve());
            return;
          }
          out[m.target]![m.index] = m;
        });
        worker.on('error', reject);
      });
    }),
  );
  return out;
}

const wireBytes = (p: PreparedBid) => p.summary.sealed.length + p.files.reduce((a, f) => a + f.ciphertextSize, 0);
const fileStream = (f: PreparedBid['files'][number]) =>
  partBytes({
    frame: Buffer.from(f.frame),
    plaintextSize: f.plaintextSize,
    seed: f.seed,
    header: { chunkSize: f.chunkSize } as never,
  });

/** The baseline: the same bytes, the same requests per bidder, the same concurrency, to the bare sink. */
async function baseline(prepared: PreparedBid[], hashing = false): Promise<{ seconds: number; peak: number; cpu: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bidhall-sink-'));
  const sink = await startProcess(fileURLToPath(new URL('./deadline-rush/sink.ts', import.meta.url)), [dir, ...(hashing ? ['--sm3'] : [])], {});
  try {
    const start = performance.now();
    const cpuStart = cpuSeconds(sink.pid);
    await Promise.all(
      prepared.map(async (p) => {
        const a = await request(`${sink.url}/upload`, {
          method: 'POST',
          headers: { 'content-length': p.summary.sealed.length },
          body: p.summary.sealed,
        });
        if (a.status !== 201) throw new Error(`sink ${a.status}`);
        for (const f of p.files) {
          const r = await request(`${sink.url}/upload`, {
            method: 'POST',
            headers: { 'content-length': f.ciphertextSize },
            body: fileStream(f),
          });
          if (r.status !== 201) throw new Error(`sink ${r.status}`);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const cpu = cpuSeconds(sink.pid) - cpuStart;
    const peak = sink.memory().peak;
    if (readdirSync(dir).length !== prepared.length * (1 + prepared[0]!.files.length)) throw new Error('the sink lost files');
    return { seconds, peak, cpu };
  } finally {
    await sink.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Outcome {
  index: number;
  status: number;
  body: string;
  lastByteAt: number;
  answeredAt: number;
  receipt?: BidReceiptResponse;
}

/** Every bidder at once: its uploads one after the other, then the submission. */
async function rush(
  server: ServerProcess,
  world: World,
  sectionId: string,
  prepared: PreparedBid[],
): Promise<{ seconds: number; outcomes: Outcome[] }> {
  const start = performance.now();
  const outcomes = await Promise.all(
    prepared.map(async (p): Promise<Outcome> => {
      const b = world.bidders[p.index]!;
      const parts: { partId: string; uploadId: string }[] = [];
      let last: HttpAnswer | undefined;
      const uploads = [
        {
          partId: p.summary.partId,
          name: p.summary.name,
          length: p.summary.sealed.length,
          body: () => p.summary.sealed as Uint8Array | Iterable<Uint8Array>,
        },
        ...p.files.map((f) => ({ partId: f.partId, name: f.name, length: f.ciphertextSize, body: () => fileStream(f) })),
      ];
      for (const u of uploads) {
        const created = await tusCreate(server.url, b.cookie, { sectionId, partId: u.partId, name: u.name }, u.length);
        if (!created.url)
          return {
            index: p.index,
            status: created.answer.status,
            body: `create: ${created.answer.body.toString()}`,
            lastByteAt: 0,
            answeredAt: 0,
          };
        last = await tusPatch(created.url, b.cookie, 0, u.body(), u.length);
        if (last.status !== 204)
          return { index: p.index, status: last.status, body: `patch: ${last.body.toString()}`, lastByteAt: 0, answeredAt: 0 };
        parts.push({ partId: u.partId, uploadId: uploadIdOf(created.url) });
      }
      const submitted = await postJson(`${server.url}/api/v1/sections/${sectionId}/bids`, b.cookie, {
        signedManifest: p.signedManifest,
        certificatePem: b.certPem,
        parts,
      });
      return {
        index: p.index,
        status: submitted.status,
        body: submitted.status === 201 ? '' : submitted.body.toString(),
        lastByteAt: last!.lastByteAt,
        answeredAt: submitted.answeredAt,
        ...(submitted.status === 201 ? { receipt: submitted.json<BidReceiptResponse>() } : {}),
      };
    }),
  );
  return { seconds: (performance.now() - start) / 1000, outcomes };
}

/** Plain request vs the platform layer: a bare node:http answer, a public route, a signed-in one. */
async function layerCost(server: ServerProcess, cookie: string): Promise<{ bare: number; pub: number; signedIn: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bidhall-sink-'));
  const sink = await startProcess(fileURLToPath(new URL('./deadline-rush/sink.ts', import.meta.url)), [dir], {});
  const timeOf = async (fn: () => Promise<HttpAnswer>) => {
    for (let i = 0; i < 50; i++) await fn();
    const xs: number[] = [];
    for (let i = 0; i < 400; i++) {
      const s = performance.now();
      const a = await fn();
      if (a.status >= 400) throw new Error(`layer probe ${a.status} ${a.body.toString()}`);
      xs.push(performance.now() - s);
    }
    return quantile(xs, 0.5);
  };
  try {
    const bare = await timeOf(() =>
      request(`${sink.url}/x`, { method: 'POST', headers: { 'content-length': 0 }, body: Buffer.alloc(0) }),
    );
    const pub = await timeOf(() => request(`${server.url}/api/v1/time`, { method: 'GET' }));
    const signedIn = await timeOf(() => request(`${server.url}/api/v1/me`, { method: 'GET', headers: { cookie } }));
    return { bare, pub, signedIn };
  } finally {
    await sink.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  say(
    `deadline rush: ${BIDDERS} bidders × ${MB} MB sealed (second size ${SMALL_MB} MB), Node ${process.version}, ${cpus().length} cores, PostgreSQL`,
  );
  const world = await createWorld({
    bidders: BIDDERS,
    // The two measured sizes, and one section per server start for its warm-up.
    sections: 4,
    log: progress,
    postgresUrl: process.env.DATABASE_URL,
    extraSetup: registerCustodians,
  });
  let server: ServerProcess | undefined;
  try {
    const [big, small, ...warmSections] = world.sections as [World['sections'][0], World['sections'][0], World['sections'][0], World['sections'][0]];
    // The rush must end before the deadline; a minute ahead, or longer when the run needs it (its bytes,
    // or its bidders: a thousand submissions take a minute or more on two cores whatever their size).
    const window = option('window', Math.max(60, Math.ceil((BIDDERS * MB) / 60), Math.ceil(BIDDERS / 8)));
    await world.setDeadline(big.sectionId, new Date(Date.now() + 3_600_000));
    await world.setDeadline(small.sectionId, new Date(Date.now() + 3_600_000));
    for (const w of warmSections) await world.setDeadline(w.sectionId, new Date(Date.now() + 3_600_000));
    server = await startServerProcess(world.serverEnv());
    const reqBig = await getJson<BiddingRequirements>(
      `${server.url}/api/v1/sections/${big.sectionId}/bidding`,
      world.bidders[0]!.cookie,
    );
    const reqSmall = await getJson<BiddingRequirements>(
      `${server.url}/api/v1/sections/${small.sectionId}/bidding`,
      world.bidders[0]!.cookie,
    );
    const keyPem = (await getJson<{ publicKeyPem: string }>(`${server.url}/api/v1/log/key`)).publicKeyPem;
    progress(`preparing ${BIDDERS} bids of ${MB} MB and of ${SMALL_MB} MB (headers sealed, bodies hashed, manifests signed)`);
    const [preparedBig, preparedSmall] = (await prepare(world, [
      { req: reqBig, totalBytes: MB * M },
      { req: reqSmall, totalBytes: SMALL_MB * M },
    ])) as [PreparedBid[], PreparedBid[]];
    const warmRequirements = await Promise.all(
      warmSections.map((w) => getJson<BiddingRequirements>(`${server!.url}/api/v1/sections/${w.sectionId}/bidding`, world.bidders[0]!.cookie)),
    );
    const preparedWarm = await prepare(
      world,
      warmRequirements.map((req) => ({ req, totalBytes: WARM_MB * M })),
      WARM_BIDDERS,
    );
    /**
     * A server at a real deadline has run for hours, its code compiled by the day's traffic; a process
     * just started runs its first thousand requests in the interpreter. Each fresh server first takes
     * a small rush of its own (not measured) on a section of its own.
     */
    const warmUp = async (n: number) => {
      progress(`warming the fresh server up: ${WARM_BIDDERS} bids of ${WARM_MB} MB`);
      const run = await rush(server!, world, warmSections[n]!.sectionId, preparedWarm[n]!);
      const refused = run.outcomes.filter((o) => o.status !== 201);
      if (refused.length) throw new Error(`warm-up: ${refused.length} bids refused: ${refused[0]!.body}`);
    };
    const bytesBig = preparedBig.reduce((a, p) => a + wireBytes(p), 0);
    const bytesSmall = preparedSmall.reduce((a, p) => a + wireBytes(p), 0);

    progress('baseline: bare streaming sink');
    const base = await baseline(preparedBig);
    // The SM3 reference is a rate, not the baseline: at most REFERENCE_BIDDERS bidders' bytes, to both sinks.
    const referenceSet = preparedBig.slice(0, REFERENCE_BIDDERS);
    const bytesReference = referenceSet.reduce((a, p) => a + wireBytes(p), 0);
    progress(`reference: the sink hashing with SM3 (${referenceSet.length} bidders)`);
    const hashed = await baseline(referenceSet, true);
    const bareReference = referenceSet.length === preparedBig.length ? base : await baseline(referenceSet);

    // A fresh server process for each size, so its peak RSS is that size's.
    await server.stop();
    server = await startServerProcess(world.serverEnv());
    const memIdle = server.memory();
    await warmUp(0);
    await world.setDeadline(big.sectionId, new Date(Date.now() + window * 1000));
    progress(`rush: ${BIDDERS} × ${MB} MB, deadline in ${window} s`);
    const cpuBefore = cpuNow(server);
    const runBig = await rush(server, world, big.sectionId, preparedBig);
    const cpuBig = cpuSince(server, cpuBefore);
    const memBig = server.memory();
    await server.stop();
    server = await startServerProcess(world.serverEnv());
    await warmUp(1);
    await world.setDeadline(small.sectionId, new Date(Date.now() + window * 1000));
    progress(`rush: ${BIDDERS} × ${SMALL_MB} MB`);
    const cpuSmallBefore = cpuNow(server);
    const runSmall = await rush(server, world, small.sectionId, preparedSmall);
    const cpuSmall = cpuSince(server, cpuSmallBefore);
    const memSmall = server.memory();

    progress('checking: accepted once, receipts');
    const problems: string[] = [];
    let verified = 0;
    for (const [run, sectionId, prepared] of [
      [runBig, big.sectionId, preparedBig],
      [runSmall, small.sectionId, preparedSmall],
    ] as const) {
      for (const o of run.outcomes) if (o.status !== 201) problems.push(`bidder ${o.index}: ${o.status} ${o.body.slice(0, 200)}`);
      const ok = run.outcomes.filter((o) => o.receipt);
      const bidIds = new Set(ok.map((o) => o.receipt!.receipt.bidId));
      if (bidIds.size !== ok.length) problems.push(`${ok.length - bidIds.size} bid ids repeat`);
      const failures = ok.flatMap((o) => receiptFailures(o.receipt!, keyPem).map((f) => `bidder ${o.index}: ${f}`));
      problems.push(...failures.slice(0, 20));
      verified += ok.length - new Set(failures.map((f) => f.split(':')[0])).size;
      // Each bidder holds exactly one bid in the section, the one its receipt names.
      const views = await pool(world.bidders, 16, (b) => getJson<BidView[]>(`${server!.url}/api/v1/bids/mine`, b.cookie));
      views.forEach((v, i) => {
        const mine = v.filter((x) => x.sectionId === sectionId);
        const receipt = run.outcomes[i]?.receipt;
        if (mine.length !== 1 || mine[0]!.id !== receipt?.receipt.bidId)
          problems.push(`bidder ${i}: ${mine.length} bids in the section`);
      });
      // And in the database: one bid row per bidder, no more.
      const stored = await world.withDb(
        async (database) =>
          (
            await sql<{
              bids: number;
              entities: number;
            }>`SELECT count(*)::int AS bids, count(DISTINCT entity_id)::int AS entities FROM bidding.bid WHERE section_id = ${sectionId}`.execute(
              database.db,
            )
          ).rows[0]!,
      );
      if (stored.bids !== prepared.length || stored.entities !== prepared.length)
        problems.push(`section stores ${stored.bids} bids of ${stored.entities} entities`);
    }

    const layer = await layerCost(server, world.bidders[0]!.cookie);
    const latencies = runBig.outcomes.filter((o) => o.receipt).map((o) => o.answeredAt - o.lastByteAt);
    const rateBig = bytesBig / runBig.seconds;
    const rateBase = bytesBig / base.seconds;
    say('');
    say(
      `bids accepted                     ${runBig.outcomes.filter((o) => o.receipt).length} of ${BIDDERS} (${MB} MB), ${runSmall.outcomes.filter((o) => o.receipt).length} of ${BIDDERS} (${SMALL_MB} MB); each exactly once: ${problems.length === 0 ? 'yes' : 'NO'}`,
    );
    say(
      `receipts verified                 ${verified} of ${runBig.outcomes.length + runSmall.outcomes.length} (signature, commitment, log inclusion, timestamp)`,
    );
    for (const p of problems.slice(0, 20)) say(`  problem: ${p}`);
    say(
      `sealed bytes                      ${(bytesBig / 1e9).toFixed(2)} GB in ${runBig.seconds.toFixed(1)} s (uploads and submissions, deadline window ${window} s)`,
    );
    say(`  bare Node sink, same bytes      ${base.seconds.toFixed(1)} s, ${base.cpu.toFixed(1)} CPU-s (the platform's server: ${cpuBig.server.toFixed(1)})`);
    say(
      `  the sink hashing with SM3       ${(bytesReference / hashed.seconds / M).toFixed(0)} MB/s against the bare sink's ${(bytesReference / bareReference.seconds / M).toFixed(0)} MB/s on ${referenceSet.length} bidders' bytes (the hash the platform must compute: the ceiling it leaves is ${pct(bareReference.seconds / hashed.seconds)} of the bare sink; the platform reaches ${pct(rateBig / (bytesReference / hashed.seconds))} of this reference)`,
    );
    say(
      `last byte → receipt               p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p99 ${quantile(latencies, 0.99).toFixed(0)} ms`,
    );
    say(
      `server peak RSS                   ${mib(memBig.peak)} at ${MB} MB per bid, ${mib(memSmall.peak)} at ${SMALL_MB} MB (target < 512 MiB, flat); at start ${mib(memIdle.rss)}; bare sink ${mib(base.peak)}`,
    );
    say(
      `platform layer per request        bare node:http ${layer.bare.toFixed(2)} ms, public route (limits, guard) ${layer.pub.toFixed(2)} ms, signed-in route GET /api/v1/me (session, access) ${layer.signedIn.toFixed(2)} ms (p50, sequential)`,
    );
    say(`CPU in the rush (${cpus().length} cores)     ${cpuText(cpuBig)}`);
    say(`  ${BIDDERS} × ${SMALL_MB} MB: ${(bytesSmall / 1e9).toFixed(2)} GB in ${runSmall.seconds.toFixed(1)} s; CPU ${cpuText(cpuSmall)}`);
    say(
      `throughput ${(rateBig / M).toFixed(0)} MB/s vs bare sink ${(rateBase / M).toFixed(0)} MB/s: ratio ${pct(rateBig / rateBase)} (target ≥ 70 %)`,
    );
  } finally {
    await server?.stop();
    await world.destroy();
  }
}

await main();
