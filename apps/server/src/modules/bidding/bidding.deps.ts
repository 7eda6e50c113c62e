import type { BidPart, BidSummaryField, BondForm, LogReceipt, SectionSnapshotView } from '@bidhall/contracts';

/** The kinds of document a sealed submission answers: the tender document (bids), the prequalification document (applications). */
export type AnsweredDocumentKind = 'tender' | 'prequalification';
import type { Clock } from '@bidhall/rules';
import type { Kysely } from 'kysely';
import type { Actor, AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { PlatformSigningKey } from '../../platform/keys/signing-key.ts';
import type { TransparencyLog } from '../../platform/log/transparency-log.ts';
import type { BlobStore } from '../../platform/storage/blob-store.ts';
import type { TimeAuthority } from '../../platform/time/time-authority.ts';
import type { BiddingTables } from './bidding.tables.ts';

/** projects → bidding: the section with its timetable (bidDeadline is the instant that decides). */
export interface SectionsPort {
  get(trx: Db, id: string): Promise<SectionSnapshotView | null>;
}

/** The current issued tender (or prequalification) document of a section, as documents hands it out. */
export interface IssuedDocument {
  id: string;
  sectionId: string;
  round: number;
  version: number;
  contentSm3: string;
  parts: BidPart[];
  bidSummaryFields: BidSummaryField[];
  /** Chapter field values: chapter key → field key → value. */
  values: Record<string, Record<string, string | null>>;
  /** Labels of the chapter fields, for showing the requirements. */
  labels: Record<string, Record<string, string>>;
}

/** documents → bidding. */
export interface DocumentsPort {
  /** The section's issued document of the kind (tender unless said) for its current round; null when none is issued. */
  issuedFor(trx: Db, sectionId: string, kind?: AnsweredDocumentKind): Promise<IssuedDocument | null>;
  /** Whether the entity obtained (downloaded) the document: only holders may bid. */
  hasObtained(trx: Db, documentId: string, entityId: string): Promise<boolean>;
}

/**
 * identity → bidding: the certificate is valid now, chains to a recognised CA, is not revoked and is
 * bound to the entity; returns its public key (PEM). Throws CERTIFICATE_NOT_BOUND, CERTIFICATE_INVALID …
 */
export type BoundCertificatePort = (
  trx: Db,
  entityId: string,
  certificatePem: string,
) => Promise<{ publicKeyPem: string; subject: string; fingerprint: string; serialNumber: string }>;

/** finance → bidding: the bid bond as it stands at `at`. */
export interface BondsPort {
  check(
    trx: Db,
    input: { sectionId: string; round: number; entityId: string; tendererEntityId: string; form: BondForm; reference: string | null; amountFen: bigint; deadline: Date; at: Date },
  ): Promise<{ status: 'ok' | 'missing' | 'short' | 'late' | 'invalid'; detail: string | null }>;
}

export type NotifyPort = (
  trx: Db,
  message: { recipientKind: 'entity' | 'user'; recipientId: string; topic: string; title: string; body: string; link?: string; dedupeKey?: string },
) => Promise<boolean>;

/** platform → bidding: TIME_UNTRUSTED (503) while the clock cannot be vouched for (F-07). */
export interface TimeGuardPort {
  assertTrusted(action: string): void;
}

/** catalog → bidding: the region chain a section's custodians are looked up along (the section's region first). */
export interface RegionsPort {
  chainOf(regionCode: string): string[];
}

/** platform → bidding: the log's receipt for an entry (the entry, the newest signed head, the inclusion proof, a timestamp). */
export type LogReceiptPort = (db: Db, index: number) => Promise<LogReceipt>;

/** What the bidding module needs from outside; nothing more is passed in. */
export interface BiddingDeps {
  db: Db;
  clock: Clock;
  /** Custodian keys only: bid events never go into the audit trail before the opening (decision 0019). */
  audit: AuditTrail;
  log: TransparencyLog;
  logReceipt: LogReceiptPort;
  regions: RegionsPort;
  jobs: JobQueue;
  blobs: BlobStore;
  /** Where unfinished tus uploads are kept (same file system as the blob store: finished ones are renamed in). */
  uploadDir: string;
  signingKey: PlatformSigningKey;
  timeAuthority: TimeAuthority;
  timeGuard: TimeGuardPort;
  sections: SectionsPort;
  documents: DocumentsPort;
  boundCertificate: BoundCertificatePort;
  bonds: BondsPort;
  notify: NotifyPort;
  /** Told, in the withdrawal's transaction, that a bid was withdrawn before the deadline (finance refunds its deposits, decision 0033). */
  onBidWithdrawn?(trx: Db, bid: { sectionId: string; round: number; entityId: string }, actor: Actor): Promise<void>;
}

export function tables(db: Db): Kysely<BiddingTables> {
  return db as unknown as Kysely<BiddingTables>;
}
