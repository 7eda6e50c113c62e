/**
 * X.509 certificate parsing. The outer structure and every raw slice a signature covers are taken
 * with our strict DER reader (so the bytes verified are the bytes received); field values are decoded
 * with @peculiar/asn1-x509. Any malformed input ends in a CryptoError, never a crash.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  ExtendedKeyUsage,
  KeyUsage,
  SubjectKeyIdentifier,
  Time,
} from '@peculiar/asn1-x509';
import { CryptoError, guard } from '../errors.ts';
import { TAG, children, parseDer, readBitStringBytes, readOid, readSmallInteger, readTlv, sequence, type Tlv } from '../asn1/der.ts';
import { assertStrictDer } from '../asn1/der-walk.ts';
import { OID } from '../asn1/oids.ts';
import { sm3 } from '../hash/hash.ts';
import { readEcAlgorithm, publicKeyFromPoint } from '../keys/pkcs8.ts';
import type { PublicKey } from '../keys/key-types.ts';
import { toArrayBuffer, toHex } from '../util/bytes.ts';
import { decodePemAll, looksLikePem } from '../util/pem.ts';
import { decodeName, type DistinguishedName } from './name.ts';

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

export type CertKeyAlg = 'sm2' | 'p256' | 'p384' | 'rsa' | 'other';

export interface AlgorithmId {
  oid: string;
  /** Raw DER of the parameters, if any. */
  params?: Uint8Array;
}

export interface Certificate {
  der: Uint8Array;
  /** The exact TBSCertificate bytes the issuer signed. */
  tbs: Uint8Array;
  signatureAlgorithm: AlgorithmId;
  signature: Uint8Array;
  version: number;
  /** Lower-case hex of the serial's value bytes (no sign padding). */
  serialNumber: string;
  issuer: DistinguishedName;
  subject: DistinguishedName;
  notBefore: Date;
  notAfter: Date;
  /** SubjectPublicKeyInfo DER. */
  spki: Uint8Array;
  keyAlg: CertKeyAlg;
  /** The key as this package uses it, for SM2 and P-256 keys. */
  publicKey?: PublicKey;
  basicConstraints?: { ca: boolean; pathLen?: number };
  keyUsage?: Set<KeyUsageName>;
  extKeyUsage?: string[];
  subjectKeyId?: string;
  authorityKeyId?: string;
  /** OCSP responders the certificate names (authority information access, id-ad-ocsp, URIs). */
  ocspUrls?: string[];
  /** Critical extensions this parser does not understand (RFC 5280: such a certificate must be refused). */
  unknownCriticalExtensions: string[];
  /** Hex SM3 of the whole certificate. */
  fingerprint: string;
}

const KNOWN_EXTENSIONS = new Set<string>([
  OID.basicConstraints,
  OID.keyUsage,
  OID.extKeyUsage,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  '2.5.29.17', // subjectAltName
  '2.5.29.18', // issuerAltName
  '2.5.29.31', // CRL distribution points
  '2.5.29.32', // certificate policies
  '1.3.6.1.5.5.7.1.1', // authority information access
]);

function malformed(reason: string): never {
  throw new CryptoError('MALFORMED_DER', reason);
}

const AUTHORITY_INFO_ACCESS = '1.3.6.1.5.5.7.1.1';
const AD_OCSP = '1.3.6.1.5.5.7.48.1';
const GENERAL_NAME_URI = 0x86;

/** The id-ad-ocsp URIs of an AuthorityInfoAccessSyntax (RFC 5280 §4.2.2.1); other locations are ignored. */
function ocspUrlsOf(value: Uint8Array): string[] {
  const urls: string[] = [];
  for (const description of sequence(parseDer(value), 1, 20)) {
    const [method, location] = sequence(description, 2);
    if (readOid(method!) === AD_OCSP && location!.tag === GENERAL_NAME_URI) urls.push(new TextDecoder('utf-8', { fatal: false }).decode(location!.value));
  }
  return urls;
}

