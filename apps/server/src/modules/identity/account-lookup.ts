import type { Db } from '../../platform/db/database.ts';
import { tables } from './identity.deps.ts';

/** Platform accounts as other modules may know them: kind, status and the keyed hash of the bound person. */
export const accountLookup = {
  /** An account by id (a malformed id is no account): its name, kind, status and entity. */
  async byId(trx: Db, userId: string) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(userId)) return null;
    const r = await tables(trx).selectFrom('identity.user_account').select(['id', 'username', 'display_name', 'kind', 'status', 'entity_id']).where('id', '=', userId).executeTakeFirst();
    return r ? { userId: r.id, username: r.username, displayName: r.display_name, kind: r.kind, status: r.status, entityId: r.entity_id } : null;
  },
  async byUsername(trx: Db, username: string) {
    const r = await tables(trx)
      .selectFrom('identity.user_account')
      .select(['id', 'username', 'kind', 'status', 'person_ref'])
      .where('username', '=', username)
      .executeTakeFirst();
    return r ? { userId: r.id, username: r.username, kind: r.kind, status: r.status, personRef: r.person_ref } : null;
  },
  /** The active supervisor accounts of these regions. */
  async supervisorIds(trx: Db, regionCodes: readonly string[]): Promise<string[]> {
    if (regionCodes.length === 0) return [];
    const rows = await tables(trx).selectFrom('identity.user_account').select('id').where('kind', '=', 'supervisor').where('status', '=', 'active').where('region_code', 'in', regionCodes).orderBy('id').execute();
    return rows.map((r) => r.id);
  },
  /** The persons bound to the active supervisor accounts of these regions. */
  async supervisorRefs(trx: Db, regionCodes: readonly string[]): Promise<string[]> {
    if (regionCodes.length === 0) return [];
    const rows = await tables(trx)
      .selectFrom('identity.user_account')
      .select('person_ref')
      .where('kind', '=', 'supervisor')
      .where('status', '=', 'active')
      .where('region_code', 'in', regionCodes)
      .where('person_ref', 'is not', null)
      .execute();
    return rows.map((r) => r.person_ref!);
  },
};
