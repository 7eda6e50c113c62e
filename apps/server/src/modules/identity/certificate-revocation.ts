/**
 * A revoked certificate ends the sessions opened with it (F-09, decision 0013). The certificate of
 * every live certificate session is checked again: against the CRLs when the trust store is reloaded
 * (a new CRL takes effect at once), and also against its OCSP responder by a job every minute. A
 * revocation found ends the sessions in the transaction that records it.
 */
import { parseCertificate, type OcspChecker } from '@bidhall/crypto';
import { systemActor } from '../../platform/audit/audit-trail.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { validateCertificate } from './certificate-check.ts';
import type { CertificateTrust } from './certificate-trust.ts';
import { type IdentityDeps, tables } from './identity.deps.ts';
import { endSessions } from './end-sessions.ts';

export const REVOCATION_SWEEP_JOB = 'identity.certificate-revocation-sweep';

export function createRevocationSweep(deps: IdentityDeps & { trust: CertificateTrust; ocsp: OcspChecker & { forget(): void } }) {
  /** Checks the certificates of live sessions; returns how many were checked and how many sessions ended. */
  async function sweep(opts: { ocsp: boolean }): Promise<{ checked: number; ended: number }> {
    const now = deps.clock.now();
    const rows = await tables(deps.db)
      .selectFrom('identity.certificate as c')
      .innerJoin('identity.market_entity as e', 'e.id', 'c.entity_id')
      .select(['c.id', 'c.der', 'c.fingerprint_sha256', 'c.serial_number', 'e.region_code'])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('identity.session as s')
            .select('s.token_hash')
            .whereRef('s.certificate_id', '=', 'c.id')
            .where('s.revoked_at', 'is', null)
            .where('s.expires_at', '>', now),
        ),
      )
      .execute();
    // Each sweep asks afresh: a cached "good" must not hide a revocation for longer than one interval.
    if (opts.ocsp) deps.ocsp.forget();
    let ended = 0;
    for (const row of rows) {
      if (!row.der) continue;
      const leaf = parseCertificate(new Uint8Array(row.der));
      try {
        await validateCertificate(deps.trust, { leaf, intermediates: [] }, now, opts.ocsp ? deps.ocsp : undefined);
      } catch (err) {
        // Only a revocation ends sessions; an expiry or an unreadable CRL is for the next login to judge.
        if (!(err instanceof DomainError) || err.code !== 'CERTIFICATE_REVOKED') continue;
        ended += await deps.db.transaction().execute(async (trx) => {
          const count = await endSessions(trx, { certificateId: row.id }, 'certificateRevoked', now);
          await deps.audit.record(trx, systemActor, {
            action: 'identity.certificate.revocationFound',
            targetType: 'certificate',
            targetId: row.id,
            regionCode: row.region_code,
            details: { fingerprintSha256: row.fingerprint_sha256, serialNumber: row.serial_number, reason: err.message, endedSessions: count },
          });
          return count;
        });
      }
    }
    return { checked: rows.length, ended };
  }

  return { sweep };
}

export type RevocationSweep = ReturnType<typeof createRevocationSweep>;
