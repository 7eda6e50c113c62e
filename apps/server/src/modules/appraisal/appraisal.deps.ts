import type { SectionSnapshotView } from '@bidhall/contracts';
import type { Clock } from '@bidhall/rules';
import type { Kysely } from 'kysely';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AppraisalTables } from './appraisal.tables.ts';

/** projects → appraisal: a section (its region, round, tenderer and agency). */
export interface SectionsPort {
  get(trx: Db, id: string): Promise<SectionSnapshotView | null>;
}

/** award → appraisal: the decision of the section's current round (who won, when); null before it is decided. */
export type AwardDecisionPort = (trx: Db, sectionId: string) => Promise<{ decidedAt: Date } | null>;

/** identity → appraisal: a market entity (name, roles, status) by id. */
export interface EntitiesPort {
  get(trx: Db, id: string): Promise<{ id: string; name: string; roles: string[]; status: string } | null>;
}

/** catalog → appraisal: a region and every region below it. */
export interface RegionsPort {
  codesWithin(code: string): readonly string[];
}

/** notifications → appraisal: a message to an entity's workspace, in the caller's transaction. */
export type NotifyPort = (
  trx: Db,
  message: {
    recipientKind: 'entity';
    recipientId: string;
    topic: string;
    title: string;
    body: string;
    link?: string;
    dedupeKey?: string;
  },
) => Promise<boolean>;

export interface AppraisalDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  sections: SectionsPort;
  awardDecision: AwardDecisionPort;
  entities: EntitiesPort;
  regions: RegionsPort;
  notify: NotifyPort;
}

export function tables(db: Db): Kysely<AppraisalTables> {
  return db as unknown as Kysely<AppraisalTables>;
}
