import type { SectionSnapshotView, Sitting } from '@bidhall/contracts';
import type { PartHeader } from '@bidhall/crypto';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { BiddingDeps, IssuedDocument } from './bidding.deps.ts';
import type { Caller } from './caller.ts';

export interface ClaimRequest {
  entityId: string;
  sectionId: string;
  sitting: Sitting;
  parts: { uploadId: string; partId: string }[];
}

export interface ClaimedUpload {
  blobSm3: string;
  size: number;
  ciphertextHash: string;
  header: PartHeader;
}

/** The uploads service's claim (uploads.ts): each listed part's finished upload of this entity for this section, in the blob store. */
export type ClaimUploads = (trx: Db, p: ClaimRequest) => Promise<ClaimedUpload[]>;

export async function loadSection(deps: Pick<BiddingDeps, 'sections'>, trx: Db, id: string): Promise<SectionSnapshotView> {
  const s = await deps.sections.get(trx, id);
  if (!s) throw new DomainError('SECTION_NOT_FOUND', `no section ${id}`);
  return s;
}

/**
 * The sitting's deadline as the section states it now (a clarification that moved it moves every
 * check): the application deadline for prequalification applications, else the bid deadline.
 */
export function deadlineOf(section: SectionSnapshotView, sitting: Sitting = 'bid'): Date | null {
  if (sitting === 'application' && section.method !== 'prequalification') return null;
  const d = sitting === 'application' ? section.timetable.applicationDeadline : section.timetable.bidDeadline;
  return d ? new Date(d) : null;
}

/**
 * What a submission at `at` is (decision 0023): a section tendered with prequalification takes
 * applications until its application deadline and bids after it; any other section takes bids.
 */
export function sittingAt(section: SectionSnapshotView, at: Date): Sitting {
  const applications = deadlineOf(section, 'application');
  return applications !== null && at.getTime() < applications.getTime() ? 'application' : 'bid';
}

/** Whether the sitting takes submissions at `now`: strictly before its deadline, on the server's clock only. */
export function isOpen(section: SectionSnapshotView, now: Date, sitting: Sitting = 'bid'): boolean {
  const deadline = deadlineOf(section, sitting);
  return deadline !== null && section.stage !== 'terminated' && now.getTime() < deadline.getTime();
}

/**
 * BIDDING_CLOSED at or after the deadline. The time guard first: a deadline is decided only
 * on a clock the platform can vouch for (decision 0015). `arrivedAt` is when the request reached the
 * server: a request that arrived before the deadline is not refused because, in the last minute's
 * rush, it waited inside the server for a database connection or another bid's log append.
 */
export function assertOpen(deps: Pick<BiddingDeps, 'clock' | 'timeGuard'>, section: SectionSnapshotView, action: string, arrivedAt?: Date, sitting: Sitting = 'bid'): Date {
  deps.timeGuard.assertTrusted(action);
  const now = arrivedAt ?? deps.clock.now();
  if (!isOpen(section, now, sitting)) {
    const deadline = deadlineOf(section, sitting);
    const what = sitting === 'application' ? 'prequalification applications' : 'bids';
    throw new DomainError('BIDDING_CLOSED', deadline ? `${what} for section ${section.code} closed at ${deadline.toISOString()}` : `section ${section.code} takes no ${what}`, {
      sectionId: section.id,
      bidDeadline: deadline?.toISOString() ?? null,
      serverTime: now.toISOString(),
    });
  }
  return now;
}

/** The document a sitting answers: the prequalification document for applications, the tender document for bids. */
export const documentKindOf = (sitting: Sitting) => (sitting === 'application' ? 'prequalification' : 'tender');

/** The sitting's issued document, which the caller's entity must have obtained; DOWNLOAD_REQUIRED otherwise. */
export async function documentForBidder(deps: Pick<BiddingDeps, 'documents'>, trx: Db, section: SectionSnapshotView, caller: Caller, sitting: Sitting = 'bid'): Promise<IssuedDocument> {
  const doc = await deps.documents.issuedFor(trx, section.id, documentKindOf(sitting));
  if (!doc || !caller.entity || !(await deps.documents.hasObtained(trx, doc.id, caller.entity.id))) {
    throw new DomainError(
      'DOWNLOAD_REQUIRED',
      sitting === 'application'
        ? 'applications are for those who obtained the prequalification document; download it first (free)'
        : 'bids are for those who obtained the tender document; download it first (free)',
      { sectionId: section.id },
    );
  }
  return doc;
}

/** The bid bond the document asks for (instructions.bidBondFen, integer fen); 0 when none. */
export function bondAmountFen(doc: IssuedDocument): bigint {
  const raw = doc.values.instructions?.bidBondFen;
  return raw && /^\d+$/.test(raw.trim()) ? BigInt(raw.trim()) : 0n;
}
