/**
 * Verifies detached CMS SignedData in the RFC 5652 form (as OpenSSL and this package write it for
 * ECDSA/RSA) and in the GM/T 0010 form for SM2. Browser-safe; certificate trust is checked with
 * verifyChain when a TrustStore is supplied.
 */
import { sha384, sha512 } from '@noble/hashes/sha2.js';
import { CryptoError } from '../errors.ts';
import { TAG, children, expectTagged, parseDer, readOctetString, readOid, sequence, type Tlv } from '../asn1/der.ts';
import { assertStrictDer } from '../asn1/der-walk.ts';
import { OID } from '../asn1/oids.ts';
import { parseCertificate, readAlgorithmId, readSerial, readTime, type AlgorithmId, type Certificate } from '../cert/certificate.ts';
import type { Crl } from '../cert/crl.ts';
import type { TrustStore } from '../cert/trust-store.ts';
import { verifyChain, type ChainResult } from '../cert/verify-chain.ts';
import { verifySignedBytes } from '../cert/verify-signature.ts';
import { sha256, sm3 } from '../hash/hash.ts';
import { equalBytes, toHex } from '../util/bytes.ts';

export interface CmsVerifyOptions {
  /** When given, the signer's certificate must chain to it (at `at`). */
  store?: TrustStore;
  /** Instant for the certificate checks; default: the signed signingTime. */
  at?: Date;
  crls?: readonly Crl[];
}

export interface CmsSignerResult {
  cert: Certificate;
  signingTime?: Date;
  chain?: ChainResult;
}

export interface CmsVerifyResult {
  form: 'rfc5652' | 'gmt0010';
  signers: CmsSignerResult[];
}

const DIGESTS: Record<string, (m: Uint8Array) => Uint8Array> = {
  [OID.sm3]: (m) => sm3(m),
  [OID.sha256]: (m) => sha256(m),
  [OID.sha384]: (m) => sha384(m),
  [OID.sha512]: (m) => sha512(m),
};

const SM2_SIGNATURE_OIDS = new Set<string>([OID.sm2Sign, OID.sm2WithSm3, OID.sm2]);

/** The certificate-style signature algorithm a SignerInfo's (digest, signature) pair means. */
function signatureAlgorithm(digest: string, sig: AlgorithmId): AlgorithmId {
  if (SM2_SIGNATURE_OIDS.has(sig.oid)) {
    if (digest !== OID.sm3) throw new CryptoError('UNSUPPORTED_ALGORITHM', 'SM2 signatures must use the SM3 digest');
    return { oid: OID.sm2WithSm3 };
  }
  if (sig.oid === OID.ecPublicKey) {
    const map: Record<string, string> = { [OID.sha256]: OID.ecdsaWithSha256, [OID.sha384]: OID.ecdsaWithSha384, [OID.sha512]: OID.ecdsaWithSha512 };
    const oid = map[digest];
    if (oid) return { oid };
  }
  if (sig.oid === OID.rsaEncryption) {
    const map: Record<string, string> = { [OID.sha256]: OID.sha256WithRsa, [OID.sha384]: OID.sha384WithRsa, [OID.sha512]: OID.sha512WithRsa };
    const oid = map[digest];
    if (oid) return { oid };
  }
  return sig;
}

function bad(reason: string): never {
  throw new CryptoError('BAD_SIGNATURE', reason);
}

function attributes(signedAttrs: Tlv): Map<string, Tlv[]> {
  const out = new Map<string, Tlv[]>();
  for (const attr of children(signedAttrs)) {
    const [type, values] = sequence(attr, 2);
    const oid = readOid(type!);
    if (out.has(oid)) throw new CryptoError('MALFORMED_DER', `signed attribute ${oid} appears twice`);
    out.set(oid, children(expectTagged(values!, TAG.SET)));
  }
  return out;
}

