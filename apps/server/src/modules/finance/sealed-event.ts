import { randomBytes } from 'node:crypto';
import { canonicalJson, sm3, toHex } from '@bidhall/crypto';
import type { Db } from '../../platform/db/database.ts';
import type { TransparencyLog } from '../../platform/log/transparency-log.ts';

/**
 * A bond event before the deadline (a sub-account opened, a guarantee registered) goes into the public
 * log as an opaque commitment only (A-107, as bidding's sealedBidEvent): no section, entity or region.
 */
export async function appendSealedBondEvent(log: TransparencyLog, trx: Db, occurredAt: Date, content: object): Promise<number> {
  const commitment = toHex(sm3(randomBytes(32), canonicalJson(content)));
  const [index] = await log.append(trx, [{ type: 'sealedBondEvent', occurredAt: occurredAt.toISOString(), commitment }]);
  return index!;
}
