/**
 * A certificate a market entity presents with signed data (a bid manifest, a withdrawal): valid now,
 * chaining to a recognised CA, not revoked by the loaded CRLs, and bound to the entity. Returns its
 * public key so the caller verifies the signature itself. Any module gets this through identity's index.ts.
 */
import { publicKeyToPem } from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { fingerprintSha256, readCertificate, validateCertificate } from './certificate-check.ts';
import type { CertificateTrust } from './certificate-trust.ts';
import { tables } from './identity.deps.ts';

export interface BoundCertificate {
  publicKeyPem: string;
  subject: string;
  /** Hex SHA-256 of the certificate (as bound certificates are keyed). */
  fingerprint: string;
  serialNumber: string;
}

export type CheckBoundCertificate = (trx: Db, entityId: string, certificatePem: string) => Promise<BoundCertificate>;

/** CERTIFICATE_MALFORMED, CERTIFICATE_UNTRUSTED, CERTIFICATE_EXPIRED, CERTIFICATE_REVOKED …, or CERTIFICATE_NOT_BOUND. */
export function createBoundCertificateCheck(deps: { trust: CertificateTrust; clock: Clock }): CheckBoundCertificate {
  return async (trx, entityId, certificatePem) => {
    const received = readCertificate(certificatePem);
    await validateCertificate(deps.trust, received, deps.clock.now());
    const fingerprint = fingerprintSha256(received.leaf);
    const bound = await tables(trx)
      .selectFrom('identity.certificate')
      .select('id')
      .where('entity_id', '=', entityId)
      .where('unbound_at', 'is', null)
      .where('fingerprint_sha256', '=', fingerprint)
      .executeTakeFirst();
    if (!bound) throw new DomainError('CERTIFICATE_NOT_BOUND', 'this certificate is not bound to your entity; bind it in the workspace first', { subject: received.leaf.subject.text });
    if (!received.leaf.publicKey) throw new DomainError('CERTIFICATE_UNSUPPORTED', `signing here needs an SM2 or P-256 certificate, not ${received.leaf.keyAlg}`);
    return { publicKeyPem: publicKeyToPem(received.leaf.publicKey), subject: received.leaf.subject.text, fingerprint, serialNumber: received.leaf.serialNumber };
  };
}
