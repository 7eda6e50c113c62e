/**
 * E-signatures of market entities on platform documents (agency contracts A-44, tender documents A-66
 * …): a detached CMS (GM/T 0010 with SM2, or RFC 5652) over the exact bytes, by a certificate of a
 * recognised CA that is bound to the entity now. Any module gets this through identity's index.ts.
 */
import { fromBase64, isCryptoError, verifyCmsDetached } from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { fingerprintSha256 } from './certificate-check.ts';
import type { CertificateTrust } from './certificate-trust.ts';
import { tables } from './identity.deps.ts';

export interface EntitySigner {
  /** The signer certificate's subject DN. */
  subject: string;
  /** Hex SHA-256 of the signer certificate (as bound certificates are keyed). */
  fingerprint: string;
  serialNumber: string;
  /** The signingTime the signature states, if any. */
  signingTime: string | null;
}

export type VerifyEntitySignature = (entityId: string, content: Uint8Array, signatureBase64: string, db?: Db) => Promise<EntitySigner>;

/**
 * SIGNATURE_INVALID: not base64, not a CMS, does not verify over `content`, or its certificate does not
 * chain to a recognised CA now. CERTIFICATE_NOT_BOUND: no signer certificate is bound to the entity.
 * Pass `db` (the caller's transaction) when called inside one: PGlite has a single session.
 */
export function createEntitySignatureVerifier(deps: { db: Db; trust: CertificateTrust; clock: Clock }): VerifyEntitySignature {
  return async (entityId, content, signatureBase64, db = deps.db) => {
    let cms: Uint8Array;
    try {
      cms = fromBase64(signatureBase64.replace(/\s/g, ''));
    } catch {
      throw new DomainError('SIGNATURE_INVALID', 'the signature is not base64');
    }
    const { store, crls } = deps.trust.current();
    let signers: Awaited<ReturnType<typeof verifyCmsDetached>>['signers'];
    try {
      ({ signers } = await verifyCmsDetached(cms, content, { store, crls, at: deps.clock.now() }));
    } catch (err) {
      if (isCryptoError(err)) throw new DomainError('SIGNATURE_INVALID', `the signature does not verify: ${err.reason}`, { cryptoCode: err.code });
      throw err;
    }
    const fingerprints = signers.map((s) => fingerprintSha256(s.cert));
    const bound = await tables(db)
      .selectFrom('identity.certificate')
      .select('fingerprint_sha256')
      .where('entity_id', '=', entityId)
      .where('unbound_at', 'is', null)
      .where('fingerprint_sha256', 'in', fingerprints)
      .executeTakeFirst();
    const signer = bound ? signers[fingerprints.indexOf(bound.fingerprint_sha256)] : undefined;
    if (!bound || !signer) {
      throw new DomainError('CERTIFICATE_NOT_BOUND', 'the signing certificate is not bound to this entity; bind it in the workspace first', {
        subjects: signers.map((s) => s.cert.subject.text),
      });
    }
    return {
      subject: signer.cert.subject.text,
      fingerprint: bound.fingerprint_sha256,
      serialNumber: signer.cert.serialNumber,
      signingTime: signer.signingTime ? signer.signingTime.toISOString() : null,
    };
  };
}
