import type { Selectable } from 'kysely';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { grantDetails, termsOf } from './account-grant.mapper.ts';
import { assertNoDutyMove } from './duty-separation.ts';
import { type IdentityDeps, tables } from './identity.deps.ts';
import type { AccountGrantTable, UserAccountTable } from './identity.tables.ts';
import { assertAccountTerms, insertPlatformAccount, type NewPlatformAccount } from './user.service.ts';

type GrantRow = Selectable<AccountGrantTable>;

/**
 * Makes a grant true of the account, in the deciding transaction: the terms are checked again against
 * the accounts as they are now (another grant may have bound the same person meanwhile). `approvedBy`
 * is null for a grant that needs no second approval.
 */
export async function applyGrant(deps: IdentityDeps, trx: Db, grant: GrantRow, approvedBy: string | null, note: string | null, actor: Actor): Promise<GrantRow> {
  const t = tables(trx);
  const now = deps.clock.now();
  let account: Selectable<UserAccountTable>;
  let action: string;
  let changes: Record<string, unknown>;
  if (grant.action === 'create') {
    await assertAccountTerms(deps, t, { kind: grant.kind, regionCode: grant.region_code, department: grant.department, personRef: grant.person_ref }, { grantId: grant.id });
    account = await insertPlatformAccount(t, now, {
      username: grant.username,
      displayName: grant.display_name,
      kind: grant.kind as NewPlatformAccount['kind'],
      regionCode: grant.region_code,
      department: grant.department,
      categories: grant.categories,
      passwordHash: grant.password_hash!,
      person: grant.person_ref ? { ref: grant.person_ref, hint: grant.person_hint ?? '' } : null,
      createdBy: approvedBy ?? grant.proposed_by,
    });
    action = 'identity.user.created';
    changes = { ...termsOf(account), personHint: account.person_hint };
  } else {
    const target = await t.selectFrom('identity.user_account').selectAll().where('id', '=', grant.user_id!).forUpdate().executeTakeFirstOrThrow();
    if (grant.action === 'enable') {
      if (target.status !== 'disabled') throw new DomainError('USER_STATE_CONFLICT', 'the account is not disabled');
      account = await t.updateTable('identity.user_account').set({ status: 'active', failed_logins: 0, locked_until: null }).where('id', '=', target.id).returningAll().executeTakeFirstOrThrow();
      action = 'identity.user.enabled';
      changes = termsOf(account);
    } else {
      assertNoDutyMove(target.kind, grant.kind);
      await assertAccountTerms(deps, t, { kind: grant.kind, regionCode: grant.region_code, department: grant.department, personRef: grant.person_ref }, { userId: target.id, grantId: grant.id });
      account = await t
        .updateTable('identity.user_account')
        .set({
          kind: grant.kind,
          region_code: grant.region_code,
          department: grant.department,
          categories: grant.categories,
          person_ref: grant.person_ref,
          person_hint: grant.person_hint,
        })
        .where('id', '=', target.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      action = 'identity.user.changed';
      changes = { previous: termsOf(target), next: termsOf(account), personHint: account.person_hint };
    }
  }
  const decided = await t
    .updateTable('identity.account_grant')
    .set({ status: 'approved', user_id: account.id, decided_by: approvedBy, decided_at: now, decision_note: note, password_hash: null })
    .where('id', '=', grant.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (approvedBy) {
    await deps.audit.record(trx, actor, {
      action: 'identity.grant.approved',
      targetType: 'accountGrant',
      targetId: grant.id,
      regionCode: grant.region_code,
      details: { ...grantDetails(decided), note },
    });
  }
  await deps.audit.record(trx, actor, {
    action,
    targetType: 'user',
    targetId: account.id,
    regionCode: account.region_code,
    details: { username: account.username, kind: account.kind, grantId: grant.id, proposedBy: grant.proposed_by, approvedBy, ...changes },
  });
  return decided;
}
