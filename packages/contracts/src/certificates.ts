/**
 * Certificates of the recognised CAs (task 12, F-04/F-05/F-09, A-12, A-13): binding to a market
 * entity, certificate login by challenge–response, the trust store, and the key-provider interface a
 * certificate file or a USB key implements.
 */
import { z } from 'zod';
import { isoDateTime, uuid } from './common.ts';

/** GM/T 0009's default SM2 signer ID; certificate login signatures use it. */
export const CERTIFICATE_LOGIN_SIGNER_ID = '1234567812345678';

/**
 * A certificate as a client sends it: PEM text (one CERTIFICATE block, or the certificate followed by
 * its intermediates), or the DER bytes in base64.
 */
export const certificateInput = z.string().trim().min(64, 'a PEM or base64 DER certificate').max(24_000);

export const bindCertificateRequest = z.strictObject({ certificate: certificateInput });
export type BindCertificateRequest = z.infer<typeof bindCertificateRequest>;

export const certificateStatuses = ['valid', 'expiring', 'expired', 'notYetValid', 'unbound'] as const;

/** A certificate bound to the caller's entity (or once bound: `unboundAt` is set). */
export const boundCertificateView = z.object({
  id: uuid,
  entityId: uuid,
  /** The account this certificate logs in as. */
  userId: uuid.nullable(),
  serialNumber: z.string(),
  issuer: z.string(),
  subjectName: z.string(),
  notBefore: isoDateTime,
  notAfter: isoDateTime,
  /** Hex SHA-256 of the certificate's DER. */
  fingerprintSha256: z.string(),
  /** Hex SM3 of the SubjectPublicKeyInfo, as @bidhall/crypto's keyId computes it. */
  keyId: z.string().nullable(),
  keyAlg: z.string().nullable(),
  boundAt: isoDateTime,
  boundBy: uuid,
  unboundAt: isoDateTime.nullable(),
  status: z.enum(certificateStatuses),
  /** Days left when the certificate expires within 30 days, else null. */
  expiresWithinDays: z.number().int().nullable(),
});
export type BoundCertificateView = z.infer<typeof boundCertificateView>;

export const certificateChallengeResponse = z.object({
  nonce: z.string(),
  /** The exact text to sign, as UTF-8 bytes (see certificateLoginChallengeText). */
  challenge: z.string(),
  expiresAt: isoDateTime,
  /** How to sign, by the certificate's key algorithm. */
  signing: z.object({ sm2: z.string(), p256: z.string(), rsa: z.string() }),
});
export type CertificateChallengeResponse = z.infer<typeof certificateChallengeResponse>;

export const certificateLoginRequest = z.strictObject({
  nonce: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'the nonce of a challenge'),
  certificate: certificateInput,
  /** DER signature over the challenge text's UTF-8 bytes, in base64. */
  signature: z
    .string()
    .trim()
    .min(8)
    .max(2_000)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});
export type CertificateLoginRequest = z.infer<typeof certificateLoginRequest>;

/**
 * The canonical bytes a certificate login signs: this text in UTF-8. A fixed first line keeps a
 * login signature from being taken for a signature over anything else.
 */
export function certificateLoginChallengeText(nonce: string, expiresAt: string): string {
  return `bidhall certificate login v1\nnonce=${nonce}\nexpires=${expiresAt}`;
}

export const trustStoreView = z.object({
  dir: z.string().nullable(),
  loadedAt: isoDateTime.nullable(),
  authorities: z.array(
    z.object({
      kind: z.enum(['root', 'intermediate']),
      subject: z.string(),
      issuer: z.string(),
      keyAlg: z.string(),
      serialNumber: z.string(),
      notBefore: isoDateTime,
      notAfter: isoDateTime,
      fingerprintSm3: z.string(),
    }),
  ),
  crls: z.array(
    z.object({
      issuer: z.string(),
      thisUpdate: isoDateTime,
      nextUpdate: isoDateTime.nullable(),
      revokedCount: z.number().int(),
      /** No recognised CA issued it: it is ignored. */
      issuerKnown: z.boolean(),
      /** Past its nextUpdate: the issuer's certificates are refused until a fresh CRL is loaded. */
      stale: z.boolean(),
    }),
  ),
});
export type TrustStoreView = z.infer<typeof trustStoreView>;

/**
 * Whatever holds a certificate's private key and signs with it: a certificate file and a PKCS#8 key
 * file (the demo, tests), or a USB key (UKey) driver. Certificate login needs nothing else.
 */
export interface KeyProvider {
  /** What the user picked, for display ("bidder.demo.cert.pem", "UKey 1234…"). */
  readonly label: string;
  /** The signing certificate as PEM (optionally followed by its intermediates). */
  certificate(): Promise<string>;
  /**
   * A DER signature over exactly these bytes: SM2 with SM3 and the signer ID
   * CERTIFICATE_LOGIN_SIGNER_ID for an SM2 key, ECDSA P-256 with SHA-256, or RSASSA-PKCS1-v1_5 with
   * SHA-256 for RSA.
   */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Builds the certificate login request for a challenge with any key provider. */
export async function signCertificateChallenge(
  provider: KeyProvider,
  challenge: Pick<CertificateChallengeResponse, 'nonce' | 'challenge'>,
): Promise<CertificateLoginRequest> {
  const signature = await provider.sign(new TextEncoder().encode(challenge.challenge));
  return { nonce: challenge.nonce, certificate: await provider.certificate(), signature: toBase64(signature) };
}
