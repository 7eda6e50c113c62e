import { randomUUID } from 'node:crypto';
import { isPrivilegedKind, type accountGrantQuery, type accountGrantRequest, type AccountGrantView } from '@bidhall/contracts';
import type { Insertable, Selectable } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { applyGrant } from './account-grant.apply.ts';
import { columnsOf, grantDetails, termsOf, toGrantView } from './account-grant.mapper.ts';
import { assertNoDutyMove } from './duty-separation.ts';
import { type IdentityDeps, tables } from './identity.deps.ts';
import type { AccountGrantTable, IdentityDb, UserAccountTable } from './identity.tables.ts';
import type { PasswordHasher } from './password.ts';
import { personRefOf, type PersonRef } from './person-ref.ts';
import { assertUsernameFree, translateUniqueViolation } from './uniqueness.ts';
import { assertAccountTerms } from './user.service.ts';

type GrantRequest = z.output<typeof accountGrantRequest>;
type GrantRow = Selectable<AccountGrantTable>;
type Account = Selectable<UserAccountTable>;

/** The acting security administrator, re-read in the transaction: the route checked the role at the door. */
async function securityAdmin(t: IdentityDb, id: string): Promise<Account> {
  const user = await t.selectFrom('identity.user_account').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user || user.kind !== 'securityAdmin' || user.status !== 'active') throw new DomainError('FORBIDDEN', 'only an active security administrator grants accounts');
  return user;
}

async function platformAccount(t: IdentityDb, id: string): Promise<Account> {
  const user = await t.selectFrom('identity.user_account').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!user || user.kind === 'entity') throw new DomainError('USER_NOT_FOUND', 'no such platform account');
  return user;
}

/** A security administrator neither grants to nor decides for their own account or person. */
function assertNotOwn(actor: Account, subject: { userId: string | null; personRef: string | null }) {
  if (subject.userId === actor.id || (subject.personRef !== null && subject.personRef === actor.person_ref)) {
    throw new DomainError('GRANT_OWN_ACCOUNT', 'a security administrator does not grant to their own account or person');
  }
}

async function assertNoOpenGrant(t: IdentityDb, userId: string) {
  const open = await t.selectFrom('identity.account_grant').select('id').where('user_id', '=', userId).where('status', '=', 'pending').executeTakeFirst();
  if (open) throw new DomainError('GRANT_ALREADY_OPEN', 'a grant for this account is waiting for approval', { grantId: open.id });
}

const sameTerms = (a: ReturnType<typeof termsOf>, b: ReturnType<typeof termsOf>) =>
  a.kind === b.kind && a.regionCode === b.regionCode && a.department === b.department && [...a.categories].sort().join() === [...b.categories].sort().join();

/**
 * Grants of platform accounts (三员分立, decision 0012): only a security administrator proposes one;
 * a privileged grant (the three duties, staff, supervisors) waits for a second security administrator,
 * who approves or rejects it. The account is created or changed only by the approval. Every step is
 * in the audit trail and, through it, in the public log.
 */
