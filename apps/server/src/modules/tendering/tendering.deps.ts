import type { SectionSnapshotView } from '@bidhall/contracts';
import type { Clock, DurationCode, HolidayCalendar, StatutoryDuration } from '@bidhall/rules';
import type { Kysely } from 'kysely';
import type { Actor, AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { TenderingTables } from './tendering.tables.ts';

/** A section as `projects` shows it to other modules (decision 0008). */
export type SectionSnapshot = SectionSnapshotView;

/** projects → tendering (decision 0008). */
export interface SectionsPort {
  get(trx: Db, id: string): Promise<SectionSnapshot | null>;
  /** The tenderer, or an agency with a mandate. */
  canManage(trx: Db, id: string, entityId: string): Promise<boolean>;
  /** First publication of a notice (or the sending of an invitation). */
  markTendering(trx: Db, id: string, actor: Actor): Promise<unknown>;
  terminate(trx: Db, id: string, reason: string, actor: Actor): Promise<unknown>;
  retender(trx: Db, id: string, reason: string, actor: Actor): Promise<unknown>;
}

/** documents → tendering: the signed documents of a section are issued when its notice is published. */
export interface DocumentsPort {
  issueForSection(trx: Db, sectionId: string, actor: Actor): Promise<string[]>;
  /** Who obtained the section's documents in the round: they hear of its termination or re-tender. */
  downloadersOfSection(trx: Db, sectionId: string, round: number): Promise<{ entityId: string }[]>;
}

/** What tendering hands to disclosure + exchange (decision 0008). */
export interface Publication {
  type: 'tenderNotice' | 'prequalificationNotice' | 'invitationResult' | 'clarification' | 'siteVisit' | 'termination' | 'retender';
  sourceId: string;
  sectionIds: string[];
  regionCode: string;
  category: string;
  title: string;
  bodyHtml: string;
  prominent: boolean;
  publishedAt: string;
  round: number;
  links: { documents?: string };
  /** A section of a mandatory project (依法必须招标): its notice also goes to the national designated media (B-001, B-037). */
  mandatory?: boolean;
}

export interface PublishResult {
  publicationId: string;
  contentSm3: string;
  logIndex: number;
}

export interface BidderEntry {
  entityId: string;
  name: string;
  creditCode: string;
  regionCode: string;
}

export interface TenderingMessage {
  recipientKind: 'entity' | 'user';
  recipientId: string;
  topic: string;
  title: string;
  body: string;
  link?: string;
  dedupeKey?: string;
}

/**
 * platform → tendering: throws TIME_UNTRUSTED while the platform cannot vouch for its clock (F-07,
 * decision 0015). Called before a notice or invitation is published, which fixes the deadlines.
 */
export interface TimeGuardPort {
  assertTrusted(action: string): void;
}

/**
 * trust → tendering: verifiable draws (docs/draw-format.md), for B-007's invitees. `commitDraw` runs in
 * the caller's transaction; `perform` and `reveal` in their own, after the commitment is committed.
 */
export interface DrawsPort {
  commitDraw(
    trx: Db,
    request: { purpose: string; subjectType: 'section'; subjectId: string; pool: string[]; count: number },
    actor: Actor & { id: string },
  ): Promise<{ id: string }>;
  perform(drawId: string, actor: Actor & { id: string }): Promise<{ selected: string[] }>;
  reveal(drawId: string, actor: Actor & { id: string }): Promise<unknown>;
  /** Who was drawn, in draw order; null until performed. */
  selection(db: Db, drawId: string): Promise<string[] | null>;
}

/** What the tendering module needs from outside; nothing more is passed in. */
export interface TenderingDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  /** The platform's public address, stated in every notice and invitation (B-002, B-008). */
  publicBaseUrl: string;
  /** The working-day calendar in force (catalog). */
  calendar(): HolidayCalendar;
  /** The durations timetables are judged by: the platform's rule profile (RULE_PROFILE, decision 0017). */
  timetableRules: readonly StatutoryDuration<DurationCode>[];
  regions: { codesWithin(scope: string): Promise<string[]> };
  sections: SectionsPort;
  /**
   * One canonical content to the portal and the outbox (public service platform; designated media for
   * notices of mandatory projects and what follows them), in the caller's transaction (disclosure).
   * A termination or re-tender publication closes the section's earlier
   * publications on the portal itself.
   */
  publish(trx: Db, publication: Publication, actor?: Actor): Promise<PublishResult>;
  /** Disclosure's notice HTML check: unsafe markup (script, event handlers…) is named, never cleaned. */
  checkNoticeHtml(html: string): { ok: true; html: string; removed: string[] } | { ok: false; problems: { kind: string; what: string }[] };
  /** The bidder database (identity, A-56). */
  bidders: { search(trx: Db, query: { q?: string; regionCode?: string; entityIds?: string[]; limit: number }): Promise<BidderEntry[]> };
  notify(trx: Db, message: TenderingMessage): Promise<boolean>;
  draws: DrawsPort;
  timeGuard: TimeGuardPort;
  /** Issuing the section's signed documents with its notice (A-54 with A-66): absent in tests of notices alone. */
  documents?: DocumentsPort;
}

export function tables(db: Db): Kysely<TenderingTables> {
  return db as unknown as Kysely<TenderingTables>;
}
