import type { BidSummaryField, Publication, SectionSnapshotView, Sitting } from '@bidhall/contracts';
import type { SignedManifest } from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';
import type { Kysely } from 'kysely';
import type { Actor, AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { PlatformSigningKey } from '../../platform/keys/signing-key.ts';
import type { BlobStore } from '../../platform/storage/blob-store.ts';
import type { OpeningTables } from './opening.tables.ts';

/** projects → opening: the section, its round and its timetable (the sitting's deadline decides when its hall opens). */
export interface SectionsPort {
  get(trx: Db, id: string): Promise<SectionSnapshotView | null>;
  /** Sections in tendering whose bid deadline (or, for applications, application deadline) fell in [from, to). */
  deadlinesPassed(trx: Db, from: Date, to: Date, sitting: Sitting): Promise<{ id: string; round: number }[]>;
  /** the next round, when the opening cannot proceed. */
  retender(trx: Db, id: string, reason: string, actor: Actor): Promise<{ round: number }>;
  /** The bids are read out: the section leaves tendering for evaluation. */
  markOpened(trx: Db, id: string, round: number, actor: Actor): Promise<void>;
}

/** The benchmark coefficient K the evaluation method draws at opening: min, min + step, …, max. */
export interface CoefficientSpec {
  min: number;
  max: number;
  step: number;
}

/** trust → opening: verifiable draws (committed in the caller's transaction, performed from a later signed head, revealed). */
export interface DrawsPort {
  commitDraw(trx: Db, request: { purpose: string; subjectType: 'section'; subjectId: string; pool: string[]; count: number }, actor: Actor & { id: string }): Promise<{ id: string }>;
  perform(drawId: string, actor: Actor & { id: string }): Promise<{ selected: string[] }>;
  reveal(drawId: string, actor: Actor & { id: string }): Promise<unknown>;
  selection(db: Db, drawId: string): Promise<string[] | null>;
}

/** documents → opening: what the issued document of the sitting (tender, or prequalification) says about the opening. */
export interface OpeningTermsPort {
  termsFor(
    trx: Db,
    sectionId: string,
    sitting: Sitting,
  ): Promise<{ bidSummaryFields: BidSummaryField[]; unsealWindowMinutes: number; remedyAllowed: boolean; coefficient: CoefficientSpec | null } | null>;
}

/** bidding → opening: the bids live at the deadline, in receipt order, and their sealed parts (only after the deadline). */
export interface BidsPort {
  openedBids(
    trx: Db,
    sectionId: string,
    round: number,
    deadline: Date,
    sitting: Sitting,
    /** Only this bid. */
    only?: string,
  ): Promise<
    {
      bidId: string;
      entityId: string;
      entityName: string;
      receivedAt: Date;
      manifestSm3: string;
      signedManifest: SignedManifest;
      bondForm: string | null;
      bondStatus: string | null;
      receipt: { commitment: string; salt: string; logIndex: number };
    }[]
  >;
  sealedParts(
    trx: Db,
    bidId: string,
    deadline: Date,
  ): Promise<{ partId: string; name: string; role: 'bidSummary' | 'file'; blobSm3: string; ciphertextSize: number; ciphertextHash: string; header: unknown }[]>;
}

/** platform → opening: TIME_UNTRUSTED (503) while the clock cannot be vouched for (F-07). */
export interface TimeGuardPort {
  assertTrusted(action: string): void;
}

/** identity → opening: the certificate is valid, trusted and bound to the entity (throws otherwise). */
export type BoundCertificatePort = (trx: Db, entityId: string, certificatePem: string) => Promise<{ publicKeyPem: string; fingerprint: string }>;

/** disclosure → opening: publishes on the portal and pushes to the public service platform in the caller's transaction. */
export type PublishPort = (trx: Db, publication: Publication, actor?: Actor) => Promise<{ publicationId: string; contentSm3: string; logIndex: number }>;

/** catalog → opening: a region and those above it, nearest first (a record's template is looked up along it). */
export interface RegionsPort {
  chainOf(regionCode: string): string[];
}

/**
 * finance → opening (decision 0037): a bid guarantee verified again as the hall opens — the issuer's
 * signature, the amount the document asks, the beneficiary, the section, the validity, not cancelled.
 */
export interface BondRecheckPort {
  recheck(
    trx: Db,
    input: { sectionId: string; round: number; entityId: string; tendererEntityId: string; form: 'guarantee'; reference: string | null; deadline: Date; at: Date },
  ): Promise<{ status: string; detail: string | null }>;
}

export interface OpeningDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  jobs: JobQueue;
  blobs: BlobStore;
  /** The opening key (content keys come wrapped to it) and the key sealing released keys at rest derive from it. */
  signingKey: PlatformSigningKey;
  timeGuard: TimeGuardPort;
  sections: SectionsPort;
  terms: OpeningTermsPort;
  bids: BidsPort;
  boundCertificate: BoundCertificatePort;
  publish: PublishPort;
  draws: DrawsPort;
  regions: RegionsPort;
  /** Re-verifies bid guarantees at opening; absent, the hall keeps the status found at submission. */
  bonds?: BondRecheckPort;
}

export function tables(db: Db): Kysely<OpeningTables> {
  return db as unknown as Kysely<OpeningTables>;
}
