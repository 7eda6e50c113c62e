import { randomUUID } from 'node:crypto';
import type { BoundCertificateView } from '@bidhall/contracts';
import type { OcspChecker } from '@bidhall/crypto';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { boundColumns, certificateToBind, liveBindingOf } from './certificate-binding.ts';
import { assertMatchesEntity } from './certificate-check.ts';
import type { CertificateTrust } from './certificate-trust.ts';
import { type IdentityDeps, tables } from './identity.deps.ts';
import type { CertificateTable } from './identity.tables.ts';
import { endSessions } from './end-sessions.ts';

const DAY = 86_400_000;
export const EXPIRY_WINDOW_DAYS = 30;

export function toCertificateView(c: CertificateTable, now: Date): BoundCertificateView {
  const days = Math.ceil((c.not_after.getTime() - now.getTime()) / DAY);
  const expired = c.not_after.getTime() <= now.getTime();
  const status: BoundCertificateView['status'] = c.unbound_at
    ? 'unbound'
    : expired
      ? 'expired'
      : c.not_before.getTime() > now.getTime()
        ? 'notYetValid'
        : days <= EXPIRY_WINDOW_DAYS
          ? 'expiring'
          : 'valid';
  return {
    id: c.id,
    entityId: c.entity_id,
    userId: c.user_id,
    serialNumber: c.serial_number,
    issuer: c.issuer,
    subjectName: c.subject_name,
    notBefore: c.not_before.toISOString(),
    notAfter: c.not_after.toISOString(),
    fingerprintSha256: c.fingerprint_sha256,
    keyId: c.key_id,
    keyAlg: c.key_alg,
    boundAt: c.bound_at.toISOString(),
    boundBy: c.bound_by,
    unboundAt: c.unbound_at?.toISOString() ?? null,
    status,
    expiresWithinDays: !c.unbound_at && !expired && days <= EXPIRY_WINDOW_DAYS ? days : null,
  };
}

/** Who binds: an account of the entity; the certificate then logs in as that account. */
export interface Binder {
  userId: string;
  entityId: string;
}

/**
 * Binding certificates of the recognised CAs to market entities (A-12, task 12): valid now, chained
 * to a recognised CA, not revoked, fit for signing, naming the entity's registered name, and bound
 * to no one else. One entity may bind several certificates.
 */
export function createCertificateService(deps: IdentityDeps & { trust: CertificateTrust; ocsp?: OcspChecker }) {
  const db = tables(deps.db);

  async function list(entityId: string): Promise<BoundCertificateView[]> {
    const rows = await db
      .selectFrom('identity.certificate')
      .selectAll()
      .where('entity_id', '=', entityId)
      .orderBy('bound_at', 'desc')
      .orderBy('id')
      .execute();
    const now = deps.clock.now();
    return rows.map((r) => toCertificateView(r, now));
  }

  async function bind(binder: Binder, certificate: string, actor: Actor): Promise<BoundCertificateView> {
    const now = deps.clock.now();
    const entity = await db
      .selectFrom('identity.market_entity')
      .select(['id', 'name', 'credit_code', 'status', 'region_code'])
      .where('id', '=', binder.entityId)
      .executeTakeFirst();
    if (!entity) throw new DomainError('ENTITY_NOT_FOUND', 'no such entity');
    if (entity.status !== 'active')
      throw new DomainError('ENTITY_STATE_CONFLICT', `an entity that is ${entity.status} binds no certificate`);
    const cert = await certificateToBind(deps, certificate, now);
    const { leaf, chain, fingerprint } = cert;
    assertMatchesEntity(leaf, { name: entity.name, creditCode: entity.credit_code });

    try {
      return await deps.db.transaction().execute(async (trx) => {
        const t = tables(trx);
        // One live binding per certificate, an evaluator's personal one included (decision 0026).
        const existing = await liveBindingOf(trx, fingerprint);
        if (existing) throw alreadyBound(existing.kind === 'entity' && existing.entityId === entity.id, existing.id);
        const row = await t
          .insertInto('identity.certificate')
          .values({
            id: randomUUID(),
            entity_id: entity.id,
            user_id: binder.userId,
            ...boundColumns(cert),
            bound_at: now,
            bound_by: actor.id ?? binder.userId,
            unbound_at: null,
            unbound_by: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await deps.audit.record(trx, actor, {
          action: 'identity.certificate.bound',
          targetType: 'certificate',
          targetId: row.id,
          regionCode: entity.region_code,
          details: {
            entityId: entity.id,
            userId: binder.userId,
            fingerprintSha256: fingerprint,
            serialNumber: leaf.serialNumber,
            issuer: leaf.issuer.text,
            subject: leaf.subject.text,
            notAfter: leaf.notAfter.toISOString(),
            keyAlg: leaf.keyAlg,
            anchor: chain.anchor.subject.text,
            revocation: chain.revocation,
          },
        });
        return toCertificateView(row, now);
      });
    } catch (err) {
      // Two binds of one certificate at once: the partial unique index decides.
      const e = err as { code?: string; constraint?: string };
      if (e.code === '23505' && e.constraint === 'certificate_live_fingerprint_key') throw alreadyBound(false);
      throw err;
    }
  }

  /** Ends a binding; sessions opened with the certificate end with it. */
  async function unbind(entityId: string, certificateId: string, actor: Actor): Promise<BoundCertificateView> {
    const now = deps.clock.now();
    return deps.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      const row = await t
        .updateTable('identity.certificate')
        .set({ unbound_at: now, unbound_by: actor.id ?? null })
        .where('id', '=', certificateId)
        .where('entity_id', '=', entityId)
        .where('unbound_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new DomainError('CERTIFICATE_NOT_FOUND', 'no such bound certificate');
      const ended = await endSessions(trx, { certificateId: row.id }, 'certificateUnbound', now);
      const entity = await t
        .selectFrom('identity.market_entity')
        .select('region_code')
        .where('id', '=', entityId)
        .executeTakeFirstOrThrow();
      await deps.audit.record(trx, actor, {
        action: 'identity.certificate.unbound',
        targetType: 'certificate',
        targetId: row.id,
        regionCode: entity.region_code,
        details: {
          entityId,
          fingerprintSha256: row.fingerprint_sha256,
          serialNumber: row.serial_number,
          endedSessions: ended,
        },
      });
      return toCertificateView(row, now);
    });
  }

  return { list, bind, unbind };
}

function alreadyBound(toSameEntity: boolean, id?: string): DomainError {
  return toSameEntity
    ? new DomainError('CERTIFICATE_ALREADY_BOUND', 'this certificate is already bound to your entity', { certificateId: id })
    : new DomainError('CERTIFICATE_BOUND_ELSEWHERE', 'this certificate is bound to another account');
}

export type CertificateService = ReturnType<typeof createCertificateService>;
