/**
 * Who can open a part: its random content key is wrapped (a) to the bidder's own key, and
 * (b) split k-of-n with Shamir's scheme over GF(256) (`shamir-secret-sharing`), each share wrapped to
 * one opening custodian's key. A share's plaintext names the part, the slot and the custodian's key,
 * so a share from the wrong custodian or another envelope is detected, and the recovered key is
 * checked against the header's keyCheck.
 */
import { combine, split } from 'shamir-secret-sharing';
import { CryptoError } from '../errors.ts';
import { hmacSm3 } from '../hash/hash.ts';
import type { PrivateKey, PublicKey } from '../keys/key-types.ts';
import { keyId } from '../keys/key-id.ts';
import { suite as suiteById, type Suite } from '../suite/suite.ts';
import { canonicalJson } from '../sig/json-signature.ts';
import { equalBytes, fromBase64, fromUtf8, toBase64, utf8 } from '../util/bytes.ts';
import type { CustodianShare, PartHeader, WrappedForBidder } from './format.ts';

export interface CustodianKey {
  publicKey: PublicKey;
  label?: string;
}

export interface Recipients {
  /** The bidder's (encryption) key, normally from its certificate. */
  bidder: PublicKey;
  /** Opening custodians (trading centre, supervisor, tenderer …); may be empty. */
  custodians: CustodianKey[];
  /** Shares needed to recover a key (k of n); at least 2 when there are custodians. */
  threshold: number;
}

/** A custodian's share once they have decrypted it with their key: what they hand over at opening. */
export interface OpenedShare {
  partId: string;
  index: number;
  keyId: string;
  /** Base64 of the Shamir share. */
  share: string;
}

const KEY_CHECK_LABEL = utf8('bidhall/v1/key-check');

export function keyCheck(contentKey: Uint8Array, partId: string): string {
  return toBase64(hmacSm3(contentKey, KEY_CHECK_LABEL, utf8(partId)));
}

export async function wrapContentKey(
  s: Suite,
  contentKey: Uint8Array,
  partId: string,
  r: Recipients,
): Promise<Pick<PartHeader, 'keyCheck' | 'bidder' | 'custodians'>> {
  const bidder: WrappedForBidder = { keyId: keyId(r.bidder), wrappedKey: toBase64(await s.wrapKey(r.bidder, contentKey)) };
  const n = r.custodians.length;
  if (n > 0 && (r.threshold < 2 || r.threshold > n || n > 255)) {
    throw new CryptoError('MALFORMED_INPUT', `threshold must be between 2 and the number of custodians (${n})`);
  }
  const shares: CustodianShare[] = [];
  if (n > 0) {
    const raw = await split(contentKey, n, r.threshold);
    for (const [i, c] of r.custodians.entries()) {
      const id = keyId(c.publicKey);
      const plaintext: OpenedShare = { partId, index: i + 1, keyId: id, share: toBase64(raw[i]!) };
      const entry: CustodianShare = { index: i + 1, keyId: id, wrappedShare: toBase64(await s.wrapKey(c.publicKey, canonicalJson(plaintext))) };
      if (c.label !== undefined) entry.label = c.label;
      shares.push(entry);
    }
  }
  return { keyCheck: keyCheck(contentKey, partId), bidder, custodians: { threshold: n > 0 ? r.threshold : 0, shares } };
}

function checkKey(header: PartHeader, key: Uint8Array, what: string): Uint8Array {
  if (key.length !== 32 || !equalBytes(utf8(keyCheck(key, header.partId)), utf8(header.keyCheck))) {
    throw new CryptoError('WRONG_CUSTODIAN', `${what} does not reconstruct the key of part ${header.name}`);
  }
  return key;
}

/** The bidder's own remote decryption at opening. */
export async function unwrapForBidder(header: PartHeader, bidderKey: PrivateKey): Promise<Uint8Array> {
  if (keyId(bidderKey.publicKey) !== header.bidder.keyId) {
    throw new CryptoError('DECRYPT_FAILED', `part ${header.name} is not sealed to this key`);
  }
  const key = await suiteById(header.suite).unwrapKey(bidderKey, fromBase64(header.bidder.wrappedKey));
  return checkKey(header, key, "the bidder's wrapped key");
}

/** A custodian decrypts its share of one part. WRONG_CUSTODIAN when the part has no share for this key. */
export async function openShare(header: PartHeader, custodianKey: PrivateKey): Promise<OpenedShare> {
  const id = keyId(custodianKey.publicKey);
  const slot = header.custodians.shares.find((s) => s.keyId === id);
  if (!slot) throw new CryptoError('WRONG_CUSTODIAN', `part ${header.name} holds no share for custodian key ${id.slice(0, 16)}…`);
  let plaintext: Uint8Array;
  try {
    plaintext = await suiteById(header.suite).unwrapKey(custodianKey, fromBase64(slot.wrappedShare));
  } catch (err) {
    throw new CryptoError('WRONG_CUSTODIAN', `share ${slot.index} of part ${header.name} does not open with this custodian's key`, { cause: err });
  }
  const opened = parseOpenedShare(plaintext);
  if (opened.partId !== header.partId || opened.index !== slot.index || opened.keyId !== id) {
    throw new CryptoError('WRONG_CUSTODIAN', `share ${slot.index} of part ${header.name} was made for another part or custodian`);
  }
  return opened;
}

function parseOpenedShare(bytes: Uint8Array): OpenedShare {
  try {
    const v = JSON.parse(fromUtf8(bytes)) as OpenedShare;
    if (typeof v.partId === 'string' && Number.isInteger(v.index) && typeof v.keyId === 'string' && typeof v.share === 'string') return v;
  } catch {
    // fall through to the error below
  }
  throw new CryptoError('WRONG_CUSTODIAN', 'share plaintext is not a bidhall share');
}

/**
 * Recovers a part's content key from opened shares (k of n). Refuses shares of another part, a
 * share presented for a slot whose custodian key differs (WRONG_CUSTODIAN), duplicates, fewer
 * than k shares (INSUFFICIENT_SHARES), and any combination that does not give the sealed key.
 */
export async function recoverContentKey(header: PartHeader, shares: readonly OpenedShare[]): Promise<Uint8Array> {
  const { threshold } = header.custodians;
  const seen = new Set<number>();
  const raw: Uint8Array[] = [];
  for (const s of shares) {
    const slot = header.custodians.shares[s.index - 1];
    if (s.partId !== header.partId) throw new CryptoError('WRONG_CUSTODIAN', `share ${s.index} belongs to another part`);
    if (!slot || slot.keyId !== s.keyId) throw new CryptoError('WRONG_CUSTODIAN', `share ${s.index} does not come from that slot's custodian`);
    if (seen.has(s.index)) continue;
    seen.add(s.index);
    try {
      raw.push(fromBase64(s.share));
    } catch (err) {
      throw new CryptoError('WRONG_CUSTODIAN', `share ${s.index} is not base64`, { cause: err });
    }
  }
  if (threshold < 2 || raw.length < threshold) {
    throw new CryptoError('INSUFFICIENT_SHARES', `part ${header.name} needs ${threshold} custodian shares, ${raw.length} given`);
  }
  let key: Uint8Array;
  try {
    key = await combine(raw);
  } catch (err) {
    throw new CryptoError('WRONG_CUSTODIAN', 'the shares cannot be combined (altered or mismatched)', { cause: err });
  }
  return checkKey(header, key, 'the custodian shares');
}
