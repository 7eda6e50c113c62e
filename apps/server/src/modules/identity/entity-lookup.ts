import type { Db } from '../../platform/db/database.ts';
import { tables } from './identity.deps.ts';

/** A market entity as other modules may know it: name, code, roles and status, nothing personal. */
export interface EntitySummary {
  id: string;
  name: string;
  creditCode: string;
  roles: string[];
  status: string;
  regionCode: string;
}

const COLUMNS = ['id', 'name', 'credit_code', 'roles', 'status', 'region_code'] as const;

function summary(r: { id: string; name: string; credit_code: string; roles: string[]; status: string; region_code: string }): EntitySummary {
  return { id: r.id, name: r.name, creditCode: r.credit_code, roles: r.roles, status: r.status, regionCode: r.region_code };
}

/** Look-ups by id or credit code, inside the caller's transaction (other modules never read identity's tables). */
export const entityLookup = {
  async get(trx: Db, id: string): Promise<EntitySummary | null> {
    const row = await tables(trx).selectFrom('identity.market_entity').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? summary(row) : null;
  },
  async byCreditCode(trx: Db, creditCode: string): Promise<EntitySummary | null> {
    const row = await tables(trx).selectFrom('identity.market_entity').select(COLUMNS).where('credit_code', '=', creditCode).executeTakeFirst();
    return row ? summary(row) : null;
  },
};
