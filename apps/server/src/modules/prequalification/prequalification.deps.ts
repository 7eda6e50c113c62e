import type { Publication, SectionSnapshotView } from '@bidhall/contracts';
import type { Clock } from '@bidhall/rules';
import type { Kysely } from 'kysely';
import type { Actor, AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { PrequalificationTables } from './prequalification.tables.ts';

/** projects → prequalification: the section, and whether an entity manages it (the tenderer, or its mandated agency). */
export interface SectionsPort {
  get(trx: Db, id: string): Promise<SectionSnapshotView | null>;
  canManage(trx: Db, id: string, entityId: string): Promise<boolean>;
}

/** An application as the completed review judged it. */
export interface ReviewedApplicant {
  bidId: string;
  entityId: string;
  entityName: string;
  /** On the committee's list of qualified applicants. */
  qualified: boolean;
  /** The criteria it failed by majority (empty when it passed them). */
  failing: { number: string; title: string }[];
}

/**
 * evaluation → prequalification: the completed prequalification review — when its report was complete
 * and every application's verdict; null before. The review is fixed once its report is complete.
 */
export type ReviewPort = (trx: Db, sectionId: string) => Promise<{ completedAt: Date; applicants: ReviewedApplicant[] } | null>;

/** disclosure → prequalification: publish on the portal and push to the public service platform, in the caller's transaction. */
export type PublishPort = (trx: Db, publication: Publication, actor?: Actor) => Promise<{ publicationId: string }>;

/** notifications → prequalification: an in-app message inside the caller's transaction. */
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

/** identity → prequalification: the certificate is valid, trusted and bound to the entity (throws otherwise). */
export type BoundCertificatePort = (
  trx: Db,
  entityId: string,
  certificatePem: string,
) => Promise<{ publicKeyPem: string; fingerprint: string }>;

/** exchange → prequalification: data for the public service platform, through the outbox. */
export type OutboxPort = (
  trx: Db,
  message: { kind: string; subjectType: string; subjectId: string; regionCode: string; content: object },
) => Promise<{ messageId: string; contentSm3: string }>;

export interface PrequalificationDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  sections: SectionsPort;
  review: ReviewPort;
  publish: PublishPort;
  notify: NotifyPort;
  boundCertificate: BoundCertificatePort;
  outbox: OutboxPort;
}

export function tables(db: Db): Kysely<PrequalificationTables> {
  return db as unknown as Kysely<PrequalificationTables>;
}

/** Read jsonb as the driver gives it: pg parses it, PGlite may hand back text. */
export function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
