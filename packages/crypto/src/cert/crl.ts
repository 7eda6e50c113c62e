/** Certificate revocation lists (RFC 5280 §5): strict parsing and signature verification. */
import { CryptoError } from '../errors.ts';
import { TAG, children, readBitStringBytes, readOid, readTlv, sequence, type Tlv } from '../asn1/der.ts';
import { assertStrictDer } from '../asn1/der-walk.ts';
import { OID } from '../asn1/oids.ts';
import { decodePemAll, looksLikePem } from '../util/pem.ts';
import { readAlgorithmId, readSerial, readTime, type AlgorithmId, type Certificate } from './certificate.ts';
import { decodeName, sameName, type DistinguishedName } from './name.ts';
import { verifySignedBytes } from './verify-signature.ts';

export const CRL_REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'unused7',
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
] as const;
export type CrlReason = (typeof CRL_REASONS)[number];

export interface RevokedEntry {
  serialNumber: string;
  revocationDate: Date;
  reason?: CrlReason;
}

export interface Crl {
  der: Uint8Array;
  tbs: Uint8Array;
  signatureAlgorithm: AlgorithmId;
  signature: Uint8Array;
  issuer: DistinguishedName;
  thisUpdate: Date;
  nextUpdate?: Date;
  /** Keyed by lower-case hex serial. */
  revoked: Map<string, RevokedEntry>;
}

function malformed(reason: string): never {
  throw new CryptoError('MALFORMED_DER', reason);
}

function entryReason(exts: Tlv | undefined): CrlReason | undefined {
  if (!exts) return undefined;
  for (const ext of sequence(exts, 0, 100)) {
    const items = sequence(ext, 2, 3);
    if (readOid(items[0]!) !== OID.crlReason) continue;
    const inner = readTlv(items[items.length - 1]!.value).tlv;
    if (inner.tag !== 0x0a || inner.value.length !== 1) malformed('CRL reason is not an ENUMERATED');
    return CRL_REASONS[inner.value[0]!] ?? 'unspecified';
  }
  return undefined;
}

export function parseCrl(input: Uint8Array | string): Crl {
  let der: Uint8Array;
  if (typeof input === 'string' || looksLikePem(input)) {
    const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
    const block = decodePemAll(text).find((b) => b.label === 'X509 CRL');
    if (!block) throw new CryptoError('MALFORMED_PEM', 'no X509 CRL block found');
    der = block.der;
  } else {
    der = input;
  }
  const [tbsTlv, algTlv, sigTlv] = sequence(assertStrictDer(der), 3);
  const fields = sequence(tbsTlv!, 3, 7);
  let i = 0;
  if (fields[0]!.tag === TAG.INTEGER) i++;
  const innerAlg = readAlgorithmId(fields[i++]!);
  const signatureAlgorithm = readAlgorithmId(algTlv!);
  if (innerAlg.oid !== signatureAlgorithm.oid) malformed('inner and outer CRL signature algorithms differ');
  const issuer = decodeName(fields[i++]!.raw);
  const thisUpdate = readTime(fields[i++]!);
  let nextUpdate: Date | undefined;
  const next = fields[i];
  if (next && (next.tag === TAG.UTC_TIME || next.tag === TAG.GENERALIZED_TIME)) {
    nextUpdate = readTime(next);
    i++;
  }
  const revoked = new Map<string, RevokedEntry>();
  const list = fields[i];
  if (list && list.tag === TAG.SEQUENCE) {
    for (const entry of children(list)) {
      const [serial, date, exts] = sequence(entry, 2, 3);
      const e: RevokedEntry = { serialNumber: readSerial(serial!), revocationDate: readTime(date!) };
      const reason = entryReason(exts);
      if (reason) e.reason = reason;
      revoked.set(e.serialNumber, e);
    }
    i++;
  }
  for (const extra of fields.slice(i)) if (extra.tag !== 0xa0) malformed('unexpected field in TBSCertList');
  const crl: Crl = { der, tbs: tbsTlv!.raw, signatureAlgorithm, signature: readBitStringBytes(sigTlv!), issuer, thisUpdate, revoked };
  if (nextUpdate) crl.nextUpdate = nextUpdate;
  return crl;
}

/**
 * Checks that `crl` was issued and signed by `issuer` and is not stale at `at`. Throws
 * CRL_BAD_SIGNATURE or CRL_EXPIRED; returns nothing when the CRL can be relied on.
 */
export async function verifyCrl(crl: Crl, issuer: Certificate, at: Date): Promise<void> {
  if (!sameName(crl.issuer, issuer.subject)) throw new CryptoError('CRL_BAD_SIGNATURE', `CRL issuer ${crl.issuer.text} is not ${issuer.subject.text}`);
  if (issuer.keyUsage && !issuer.keyUsage.has('cRLSign')) throw new CryptoError('CRL_BAD_SIGNATURE', `${issuer.subject.text} may not sign CRLs (no cRLSign key usage)`);
  if (!(await verifySignedBytes(issuer, crl.signatureAlgorithm, crl.tbs, crl.signature))) {
    throw new CryptoError('CRL_BAD_SIGNATURE', `CRL signature does not verify with the key of ${issuer.subject.text}`);
  }
  // A CRL issued after `at` is still authoritative about revocations before `at` (validating a
  // signature made in the past against today's CRL), so only staleness is refused.
  if (crl.nextUpdate && crl.nextUpdate.getTime() < at.getTime()) {
    throw new CryptoError('CRL_EXPIRED', `CRL of ${crl.issuer.text} is stale (nextUpdate ${crl.nextUpdate.toISOString()})`);
  }
}
