import { canonicalJson } from '@bidhall/crypto';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import type { FinanceDeps, GuaranteeIssuerPort } from './finance.deps.ts';
import { type GuaranteeApplicationTable, issuanceTables } from './issuance.tables.ts';

/** What the e-guarantee one-stop's services share: the audit that seals before the deadline, the caller's application, the refusals. */
export type AuditSubject = Pick<
  GuaranteeApplicationTable,
  'id' | 'bid_deadline' | 'region_code' | 'section_id' | 'round' | 'entity_id' | 'issuer_entity_id'
>;
export const system: Actor = { kind: 'system', label: 'finance.guarantee' };
export const canonical = (v: unknown) => Buffer.from(canonicalJson(v)).toString('utf8');
export const notFound = (id: string) =>
  new DomainError('GUARANTEE_APPLICATION_NOT_FOUND', 'no guarantee application of yours by this id', { applicationId: id });
export const conflict = (state: string, message: string) => new DomainError('GUARANTEE_STATE_CONFLICT', message, { state });
export const refusedBy = (err: unknown) =>
  err instanceof DomainError
    ? err
    : new DomainError('GUARANTEE_ISSUER_REFUSED', `the issuer refused: ${(err as Error).message}`, {
        reason: (err as Error).message,
      });

export function issuanceParts(deps: Pick<FinanceDeps, 'clock' | 'audit'>, issuer: GuaranteeIssuerPort | null) {
  const { clock } = deps;
  const t = issuanceTables;

  function port(): GuaranteeIssuerPort {
    if (!issuer) throw new DomainError('GUARANTEE_ISSUER_UNAVAILABLE', 'no issuer interface is configured');
    return issuer;
  }

  /** Audited with the section and the actor once the deadline has passed; before it, sealed. */
  async function record(trx: Db, actor: Actor, a: AuditSubject, action: string, details: Record<string, unknown> = {}) {
    const sealed = a.bid_deadline.getTime() > clock.now().getTime();
    await deps.audit.record(trx, sealed ? { kind: actor.kind, label: 'sealed until the bid deadline (A-107)' } : actor, {
      action,
      targetType: 'guaranteeApplication',
      targetId: a.id,
      regionCode: sealed ? null : a.region_code,
      details: sealed
        ? { sealed: true }
        : { sectionId: a.section_id, round: a.round, entityId: a.entity_id, issuerEntityId: a.issuer_entity_id, ...details },
    });
  }

  async function own(trx: Db, id: string, caller: Caller, lock = false) {
    let q = t(trx).selectFrom('finance.guarantee_application').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const a = await q.executeTakeFirst();
    if (!a || !caller.entity || a.entity_id !== caller.entity.id) throw notFound(id);
    return a;
  }

  return { port, record, own };
}
