/**
 * The bid manifest: which parts make up a bid, with sizes and hashes of plaintext and sealed bytes,
 * signed by the bidder (canonical JSON signature). It is what the submission receipt refers to and
 * what opening checks every part against.
 */
import { CryptoError } from '../errors.ts';
import type { PrivateKey, PublicKey } from '../keys/key-types.ts';
import { signJson, verifyJson, type JsonSignature } from '../sig/json-signature.ts';
import { suiteForKey, type SuiteId } from '../suite/suite.ts';
import type { PartDigest, PartHeader } from './format.ts';

export const MANIFEST_FORMAT = 'bidhall-bid-manifest/1';

export interface ManifestPart {
  partId: string;
  name: string;
  role: 'bidSummary' | 'file';
  size: number;
  plaintextHash: string;
  ciphertextSize: number;
  ciphertextHash: string;
  /** The tender document's part key this file answers (commercial, technical …); absent for the bidSummary. */
  partKey?: string;
  /** Media type of the plaintext (application/pdf …), as the tool saw it. */
  mediaType?: string;
}

/** The document version a bid answers (a clarification after sealing asks the bidder to confirm or replace). */
export interface ManifestDocument {
  id: string;
  version: number;
  contentSm3: string;
}

/** The bid bond the bidder relies on: a deposit or an e-guarantee with its reference. */
export interface ManifestBond {
  form: 'deposit' | 'guarantee';
  reference?: string;
}

/** Collusion screening later: hashes of device identifiers and file metadata, never the identifiers. */
export interface PreparationFingerprint {
  tool: 'web' | 'cli';
  toolVersion: string;
  deviceHash: string;
  fileMetaHashes: string[];
}

export interface BidManifest {
  format: typeof MANIFEST_FORMAT;
  sectionId: string;
  bidderId: string;
  /** ISO 8601 UTC, from the bidder tool's clock (the server's receipt carries the trusted time). */
  createdAt: string;
  suite: SuiteId;
  hashAlg: 'sm3' | 'sha256';
  parts: ManifestPart[];
  document?: ManifestDocument;
  bond?: ManifestBond;
  preparation?: PreparationFingerprint;
}

export interface SignedManifest {
  manifest: BidManifest;
  signature: JsonSignature;
}

export function manifestPart(header: PartHeader, digest: PartDigest, role: ManifestPart['role'] = header.name === 'bidSummary' ? 'bidSummary' : 'file'): ManifestPart {
  return {
    partId: header.partId,
    name: header.name,
    role,
    size: digest.size,
    plaintextHash: digest.plaintextHash,
    ciphertextSize: digest.ciphertextSize,
    ciphertextHash: digest.ciphertextHash,
  };
}

export function buildManifest(p: {
  sectionId: string;
  bidderId: string;
  createdAt: Date;
  suite: SuiteId;
  parts: ManifestPart[];
  document?: ManifestDocument;
  bond?: ManifestBond;
  preparation?: PreparationFingerprint;
}): BidManifest {
  const names = new Set<string>();
  for (const part of p.parts) {
    if (names.has(part.name)) throw new CryptoError('MALFORMED_INPUT', `part name ${part.name} appears twice`);
    names.add(part.name);
  }
  return {
    format: MANIFEST_FORMAT,
    sectionId: p.sectionId,
    bidderId: p.bidderId,
    createdAt: p.createdAt.toISOString(),
    suite: p.suite,
    hashAlg: p.suite === 'gm' ? 'sm3' : 'sha256',
    parts: p.parts,
    ...(p.document ? { document: p.document } : {}),
    ...(p.bond ? { bond: p.bond } : {}),
    ...(p.preparation ? { preparation: p.preparation } : {}),
  };
}

export function signManifest(manifest: BidManifest, bidderKey: PrivateKey): SignedManifest {
  if (suiteForKey(bidderKey).id !== manifest.suite) throw new CryptoError('UNSUPPORTED_ALGORITHM', `manifest suite ${manifest.suite} differs from the key's`);
  return { manifest, signature: signJson(manifest, bidderKey) };
}

export function verifyManifest(signed: SignedManifest, bidderKey: PublicKey): BidManifest {
  if (signed.manifest?.format !== MANIFEST_FORMAT) throw new CryptoError('UNSUPPORTED_ALGORITHM', 'not a bidhall bid manifest');
  if (!verifyJson(signed.manifest, signed.signature, bidderKey)) throw new CryptoError('BAD_SIGNATURE', "the manifest is not signed by this bidder's key");
  return signed.manifest;
}

/** The manifest entry a sealed part must match, by its part id. */
export function expectedPart(manifest: BidManifest, header: PartHeader): ManifestPart {
  const part = manifest.parts.find((p) => p.partId === header.partId);
  if (!part || part.name !== header.name) throw new CryptoError('ENVELOPE_TAMPERED', `part ${header.name} is not listed in the signed manifest`);
  return part;
}
