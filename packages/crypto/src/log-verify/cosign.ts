/**
 * A witness's co-signature over a signed tree head: "I, the holder of this key, saw this head at
 * this time, and it extends every head I saw before it". Anyone holding two heads co-signed by the
 * same witness knows the log showed that witness one history; a platform that shows different
 * histories to different parties is caught as soon as their heads are compared.
 */
import { CryptoError } from '../errors.ts';
import { keyId } from '../keys/key-id.ts';
import type { PrivateKey } from '../keys/key-types.ts';
import { publicKeyFromPem, publicKeyToPem } from '../keys/pkcs8.ts';
import type { TreeHead } from '../merkle/tree-head.ts';
import { signJson, verifyJson, type JsonSignature } from '../sig/json-signature.ts';

export const COSIGNATURE_KIND = 'bidhall-log-cosignature/v1';

export interface Cosignature {
  logId: string;
  treeSize: number;
  /** The head's own timestamp (milliseconds), so the co-signature names exactly one signed head. */
  timestamp: number;
  rootHash: string;
  /** When the witness co-signed, milliseconds since the epoch, by its own clock. */
  cosignedAt: number;
  /** The witness's public key; its keyId() identifies the witness. */
  witnessKeyPem: string;
  signature: JsonSignature;
}

function signedPart(c: Omit<Cosignature, 'signature' | 'witnessKeyPem'>) {
  return {
    kind: COSIGNATURE_KIND,
    logId: c.logId,
    treeSize: c.treeSize,
    timestamp: c.timestamp,
    rootHash: c.rootHash,
    cosignedAt: c.cosignedAt,
  };
}

export function cosignTreeHead(head: TreeHead, witnessKey: PrivateKey, at: Date): Cosignature {
  const body = {
    logId: head.logId,
    treeSize: head.treeSize,
    timestamp: head.timestamp,
    rootHash: head.rootHash,
    cosignedAt: at.getTime(),
  };
  return { ...body, witnessKeyPem: publicKeyToPem(witnessKey.publicKey), signature: signJson(signedPart(body), witnessKey) };
}

/** Throws BAD_SIGNATURE (or a parse error) unless the witness key signed this head; returns the witness's keyId. */
export function verifyCosignature(c: Cosignature): string {
  const key = publicKeyFromPem(c.witnessKeyPem);
  if (!verifyJson(signedPart(c), c.signature, key))
    throw new CryptoError('BAD_SIGNATURE', 'the co-signature is not by the key it names');
  return keyId(key);
}

/** True when the co-signature names this very head (same log, size, time and root). */
export function cosignatureNames(c: Cosignature, head: TreeHead): boolean {
  return c.logId === head.logId && c.treeSize === head.treeSize && c.timestamp === head.timestamp && c.rootHash === head.rootHash;
}
