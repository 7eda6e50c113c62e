import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { EntityView, postCheckRequest, entityListQuery } from '@bidhall/contracts';
import type { z } from 'zod';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { type IdentityDeps, tables } from './identity.deps.ts';
import { toEntityView } from './entity.mapper.ts';
import { syncEntity } from './entity-sync.ts';
import type { MarketEntityTable } from './identity.tables.ts';

// Status sorts in workflow order, not alphabetically.
const STATUS_ORDER = sql<number>`array_position(ARRAY['draft','pending','active','rejected','suspended','cancelled']::text[], status)`;
const SORT_COLUMNS = {
  name: 'name',
  regionCode: 'region_code',
  status: STATUS_ORDER,
  submittedAt: 'submitted_at',
  createdAt: 'created_at',
} as const;

type StatusAction = 'suspend' | 'reinstate' | 'cancel';
const TRANSITIONS: Record<StatusAction, { from: string[]; to: string }> = {
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  cancel: { from: ['pending', 'active', 'suspended', 'rejected'], to: 'cancelled' },
};

const STATUS_TITLES: Record<string, string> = {
  suspended: '主体资格已暂停',
  active: '主体资格已恢复',
  cancelled: '主体已注销',
};

/** Staff side of admission: verification queue, status control and post-checks (A-04…A-09, task 9). */
export function createVerificationService(deps: IdentityDeps) {
  /** Staff see their region and the regions under it (task 2); supervisors and auditors read the same way. */
  async function scopeOf(principal: Principal): Promise<string[]> {
    return deps.regions.codesWithin(principal.regionCode);
  }

  async function loadScoped(principal: Principal, entityId: string, db: Db = deps.db): Promise<MarketEntityTable> {
    const row = await tables(db).selectFrom('identity.market_entity').selectAll().where('id', '=', entityId).executeTakeFirst();
    if (!row || !(await scopeOf(principal)).includes(row.region_code)) {
      throw new DomainError('ENTITY_NOT_FOUND', 'no such entity in your region');
    }
    return row;
  }

  async function list(principal: Principal, query: z.output<typeof entityListQuery>) {
    const scope = await scopeOf(principal);
    let q = tables(deps.db).selectFrom('identity.market_entity').where('region_code', 'in', scope);
    if (query.status) q = q.where('status', '=', query.status);
    if (query.postCheck) q = q.where('post_check', '=', query.postCheck);
    if (query.regionCode) q = q.where('region_code', '=', query.regionCode);
    // A text[] parameter is sent as a JS array, which PGlite cannot cast: compare one element instead.
    if (query.role) q = q.where(sql<boolean>`${query.role} = ANY(roles)`);
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('credit_code', 'ilike', like)]));
    }
    const [rows, total] = await Promise.all([
      q.selectAll().orderBy(SORT_COLUMNS[query.sort], query.order).orderBy('id').limit(query.limit).offset(query.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toEntityView), total: Number(total.n) };
  }

  async function get(principal: Principal, entityId: string) {
    const row = await loadScoped(principal, entityId);
    const checks = await tables(deps.db)
      .selectFrom('identity.post_check')
      .selectAll()
      .where('entity_id', '=', entityId)
      .orderBy('checked_at', 'desc')
      .execute();
    return {
      entity: toEntityView(row),
      postChecks: checks.map((c) => ({
        id: c.id,
        entityId: c.entity_id,
        checkKind: c.check_kind,
        result: c.result as 'passed' | 'failed',
        note: c.note,
        checkedBy: c.checked_by,
        checkedAt: c.checked_at.toISOString(),
      })),
    };
  }

  /** Approves or rejects a registration waiting for review; verifier and time are recorded (A-04, A-05). */
  async function verify(principal: Principal, entityId: string, decision: 'approve' | 'reject', note: string, actor: Actor) {
    await loadScoped(principal, entityId);
    const now = deps.clock.now();
    return deps.db.transaction().execute(async (trx) => {
      const row = await tables(trx)
        .updateTable('identity.market_entity')
        .set({
          status: decision === 'approve' ? 'active' : 'rejected',
          verified_by: principal.userId,
          verified_at: now,
          verification_note: note || null,
          updated_at: now,
        })
        .where('id', '=', entityId)
        .where('status', '=', 'pending')
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new DomainError('ENTITY_STATE_CONFLICT', 'only a registration pending verification can be verified');
      await deps.audit.record(trx, actor, {
        action: decision === 'approve' ? 'identity.entity.approved' : 'identity.entity.rejected',
        targetType: 'marketEntity',
        targetId: entityId,
        regionCode: row.region_code,
        details: { note },
      });
      if (decision === 'approve') await syncEntity(deps, trx, entityId, 'admitted');
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: entityId,
        topic: 'verification',
        title: decision === 'approve' ? '注册信息审核通过' : '注册信息审核未通过',
        body: decision === 'approve' ? '贵单位注册信息已审核通过，可以开展交易业务。' : `审核意见：${note}。请修改后重新提交。`,
        link: '/workspace',
      });
      return toEntityView(row);
    });
  }

  async function changeStatus(principal: Principal, entityId: string, action: StatusAction, reason: string, actor: Actor, db?: Db) {
    const run = async (trx: Db): Promise<EntityView> => {
      const current = await loadScoped(principal, entityId, trx);
      const rule = TRANSITIONS[action];
      if (!rule.from.includes(current.status)) {
        throw new DomainError('ENTITY_STATE_CONFLICT', `cannot ${action} an entity that is ${current.status}`, { status: current.status });
      }
      const now = deps.clock.now();
      const row = await tables(trx)
        .updateTable('identity.market_entity')
        .set({ status: rule.to, status_reason: reason, status_changed_by: principal.userId, status_changed_at: now, updated_at: now })
        .where('id', '=', entityId)
        .where('status', '=', current.status)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new DomainError('ENTITY_STATE_CONFLICT', 'the entity changed state meanwhile');
      await deps.audit.record(trx, actor, {
        action: `identity.entity.${rule.to === 'active' ? 'reinstated' : rule.to}`,
        targetType: 'marketEntity',
        targetId: entityId,
        regionCode: row.region_code,
        details: { from: current.status, to: rule.to, reason },
      });
      // Only an admitted entity's record is held by the public service platform; a pending one's is not.
      if (current.status === 'active' || current.status === 'suspended') {
        await syncEntity(deps, trx, entityId, rule.to === 'active' ? 'reinstated' : (rule.to as 'suspended' | 'cancelled'));
      }
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: entityId,
        topic: 'status',
        title: STATUS_TITLES[rule.to] ?? '主体状态变更',
        body: `原因：${reason}`,
        link: '/workspace',
      });
      return toEntityView(row);
    };
    return db ? run(db) : deps.db.transaction().execute(run);
  }

  /** Records a check made after instant admission; a failure suspends the entity unless staff say otherwise. */
  async function recordPostCheck(principal: Principal, entityId: string, input: z.output<typeof postCheckRequest>, actor: Actor) {
    const current = await loadScoped(principal, entityId);
    if (current.admission !== 'commitment' || current.status === 'draft') {
      throw new DomainError('ENTITY_STATE_CONFLICT', 'post-checks apply to entities admitted on a commitment');
    }
    const now = deps.clock.now();
    return deps.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      await t
        .insertInto('identity.post_check')
        .values({ id: randomUUID(), entity_id: entityId, check_kind: input.checkKind, result: input.result, note: input.note, checked_by: principal.userId, checked_at: now })
        .execute();
      await t.updateTable('identity.market_entity').set({ post_check: input.result, updated_at: now }).where('id', '=', entityId).execute();
      await deps.audit.record(trx, actor, {
        action: 'identity.entity.postChecked',
        targetType: 'marketEntity',
        targetId: entityId,
        regionCode: current.region_code,
        details: { checkKind: input.checkKind, result: input.result, note: input.note },
      });
      if (input.result === 'failed' && input.suspendOnFailure && current.status === 'active') {
        return changeStatus(principal, entityId, 'suspend', `事后核查未通过：${input.note}`, actor, trx);
      }
      const row = await t.selectFrom('identity.market_entity').selectAll().where('id', '=', entityId).executeTakeFirstOrThrow();
      return toEntityView(row);
    });
  }

  return { list, get, verify, changeStatus, recordPostCheck, scopeOf };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