function findSigner(sid: Tlv, certs: Certificate[]): Certificate {
  let found: Certificate | undefined;
  if (sid.tag === TAG.SEQUENCE) {
    const [issuer, serial] = sequence(sid, 2);
    const serialHex = readSerial(serial!);
    found = certs.find((c) => equalBytes(c.issuer.der, issuer!.raw) && c.serialNumber === serialHex);
  } else if (sid.tag === 0x80) {
    const ski = toHex(sid.value);
    found = certs.find((c) => c.subjectKeyId === ski);
  }
  if (!found) throw new CryptoError('CERT_UNTRUSTED', "the signer's certificate is not included in the signed message");
  return found;
}

export async function verifyCmsDetached(cms: Uint8Array, content: Uint8Array, opts: CmsVerifyOptions = {}): Promise<CmsVerifyResult> {
  const [typeTlv, wrapped] = sequence(assertStrictDer(cms), 2);
  const contentType = readOid(typeTlv!);
  const form = contentType === OID.signedData ? 'rfc5652' : contentType === OID.gmSignedData ? 'gmt0010' : undefined;
  if (!form) throw new CryptoError('UNSUPPORTED_ALGORITHM', `content type ${contentType} is not SignedData`);
  const signedData = parseDer(expectTagged(wrapped!, 0xa0).value);
  const fields = sequence(signedData, 4, 6);
  const encap = sequence(fields[2]!, 1, 2);
  const eContentType = readOid(encap[0]!);
  if (encap.length === 2) throw new CryptoError('MALFORMED_INPUT', 'the signed message carries its content; a detached signature was expected');
  const certs: Certificate[] = [];
  let i = 3;
  if (fields[i]?.tag === 0xa0) {
    for (const c of children(fields[i]!)) if (c.tag === TAG.SEQUENCE) certs.push(parseCertificate(c.raw));
    i++;
  }
  if (fields[i]?.tag === 0xa1) i++;
  const signerInfoSet = fields[i];
  if (!signerInfoSet) throw new CryptoError('MALFORMED_DER', 'SignedData without signerInfos');
  const signerInfos = children(expectTagged(signerInfoSet, TAG.SET));
  if (signerInfos.length === 0) bad('the signed message has no signer');

  const signers: CmsSignerResult[] = [];
  for (const si of signerInfos) {
    const items = sequence(si, 5, 7);
    const cert = findSigner(items[1]!, certs);
    const digestAlg = readAlgorithmId(items[2]!).oid;
    const digestFn = DIGESTS[digestAlg];
    if (!digestFn) throw new CryptoError('UNSUPPORTED_ALGORITHM', `digest algorithm ${digestAlg} is not supported`);
    let j = 3;
    let signed = content;
    let signingTime: Date | undefined;
    if (items[j]!.tag === 0xa0) {
      const attrsTlv = items[j]!;
      const attrs = attributes(attrsTlv);
      const md = attrs.get(OID.messageDigest)?.[0];
      if (!md) bad('signed attributes lack the message digest');
      if (!equalBytes(readOctetString(md), digestFn(content))) bad('the document does not match the signed digest (altered or wrong file)');
      const ct = attrs.get(OID.contentType)?.[0];
      if (!ct || readOid(ct) !== eContentType) bad('signed content type does not match the message');
      const st = attrs.get(OID.signingTime)?.[0];
      if (st) signingTime = readTime(st);
      // The signature covers the attributes encoded as a SET (tag 0x31), not as [0] IMPLICIT.
      signed = Uint8Array.from(attrsTlv.raw);
      signed[0] = TAG.SET;
      j++;
    }
    const alg = signatureAlgorithm(digestAlg, readAlgorithmId(items[j]!));
    const signature = readOctetString(items[j + 1]!);
    if (!(await verifySignedBytes(cert, alg, signed, signature))) bad(`signature by ${cert.subject.text} does not verify`);
    const result: CmsSignerResult = { cert };
    if (signingTime) result.signingTime = signingTime;
    if (opts.store) {
      const at = opts.at ?? signingTime;
      if (!at) throw new CryptoError('MALFORMED_INPUT', 'no instant to check the certificate at: pass `at` or sign with a signingTime');
      result.chain = await verifyChain(cert, {
        store: opts.store,
        at,
        purpose: 'sign',
        intermediates: certs.filter((c) => c !== cert),
        ...(opts.crls ? { crls: opts.crls } : {}),
      });
    }
    signers.push(result);
  }
  return { form, signers };
}
