/**
 * Worker thread of the benchmark's untimed preparation: for each bidder, the envelope-shaped parts
 * (real headers, SM3 over every byte), the bidSummary sealed for real, and the manifest signed with
 * the bidder's key. Two of these keep both cores busy.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BiddingRequirements } from '@bidhall/contracts';
import { manifestPart, privateKeyFromPem, sealBidSummary } from '@bidhall/crypto';
import { recipientsFor, signBidManifest, type SealedPart } from '../../tests/reliability/bid-client.ts';
import { shapePart } from './envelope-shaped.ts';

export interface PrepareJob {
  index: number;
  entityId: string;
  keyPem: string;
  files: { key: string; name: string; mediaType: string; size: number }[];
  summary: Record<string, unknown>;
}

export interface PreparedBid {
  index: number;
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

const { requirements, jobs } = workerData as { requirements: BiddingRequirements; jobs: PrepareJob[] };
for (const job of jobs) {
  const key = privateKeyFromPem(job.keyPem);
  const recipients = recipientsFor(requirements, key);
  const summary = await sealBidSummary(job.summary, { recipients });
  const parts: SealedPart['part'][] = [manifestPart(summary.header, summary.digest, 'bidSummary')];
  const files: PreparedBid['files'] = [];
  for (const [k, f] of job.files.entries()) {
    const shaped = await shapePart(f.name, f.size, job.index * 7 + k, recipients);
    files.push({
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
  const signedManifest = signBidManifest(requirements, { entityId: job.entityId, key }, parts);
  const out: PreparedBid = {
    index: job.index,
    summary: { partId: summary.header.partId, name: summary.header.name, sealed: summary.sealed },
    files,
    signedManifest,
  };
  parentPort!.postMessage(out);
}
parentPort!.postMessage('done');
