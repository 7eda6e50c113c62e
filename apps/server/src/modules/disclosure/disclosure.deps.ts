import type { OutboxDestination } from '@bidhall/contracts';
import type { Clock } from '@bidhall/rules';
import type { Kysely } from 'kysely';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { TransparencyLog } from '../../platform/log/transparency-log.ts';
import type { DisclosureTables } from './disclosure.tables.ts';

/**
 * The outbox to the public service platform and the designated media, as disclosure needs it (wired
 * to exchange in app.ts): the same canonical JSON the portal stores is enqueued once per destination
 * in the same transaction (A-54, B-003, decision 0010).
 */
export interface PublicationOutbox {
  enqueue(
    trx: Db,
    message: { destination: OutboxDestination; kind: string; subjectType: string; subjectId: string; regionCode: string | null; content: string },
  ): Promise<{ messageId: string; contentSm3: string }>;
}

/** What the disclosure module needs from outside; nothing more is passed in. */
export interface DisclosureDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  log: TransparencyLog;
  outbox: PublicationOutbox;
}

export function tables(db: Db): Kysely<DisclosureTables> {
  return db as unknown as Kysely<DisclosureTables>;
}
