import { isDutyKind } from '@bidhall/contracts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { IdentityDb } from './identity.tables.ts';

/**
 * Nobody holds two of the three duties (系统管理员, 安全管理员, 安全审计员), nor two accounts of one: a
 * person bound to an account of the three, or named by a pending grant of the three, gets no other.
 * The unique index `user_account_duty_person_key` holds the same line when two grants race.
 */
export async function assertPersonFreeForDuty(db: IdentityDb, personRef: string, except: { userId?: string; grantId?: string } = {}) {
  let accounts = db
    .selectFrom('identity.user_account')
    .select(['id', 'kind'])
    .where('person_ref', '=', personRef)
    .where('kind', 'in', ['admin', 'securityAdmin', 'auditor']);
  if (except.userId) accounts = accounts.where('id', '<>', except.userId);
  const held = await accounts.executeTakeFirst();
  if (held) throw dutyConflict(held.kind);
  let grants = db
    .selectFrom('identity.account_grant')
    .select(['id', 'kind'])
    .where('status', '=', 'pending')
    .where('person_ref', '=', personRef)
    .where('kind', 'in', ['admin', 'securityAdmin', 'auditor']);
  if (except.grantId) grants = grants.where('id', '<>', except.grantId);
  const proposed = await grants.executeTakeFirst();
  if (proposed) throw dutyConflict(proposed.kind, true);
}

/** Moving an account from one duty to another would let its holder audit or grant their own past acts. */
export function assertNoDutyMove(from: string, to: string) {
  if (from !== to && isDutyKind(from) && isDutyKind(to)) {
    throw new DomainError('DUTY_CONFLICT', `an account of one of the three duties does not become another (${from} to ${to})`, { held: from });
  }
}

function dutyConflict(kind: string, pending = false) {
  return new DomainError(
    'DUTY_CONFLICT',
    pending
      ? `a pending grant already makes this person ${kind}; a person holds one of the three duties at most`
      : `this person already holds a ${kind} account; a person holds one of the three duties at most`,
    { held: kind },
  );
}
