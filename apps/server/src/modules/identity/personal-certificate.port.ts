/**
 * The certificate a person signs with, for other modules (an evaluator's sign-in and report signature):
 * valid now, chaining to a recognised CA, unrevoked, and bound to that very account — a personal
 * certificate, or an entity certificate whose binding names the account (a tenderer representative
 * signs with its own) — and not found revoked by the revocation sweep. Returns the public key; the
 * caller verifies its signature itself.
 */
import { publicKeyToPem } from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { fingerprintSha256, readCertificate, validateCertificate } from './certificate-check.ts';
import type { CertificateTrust } from './certificate-trust.ts';
import { tables } from './identity.deps.ts';
import { personalTables } from './personal-certificate.tables.ts';

export interface PersonalCertificate {
  publicKeyPem: string;
  /** Hex SHA-256 of the certificate. */
  fingerprint: string;
  subject: string;
}

export type CheckPersonalCertificate = (trx: Db, userId: string, certificatePem: string) => Promise<PersonalCertificate>;

/** CERTIFICATE_MALFORMED, CERTIFICATE_UNTRUSTED, CERTIFICATE_EXPIRED, CERTIFICATE_REVOKED …, or CERTIFICATE_NOT_YOURS. */
export function createPersonalCertificateCheck(deps: { trust: CertificateTrust; clock: Clock }): CheckPersonalCertificate {
  return async (trx, userId, certificatePem) => {
    const received = readCertificate(certificatePem);
    await validateCertificate(deps.trust, received, deps.clock.now());
    const fingerprint = fingerprintSha256(received.leaf);
    const personal = await personalTables(trx)
      .selectFrom('identity.personal_certificate')
      .select(['id', 'revoked_at', 'revocation_reason'])
      .where('user_id', '=', userId)
      .where('fingerprint_sha256', '=', fingerprint)
      .where('unbound_at', 'is', null)
      .executeTakeFirst();
    // The revocation sweep asks the OCSP responder too; what it found stands even where the CRL says nothing yet.
    if (personal?.revoked_at) {
      throw new DomainError('CERTIFICATE_REVOKED', `this certificate was found revoked on ${personal.revoked_at.toISOString()}: ${personal.revocation_reason ?? 'revoked by its CA'}; bind a new one`, { revokedAt: personal.revoked_at.toISOString() });
    }
    const entity = personal
      ? undefined
      : await tables(trx).selectFrom('identity.certificate').select('id').where('user_id', '=', userId).where('fingerprint_sha256', '=', fingerprint).where('unbound_at', 'is', null).executeTakeFirst();
    if (!personal && !entity) throw new DomainError('CERTIFICATE_NOT_YOURS', 'this certificate is not bound to your account; bind your personal certificate first', { subject: received.leaf.subject.text });
    if (!received.leaf.publicKey) throw new DomainError('CERTIFICATE_UNSUPPORTED', `signing here needs an SM2 or P-256 certificate, not ${received.leaf.keyAlg}`);
    return { publicKeyPem: publicKeyToPem(received.leaf.publicKey), fingerprint, subject: received.leaf.subject.text };
  };
}
