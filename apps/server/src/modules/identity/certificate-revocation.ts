/**
 * A revoked certificate ends the sessions opened with it (F-09, decision 0013). The certificate of
 * every live certificate session is checked again: against the CRLs when the trust store is reloaded
 * (a new CRL takes effect at once), and also against its OCSP responder by a job every minute. A
 * revocation found ends the sessions in the transaction that records it.
 *
 * The same sweep checks every live personal certificate of an evaluator (decision 0026): one found
 * revoked is marked so, and the port evaluation asks refuses it for the sign-in and the report's
 * signature from then on, even while the CA's CRL does not list it yet.
 */
import { parseCertificate, type OcspChecker } from '@bidhall/crypto';
import { systemActor } from '../../platform/audit/audit-trail.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { validateCertificate } from './certificate-check.ts';
import type { CertificateTrust } from './certificate-trust.ts';
import { type IdentityDeps, tables } from './identity.deps.ts';
import { endSessions } from './end-sessions.ts';
import { personalTables } from './personal-certificate.tables.ts';

export const REVOCATION_SWEEP_JOB = 'identity.certificate-revocation-sweep';

export interface SweepResult {
  /** Certificates checked: of live certificate sessions, and live personal certificates. */
  checked: number;
  /** Sessions ended. */
  ended: number;
  /** Personal certificates found revoked and marked so. */
  personalRevoked: number;
}

export function createRevocationSweep(deps: IdentityDeps & { trust: CertificateTrust; ocsp: OcspChecker & { forget(): void } }) {
  /** Why the certificate is revoked, or null when it is not (an expiry or an unreadable CRL is for its next use to judge). */
  async function revocationOf(der: Uint8Array, now: Date, ocsp: boolean): Promise<string | null> {
    try {
      await validateCertificate(deps.trust, { leaf: parseCertificate(new Uint8Array(der)), intermediates: [] }, now, ocsp ? deps.ocsp : undefined);
      return null;
    } catch (err) {
      return err instanceof DomainError && err.code === 'CERTIFICATE_REVOKED' ? err.message : null;
    }
  }

  /** The certificates of live sessions: a revoked one ends them. */
  async function sweepSessions(now: Date, ocsp: boolean): Promise<{ checked: number; ended: number }> {
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
    let ended = 0;
    for (const row of rows) {
      if (!row.der) continue;
      const reason = await revocationOf(row.der, now, ocsp);
      if (reason === null) continue;
      ended += await deps.db.transaction().execute(async (trx) => {
        const count = await endSessions(trx, { certificateId: row.id }, 'certificateRevoked', now);
        await deps.audit.record(trx, systemActor, {
          action: 'identity.certificate.revocationFound',
          targetType: 'certificate',
          targetId: row.id,
          regionCode: row.region_code,
          details: { fingerprintSha256: row.fingerprint_sha256, serialNumber: row.serial_number, reason, endedSessions: count },
        });
        return count;
      });
    }
    return { checked: rows.length, ended };
  }

  /** Live personal certificates not yet found revoked nor expired: a revoked one is marked. */
  async function sweepPersonal(now: Date, ocsp: boolean): Promise<{ checked: number; revoked: number }> {
    const rows = await personalTables(deps.db)
      .selectFrom('identity.personal_certificate as c')
      .innerJoin('identity.user_account as u', 'u.id', 'c.user_id')
      .select(['c.id', 'c.user_id', 'c.der', 'c.fingerprint_sha256', 'c.serial_number', 'u.region_code'])
      .where('c.unbound_at', 'is', null)
      .where('c.revoked_at', 'is', null)
      .where('c.not_after', '>', now)
      .execute();
    let revoked = 0;
    for (const row of rows) {
      const reason = await revocationOf(row.der, now, ocsp);
      if (reason === null) continue;
      const marked = await deps.db.transaction().execute(async (trx) => {
        const updated = await personalTables(trx)
          .updateTable('identity.personal_certificate')
          .set({ revoked_at: now, revocation_reason: reason })
          .where('id', '=', row.id)
          .where('unbound_at', 'is', null)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (!updated.numUpdatedRows) return false;
        await deps.audit.record(trx, systemActor, {
          action: 'identity.personalCertificate.revocationFound',
          targetType: 'personalCertificate',
          targetId: row.id,
          regionCode: row.region_code,
          details: { userId: row.user_id, fingerprintSha256: row.fingerprint_sha256, serialNumber: row.serial_number, reason },
        });
        return true;
      });
      if (marked) revoked++;
    }
    return { checked: rows.length, revoked };
  }

  /** Checks the certificates of live sessions and the live personal certificates. */
  async function sweep(opts: { ocsp: boolean }): Promise<SweepResult> {
    const now = deps.clock.now();
    // Each sweep asks afresh: a cached "good" must not hide a revocation for longer than one interval.
    if (opts.ocsp) deps.ocsp.forget();
    const sessions = await sweepSessions(now, opts.ocsp);
    const personal = await sweepPersonal(now, opts.ocsp);
    return { checked: sessions.checked + personal.checked, ended: sessions.ended, personalRevoked: personal.revoked };
  }

  return { sweep };
}

export type RevocationSweep = ReturnType<typeof createRevocationSweep>;