export function createAccountGrantService(deps: IdentityDeps & { passwords: PasswordHasher }) {
  /** What a request asks for, checked against the accounts as they are now. */
  async function draft(t: IdentityDb, input: GrantRequest, person: PersonRef | null, proposer: Account) {
    if (input.action === 'create') {
      assertNotOwn(proposer, { userId: null, personRef: person!.ref });
      await assertUsernameFree(t, input.username);
      const department = input.department ?? null;
      await assertAccountTerms(deps, t, { kind: input.kind, regionCode: input.regionCode, department, personRef: person!.ref });
      return {
        user_id: null,
        username: input.username,
        display_name: input.displayName,
        kind: input.kind,
        region_code: input.regionCode,
        department,
        categories: input.categories,
        person_ref: person!.ref,
        person_hint: person!.hint,
        previous: null,
        privileged: isPrivilegedKind(input.kind),
      };
    }
    const target = await platformAccount(t, input.userId);
    assertNotOwn(proposer, { userId: target.id, personRef: target.person_ref });
    if (person) assertNotOwn(proposer, { userId: null, personRef: person.ref });
    await assertNoOpenGrant(t, target.id);
    const previous = termsOf(target);
    const base = { user_id: target.id, username: target.username, display_name: target.display_name, previous: JSON.stringify(previous) };
    if (input.action === 'enable') {
      if (target.status !== 'disabled') throw new DomainError('USER_STATE_CONFLICT', 'the account is not disabled');
      return { ...base, ...columnsOf(previous), person_ref: target.person_ref, person_hint: target.person_hint, privileged: isPrivilegedKind(target.kind) };
    }
    assertNoDutyMove(target.kind, input.kind);
    const next = { kind: input.kind, regionCode: input.regionCode, department: input.department ?? null, categories: input.categories };
    const personRef = person?.ref ?? target.person_ref;
    if (sameTerms(previous, next) && personRef === target.person_ref) throw new DomainError('GRANT_NO_CHANGE', 'the proposed terms are the account’s current terms');
    await assertAccountTerms(deps, t, { ...next, personRef }, { userId: target.id });
    return {
      ...base,
      ...columnsOf(next),
      person_ref: personRef,
      person_hint: person?.hint ?? target.person_hint,
      privileged: isPrivilegedKind(target.kind) || isPrivilegedKind(input.kind),
    };
  }

  async function propose(input: GrantRequest, proposerId: string, actor: Actor): Promise<AccountGrantView> {
    const passwordHash = input.action === 'create' ? await deps.passwords.hash(input.password) : null;
    const person = input.action !== 'enable' && input.personIdNumber ? personRefOf(deps.personKey, input.personIdNumber) : null;
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const t = tables(trx);
        const proposer = await securityAdmin(t, proposerId);
        const values: Insertable<AccountGrantTable> = {
          id: randomUUID(),
          action: input.action,
          status: 'pending',
          ...(await draft(t, input, person, proposer)),
          password_hash: passwordHash,
          reason: input.reason,
          proposed_by: proposer.id,
          proposed_at: deps.clock.now(),
        };
        const row = await t.insertInto('identity.account_grant').values(values).returningAll().executeTakeFirstOrThrow();
        await deps.audit.record(trx, actor, { action: 'identity.grant.proposed', targetType: 'accountGrant', targetId: row.id, regionCode: row.region_code, details: grantDetails(row) });
        // Not privileged (an expert): one security administrator suffices and the grant applies at once.
        return toGrantView(row.privileged ? row : await applyGrant(deps, trx, row, null, null, actor));
      });
    } catch (err) {
      translateUniqueViolation(err);
    }
  }

  async function decide<T>(grantId: string, deciderId: string, step: (trx: Db, grant: GrantRow, decider: Account) => Promise<T>): Promise<T> {
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const t = tables(trx);
        const decider = await securityAdmin(t, deciderId);
        const grant = await t.selectFrom('identity.account_grant').selectAll().where('id', '=', grantId).forUpdate().executeTakeFirst();
        if (!grant) throw new DomainError('GRANT_NOT_FOUND', 'no such grant');
        if (grant.status !== 'pending') throw new DomainError('GRANT_NOT_PENDING', `the grant is already ${grant.status}`, { status: grant.status });
        return step(trx, grant, decider);
      });
    } catch (err) {
      translateUniqueViolation(err);
    }
  }

  /** The second security administrator's approval applies the grant. */
  async function approve(grantId: string, approverId: string, note: string | null, actor: Actor): Promise<AccountGrantView> {
    return decide(grantId, approverId, async (trx, grant, approver) => {
      if (grant.proposed_by === approver.id) throw new DomainError('GRANT_OWN_PROPOSAL', 'a second security administrator approves a grant, not its proposer');
      assertNotOwn(approver, { userId: grant.user_id, personRef: grant.person_ref });
      return toGrantView(await applyGrant(deps, trx, grant, approver.id, note, actor));
    });
  }

  /** Another security administrator rejects a grant; its proposer may withdraw it the same way. */
  async function reject(grantId: string, deciderId: string, note: string, actor: Actor): Promise<AccountGrantView> {
    return decide(grantId, deciderId, async (trx, grant, decider) => {
      const row = await tables(trx)
        .updateTable('identity.account_grant')
        .set({ status: 'rejected', decided_by: decider.id, decided_at: deps.clock.now(), decision_note: note, password_hash: null })
        .where('id', '=', grant.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await deps.audit.record(trx, actor, {
        action: decider.id === grant.proposed_by ? 'identity.grant.withdrawn' : 'identity.grant.rejected',
        targetType: 'accountGrant',
        targetId: grant.id,
        regionCode: grant.region_code,
        details: { ...grantDetails(row), note },
      });
      return toGrantView(row);
    });
  }

  async function list(query: z.output<typeof accountGrantQuery>) {
    let q = tables(deps.db).selectFrom('identity.account_grant').selectAll().orderBy('proposed_at', 'desc').orderBy('id').limit(query.limit);
    if (query.status) q = q.where('status', '=', query.status);
    return (await q.execute()).map(toGrantView);
  }

  return { propose, approve, reject, list };
}

export type AccountGrantService = ReturnType<typeof createAccountGrantService>;
