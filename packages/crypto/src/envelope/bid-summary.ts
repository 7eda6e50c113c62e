/**
 * The bidSummary (the small structured part read out at opening: price, duration, quality …) is
 * sealed on its own so opening is instant; bulk files stream afterwards. Browser-safe.
 */
import { CryptoError } from '../errors.ts';
import { canonicalJson } from '../sig/json-signature.ts';
import { fromUtf8 } from '../util/bytes.ts';
import type { PartDigest, PartHeader } from './format.ts';
import type { UnsealExpectations } from './chunks.ts';
import { sealBytes, unsealBytes, type KeySource, type SealOptions } from './part.ts';

export const BID_SUMMARY_PART = 'bidSummary';

export interface SealedBidSummary {
  header: PartHeader;
  /** The sealed part bytes (container header and one or more chunks). */
  sealed: Uint8Array;
  digest: PartDigest;
}

export async function sealBidSummary(summary: unknown, opts: Omit<SealOptions, 'name'>): Promise<SealedBidSummary> {
  return sealBytes(canonicalJson(summary), { ...opts, name: BID_SUMMARY_PART });
}

export async function unsealBidSummary(sealed: Uint8Array, keys: KeySource, expect: UnsealExpectations = {}): Promise<{ summary: unknown; header: PartHeader; digest: PartDigest }> {
  const { header, plaintext, digest } = await unsealBytes(sealed, keys, expect);
  if (header.name !== BID_SUMMARY_PART) throw new CryptoError('ENVELOPE_TAMPERED', `expected the bidSummary part, got ${header.name}`);
  let summary: unknown;
  try {
    summary = JSON.parse(fromUtf8(plaintext));
  } catch (err) {
    throw new CryptoError('ENVELOPE_TAMPERED', 'bidSummary is not JSON', { cause: err });
  }
  return { summary, header, digest };
}