export function readAlgorithmId(tlv: Tlv): AlgorithmId {
  const items = sequence(tlv, 1, 2);
  const oid = readOid(items[0]!);
  const p = items[1];
  return p && !(p.tag === TAG.NULL && p.value.length === 0) ? { oid, params: p.raw } : { oid };
}

/** Serial numbers are compared as hex of their magnitude; a CA's leading 00 sign byte is dropped. */
export function readSerial(tlv: Tlv): string {
  if (tlv.tag !== TAG.INTEGER || tlv.value.length === 0) malformed('serial number is not an INTEGER');
  let v = tlv.value;
  while (v.length > 1 && v[0] === 0) v = v.subarray(1);
  return toHex(v);
}

export function readTime(tlv: Tlv): Date {
  if (tlv.tag !== TAG.UTC_TIME && tlv.tag !== TAG.GENERALIZED_TIME) malformed('expected a UTCTime or GeneralizedTime');
  const t = guard('MALFORMED_DER', 'time value cannot be decoded', () => AsnConvert.parse(toArrayBuffer(tlv.raw), Time).getTime());
  if (Number.isNaN(t.getTime())) malformed('time value is not a valid date');
  return t;
}

function keyOf(spki: Tlv): { keyAlg: CertKeyAlg; publicKey?: PublicKey } {
  const [alg, bits] = sequence(spki, 2);
  const algId = readAlgorithmId(alg!);
  if (algId.oid === OID.rsaEncryption) return { keyAlg: 'rsa' };
  if (algId.oid === OID.ecPublicKey || algId.oid === OID.sm2) {
    if (algId.params && readOidSafe(algId.params) === OID.p384) return { keyAlg: 'p384' };
    try {
      const keyAlg = readEcAlgorithm(alg!);
      return { keyAlg, publicKey: publicKeyFromPoint(keyAlg, readBitStringBytes(bits!)) };
    } catch (err) {
      if (err instanceof CryptoError && err.code === 'UNSUPPORTED_ALGORITHM') return { keyAlg: 'other' };
      throw err;
    }
  }
  return { keyAlg: 'other' };
}

function readOidSafe(der: Uint8Array): string | undefined {
  try {
    return readOid(readTlv(der).tlv);
  } catch {
    return undefined;
  }
}

