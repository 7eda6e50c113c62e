/**
 * OCSP messages (RFC 6960) without network I/O: a request for one certificate, a responder's answer,
 * and the checks that make an answer trustworthy — signed by the issuing CA or by a responder the CA
 * delegated (id-kp-OCSPSigning), about this very certificate, fresh at the instant asked about, and
 * echoing the request's nonce when it carries one (RFC 8954).
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { CryptoError } from '../errors.ts';
import {
  TAG,
  children,
  derBitString,
  derExplicit,
  derInteger,
  derNull,
  derOctetString,
  derOid,
  derSequence,
  derTlv,
  parseDer,
  readBitStringBytes,
  readOctetString,
  readOid,
  readTlv,
  sequence,
  type Tlv,
} from '../asn1/der.ts';
import { assertStrictDer } from '../asn1/der-walk.ts';
import { OID } from '../asn1/oids.ts';
import { sha256, sm3 } from '../hash/hash.ts';
import { concat, equalBytes, utf8 } from '../util/bytes.ts';
import { parseCertificate, readAlgorithmId, readSerial, readTime, type AlgorithmId, type Certificate } from './certificate.ts';
import { CRL_REASONS, type CrlReason } from './crl.ts';
import { decodeName, sameName, type DistinguishedName } from './name.ts';
import type { OcspResult } from './ocsp.ts';
import type { CertSigner } from './signer.ts';
import { verifySignedBytes } from './verify-signature.ts';

export const OCSP_OID = {
  basic: '1.3.6.1.5.5.7.48.1.1',
  nonce: '1.3.6.1.5.5.7.48.1.2',
  noCheck: '1.3.6.1.5.5.7.48.1.5',
  accessMethod: '1.3.6.1.5.5.7.48.1',
  signing: '1.3.6.1.5.5.7.3.9',
  sha1: '1.3.14.3.2.26',
} as const;

const HASHES: Record<string, (data: Uint8Array) => Uint8Array> = {
  [OCSP_OID.sha1]: (d) => sha1(d),
  [OID.sha256]: (d) => sha256(d),
  [OID.sm3]: (d) => sm3(d),
};

export type OcspResponseStatus = 'successful' | 'malformedRequest' | 'internalError' | 'tryLater' | 'sigRequired' | 'unauthorized';
const RESPONSE_STATUS: Record<number, OcspResponseStatus> = {
  0: 'successful',
  1: 'malformedRequest',
  2: 'internalError',
  3: 'tryLater',
  5: 'sigRequired',
  6: 'unauthorized',
};

/** Which certificate a request or answer is about. */
export interface CertId {
  hashAlgorithm: string;
  issuerNameHash: Uint8Array;
  issuerKeyHash: Uint8Array;
  /** Lower-case hex, as Certificate.serialNumber. */
  serialNumber: string;
}

export interface SingleOcspResponse {
  certId: CertId;
  status: 'good' | 'revoked' | 'unknown';
  revokedAt?: Date;
  reason?: CrlReason;
  thisUpdate: Date;
  nextUpdate?: Date;
}

export interface BasicOcspResponse {
  tbs: Uint8Array;
  signatureAlgorithm: AlgorithmId;
  signature: Uint8Array;
  responderId: { byKey: Uint8Array } | { byName: DistinguishedName };
  producedAt: Date;
  responses: SingleOcspResponse[];
  nonce?: Uint8Array;
  certs: Certificate[];
}

export interface OcspResponse {
  responseStatus: OcspResponseStatus;
  basic?: BasicOcspResponse;
}

function malformed(reason: string): never {
  throw new CryptoError('MALFORMED_DER', reason);
}

function invalid(reason: string): never {
  throw new CryptoError('OCSP_INVALID', reason);
}

function publicKeyBits(cert: Pick<Certificate, 'spki'>): Uint8Array {
  return readBitStringBytes(sequence(parseDer(cert.spki), 2)[1]!);
}

/** RFC 6960 §4.2.1: a responder named by key is named by the SHA-1 of its public key bits. */
export function responderKeyHash(cert: Pick<Certificate, 'spki'>): Uint8Array {
  return sha1(publicKeyBits(cert));
}

