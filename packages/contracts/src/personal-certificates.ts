/**
 * Personal certificates (decision 0026): an evaluator's own certificate of a recognised CA, bound to
 * its platform account (an expert has no market entity) by proof of possession — the holder signs
 * a nonce the platform issued for that account.
 */
import { z } from 'zod';
import { certificateInput } from './certificates.ts';
import { isoDateTime, uuid } from './common.ts';
import { jsonSignature } from './trust.ts';

export const personalCertificateChallenge = z.object({ nonce: z.string(), expiresAt: isoDateTime });
export type PersonalCertificateChallenge = z.infer<typeof personalCertificateChallenge>;

/** What the holder signs (canonical JSON, SM2 or P-256) to bind the certificate to its account. */
export function personalCertificateBindingPayload(userId: string, nonce: string) {
  return { action: 'bindPersonalCertificate', userId, nonce };
}

export const bindPersonalCertificateRequest = z.strictObject({
  certificate: certificateInput,
  nonce: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'the nonce of a challenge'),
  signature: jsonSignature,
});
export type BindPersonalCertificateRequest = z.infer<typeof bindPersonalCertificateRequest>;

export const personalCertificateView = z.object({
  id: uuid,
  userId: uuid,
  serialNumber: z.string(),
  issuer: z.string(),
  subjectName: z.string(),
  notBefore: isoDateTime,
  notAfter: isoDateTime,
  /** Hex SHA-256 of the certificate's DER. */
  fingerprintSha256: z.string(),
  keyAlg: z.string(),
  boundAt: isoDateTime,
  unboundAt: isoDateTime.nullable(),
  /** `revoked`: the revocation sweep found its CA revoked it; it signs nothing more. */
  status: z.enum(['valid', 'expiring', 'expired', 'notYetValid', 'revoked', 'unbound']),
});
export type PersonalCertificateView = z.infer<typeof personalCertificateView>;

/**
 * The evaluator's certificate at the evaluation sign-in: a signature by a certificate bound to the
 * account over the canonical JSON of evaluationSignInPayload, with the nonce the server issued.
 */
export const evaluationSignInCertificate = z.strictObject({
  certificatePem: z.string().min(100).max(20_000),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  signature: jsonSignature,
});
export type EvaluationSignInCertificate = z.infer<typeof evaluationSignInCertificate>;

export function evaluationSignInPayload(sectionId: string, nonce: string) {
  return { action: 'evaluationSignIn', sectionId, nonce };
}
