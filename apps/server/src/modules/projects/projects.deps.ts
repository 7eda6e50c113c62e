import type { HolidayCalendar, Clock, DurationCode, StatutoryDuration } from '@bidhall/rules';
import type { Kysely } from 'kysely';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ProjectsTables } from './projects.tables.ts';

/** A project as the investment approval platform (项目审批监管平台) returns it; see `exchange`. */
export interface ApprovalRecord {
  approvalCode: string;
  name: string;
  regionCode: string;
  category?: string | undefined;
  kind?: 'works' | 'goods' | 'services' | 'governmentGoods' | 'governmentServices' | undefined;
  investmentFen: string;
  fundingSource: string;
  owner: { name: string; creditCode: string };
  location: string;
  approvedAt: string;
  approvalAuthority: string;
}

/** A market entity as projects needs to know it (from identity). */
export interface EntityRef {
  id: string;
  name: string;
  creditCode: string;
  roles: string[];
  status: string;
  regionCode: string;
}

export interface SignerRef {
  subject: string;
  fingerprint: string;
  serialNumber: string;
  signingTime: string | null;
}

/** What the projects module needs from outside; the composition root wires each port. */
export interface ProjectsDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  catalog: {
    regionExists(code: string): boolean;
    codesWithin(scope: string): string[];
    categories(): readonly { code: string; mustEnter: boolean }[];
  };
  /** The working-day calendar in force (catalog). */
  calendar: { current(): HolidayCalendar };
  /** The durations timetables are judged by: the platform's rule profile (RULE_PROFILE, decision 0017). */
  timetableRules: readonly StatutoryDuration<DurationCode>[];
  /** The investment approval platform through the exchange module: null when the code is unknown there. */
  approvals: { lookup(approvalCode: string): Promise<ApprovalRecord | null> };
  /** Market entities (identity). */
  entities: {
    get(trx: Db, id: string): Promise<EntityRef | null>;
    byCreditCode(trx: Db, creditCode: string): Promise<EntityRef | null>;
  };
  /**
   * A detached CMS over `content` by a certificate bound to the entity (identity's verifyEntitySignature);
   * `db` is the caller's transaction. Throws SIGNATURE_INVALID or CERTIFICATE_NOT_BOUND.
   */
  verifyEntitySignature(entityId: string, content: Uint8Array, signatureBase64: string, db?: Db): Promise<SignerRef>;
  /** The public service platform outbox (exchange): tendering project data goes there on registration. */
  outbox?: {
    enqueue(trx: Db, message: { kind: string; subjectType: string; subjectId: string; regionCode: string | null; content: object }): Promise<unknown>;
  };
  notify?(
    trx: Db,
    message: { recipientKind: 'entity' | 'user'; recipientId: string; topic: string; title: string; body: string; link?: string },
  ): Promise<boolean>;
}

export function tables(db: Db): Kysely<ProjectsTables> {
  return db as unknown as Kysely<ProjectsTables>;
}
