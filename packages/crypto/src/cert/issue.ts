/**
 * Issuing certificates and CRLs programmatically — for tests, `bidhall demo-ca` and fictional demo
 * PKIs. Structures are written with our DER writer, so what is signed is exactly what is emitted.
 */
import {
  TAG,
  derBitString,
  derBoolean,
  derExplicit,
  derInteger,
  derOctetString,
  derOid,
  derSequence,
  derSetOf,
  derTime,
  derNull,
  derTlv,
  derUtf8String,
} from '../asn1/der.ts';
import { OID } from '../asn1/oids.ts';
import { sm3 } from '../hash/hash.ts';
import { bytesToBigInt, concat, utf8 } from '../util/bytes.ts';
import { randomBytes } from '../util/random.ts';
import { parseDer, readBitStringBytes, sequence } from '../asn1/der.ts';
import { parseCertificate, type AlgorithmId, type Certificate, type KeyUsageName } from './certificate.ts';
import { parseCrl, type Crl, type CrlReason, CRL_REASONS } from './crl.ts';
import type { CertSigner } from './signer.ts';

/** Subject attributes in the order they are written (most significant first). */
export interface NameSpec {
  C?: string;
  ST?: string;
  L?: string;
  O?: string;
  OU?: string;
  CN: string;
  /** e.g. a unified social credit code (2.5.4.5 serialNumber). */
  serialNumber?: string;
}

const NAME_OIDS: [keyof NameSpec, string][] = [
  ['C', OID.country],
  ['ST', '2.5.4.8'],
  ['L', '2.5.4.7'],
  ['O', OID.organization],
  ['OU', OID.organizationalUnit],
  ['CN', OID.commonName],
  ['serialNumber', '2.5.4.5'],
];

export function encodeName(spec: NameSpec): Uint8Array {
  const rdns: Uint8Array[] = [];
  for (const [key, oid] of NAME_OIDS) {
    const value = spec[key];
    if (value === undefined) continue;
    // countryName and serialNumber are PrintableString by definition; everything else UTF8String.
    const encoded = key === 'C' || key === 'serialNumber' ? derTlv(TAG.PRINTABLE_STRING, utf8(value)) : derUtf8String(value);
    rdns.push(derSetOf(derSequence(derOid(oid), encoded)));
  }
  return derSequence(...rdns);
}

function algorithmId(alg: AlgorithmId): Uint8Array {
  return alg.params ? derSequence(derOid(alg.oid), alg.params) : derSequence(derOid(alg.oid));
}

const KU_ORDER: KeyUsageName[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

/** KeyUsage as a DER named-bit BIT STRING (trailing zero bits dropped). */
function encodeKeyUsage(usages: KeyUsageName[]): Uint8Array {
  const bits = usages.map((u) => KU_ORDER.indexOf(u));
  const highest = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const b of bits) bytes[b >> 3]! |= 0x80 >> (b & 7);
  const unused = bytes.length * 8 - 1 - highest;
  return derTlv(TAG.BIT_STRING, concat(Uint8Array.of(unused), bytes));
}

function extension(oid: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? derSequence(derOid(oid), derBoolean(true), derOctetString(value)) : derSequence(derOid(oid), derOctetString(value));
}

/** 160-bit key identifier: SM3 of the subjectPublicKey bits, truncated (RFC 5280 §4.2.1.2 allows any method). */
export function keyIdentifier(spki: Uint8Array): Uint8Array {
  const bits = readBitStringBytes(sequence(parseDer(spki), 2)[1]!);
  return sm3(bits).subarray(0, 20);
}

function randomSerial(): bigint {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x40; // positive and always 16 bytes long
  return bytesToBigInt(b);
}

