import { sql } from 'kysely';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type IdentityDeps, tables } from './identity.deps.ts';
import type { PasswordHasher } from './password.ts';
import { personRefOf } from './person-ref.ts';
import { translateUniqueViolation } from './uniqueness.ts';
import { assertAccountTerms, insertPlatformAccount, toUserView } from './user.service.ts';

/** Dual control needs two security administrators; below that, nobody could grant anything. */
export const SECURITY_ADMINS_FOR_DUAL_CONTROL = 2;

export interface BootstrapInput {
  username: string;
  displayName: string;
  regionCode: string;
  personIdNumber: string;
  password: string;
}

/**
 * The first security administrators of a platform (and the way back when fewer than two are active):
 * made by the operator with `bidhall bootstrap-security-admin`, not through a route, and refused once
 * two active ones exist, so it is no way around dual control.
 */
export function createSecurityBootstrap(deps: IdentityDeps & { passwords: PasswordHasher }) {
  return async function bootstrapSecurityAdmin(input: BootstrapInput, actor: Actor) {
    const person = personRefOf(deps.personKey, input.personIdNumber);
    const passwordHash = await deps.passwords.hash(input.password);
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const t = tables(trx);
        // Two bootstraps at once must not both see one active security administrator.
        await sql`SELECT pg_advisory_xact_lock(8154012)`.execute(trx);
        const { count } = await t
          .selectFrom('identity.user_account')
          .select((eb) => eb.fn.countAll<string>().as('count'))
          .where('kind', '=', 'securityAdmin')
          .where('status', '=', 'active')
          .executeTakeFirstOrThrow();
        if (Number(count) >= SECURITY_ADMINS_FOR_DUAL_CONTROL) {
          throw new DomainError('BOOTSTRAP_CLOSED', 'the platform has two active security administrators: further ones are granted with dual control');
        }
        await assertAccountTerms(deps, t, { kind: 'securityAdmin', regionCode: input.regionCode, department: null, personRef: person.ref });
        const row = await insertPlatformAccount(t, deps.clock.now(), {
          username: input.username,
          displayName: input.displayName,
          kind: 'securityAdmin',
          regionCode: input.regionCode,
          department: null,
          categories: [],
          passwordHash,
          person,
          createdBy: null,
        });
        await deps.audit.record(trx, actor, {
          action: 'identity.user.bootstrapped',
          targetType: 'user',
          targetId: row.id,
          regionCode: row.region_code,
          details: { username: row.username, kind: row.kind, personHint: row.person_hint, activeBefore: Number(count) },
        });
        return toUserView(row);
      });
    } catch (err) {
      translateUniqueViolation(err);
    }
  };
}
