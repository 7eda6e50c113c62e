import type { Clock } from '@bidhall/rules';
import type { Kysely } from 'kysely';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { IdentityTables } from './identity.tables.ts';

/** What the identity module needs from outside; nothing more is passed in. */
export interface IdentityDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  jobs: JobQueue;
  sessionTtlHours: number;
  /** Keys the hash that binds platform accounts to a person (decision 0012); derived from the platform key. */
  personKey: Uint8Array;
  regions: { exists(code: string): Promise<boolean>; codesWithin(scope: string): Promise<string[]> };
  notify(trx: Db, message: {
    recipientKind: 'entity' | 'user';
    recipientId: string;
    topic: string;
    title: string;
    body: string;
    link?: string;
    dedupeKey?: string;
  }): Promise<boolean>;
  /**
   * The public service platform outbox (exchange, wired in app.ts): verified entity records go there
   * and are kept in sync. Absent, nothing is sent.
   */
  outbox?: {
    enqueue(trx: Db, message: { kind: string; subjectType: string; subjectId: string; regionCode: string | null; content: object }): Promise<unknown>;
  };
}

export function tables(db: Db): Kysely<IdentityTables> {
  return db as unknown as Kysely<IdentityTables>;
}
