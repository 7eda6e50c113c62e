/** Signed tree heads: (size, timestamp, root) signed by the platform's SM2 key over canonical JSON. */
import { CryptoError } from '../errors.ts';
import type { PrivateKey, PublicKey } from '../keys/key-types.ts';
import { signJson, verifyJson, type JsonSignature } from '../sig/json-signature.ts';
import { fromHex, toHex } from '../util/bytes.ts';

export interface TreeHead {
  /** Log identifier (one log per platform deployment, or per section). */
  logId: string;
  treeSize: number;
  /** Milliseconds since the epoch, UTC, from the platform clock. */
  timestamp: number;
  /** Hex SM3 root (MTH). */
  rootHash: string;
}

export interface SignedTreeHead extends TreeHead {
  signature: JsonSignature;
}

export function makeTreeHead(logId: string, treeSize: number, timestamp: Date, root: Uint8Array): TreeHead {
  return { logId, treeSize, timestamp: timestamp.getTime(), rootHash: toHex(root) };
}

function headOnly(h: TreeHead): TreeHead {
  return { logId: h.logId, treeSize: h.treeSize, timestamp: h.timestamp, rootHash: h.rootHash };
}

export function signTreeHead(head: TreeHead, key: PrivateKey): SignedTreeHead {
  return { ...headOnly(head), signature: signJson(headOnly(head), key) };
}

/** Throws BAD_SIGNATURE unless the head is signed by `key`; returns the root as bytes. */
export function verifyTreeHead(sth: SignedTreeHead, key: PublicKey): Uint8Array {
  if (!Number.isSafeInteger(sth.treeSize) || sth.treeSize < 0 || !/^[0-9a-f]{64}$/.test(sth.rootHash)) {
    throw new CryptoError('MALFORMED_INPUT', 'tree head has a bad size or root');
  }
  if (!verifyJson(headOnly(sth), sth.signature, key)) throw new CryptoError('BAD_SIGNATURE', 'tree head is not signed by the log key');
  return fromHex(sth.rootHash);
}
