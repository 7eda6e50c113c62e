import type { Db } from '../../platform/db/database.ts';
import { type IdentityDeps, tables } from './identity.deps.ts';

/** Why an entity's record is sent again. */
export type EntitySyncEvent = 'admitted' | 'changed' | 'suspended' | 'reinstated' | 'cancelled';

/** Statuses whose record the public service platform holds: admitted once, then kept in sync. */
const PUBLISHED = new Set(['active', 'suspended', 'cancelled']);

/**
 * a verified (or admitted) market entity's public record goes to the public service
 * platform, and again whenever it changes — an approved change, a suspension, reinstatement or
 * cancellation — in the transaction of the change. Contact details stay on this platform.
 */
export async function syncEntity(deps: Pick<IdentityDeps, 'outbox' | 'clock'>, trx: Db, entityId: string, event: EntitySyncEvent) {
  if (!deps.outbox) return;
  const e = await tables(trx).selectFrom('identity.market_entity').selectAll().where('id', '=', entityId).executeTakeFirstOrThrow();
  if (!PUBLISHED.has(e.status)) return;
  await deps.outbox.enqueue(trx, {
    kind: 'marketEntity',
    subjectType: 'marketEntity',
    subjectId: e.id,
    regionCode: e.region_code,
    content: {
      event,
      changedAt: deps.clock.now().toISOString(),
      entity: {
        id: e.id,
        name: e.name,
        creditCode: e.credit_code,
        roles: [...e.roles].sort(),
        regionCode: e.region_code,
        legalRepresentative: e.legal_representative,
        address: e.address,
        status: e.status,
        admission: e.admission,
        verifiedAt: e.verified_at?.toISOString() ?? null,
        statusReason: e.status === 'active' ? null : e.status_reason,
      },
    },
  });
}
