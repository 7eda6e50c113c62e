import type { Publication, SectionSnapshotView } from '@bidhall/contracts';
import type { Clock } from '@bidhall/rules';
import type { Kysely } from 'kysely';
import type { Actor, AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { PlatformSigningKey } from '../../platform/keys/signing-key.ts';
import type { BlobStore } from '../../platform/storage/blob-store.ts';
import type { TimeAuthority } from '../../platform/time/time-authority.ts';
import type { DocumentsTables } from './documents.tables.ts';

/** The section as projects hands it out (decision 0008). */
export type SectionSnapshot = SectionSnapshotView;

/** projects → documents: read the section, check who may manage it, apply a clarification (B-012). */
export interface SectionsPort {
  get(trx: Db, id: string): Promise<SectionSnapshot | null>;
  canManage(trx: Db, id: string, entityId: string): Promise<boolean>;
  applyClarification(
    trx: Db,
    id: string,
    input: { issuedAt: string; documents: 'tender' | 'prequalification' },
    actor: Actor,
  ): Promise<ClarificationEffect>;
  /** The same decision without making it: what issuing at `issuedAt` would do. */
  previewClarification(trx: Db, id: string, input: { issuedAt: string; documents: 'tender' | 'prequalification' }): Promise<ClarificationEffect>;
}

export interface ClarificationEffect {
  status: 'inTime' | 'deadlineMoves' | 'noDeadline';
  deadline: string | null;
  newDeadline: string | null;
}

/** disclosure + exchange → documents: one publication in every medium, in the caller's transaction. */
export type PublishPort = (trx: Db, publication: Publication) => Promise<{ publicationId: string; contentSm3: string; logIndex: number }>;

/**
 * identity → documents: a detached CMS over `content` by a certificate bound to the entity; throws
 * SIGNATURE_INVALID or CERTIFICATE_NOT_BOUND. `db` is the caller's transaction.
 */
export type VerifyEntitySignaturePort = (
  entityId: string,
  content: Uint8Array,
  signatureBase64: string,
  db?: Db,
) => Promise<{ subject: string; fingerprint: string; serialNumber: string; signingTime: string | null }>;

export type NotifyPort = (
  trx: Db,
  message: { recipientKind: 'entity' | 'user'; recipientId: string; topic: string; title: string; body: string; link?: string; dedupeKey?: string },
) => Promise<boolean>;

/**
 * platform → documents: throws TIME_UNTRUSTED while the platform cannot vouch for its clock (F-07,
 * decision 0015). Called before an action that fixes or moves a deadline.
 */
export interface TimeGuardPort {
  assertTrusted(action: string): void;
}

/** What the documents module needs from outside; nothing more is passed in. */
export interface DocumentsDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  jobs: JobQueue;
  blobs: BlobStore;
  signingKey: PlatformSigningKey;
  timeAuthority: TimeAuthority;
  timeGuard: TimeGuardPort;
  sections: SectionsPort;
  publish: PublishPort;
  verifyEntitySignature: VerifyEntitySignaturePort;
  notify: NotifyPort;
  /** The public service platform outbox (exchange): issued documents are pushed there. */
  outbox?: {
    enqueue(trx: Db, message: { kind: string; subjectType: string; subjectId: string; regionCode: string | null; content: string | object }): Promise<unknown>;
  };
  /** Largest attachment accepted (default 50 MiB). */
  maxAttachmentBytes?: number;
  /** Told, in the issuing transaction, that a clarification made a new version of a section's document (bidding asks live bidders to confirm). */
  onClarificationIssued?(trx: Db, event: { sectionId: string; documentId: string; documentVersion: number; documentSm3: string }): Promise<void>;
  /**
   * evaluation → documents (decision 0032): the entities that passed the section's prequalification, once
   * the review's report is complete; null before. A prequalified section's tender document goes to them only.
   */
  prequalification(trx: Db, sectionId: string): Promise<{ entityIds: string[]; tooFew: boolean } | null>;
}

export function tables(db: Db): Kysely<DocumentsTables> {
  return db as unknown as Kysely<DocumentsTables>;
}