/** The CertID of `cert` under `issuer`; SHA-1 by default, as every responder understands (RFC 5019). */
export function certIdOf(cert: Certificate, issuer: Certificate, hashAlgorithm: string = OCSP_OID.sha1): CertId {
  const h = HASHES[hashAlgorithm];
  if (!h) throw new CryptoError('UNSUPPORTED_ALGORITHM', `OCSP CertID hash ${hashAlgorithm} is not supported`);
  return { hashAlgorithm, issuerNameHash: h(issuer.subject.der), issuerKeyHash: h(publicKeyBits(issuer)), serialNumber: cert.serialNumber };
}

/** True when `id` names a certificate issued by `issuer` (under whichever hash `id` uses). */
export function certIdIssuedBy(id: CertId, issuer: Certificate): boolean {
  const h = HASHES[id.hashAlgorithm];
  return !!h && equalBytes(h(issuer.subject.der), id.issuerNameHash) && equalBytes(h(publicKeyBits(issuer)), id.issuerKeyHash);
}

function encodeCertId(id: CertId): Uint8Array {
  return derSequence(
    derSequence(derOid(id.hashAlgorithm), derNull()),
    derOctetString(id.issuerNameHash),
    derOctetString(id.issuerKeyHash),
    derInteger(BigInt(`0x${id.serialNumber}`)),
  );
}

function readCertId(tlv: Tlv): CertId {
  const [alg, nameHash, keyHash, serial] = sequence(tlv, 4);
  return {
    hashAlgorithm: readAlgorithmId(alg!).oid,
    issuerNameHash: readOctetString(nameHash!),
    issuerKeyHash: readOctetString(keyHash!),
    serialNumber: readSerial(serial!),
  };
}

function nonceExtension(nonce: Uint8Array): Uint8Array {
  return derSequence(derOid(OCSP_OID.nonce), derOctetString(derOctetString(nonce)));
}

function readNonce(extensions: Tlv | undefined): Uint8Array | undefined {
  if (!extensions) return undefined;
  for (const ext of sequence(extensions, 0, 100)) {
    const items = sequence(ext, 2, 3);
    if (readOid(items[0]!) !== OCSP_OID.nonce) continue;
    const value = readOctetString(items[items.length - 1]!);
    // RFC 8954 wraps the nonce in an OCTET STRING; some responders send the bare bytes.
    try {
      const inner = readTlv(value);
      if (inner.tlv.tag === TAG.OCTET_STRING && inner.next === value.length) return inner.tlv.value;
    } catch {
      // bare bytes
    }
    return value;
  }
  return undefined;
}

