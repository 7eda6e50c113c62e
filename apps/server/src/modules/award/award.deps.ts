import type { Publication, SectionSnapshotView, SeparatedAwardTerms } from '@bidhall/contracts';
import type { Clock, HolidayCalendar } from '@bidhall/rules';
import type { Kysely } from 'kysely';
import type { Actor, AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { AwardTables } from './award.tables.ts';

/** projects → award: the section, and whether an entity manages it (the tenderer, or its mandated agency). */
export interface SectionsPort {
  get(trx: Db, id: string): Promise<SectionSnapshotView | null>;
  canManage(trx: Db, id: string, entityId: string): Promise<boolean>;
}

/** A candidate of the completed evaluation report (unranked under the separated award). */
export interface ResultCandidate {
  rank: number | null;
  bidId: string;
  entityId: string;
  entityName: string;
  priceFen: string;
  total: number | null;
  evaluatedPriceFen: string | null;
}

/** Every bid the committee evaluated: its rank, or the review criteria it failed. */
export interface EvaluatedOutcome {
  bidId: string;
  entityId: string;
  entityName: string;
  rank: number | null;
  failing: { number: string; title: string }[];
}

/**
 * evaluation → award: the completed evaluation report's SM3, completion, candidates and every bid's
 * outcome, and the separated award's terms when the tender document fixed one, or the tender's failure
 * (B-024: 废标, no candidates, the section tendered again); null before.
 */
export type ResultPort = (
  trx: Db,
  sectionId: string,
) => Promise<{
  reportSm3: string;
  completedAt: Date;
  candidates: ResultCandidate[];
  bids: EvaluatedOutcome[];
  separatedAward: SeparatedAwardTerms | null;
  failure: { reason: string; source: string } | null;
} | null>;

/** trust → award: verifiable draws for a separated award's lot (committed in the caller's transaction, performed from a later signed head, revealed). */
export interface DrawsPort {
  commitDraw(trx: Db, request: { purpose: string; subjectType: 'section'; subjectId: string; pool: string[]; count: number }, actor: Actor & { id: string }): Promise<{ id: string }>;
  perform(drawId: string, actor: Actor & { id: string }): Promise<{ selected: string[] }>;
  reveal(drawId: string, actor: Actor & { id: string }): Promise<unknown>;
  selection(db: Db, drawId: string): Promise<string[] | null>;
}

/** documents → award: whether the entity obtained the section's issued tender document (an interested party). */
export type HolderPort = (trx: Db, sectionId: string, entityId: string) => Promise<boolean>;

/** disclosure → award: publish on the portal and push to the public service platform, in the caller's transaction. */
export type PublishPort = (trx: Db, publication: Publication, actor?: Actor) => Promise<{ publicationId: string }>;

/** notifications → award: an in-app message inside the caller's transaction. */
export type NotifyPort = (
  trx: Db,
  message: {
    recipientKind: 'entity' | 'user';
    recipientId: string;
    topic: string;
    title: string;
    body: string;
    link?: string;
    dedupeKey?: string;
  },
) => Promise<boolean>;

/** identity → award: the accounts of the active supervisors answering for a region. */
export type SupervisorsPort = (trx: Db, regionCode: string) => Promise<string[]>;

/** identity → award: the certificate is valid, trusted and bound to the entity (throws otherwise). */
export type BoundCertificatePort = (trx: Db, entityId: string, certificatePem: string) => Promise<{ publicKeyPem: string; fingerprint: string }>;

/** exchange → award: data for the supervision platform (行政监督平台) or the public service platform, through the outbox. */
export type OutboxPort = (
  trx: Db,
  message: { kind: string; subjectType: string; subjectId: string; regionCode: string; content: object; destination?: 'publicService' | 'supervision' },
) => Promise<{ messageId: string; contentSm3: string }>;

/** finance → award: the bid bonds of these entities on the section's round are requested back (Reg. 57). */
export type RefundPort = (trx: Db, result: { sectionId: string; round: number; entityIds: string[]; reason: 'notAwarded' }, actor: Actor) => Promise<number>;

export interface AwardDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  jobs: JobQueue;
  /** The working-day calendar in force (catalog): the statutory periods end on working days. */
  calendar(): HolidayCalendar;
  sections: SectionsPort;
  result: ResultPort;
  holder: HolderPort;
  publish: PublishPort;
  notify: NotifyPort;
  supervisors: SupervisorsPort;
  boundCertificate: BoundCertificatePort;
  outbox: OutboxPort;
  refunds: RefundPort;
  draws: DrawsPort;
  /** award → contract: the award notice is issued, inside its transaction (the contract's 30 days start). */
  onAwardNoticeIssued(trx: Db, sectionId: string): Promise<void>;
}

export function tables(db: Db): Kysely<AwardTables> {
  return db as unknown as Kysely<AwardTables>;
}

/** Read jsonb as the driver gives it: pg parses it, PGlite may hand back text. */
export function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
