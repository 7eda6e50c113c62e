import { randomUUID } from 'node:crypto';
import { isDutyKind, type createUserRequest, type UserKind } from '@bidhall/contracts';
import type { z } from 'zod';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import { type IdentityDeps, tables } from './identity.deps.ts';
import type { Selectable } from 'kysely';
import type { IdentityDb, UserAccountTable } from './identity.tables.ts';
import { assertPersonFreeForDuty } from './duty-separation.ts';
import { endSessions } from './end-sessions.ts';
import type { PasswordHasher } from './password.ts';
import { personRefOf, type PersonRef } from './person-ref.ts';
import { assertUsernameFree, translateUniqueViolation } from './uniqueness.ts';

export function toUserView(u: Selectable<UserAccountTable>) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    kind: u.kind as UserKind,
    entityId: u.entity_id,
    regionCode: u.region_code,
    department: u.department,
    categories: u.categories,
    status: u.status as 'active' | 'disabled',
    personHint: u.person_hint,
    totpEnabled: u.totp_enabled,
    createdAt: u.created_at.toISOString(),
    lastLoginAt: u.last_login_at ? u.last_login_at.toISOString() : null,
  };
}

export interface NewPlatformAccount {
  username: string;
  displayName: string;
  kind: Exclude<UserKind, 'entity'>;
  regionCode: string;
  department: string | null;
  categories: string[];
  passwordHash: string;
  person: PersonRef | null;
  createdBy: string | null;
}

/** Terms every way of making a platform account checks: region, department, person, duty. */
export async function assertAccountTerms(
  deps: Pick<IdentityDeps, 'regions'>,
  trx: IdentityDb,
  a: { kind: string; regionCode: string; department: string | null; personRef: string | null },
  except: { userId?: string; grantId?: string } = {},
) {
  if (!(await deps.regions.exists(a.regionCode))) throw new DomainError('REGION_UNKNOWN', `unknown region ${a.regionCode}`);
  if (a.kind === 'supervisor' && !a.department) throw new DomainError('ROLE_SEPARATION', 'a supervisor belongs to a supervising department');
  if (isDutyKind(a.kind)) {
    if (!a.personRef) throw new DomainError('PERSON_REQUIRED', 'an account of the three duties is bound to a person: give the identity number');
    await assertPersonFreeForDuty(trx, a.personRef, except);
  }
}

/** Inserts a platform account in the caller's transaction; the caller checked its terms and records it. */
export async function insertPlatformAccount(trx: IdentityDb, now: Date, a: NewPlatformAccount) {
  await assertUsernameFree(trx, a.username);
  return trx
    .insertInto('identity.user_account')
    .values({
      id: randomUUID(),
      username: a.username,
      display_name: a.displayName,
      kind: a.kind,
      entity_id: null,
      region_code: a.regionCode,
      department: a.department,
      categories: a.categories,
      password_hash: a.passwordHash,
      person_ref: a.person?.ref ?? null,
      person_hint: a.person?.hint ?? null,
      created_at: now,
      created_by: a.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Platform accounts (staff, supervisors, experts and the three duties). Accounts are granted through
 * account grants (account-grant.service.ts); `create` makes one directly and no route calls it: the
 * bootstrap of the first security administrators, the demo and tests use it.
 */
export function createUserService(deps: IdentityDeps & { passwords: PasswordHasher }) {
  async function create(input: z.output<typeof createUserRequest>, createdBy: string | null, actor: Actor) {
    const person = input.personIdNumber ? personRefOf(deps.personKey, input.personIdNumber) : null;
    const passwordHash = await deps.passwords.hash(input.password);
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const t = tables(trx);
        const department = input.department ?? null;
        await assertAccountTerms(deps, t, { kind: input.kind, regionCode: input.regionCode, department, personRef: person?.ref ?? null });
        const row = await insertPlatformAccount(t, deps.clock.now(), { ...input, department, passwordHash, person, createdBy });
        await deps.audit.record(trx, actor, {
          action: 'identity.user.created',
          targetType: 'user',
          targetId: row.id,
          regionCode: row.region_code,
          details: { username: row.username, kind: row.kind, department: row.department, categories: row.categories, personHint: row.person_hint },
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
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, kind: r.kind as UserKind }));
  }

  /**
   * Disabling takes access away, so one security administrator does it at once; its sessions end in
   * the same transaction. Enabling again is a grant (account-grant.service.ts).
   */
  async function disable(userId: string, by: string, reason: string, actor: Actor) {
    return deps.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      const user = await t.selectFrom('identity.user_account').selectAll().where('id', '=', userId).forUpdate().executeTakeFirst();
      if (!user || user.kind === 'entity') throw new DomainError('USER_NOT_FOUND', 'no such platform account');
      if (user.id === by) throw new DomainError('GRANT_OWN_ACCOUNT', 'a security administrator does not act on their own account');
      if (user.status !== 'active') throw new DomainError('USER_STATE_CONFLICT', 'the account is already disabled');
      const now = deps.clock.now();
      const row = await t.updateTable('identity.user_account').set({ status: 'disabled' }).where('id', '=', userId).returningAll().executeTakeFirstOrThrow();
      const sessionsEnded = await endSessions(trx, userId, 'disabled', now);
      await deps.audit.record(trx, actor, {
        action: 'identity.user.disabled',
        targetType: 'user',
        targetId: userId,
        regionCode: row.region_code,
        details: { username: row.username, kind: row.kind, reason, sessionsEnded },
      });
      return toUserView(row);
    });
  }

  return { create, list, names, disable };
}

export type UserService = ReturnType<typeof createUserService>;
