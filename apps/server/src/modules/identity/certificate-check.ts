/**
 * What binding and certificate login both ask of a certificate: read it from what the client sent,
 * validate it against the recognised CAs now, match it to an entity, verify a signature made with
 * its key. Every crypto refusal becomes a DomainError with a stable CERTIFICATE_* code.
 */
import { isValidCreditCode } from '@bidhall/contracts';
import {
  certificateMatchesEntityName,
  CryptoError,
  fromBase64,
  gmSuite,
  intlSuite,
  keyId,
  parseCertificates,
  sha256,
  sm3,
  toHex,
  verifyChain,
  verifySignedBytes,
  type Certificate,
  type ChainResult,
  type CryptoErrorCode,
  type OcspChecker,
} from '@bidhall/crypto';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { CertificateTrust } from './certificate-trust.ts';
import type { IdentityErrorCode } from './identity.errors.ts';

const REFUSALS: Partial<Record<CryptoErrorCode, IdentityErrorCode>> = {
  MALFORMED_DER: 'CERTIFICATE_MALFORMED',
  MALFORMED_PEM: 'CERTIFICATE_MALFORMED',
  MALFORMED_INPUT: 'CERTIFICATE_MALFORMED',
  BAD_KEY: 'CERTIFICATE_MALFORMED',
  UNSUPPORTED_ALGORITHM: 'CERTIFICATE_UNSUPPORTED',
  CERT_UNTRUSTED: 'CERTIFICATE_UNTRUSTED',
  CERT_BAD_SIGNATURE: 'CERTIFICATE_UNTRUSTED',
  CERT_NOT_CA: 'CERTIFICATE_UNTRUSTED',
  CERT_EXPIRED: 'CERTIFICATE_EXPIRED',
  CERT_NOT_YET_VALID: 'CERTIFICATE_NOT_YET_VALID',
  CERT_REVOKED: 'CERTIFICATE_REVOKED',
  CRL_EXPIRED: 'CERTIFICATE_REVOCATION_UNKNOWN',
  CRL_BAD_SIGNATURE: 'CERTIFICATE_REVOCATION_UNKNOWN',
  CERT_KEY_USAGE: 'CERTIFICATE_KEY_USAGE',
  CERT_NAME_MISMATCH: 'CERTIFICATE_NAME_MISMATCH',
};

/** The DomainError for a CryptoError; anything else is rethrown untouched. */
export function certificateRefusal(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  if (err instanceof CryptoError) {
    return new DomainError(REFUSALS[err.code] ?? 'CERTIFICATE_UNTRUSTED', err.reason, { cryptoCode: err.code });
  }
  throw err;
}

export interface ReceivedCertificate {
  leaf: Certificate;
  /** Further certificates the client sent after the leaf (its chain); used for path building only. */
  intermediates: Certificate[];
}

/** PEM text (the certificate, optionally followed by its chain) or base64 DER. */
export function readCertificate(input: string): ReceivedCertificate {
  try {
    const text = input.trim();
    const certs = text.includes('-----BEGIN') ? parseCertificates(text) : parseCertificates(base64(text));
    const [leaf, ...intermediates] = certs;
    if (!leaf) throw new CryptoError('MALFORMED_INPUT', 'no certificate found');
    return { leaf, intermediates };
  } catch (err) {
    throw certificateRefusal(err);
  }
}

function base64(text: string): Uint8Array {
  try {
    return fromBase64(text);
  } catch {
    throw new CryptoError('MALFORMED_INPUT', 'the certificate is neither PEM nor base64 DER');
  }
}

/**
 * Chain to a recognised CA, validity at `at`, key usage for signing, revocation by the loaded CRLs
 * and, given a checker, by the OCSP responder the certificate names.
 */
export async function validateCertificate(
  trust: CertificateTrust,
  received: ReceivedCertificate,
  at: Date,
  ocsp?: OcspChecker,
): Promise<ChainResult> {
  const { store, crls } = trust.current();
  try {
    return await verifyChain(received.leaf, { store, crls, at, purpose: 'sign', intermediates: received.intermediates, ...(ocsp ? { ocsp } : {}) });
  } catch (err) {
    throw certificateRefusal(err);
  }
}

const CREDIT_CODE_TOKEN = /[0-9A-HJ-NPQRTUWXY]{18}/g;

/**
 * the subject's organisation (O, else CN) must be the entity's registered name; and when the
 * subject carries a unified social credit code, it must be the entity's.
 */
export function assertMatchesEntity(cert: Certificate, entity: { name: string; creditCode: string }): void {
  if (!certificateMatchesEntityName(cert, { name: entity.name })) {
    throw new DomainError(
      'CERTIFICATE_NAME_MISMATCH',
      `the certificate names "${cert.subject.text}", not the registered entity "${entity.name}"`,
      {
        subject: cert.subject.text,
        registeredName: entity.name,
      },
    );
  }
  const codes = cert.subject.attributes
    .flatMap((a) => a.value.toUpperCase().match(CREDIT_CODE_TOKEN) ?? [])
    .filter(isValidCreditCode);
  if (codes.length > 0 && !codes.includes(entity.creditCode)) {
    throw new DomainError(
      'CERTIFICATE_NAME_MISMATCH',
      `the certificate carries credit code ${codes[0]}, not the registered ${entity.creditCode}`,
      {
        subject: cert.subject.text,
      },
    );
  }
}

export function fingerprintSha256(cert: Certificate): string {
  return toHex(sha256(cert.der));
}

/** keyId of @bidhall/crypto (SM3 of the SPKI) for SM2/P-256 keys; the same hash of the SPKI for others. */
export function certificateKeyId(cert: Certificate): string {
  return cert.publicKey ? keyId(cert.publicKey) : toHex(sm3(cert.spki));
}

const RSA_SHA256 = { oid: '1.2.840.113549.1.1.11' };

/**
 * A signature by the certificate's key over `data`: SM2 with SM3 and the default signer ID, ECDSA
 * P-256 with SHA-256, or RSASSA-PKCS1-v1_5 with SHA-256. False for a wrong or unreadable signature.
 */
export async function verifyKeySignature(cert: Certificate, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  try {
    if (cert.keyAlg === 'sm2' && cert.publicKey) return gmSuite.verify(cert.publicKey, data, signature);
    if (cert.keyAlg === 'p256' && cert.publicKey) return intlSuite.verify(cert.publicKey, data, signature);
    if (cert.keyAlg === 'rsa') return await verifySignedBytes(cert, RSA_SHA256, data, signature);
  } catch (err) {
    if (err instanceof CryptoError && err.code !== 'UNSUPPORTED_ALGORITHM') return false;
    throw certificateRefusal(err);
  }
  throw new DomainError('CERTIFICATE_UNSUPPORTED', `certificate login supports SM2, P-256 and RSA keys, not ${cert.keyAlg}`);
}
