/**
 * Worker thread of the benchmark's untimed preparation: for each bidder, the envelope-shaped parts
 * (real headers, SM3 over every byte), the bidSummary sealed for real, and the manifest signed with
 * the bidder's key. Two of these keep both cores busy.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BiddingRequirements } from '@bidhall/contracts';
import { manifestPart, privateKeyFromPem, sealBidSummary } from '@bidhall/crypto';
import { recipientsFor, signBidManifest, type SealedPart } from '../../tests/reliability/bid-client.ts';
import { sealHeader, shapePart } from './envelope-shaped.ts';

export interface PrepareJob {
  index: number;
  entityId: string;
  keyPem: string;
  /** The same parts at one size per target section (the names and keys alike, the sizes differ). */
  targets: { key: string; name: string; mediaType: string; size: number }[][];
  summary: Record<string, unknown>;
}

export interface PreparedBid {
  index: number;
  /** Which of the job's targets this bid is for. */
  target: number;
  summary: { partId: string; name: string; sealed: Uint8Array };
  files: {
    partId: string;
    name: string;
    frame: Uint8Array;
    plaintextSize: number;
    seed: number;
    chunkSize: number;
    ciphertextSize: number;
  }[];
  signedManifest: unknown;
}

const { requirements, jobs } = workerData as { requirements: BiddingRequirements[]; jobs: PrepareJob[] };
/**
 * The sealing (a content key wrapped to the bidder and each custodian, in pure-JS SM2) is most of the
 * preparation. When every target section seals to the same custodians, a bidder's bidSummary and part
 * headers are sealed once and sent to each section: the server checks each bid on its own and a part
 * id need only be unique within a bid. Otherwise each target is sealed apart.
 */
const sameRecipients = requirements.every((r) => JSON.stringify(r.sealing) === JSON.stringify(requirements[0]!.sealing));
for (const job of jobs) {
  const key = privateKeyFromPem(job.keyPem);
  let sealedFor: {
    summary: Awaited<ReturnType<typeof sealBidSummary>>;
    headers: Map<string, Awaited<ReturnType<typeof sealHeader>>>;
  } | null = null;
  for (const [target, files] of job.targets.entries()) {
    const req = requirements[target]!;
    const recipients = recipientsFor(req, key);
    if (!sealedFor || !sameRecipients)
      sealedFor = { summary: await sealBidSummary(job.summary, { recipients }), headers: new Map() };
    const summary = sealedFor.summary;
    const parts: SealedPart['part'][] = [manifestPart(summary.header, summary.digest, 'bidSummary')];
    const out: PreparedBid['files'] = [];
    for (const [k, f] of files.entries()) {
      const header = sealedFor.headers.get(f.key) ?? (await sealHeader(f.name, recipients));
      sealedFor.headers.set(f.key, header);
      const shaped = shapePart(header, f.size, job.index * 7 + k);
      out.push({
        partId: shaped.header.partId,
        name: f.name,
        frame: shaped.frame,
        plaintextSize: f.size,
        seed: shaped.seed,
        chunkSize: shaped.header.chunkSize,
        ciphertextSize: shaped.ciphertextSize,
      });
      parts.push({
        partId: shaped.header.partId,
        name: f.name,
        role: 'file',
        size: f.size,
        // The plaintext is never made: its hash stands for the one the bidder's tool would compute.
        plaintextHash: shaped.ciphertextHash,
        ciphertextSize: shaped.ciphertextSize,
        ciphertextHash: shaped.ciphertextHash,
        partKey: f.key,
        mediaType: f.mediaType,
      });
    }
    const signedManifest = signBidManifest(req, { entityId: job.entityId, key }, parts);
    const bid: PreparedBid = {
      index: job.index,
      target,
      summary: { partId: summary.header.partId, name: summary.header.name, sealed: summary.sealed },
      files: out,
      signedManifest,
    };
    parentPort!.postMessage(bid);
  }
}
parentPort!.postMessage('done');