/** GeneralizedTime, as OCSP requires for every time (RFC 6960 §4.2.2.1). */
function generalizedTime(date: Date): Uint8Array {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const text = `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  return derTlv(TAG.GENERALIZED_TIME, utf8(text));
}

function algorithmIdentifier(alg: AlgorithmId): Uint8Array {
  return alg.params ? derSequence(derOid(alg.oid), alg.params) : derSequence(derOid(alg.oid));
}

export function encodeOcspRequest(ids: CertId[], nonce?: Uint8Array): Uint8Array {
  const requests = derSequence(...ids.map((id) => derSequence(encodeCertId(id))));
  const tbs = derSequence(requests, ...(nonce ? [derExplicit(2, derSequence(nonceExtension(nonce)))] : []));
  return derSequence(tbs);
}

export interface OcspRequest {
  certIds: CertId[];
  nonce?: Uint8Array;
}

export function parseOcspRequest(der: Uint8Array): OcspRequest {
  const [tbs] = sequence(assertStrictDer(der), 1, 2);
  const fields = sequence(tbs!, 1, 4);
  let i = 0;
  if (fields[i]?.tag === 0xa0) i++; // version
  if (fields[i]?.tag === 0xa1) i++; // requestorName
  const list = fields[i++] ?? malformed('OCSP request has no requestList');
  const certIds = sequence(list, 1, 100).map((r) => readCertId(sequence(r, 1, 2)[0]!));
  const ext = fields[i];
  const nonce = ext?.tag === 0xa2 ? readNonce(children(ext)[0]) : undefined;
  return nonce ? { certIds, nonce } : { certIds };
}

function encodeCertStatus(r: SingleOcspResponse): Uint8Array {
  if (r.status === 'good') return Uint8Array.of(0x80, 0);
  if (r.status === 'unknown') return Uint8Array.of(0x82, 0);
  const reason = r.reason ? [derExplicit(0, derTlv(0x0a, Uint8Array.of(CRL_REASONS.indexOf(r.reason))))] : [];
  return derTlv(0xa1, concat(generalizedTime(r.revokedAt ?? r.thisUpdate), ...reason));
}

/** An answer that carries no status: the responder could not or would not say. */
export function encodeOcspError(status: Exclude<OcspResponseStatus, 'successful'>): Uint8Array {
  const code = Number(Object.entries(RESPONSE_STATUS).find(([, s]) => s === status)![0]);
  return derSequence(derTlv(0x0a, Uint8Array.of(code)));
}

export interface IssueOcspResponseParams {
  /** The key that signs: the issuing CA's own, or a delegated responder's. */
  signer: CertSigner;
  /** The delegated responder's certificate, sent along; omitted when the CA signs itself. */
  responderCert?: Certificate;
  /** The certificate whose key signs (the CA or the responder): names the responder by key. */
  responder: Pick<Certificate, 'spki'>;
  producedAt: Date;
  responses: SingleOcspResponse[];
  nonce?: Uint8Array;
}

export async function issueOcspResponse(p: IssueOcspResponseParams): Promise<Uint8Array> {
  const singles = p.responses.map((r) =>
    derSequence(
      encodeCertId(r.certId),
      encodeCertStatus(r),
      generalizedTime(r.thisUpdate),
      ...(r.nextUpdate ? [derExplicit(0, generalizedTime(r.nextUpdate))] : []),
    ),
  );
  const tbs = derSequence(
    derExplicit(2, derOctetString(responderKeyHash(p.responder))),
    generalizedTime(p.producedAt),
    derSequence(...singles),
    ...(p.nonce ? [derExplicit(1, derSequence(nonceExtension(p.nonce)))] : []),
  );
  const signature = await p.signer.sign(tbs);
  const basic = derSequence(
    tbs,
    algorithmIdentifier(p.signer.algorithm),
    derBitString(signature),
    ...(p.responderCert ? [derExplicit(0, derSequence(p.responderCert.der))] : []),
  );
  return derSequence(derTlv(0x0a, Uint8Array.of(0)), derExplicit(0, derSequence(derOid(OCSP_OID.basic), derOctetString(basic))));
}

function readSingle(tlv: Tlv): SingleOcspResponse {
  const items = sequence(tlv, 3, 5);
  const certId = readCertId(items[0]!);
  const statusTlv = items[1]!;
  const thisUpdate = readTime(items[2]!);
  const single: SingleOcspResponse = { certId, status: 'unknown', thisUpdate };
  if (statusTlv.tag === 0x80) single.status = 'good';
  else if (statusTlv.tag === 0x82) single.status = 'unknown';
  else if (statusTlv.tag === 0xa1) {
    single.status = 'revoked';
    const info = children(statusTlv);
    single.revokedAt = readTime(info[0] ?? malformed('revoked status without a time'));
    const reason = info[1];
    if (reason?.tag === 0xa0) {
      const e = children(reason)[0];
      if (e?.tag !== 0x0a || e.value.length !== 1) malformed('OCSP revocation reason is not an ENUMERATED');
      single.reason = CRL_REASONS[e.value[0]!] ?? 'unspecified';
    }
  } else malformed('unknown OCSP certificate status');
  for (const extra of items.slice(3)) {
    if (extra.tag === 0xa0) single.nextUpdate = readTime(children(extra)[0] ?? malformed('empty nextUpdate'));
  }
  return single;
}

export function parseOcspResponse(der: Uint8Array): OcspResponse {
  const [statusTlv, bytesTlv] = sequence(assertStrictDer(der), 1, 2);
  if (statusTlv!.tag !== 0x0a || statusTlv!.value.length !== 1) malformed('OCSP responseStatus is not an ENUMERATED');
  const responseStatus = RESPONSE_STATUS[statusTlv!.value[0]!] ?? malformed('unknown OCSP responseStatus');
  if (responseStatus !== 'successful') return { responseStatus };
  if (!bytesTlv || bytesTlv.tag !== 0xa0) malformed('a successful OCSP response without responseBytes');
  const [typeTlv, responseTlv] = sequence(children(bytesTlv)[0] ?? malformed('empty responseBytes'), 2);
  if (readOid(typeTlv!) !== OCSP_OID.basic) invalid('not a basic OCSP response');
  const [tbsTlv, algTlv, sigTlv, certsTlv] = sequence(parseDer(readOctetString(responseTlv!)), 3, 4);
  const fields = sequence(tbsTlv!, 3, 5);
  let i = 0;
  if (fields[i]!.tag === 0xa0) i++; // version v1
  const rid = fields[i++]!;
  let responderId: BasicOcspResponse['responderId'];
  if (rid.tag === 0xa1) responderId = { byName: decodeName(children(rid)[0]?.raw ?? malformed('empty responder name')) };
  else if (rid.tag === 0xa2) responderId = { byKey: readOctetString(children(rid)[0] ?? malformed('empty responder key hash')) };
  else malformed('unknown OCSP ResponderID');
  const producedAt = readTime(fields[i++] ?? malformed('no producedAt'));
  const responses = sequence(fields[i++] ?? malformed('no responses'), 0, 100).map(readSingle);
  const ext = fields[i];
  const nonce = ext?.tag === 0xa1 ? readNonce(children(ext)[0]) : undefined;
  const certs = certsTlv?.tag === 0xa0 ? sequence(children(certsTlv)[0] ?? malformed('empty certs'), 0, 10).map((c) => parseCertificate(c.raw)) : [];
  const basic: BasicOcspResponse = {
    tbs: tbsTlv!.raw,
    signatureAlgorithm: readAlgorithmId(algTlv!),
    signature: readBitStringBytes(sigTlv!),
    responderId,
    producedAt,
    responses,
    certs,
  };
  if (nonce) basic.nonce = nonce;
  return { responseStatus, basic };
}

function namesResponder(id: BasicOcspResponse['responderId'], cert: Certificate): boolean {
  return 'byKey' in id ? equalBytes(id.byKey, responderKeyHash(cert)) : sameName(id.byName, cert.subject);
}

/** The key that may answer for `issuer`: the CA itself, or a responder it certified for OCSP signing. */
async function authorisedSigner(basic: BasicOcspResponse, issuer: Certificate, at: Date): Promise<Certificate> {
  if (namesResponder(basic.responderId, issuer)) return issuer;
  for (const candidate of basic.certs) {
    if (!namesResponder(basic.responderId, candidate)) continue;
    if (!sameName(candidate.issuer, issuer.subject)) continue;
    if (!(await verifySignedBytes(issuer, candidate.signatureAlgorithm, candidate.tbs, candidate.signature))) continue;
    if (!candidate.extKeyUsage?.includes(OCSP_OID.signing)) invalid(`responder ${candidate.subject.text} is not authorised for OCSP signing`);
    if (at < candidate.notBefore || at > candidate.notAfter) invalid(`responder certificate ${candidate.subject.text} is not valid now`);
    return candidate;
  }
  return invalid('the OCSP response is signed by neither the CA nor a responder it delegated');
}

export interface VerifyOcspOptions {
  at: Date;
  /** The nonce the request carried; an answer echoing another one is refused. */
  nonce?: Uint8Array;
  /** Clock skew tolerated on thisUpdate (default 5 minutes). */
  skewMs?: number;
  /** Without nextUpdate, how old thisUpdate may be (default 15 minutes). */
  maxAgeMs?: number;
}

/** The status an answer gives `cert`, after every check; OCSP_INVALID when it cannot be relied on. */
export async function verifyOcspResponse(der: Uint8Array, cert: Certificate, issuer: Certificate, opts: VerifyOcspOptions): Promise<OcspResult> {
  const response = parseOcspResponse(der);
  if (!response.basic) invalid(`the responder answered ${response.responseStatus}`);
  const basic = response.basic;
  const signer = await authorisedSigner(basic, issuer, opts.at);
  if (!(await verifySignedBytes(signer, basic.signatureAlgorithm, basic.tbs, basic.signature))) invalid('the OCSP response signature does not verify');
  if (opts.nonce && basic.nonce && !equalBytes(opts.nonce, basic.nonce)) invalid('the OCSP response answers another request (nonce)');
  const single = basic.responses.find((r) => certIdIssuedBy(r.certId, issuer) && r.certId.serialNumber === cert.serialNumber);
  if (!single) invalid('the OCSP response says nothing about this certificate');
  const skew = opts.skewMs ?? 5 * 60_000;
  if (single.thisUpdate.getTime() > opts.at.getTime() + skew) invalid('the OCSP response is from the future');
  if (single.nextUpdate ? single.nextUpdate.getTime() < opts.at.getTime() - skew : single.thisUpdate.getTime() < opts.at.getTime() - (opts.maxAgeMs ?? 15 * 60_000)) {
    invalid('the OCSP response is stale');
  }
  const result: OcspResult = { status: single.status };
  if (single.revokedAt) result.revokedAt = single.revokedAt;
  if (single.reason) result.reason = single.reason;
  return result;
}