export interface IssueCertificateParams {
  subject: NameSpec;
  /** SubjectPublicKeyInfo DER of the certified key. */
  subjectSpki: Uint8Array;
  /** The issuing CA; omit for a self-signed certificate (then `signer` is the subject's own key). */
  issuer?: Certificate;
  signer: CertSigner;
  notBefore: Date;
  notAfter: Date;
  serial?: bigint;
  /** Makes a CA certificate (basicConstraints CA:TRUE, critical). */
  ca?: { pathLen?: number };
  keyUsage: KeyUsageName[];
  extKeyUsage?: string[];
  /** Names the CA's OCSP responder (authority information access, id-ad-ocsp). */
  ocspUrl?: string;
  /** id-pkix-ocsp-nocheck: for a delegated OCSP responder's own certificate (RFC 6960 §4.2.2.2.1). */
  ocspNoCheck?: boolean;
}

export async function issueCertificate(p: IssueCertificateParams): Promise<Certificate> {
  const subjectName = encodeName(p.subject);
  const issuerName = p.issuer ? p.issuer.subject.der : subjectName;
  const issuerKeyId = keyIdentifier(p.issuer ? p.issuer.spki : p.signer.spki);
  const bc = p.ca
    ? derSequence(derBoolean(true), ...(p.ca.pathLen !== undefined ? [derInteger(p.ca.pathLen)] : []))
    : derSequence();
  const exts = [
    extension(OID.basicConstraints, true, bc),
    extension(OID.keyUsage, true, encodeKeyUsage(p.keyUsage)),
    extension(OID.subjectKeyIdentifier, false, derOctetString(keyIdentifier(p.subjectSpki))),
    extension(OID.authorityKeyIdentifier, false, derSequence(derTlv(0x80, issuerKeyId))),
  ];
  if (p.extKeyUsage?.length) exts.push(extension(OID.extKeyUsage, false, derSequence(...p.extKeyUsage.map(derOid))));
  if (p.ocspUrl) {
    // AccessDescription { id-ad-ocsp, uniformResourceIdentifier [6] IA5String }
    exts.push(extension('1.3.6.1.5.5.7.1.1', false, derSequence(derSequence(derOid('1.3.6.1.5.5.7.48.1'), derTlv(0x86, utf8(p.ocspUrl))))));
  }
  if (p.ocspNoCheck) exts.push(extension('1.3.6.1.5.5.7.48.1.5', false, derNull()));
  const tbs = derSequence(
    derExplicit(0, derInteger(2)),
    derInteger(p.serial ?? randomSerial()),
    algorithmId(p.signer.algorithm),
    issuerName,
    derSequence(derTime(p.notBefore), derTime(p.notAfter)),
    subjectName,
    p.subjectSpki,
    derExplicit(3, derSequence(...exts)),
  );
  const signature = await p.signer.sign(tbs);
  return parseCertificate(derSequence(tbs, algorithmId(p.signer.algorithm), derBitString(signature)));
}

export interface IssueCrlParams {
  issuer: Certificate;
  signer: CertSigner;
  thisUpdate: Date;
  nextUpdate: Date;
  revoked: { serialNumber: string; revocationDate: Date; reason?: CrlReason }[];
  crlNumber?: number;
}

export async function issueCrl(p: IssueCrlParams): Promise<Crl> {
  const entries = p.revoked.map((r) => {
    const serial = derInteger(BigInt(`0x${r.serialNumber}`));
    const fields = [serial, derTime(r.revocationDate)];
    if (r.reason) {
      const reasonCode = derTlv(0x0a, Uint8Array.of(CRL_REASONS.indexOf(r.reason)));
      fields.push(derSequence(extension(OID.crlReason, false, reasonCode)));
    }
    return derSequence(...fields);
  });
  const tbs = derSequence(
    derInteger(1),
    algorithmId(p.signer.algorithm),
    p.issuer.subject.der,
    derTime(p.thisUpdate),
    derTime(p.nextUpdate),
    ...(entries.length ? [derSequence(...entries)] : []),
    derExplicit(
      0,
      derSequence(
        extension(OID.authorityKeyIdentifier, false, derSequence(derTlv(0x80, keyIdentifier(p.issuer.spki)))),
        extension(OID.crlNumber, false, derInteger(p.crlNumber ?? 1)),
      ),
    ),
  );
  const signature = await p.signer.sign(tbs);
  return parseCrl(derSequence(tbs, algorithmId(p.signer.algorithm), derBitString(signature)));
}
