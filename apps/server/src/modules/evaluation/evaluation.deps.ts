import type { EvaluationMethod, ReviewMethod, SectionSnapshotView, Sitting } from '@bidhall/contracts';
import type { Clock } from '@bidhall/rules';
import type { Kysely } from 'kysely';
import type { Actor, AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ClarificationPorts } from './clarification.ports.ts';
import type { EvaluationTables } from './evaluation.tables.ts';
import type { EvaluationCopyPort, RequirementsPort } from './bid-files.deps.ts';

/** projects → evaluation: the section evaluated. */
export interface SectionsPort {
  get(trx: Db, id: string): Promise<SectionSnapshotView | null>;
}

/** experts → evaluation: the sitting's committee (the bids' or the review's), accepted expert members with their accounts; null without a plan. */
export interface CommitteePort {
  members(
    trx: Db,
    sectionId: string,
    sitting: Sitting,
  ): Promise<{
    complete: boolean;
    size: number;
    tendererRepresentatives: number;
    evaluationStartsAt: string;
    venue: string;
    experts: { seat: number; specialty: string; expertId: string; userId: string | null; name: string }[];
  } | null>;
}

/** opening → evaluation: the latest hall's readout of the sitting and its drawn coefficient; null before the readout. */
export interface ReadoutPort {
  readoutOf(
    trx: Db,
    sectionId: string,
    sitting: Sitting,
  ): Promise<{
    round: number;
    readoutAt: string;
    coefficient: string | null;
    bids: { bidId: string; entityId: string; entityName: string; receivedAt: string; values: Record<string, string | number | null> }[];
  } | null>;
}

/** The method a committee works by: the tender document's evaluation method, or the prequalification document's review method. */
export type SittingMethod = EvaluationMethod | ReviewMethod;

/** documents → evaluation: the method of the sitting's issued document (tender or prequalification); null without one. */
export interface MethodsPort {
  methodOf(trx: Db, sectionId: string, sitting: Sitting): Promise<SittingMethod | null>;
}

/** documents → evaluation: the sitting's issued document with every clarification, as stored bytes; null without one. */
export type EffectiveDocumentPort = (
  trx: Db,
  sectionId: string,
  kind: 'tender' | 'prequalification',
) => Promise<{ documentId: string; kind: 'tender' | 'prequalification'; version: number; versionSm3: string; manifest: Buffer; clarifications: { number: number; contentSm3: string; content: Buffer }[] } | null>;

/** identity → evaluation: an account by id (representatives are users of the tenderer's entity). */
export interface AccountsPort {
  byId(trx: Db, userId: string): Promise<{ userId: string; displayName: string; kind: string; status: string; entityId: string | null } | null>;
}

/** notifications → evaluation: an in-app message inside the caller's transaction. */
export type NotifyPort = (
  trx: Db,
  message: { recipientKind: 'entity' | 'user'; recipientId: string; topic: string; title: string; body: string; link?: string; dedupeKey?: string },
) => Promise<boolean>;

/** catalog → evaluation: the city a region lies in (venues are assigned within a city or shared, decision 0027). */
export interface RegionsPort {
  cityOf(code: string): string | null;
}

/** identity → evaluation: the certificate a member signs with, bound to its account (personal, or its entity binding naming it). */
export type PersonalCertificatePort = (trx: Db, userId: string, certificatePem: string) => Promise<{ publicKeyPem: string; fingerprint: string; subject: string }>;

/** exchange → evaluation: report data to the supervision platform (行政监督平台) through the outbox, in the caller's transaction. */
export type SupervisionPort = (trx: Db, message: { kind: string; subjectType: string; subjectId: string; regionCode: string; content: object }) => Promise<{ messageId: string; contentSm3: string }>;

/** identity → evaluation: the accounts of the active supervisors answering for a region. */
export type SupervisorsPort = (trx: Db, regionCode: string) => Promise<string[]>;

/** projects → evaluation: B-024, a failed government procurement tender sends its section to the next round, in the caller's transaction. */
export type RetenderPort = (trx: Db, sectionId: string, reason: string, actor: Actor) => Promise<{ round: number }>;

export interface EvaluationDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  sections: SectionsPort;
  committee: CommitteePort;
  readout: ReadoutPort;
  methods: MethodsPort;
  effectiveDocument: EffectiveDocumentPort;
  accounts: AccountsPort;
  notify: NotifyPort;
  personalCertificate: PersonalCertificatePort;
  supervision: SupervisionPort;
  supervisors: SupervisorsPort;
  retender: RetenderPort;
  regions: RegionsPort;
  /** Clarification requests (decision 0029): the bidder's bound certificate and the blob store for its files. */
  clarifications: ClarificationPorts;
  /** opening → evaluation: the read-out bids' parts and their verified evaluation copies (decision 0028). */
  evaluationCopy: EvaluationCopyPort;
  /** documents → evaluation: what the tender document requires of a bid (decision 0028). */
  requirements: RequirementsPort;
}

export function tables(db: Db): Kysely<EvaluationTables> {
  return db as unknown as Kysely<EvaluationTables>;
}

/** Read jsonb as the driver gives it: pg parses it, PGlite may hand back text. */
export function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