const KU_BITS: KeyUsageName[] = [
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

function parseExtensions(tlv: Tlv, cert: Partial<Certificate>): void {
  const seen = new Set<string>();
  cert.unknownCriticalExtensions = [];
  for (const ext of sequence(tlv, 1, 1000)) {
    const items = sequence(ext, 2, 3);
    const oid = readOid(items[0]!);
    if (seen.has(oid)) malformed(`extension ${oid} appears twice`);
    seen.add(oid);
    const critical = items.length === 3 && items[1]!.tag === TAG.BOOLEAN && items[1]!.value[0] === 0xff;
    const valueTlv = items[items.length - 1]!;
    if (valueTlv.tag !== TAG.OCTET_STRING) malformed(`extension ${oid} value is not an OCTET STRING`);
    const value = toArrayBuffer(valueTlv.value);
    const decode = <T>(what: string, fn: () => T): T => guard('MALFORMED_DER', `${what} extension cannot be decoded`, fn);
    switch (oid) {
      case OID.basicConstraints: {
        const bc = decode('basicConstraints', () => AsnConvert.parse(value, BasicConstraints));
        cert.basicConstraints = bc.pathLenConstraint === undefined ? { ca: bc.cA } : { ca: bc.cA, pathLen: bc.pathLenConstraint };
        break;
      }
      case OID.keyUsage: {
        const ku = decode('keyUsage', () => AsnConvert.parse(value, KeyUsage));
        const flags = ku.toNumber();
        cert.keyUsage = new Set(KU_BITS.filter((_, i) => (flags & (1 << i)) !== 0));
        break;
      }
      case OID.extKeyUsage:
        cert.extKeyUsage = [...decode('extKeyUsage', () => AsnConvert.parse(value, ExtendedKeyUsage))];
        break;
      case OID.subjectKeyIdentifier:
        cert.subjectKeyId = toHex(new Uint8Array(decode('subjectKeyIdentifier', () => AsnConvert.parse(value, SubjectKeyIdentifier)).buffer));
        break;
      case OID.authorityKeyIdentifier: {
        const aki = decode('authorityKeyIdentifier', () => AsnConvert.parse(value, AuthorityKeyIdentifier));
        if (aki.keyIdentifier) cert.authorityKeyId = toHex(new Uint8Array(aki.keyIdentifier.buffer));
        break;
      }
      case AUTHORITY_INFO_ACCESS: {
        const urls = ocspUrlsOf(valueTlv.value);
        if (urls.length) cert.ocspUrls = urls;
        break;
      }
      default:
        if (critical && !KNOWN_EXTENSIONS.has(oid)) cert.unknownCriticalExtensions.push(oid);
    }
  }
}

/** Parses one certificate from DER bytes or PEM text. */
export function parseCertificate(input: Uint8Array | string): Certificate {
  const der = typeof input === 'string' || looksLikePem(input) ? pemCertificates(input)[0]! : input;
  const root = assertStrictDer(der);
  const [tbsTlv, sigAlgTlv, sigTlv] = sequence(root, 3);
  const signatureAlgorithm = readAlgorithmId(sigAlgTlv!);
  const signature = readBitStringBytes(sigTlv!);
  const fields = sequence(tbsTlv!, 6, 10);
  let i = 0;
  let version = 1;
  if (fields[0]!.tag === 0xa0) {
    version = readSmallInteger(children(fields[0]!)[0] ?? malformed('empty version')) + 1;
    i++;
  }
  const serialNumber = readSerial(fields[i++]!);
  const innerAlg = readAlgorithmId(fields[i++]!);
  if (innerAlg.oid !== signatureAlgorithm.oid) malformed('inner and outer signature algorithms differ');
  const issuer = decodeName(fields[i++]!.raw);
  const validity = sequence(fields[i++]!, 2);
  const subject = decodeName(fields[i++]!.raw);
  const spkiTlv = fields[i++];
  if (!spkiTlv) malformed('missing subjectPublicKeyInfo');
  const cert: Partial<Certificate> & { unknownCriticalExtensions: string[] } = {
    der,
    tbs: tbsTlv!.raw,
    signatureAlgorithm,
    signature,
    version,
    serialNumber,
    issuer,
    subject,
    notBefore: readTime(validity[0]!),
    notAfter: readTime(validity[1]!),
    spki: spkiTlv.raw,
    ...keyOf(spkiTlv),
    unknownCriticalExtensions: [],
    fingerprint: toHex(sm3(der)),
  };
  for (const extra of fields.slice(i)) {
    if (extra.tag === 0xa3) {
      if (version !== 3) malformed('extensions in a certificate that is not version 3');
      parseExtensions(children(extra)[0] ?? malformed('empty extensions'), cert);
    } else if (extra.tag !== 0x81 && extra.tag !== 0x82) {
      malformed(`unexpected field 0x${extra.tag.toString(16)} in TBSCertificate`);
    }
  }
  return cert as Certificate;
}

/** DER of every CERTIFICATE block in a PEM text. */
export function pemCertificates(input: Uint8Array | string): Uint8Array[] {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const blocks = decodePemAll(text).filter((b) => b.label === 'CERTIFICATE' || b.label === 'X509 CERTIFICATE');
  if (blocks.length === 0) throw new CryptoError('MALFORMED_PEM', 'no CERTIFICATE block found');
  return blocks.map((b) => b.der);
}

/** Every certificate in a PEM bundle or a single DER certificate. */
export function parseCertificates(input: Uint8Array | string): Certificate[] {
  if (typeof input === 'string' || looksLikePem(input)) return pemCertificates(input).map((d) => parseCertificate(d));
  return [parseCertificate(input)];
}

export function isSelfIssued(cert: Certificate): boolean {
  return cert.issuer.der.length === cert.subject.der.length && cert.issuer.der.every((b, i) => b === cert.subject.der[i]);
}
