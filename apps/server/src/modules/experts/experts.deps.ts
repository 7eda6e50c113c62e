import type { SectionSnapshotView, Sitting } from '@bidhall/contracts';
import type { Clock } from '@bidhall/rules';
import type { Kysely } from 'kysely';
import type { Actor, AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { ExpertsTables } from './experts.tables.ts';

/** projects → experts: the section a committee is drawn for. */
export interface SectionsPort {
  get(trx: Db, id: string): Promise<SectionSnapshotView | null>;
}

/** opening → experts: the entities whose bids (or applications) the section's hall of that sitting opened; null before it opened. */
export interface BiddersPort {
  biddersOf(trx: Db, sectionId: string, sitting: Sitting): Promise<string[] | null>;
}

/** identity → experts: market entities (name and credit code) by id. */
export interface EntitiesPort {
  get(trx: Db, id: string): Promise<{ id: string; name: string; creditCode: string } | null>;
}

/** identity → experts: platform accounts, known by the keyed hash of the person they are bound to. */
export interface AccountsPort {
  byUsername(
    trx: Db,
    username: string,
  ): Promise<{ userId: string; username: string; kind: string; status: string; personRef: string | null } | null>;
  /** Person refs of the supervisors of these regions (they may not sit on committees they supervise). */
  supervisorRefs(trx: Db, regionCodes: readonly string[]): Promise<string[]>;
}

/** trust → experts: verifiable draws (commit in the caller's transaction; perform after a signed head holds it). */
export interface DrawsPort {
  commitDraw(
    trx: Db,
    request: { purpose: string; subjectType: 'section'; subjectId: string; pool: string[]; count: number },
    actor: Actor & { id: string },
  ): Promise<{ id: string; state: string; performedAt: string | null }>;
  perform(
    drawId: string,
    actor: Actor & { id: string },
  ): Promise<{ selected: string[]; view: { state: string; performedAt: string | null } }>;
  get(drawId: string): Promise<{ id: string; state: 'committed' | 'performed' | 'revealed'; performedAt: string | null }>;
  selection(db: Db, drawId: string): Promise<string[] | null>;
}

/** notifications → experts: an in-app message inside the caller's transaction. */
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

/** exchange → experts: a message to the public service platform, in the caller's transaction. */
export interface OutboxPort {
  enqueue(
    trx: Db,
    message: { kind: string; subjectType: string; subjectId: string; regionCode: string | null; content: string | object },
  ): Promise<unknown>;
}

/** catalog → experts: a region with every region below it, and with those above it. */
export interface RegionsPort {
  codesWithin(code: string): readonly string[];
  /** The region and its parents up to the top, nearest first. */
  chainOf(code: string): string[];
}

/** An SMS or voice-call gateway (a telecom operator's platform in production). */
export interface ChannelGateway {
  /** Sends inside the caller's transaction, so a message exists exactly when the seat does. */
  send(trx: Db, message: { channel: 'sms' | 'voice'; phone: string; text: string }): Promise<void>;
  /** The messages a phone number received (the sandbox's inbox; tests and the demo read it). */
  inbox?(db: Db, phone: string): Promise<{ channel: string; text: string; sentAt: string }[]>;
}

export interface ExpertsDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  jobs: JobQueue;
  /** The keyed hash of a resident ID number and its hint, as identity binds accounts (decision 0012). */
  personRef(idNumber: string): { ref: string; hint: string };
  sections: SectionsPort;
  bidders: BiddersPort;
  entities: EntitiesPort;
  accounts: AccountsPort;
  draws: DrawsPort;
  notify: NotifyPort;
  outbox: OutboxPort;
  regions: RegionsPort;
  /** SMS and voice: the sandbox gateway in sandbox mode, otherwise none configured (in-app only). */
  gateway: ChannelGateway | null;
}

export function tables(db: Db): Kysely<ExpertsTables> {
  return db as unknown as Kysely<ExpertsTables>;
}

/** Read jsonb as the driver gives it: pg parses it, PGlite may hand back text. */
export function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
