import { randomUUID } from 'node:crypto';
import type { EntityProfile } from '@bidhall/contracts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { type IdentityDeps, tables } from './identity.deps.ts';
import { type ProfilePatch, profileColumns, profileOf, toChangeView, toEntityView } from './entity.mapper.ts';
import { assertEntityUnique, translateUniqueViolation } from './uniqueness.ts';
import { syncEntity } from './entity-sync.ts';

type ProposedProfile = Omit<ProfilePatch, 'creditCode'>;

/**
 * Changes to verified data: proposed by the entity, in effect only once staff
 * verify them; until then the old data stays. One open change at a time, frozen while pending.
 */
export function createChangeService(deps: IdentityDeps) {
  async function propose(principal: Principal, entityId: string, proposed: ProposedProfile, submit: boolean, actor: Actor) {
    if (principal.entity?.id !== entityId) throw new DomainError('ENTITY_NOT_FOUND', 'no such entity');
    if (proposed.regionCode && !(await deps.regions.exists(proposed.regionCode))) {
      throw new DomainError('REGION_UNKNOWN', `unknown region ${proposed.regionCode}`);
    }
    const now = deps.clock.now();
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const t = tables(trx);
        const entity = await t.selectFrom('identity.market_entity').selectAll().where('id', '=', entityId).executeTakeFirstOrThrow();
        if (entity.status !== 'active' && entity.status !== 'suspended') {
          throw new DomainError('ENTITY_STATE_CONFLICT', 'changes are proposed for verified entities; edit the registration instead');
        }
        const open = await t
          .selectFrom('identity.entity_change')
          .select(['id', 'status'])
          .where('entity_id', '=', entityId)
          .where('status', 'in', ['draft', 'pending'])
          .executeTakeFirst();
        if (open) throw new DomainError('CHANGE_ALREADY_OPEN', `change ${open.id} is ${open.status}; finish it first`, { changeId: open.id });
        await assertEntityUnique(t, { name: proposed.name }, entityId);
        const current = profileOf(toEntityView(entity));
        const previous = Object.fromEntries(Object.keys(proposed).map((k) => [k, current[k as keyof EntityProfile] ?? null]));
        const row = await t
          .insertInto('identity.entity_change')
          .values({
            id: randomUUID(),
            entity_id: entityId,
            status: submit ? 'pending' : 'draft',
            proposed: JSON.stringify(proposed),
            previous: JSON.stringify(previous),
            created_by: principal.userId,
            created_at: now,
            submitted_at: submit ? now : null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await deps.audit.record(trx, actor, {
          action: submit ? 'identity.change.submitted' : 'identity.change.drafted',
          targetType: 'marketEntity',
          targetId: entityId,
          regionCode: entity.region_code,
          details: { changeId: row.id, proposed },
        });
        return toChangeView(row);
      });
    } catch (err) {
      translateUniqueViolation(err);
    }
  }

  async function loadOwnChange(principal: Principal, changeId: string) {
    const row = await tables(deps.db).selectFrom('identity.entity_change').selectAll().where('id', '=', changeId).executeTakeFirst();
    if (!row || row.entity_id !== principal.entity?.id) throw new DomainError('CHANGE_NOT_FOUND', 'no such change');
    return row;
  }

  /** Only a draft change is edited, submitted or withdrawn by the entity. */
  async function updateDraft(principal: Principal, changeId: string, action: 'submit' | 'withdraw', actor: Actor) {
    const row = await loadOwnChange(principal, changeId);
    const allowedFrom = action === 'withdraw' ? ['draft', 'pending'] : ['draft'];
    if (!allowedFrom.includes(row.status)) {
      throw new DomainError('CHANGE_NOT_EDITABLE', `a change that is ${row.status} cannot be ${action === 'submit' ? 'submitted' : 'withdrawn'}`);
    }
    const now = deps.clock.now();
    return deps.db.transaction().execute(async (trx) => {
      const updated = await tables(trx)
        .updateTable('identity.entity_change')
        .set(action === 'submit' ? { status: 'pending', submitted_at: now } : { status: 'withdrawn' })
        .where('id', '=', changeId)
        .where('status', 'in', allowedFrom)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw new DomainError('CHANGE_NOT_EDITABLE', 'the change moved on meanwhile');
      await deps.audit.record(trx, actor, {
        action: `identity.change.${action === 'submit' ? 'submitted' : 'withdrawn'}`,
        targetType: 'marketEntity',
        targetId: row.entity_id,
        details: { changeId },
      });
      return toChangeView(updated);
    });
  }

  async function listForEntity(principal: Principal, entityId: string) {
    if (principal.entity?.id !== entityId && principal.kind === 'entity') throw new DomainError('ENTITY_NOT_FOUND', 'no such entity');
    const rows = await tables(deps.db)
      .selectFrom('identity.entity_change')
      .selectAll()
      .where('entity_id', '=', entityId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toChangeView);
  }

  /** Staff: pending changes in their region. */
  async function pending(scope: string[]) {
    const rows = await tables(deps.db)
      .selectFrom('identity.entity_change as c')
      .innerJoin('identity.market_entity as e', 'e.id', 'c.entity_id')
      .selectAll('c')
      .select(['e.name as entityName', 'e.credit_code as creditCode'])
      .where('c.status', '=', 'pending')
      .where('e.region_code', 'in', scope)
      .orderBy('c.submitted_at')
      .execute();
    return rows.map((r) => ({ ...toChangeView(r), entityName: r.entityName, creditCode: r.creditCode }));
  }

  /** Staff verify a change: approval applies it, rejection leaves the old data in force. */
  async function verify(principal: Principal, scope: string[], changeId: string, decision: 'approve' | 'reject', note: string, actor: Actor) {
    const now = deps.clock.now();
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const t = tables(trx);
        const change = await t.selectFrom('identity.entity_change').selectAll().where('id', '=', changeId).executeTakeFirst();
        const entity = change
          ? await t.selectFrom('identity.market_entity').selectAll().where('id', '=', change.entity_id).executeTakeFirst()
          : undefined;
        if (!change || !entity || !scope.includes(entity.region_code)) throw new DomainError('CHANGE_NOT_FOUND', 'no such change in your region');
        if (change.status !== 'pending') throw new DomainError('CHANGE_NOT_EDITABLE', `a change that is ${change.status} cannot be verified`);
        const updated = await t
          .updateTable('identity.entity_change')
          .set({ status: decision === 'approve' ? 'approved' : 'rejected', verified_by: principal.userId, verified_at: now, verification_note: note || null })
          .where('id', '=', changeId)
          .where('status', '=', 'pending')
          .returningAll()
          .executeTakeFirstOrThrow();
        const proposed = toChangeView(updated).proposed;
        if (decision === 'approve') {
          await assertEntityUnique(t, { name: proposed.name }, entity.id);
          await t
            .updateTable('identity.market_entity')
            .set({ ...profileColumns(proposed), updated_at: now })
            .where('id', '=', entity.id)
            .execute();
          await syncEntity(deps, trx, entity.id, 'changed');
        }
        await deps.audit.record(trx, actor, {
          action: decision === 'approve' ? 'identity.change.approved' : 'identity.change.rejected',
          targetType: 'marketEntity',
          targetId: entity.id,
          regionCode: entity.region_code,
          details: { changeId, note, proposed },
        });
        await deps.notify(trx, {
          recipientKind: 'entity',
          recipientId: entity.id,
          topic: 'verification',
          title: decision === 'approve' ? '信息变更已生效' : '信息变更未通过',
          body: decision === 'approve' ? '贵单位提交的信息变更已审核通过并生效。' : `审核意见：${note}。原信息继续有效。`,
          link: '/workspace',
        });
        return toChangeView(updated);
      });
    } catch (err) {
      translateUniqueViolation(err);
    }
  }

  return { propose, updateDraft, listForEntity, pending, verify };
}

export type ChangeService = ReturnType<typeof createChangeService>;
