import type { EntityRole, EntityStatus, SessionUser, UserKind } from '@bidhall/contracts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Db } from '../../platform/db/database.ts';
import { tables } from './identity.deps.ts';

/** The account and its entity as a session carries them; joined by callers that need more (the session). */
export function sessionUserQuery(db: Db) {
  return tables(db)
    .selectFrom('identity.user_account as u')
    .leftJoin('identity.market_entity as e', 'e.id', 'u.entity_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.kind',
      'u.region_code',
      'u.department',
      'u.categories',
      'e.id as entityId',
      'e.name as entityName',
      'e.status as entityStatus',
      'e.roles as entityRoles',
    ]);
}

type SessionUserRow = NonNullable<Awaited<ReturnType<ReturnType<typeof sessionUserQuery>['executeTakeFirst']>>>;

export function toSessionUser(row: SessionUserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    kind: row.kind as UserKind,
    regionCode: row.region_code,
    department: row.department,
    categories: row.categories,
    entity: row.entityId
      ? {
          id: row.entityId,
          name: row.entityName ?? '',
          status: row.entityStatus as EntityStatus,
          roles: (row.entityRoles ?? []) as EntityRole[],
        }
      : null,
  };
}

export async function loadSessionUser(db: Db, userId: string): Promise<SessionUser> {
  const row = await sessionUserQuery(db).where('u.id', '=', userId).executeTakeFirst();
  if (!row) throw new DomainError('USER_NOT_FOUND', 'no such user');
  return toSessionUser(row);
}
