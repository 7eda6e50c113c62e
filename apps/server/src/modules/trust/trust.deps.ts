import type { Clock } from '@bidhall/rules';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { TransparencyLog } from '../../platform/log/transparency-log.ts';

/** Whom a draw is for: the region whose staff answer for it and the parties it concerns. */
export interface DrawSubject {
  regionCode: string;
  tendererEntityId: string;
  agencyEntityId: string | null;
}

/** projects → trust: the subjects a draw can belong to (`db` is the caller's transaction, if any). */
export interface DrawSubjects {
  section(db: Db, id: string): Promise<DrawSubject | null>;
}

export interface TrustDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  log: TransparencyLog;
  subjects: DrawSubjects;
}
