import { randomUUID } from 'node:crypto';
import type { createUserRequest } from '@bidhall/contracts';
import type { z } from 'zod';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import { type IdentityDeps, tables } from './identity.deps.ts';
import type { Selectable } from 'kysely';
import type { UserAccountTable } from './identity.tables.ts';
import { hashPassword } from './password.ts';
import { assertUsernameFree, translateUniqueViolation } from './uniqueness.ts';

export function toUserView(u: Selectable<UserAccountTable>) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    kind: u.kind as 'entity' | 'staff' | 'supervisor' | 'expert' | 'auditor' | 'admin',
    entityId: u.entity_id,
    regionCode: u.region_code,
    department: u.department,
    categories: u.categories,
    status: u.status as 'active' | 'disabled',
    totpEnabled: u.totp_enabled,
    createdAt: u.created_at.toISOString(),
    lastLoginAt: u.last_login_at ? u.last_login_at.toISOString() : null,
  };
}

/** Platform accounts (staff, supervisors, experts, auditors, administrators), created by an administrator. */
export function createUserService(deps: IdentityDeps) {
  async function create(input: z.output<typeof createUserRequest>, createdBy: string | null, actor: Actor) {
    if (!(await deps.regions.exists(input.regionCode))) throw new DomainError('REGION_UNKNOWN', `unknown region ${input.regionCode}`);
    if (input.kind === 'supervisor' && !input.department) {
      throw new DomainError('ROLE_SEPARATION', 'a supervisor belongs to a supervising department');
    }
    const passwordHash = await hashPassword(input.password);
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const t = tables(trx);
        await assertUsernameFree(t, input.username);
        const row = await t
          .insertInto('identity.user_account')
          .values({
            id: randomUUID(),
            username: input.username,
            display_name: input.displayName,
            kind: input.kind,
            entity_id: null,
            region_code: input.regionCode,
            department: input.department ?? null,
            categories: input.categories,
            password_hash: passwordHash,
            created_at: deps.clock.now(),
            created_by: createdBy,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await deps.audit.record(trx, actor, {
          action: 'identity.user.created',
          targetType: 'user',
          targetId: row.id,
          regionCode: row.region_code,
          details: { username: row.username, kind: row.kind, department: row.department, categories: row.categories },
        });
        return toUserView(row);
      });
    } catch (err) {
      translateUniqueViolation(err);
    }
  }

  async function list(filter: { kind?: string; entityId?: string }) {
    let q = tables(deps.db).selectFrom('identity.user_account').selectAll().orderBy('created_at');
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
    return (await q.execute()).map(toUserView);
  }

  /** Names behind the ids that views carry (verifier, status changer, actor). */
  async function names(ids: string[]) {
    if (ids.length === 0) return [];
    const rows = await tables(deps.db)
      .selectFrom('identity.user_account')
      .select(['id', 'display_name', 'kind'])
      .where('id', 'in', ids)
      .execute();
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, kind: r.kind as ReturnType<typeof toUserView>['kind'] }));
  }

  return { create, list, names };
}

export type UserService = ReturnType<typeof createUserService>;
