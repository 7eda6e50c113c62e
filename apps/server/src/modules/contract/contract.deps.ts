import type { Publication, SectionSnapshotView } from '@bidhall/contracts';
import type { Clock, HolidayCalendar } from '@bidhall/rules';
import type { Kysely } from 'kysely';
import type { Actor, AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { ContractTables } from './contract.tables.ts';

/** award → contract: the section's award once the award notice is issued; null before. */
export interface AwardedSection {
  sectionId: string;
  round: number;
  regionCode: string;
  tendererEntityId: string;
  winnerBidId: string;
  winnerEntityId: string;
  winnerEntityName: string;
  priceFen: string;
  awardNoticeAt: Date;
}
export type AwardedPort = (trx: Db, sectionId: string) => Promise<AwardedSection | null>;

/** projects → contract: the section, and whether an entity manages it (the tenderer, or its mandated agency). */
export interface SectionsPort {
  get(trx: Db, id: string): Promise<SectionSnapshotView | null>;
  canManage(trx: Db, id: string, entityId: string): Promise<boolean>;
}

/** The issued tender document's contract chapter (合同条款及格式) and what it asks of the work. */
export interface ContractTerms {
  documentId: string;
  version: number;
  contentSm3: string;
  paymentTerms: string | null;
  specialTerms: string | null;
  durationDays: string | null;
  qualityStandard: string | null;
}

/** documents → contract: the section's issued tender document's terms; null without one. */
export type TermsPort = (trx: Db, sectionId: string) => Promise<ContractTerms | null>;

/** What the winning bid offered, as read out at the opening (the bidSummary's values). */
export interface WinningBidSummary {
  durationDays: string | null;
  quality: string | null;
  projectManager: string | null;
}

/** opening → contract: the read-out values of one bid of the section; null before the readout or for another bid. */
export type WinningBidPort = (trx: Db, sectionId: string, bidId: string) => Promise<WinningBidSummary | null>;

/** disclosure → contract: publish on the portal and push to the public service platform, in the caller's transaction. */
export type PublishPort = (trx: Db, publication: Publication, actor?: Actor) => Promise<{ publicationId: string }>;

/** notifications → contract: an in-app message inside the caller's transaction. */
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

/** identity → contract: the accounts of the active supervisors answering for a region. */
export type SupervisorsPort = (trx: Db, regionCode: string) => Promise<string[]>;

/** identity → contract: the certificate, checked (chain, validity, revocation) and bound to the entity; throws otherwise. */
export type BoundCertificatePort = (
  trx: Db,
  entityId: string,
  certificatePem: string,
) => Promise<{ publicKeyPem: string; fingerprint: string }>;

/** finance → contract (Reg. 57): the winner's bid bond is requested back once the contract is signed; returns the refunds made. */
export type BondRefundPort = (
  trx: Db,
  bond: { sectionId: string; round: number; entityId: string },
  actor: Actor,
) => Promise<number>;

/** contract → finance (decision 0038): the tenderer recorded the contract as performed; the winner's performance bond is released. */
export type PerformedPort = (trx: Db, performed: { sectionId: string; round: number; winnerEntityId: string }, actor: Actor) => Promise<void>;

export interface ContractDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  jobs: JobQueue;
  /** The working-day calendar in force (catalog): the 30 days end on a working day. */
  calendar(): HolidayCalendar;
  sections: SectionsPort;
  awarded: AwardedPort;
  terms: TermsPort;
  winningBid: WinningBidPort;
  publish: PublishPort;
  notify: NotifyPort;
  supervisors: SupervisorsPort;
  boundCertificate: BoundCertificatePort;
  refundBond: BondRefundPort;
  /** Told when the tenderer records the contract as performed; absent, nothing is released. */
  onPerformed?: PerformedPort;
}

export function tables(db: Db): Kysely<ContractTables> {
  return db as unknown as Kysely<ContractTables>;
}

/** Read jsonb as the driver gives it: pg parses it, PGlite may hand back text. */
export function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
