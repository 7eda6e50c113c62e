import { randomUUID } from 'node:crypto';
import type { OutboxDestination, OutboxMessageView, OutboxPage, OutboxQuery } from '@bidhall/contracts';
import { canonicalJson, sm3, toHex } from '@bidhall/crypto';
import { type Actor, systemActor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { withinReach } from '../../platform/db/region-filter.ts';
import type { RegionScope } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type ExchangeDeps, tables } from './exchange.deps.ts';
import type { OutboxMessageTable } from './exchange.tables.ts';
import type { PublicServicePlatform } from './public-service.adapter.ts';
import type { Selectable } from 'kysely';

export const OUTBOX_DELIVER_JOB = 'exchange.outbox-deliver';
export const OUTBOX_SWEEP_JOB = 'exchange.outbox-sweep';
/** After this many failed attempts a message waits for staff (`retry`). */
export const OUTBOX_MAX_ATTEMPTS = 8;

/** 1, 2, 4, 8 … minutes after the n-th failed attempt, capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export interface OutboxMessageInput {
  /** Where it goes; the public service platform unless said otherwise. */
  destination?: OutboxDestination;
  /** What is pushed: `publication`, `tenderingProject`, `tenderDocument` … */
  kind: string;
  subjectType: string;
  subjectId: string;
  regionCode: string | null;
  /** RFC 8785 canonical JSON text (sent byte for byte), or a value to canonicalise. */
  content: string | object;
}

export interface Outbox {
  /** Writes the message and its delivery job in the caller's transaction. */
  enqueue(trx: Db, message: OutboxMessageInput): Promise<{ messageId: string; contentSm3: string }>;
}

const utf8 = new TextDecoder();

function canonicalText(content: string | object): string {
  if (typeof content !== 'string') return utf8.decode(canonicalJson(content));
  const again = utf8.decode(canonicalJson(JSON.parse(content) as object));
  if (again !== content) throw new Error('outbox content must be RFC 8785 canonical JSON');
  return content;
}

function view(r: Selectable<OutboxMessageTable>): OutboxMessageView {
  return {
    id: r.id,
    seq: Number(r.seq),
    destination: r.destination,
    kind: r.kind,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    regionCode: r.region_code,
    contentSm3: r.content_sm3,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    deliveredAt: r.delivered_at?.toISOString() ?? null,
    receipt: r.receipt,
  };
}

function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  if (!/^\d{1,18}$/.test(cursor)) throw new DomainError('CURSOR_INVALID', 'the cursor is not one this list returned');
  return Number(cursor);
}

/**
 * The outbox to the public service platform and the designated media: messages are written with the
 * change they report and delivered afterwards by jobs, with retries and backoff; staff see and retry
 * what failed. Each message has one destination, so one receiver's failure never holds up another's.
 */
export function createOutboxService(deps: ExchangeDeps & { receivers: Record<OutboxDestination, PublicServicePlatform> }) {
  const t = tables(deps.db);

  async function enqueue(trx: Db, message: OutboxMessageInput) {
    const content = canonicalText(message.content);
    const contentSm3 = toHex(sm3(new TextEncoder().encode(content)));
    const id = randomUUID();
    const now = deps.clock.now();
    await tables(trx)
      .insertInto('exchange.outbox_message')
      .values({
        id,
        destination: message.destination ?? 'publicService',
        kind: message.kind,
        subject_type: message.subjectType,
        subject_id: message.subjectId,
        region_code: message.regionCode,
        content,
        content_sm3: contentSm3,
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        last_error: null,
        created_at: now,
        delivered_at: null,
        receipt: null,
      })
      .execute();
    await deps.jobs.send(trx, OUTBOX_DELIVER_JOB, { messageId: id });
    return { messageId: id, contentSm3 };
  }

  /**
   * One delivery attempt. The push happens outside any transaction (the receiver may be this very
   * application on the same database); the outcome is then recorded under a row lock, and a
   * delivered message is never changed again. The receiver de-duplicates by message id.
   */
  async function deliver(messageId: string): Promise<OutboxMessageView | null> {
    const row = await t.selectFrom('exchange.outbox_message').selectAll().where('id', '=', messageId).executeTakeFirst();
    if (!row || row.status === 'delivered' || row.status === 'failed') return row ? view(row) : null;
    let outcome: { ok: true; receipt: string } | { ok: false; error: string };
    try {
      const ack = await deps.receivers[row.destination].push({
        messageId: row.id,
        kind: row.kind,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        regionCode: row.region_code,
        contentSm3: row.content_sm3,
        content: row.content,
        sentAt: deps.clock.now().toISOString(),
      });
      outcome = { ok: true, receipt: ack.receiptId };
    } catch (err) {
      outcome = { ok: false, error: ((err as Error).message || String(err)).slice(0, 500) };
    }
    return deps.db.transaction().execute(async (trx) => {
      const current = await tables(trx).selectFrom('exchange.outbox_message').selectAll().where('id', '=', messageId).forUpdate().executeTakeFirstOrThrow();
      if (current.status === 'delivered') return view(current);
      const now = deps.clock.now();
      const attempts = current.attempts + 1;
      const audit = (event: string, details: Record<string, unknown>) =>
        deps.audit.record(trx, systemActor, {
          action: `exchange.outbox.${event}`,
          targetType: 'outboxMessage',
          targetId: messageId,
          regionCode: current.region_code,
          details: { destination: current.destination, kind: current.kind, subjectType: current.subject_type, subjectId: current.subject_id, contentSm3: current.content_sm3, attempts, ...details },
        });
      let updated: Partial<Selectable<OutboxMessageTable>>;
      if (outcome.ok) {
        updated = { status: 'delivered', attempts, delivered_at: now, next_attempt_at: null, last_error: null, receipt: outcome.receipt };
        await audit('delivered', { receipt: outcome.receipt });
      } else if (attempts >= OUTBOX_MAX_ATTEMPTS) {
        updated = { status: 'failed', attempts, next_attempt_at: null, last_error: outcome.error };
        await audit('failed', { error: outcome.error });
      } else {
        const next = new Date(now.getTime() + retryDelayMs(attempts));
        // The minute sweep picks it up when the platform clock reaches `next`.
        updated = { status: 'retrying', attempts, next_attempt_at: next, last_error: outcome.error };
      }
      const after = await tables(trx).updateTable('exchange.outbox_message').set(updated).where('id', '=', messageId).returningAll().executeTakeFirstOrThrow();
      return view(after);
    });
  }

  /**
   * The sweep (every minute): retries whose time has come by the platform clock, and new messages
   * whose delivery job should have run a minute ago (lost with a crashed worker). Each destination is
   * worked on its own, side by side, so a receiver that times out does not delay the other's retries.
   */
  async function deliverDue(limit = 100): Promise<number> {
    const now = deps.clock.now();
    const destinations = Object.keys(deps.receivers) as OutboxDestination[];
    const counts = await Promise.all(
      destinations.map(async (destination) => {
        const due = await t
          .selectFrom('exchange.outbox_message')
          .select('id')
          .where('destination', '=', destination)
          .where((eb) =>
            eb.or([
              eb.and([eb('status', '=', 'retrying'), eb('next_attempt_at', '<=', now)]),
              eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', new Date(now.getTime() - 60_000))]),
            ]),
          )
          .orderBy('seq')
          .limit(limit)
          .execute();
        for (const { id } of due) await deliver(id);
        return due.length;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  /** Staff send a message again now, whatever happened before, unless it was delivered. */
  async function retry(trx: Db, messageId: string, actor: Actor): Promise<OutboxMessageView> {
    const row = await tables(trx).selectFrom('exchange.outbox_message').selectAll().where('id', '=', messageId).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError('OUTBOX_MESSAGE_NOT_FOUND', 'no such outbox message');
    if (row.status === 'delivered') throw new DomainError('OUTBOX_ALREADY_DELIVERED', 'this message was delivered; nothing to retry', { deliveredAt: row.delivered_at?.toISOString() });
    const now = deps.clock.now();
    const after = await tables(trx)
      .updateTable('exchange.outbox_message')
      .set({ status: 'pending', next_attempt_at: now })
      .where('id', '=', messageId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await deps.jobs.send(trx, OUTBOX_DELIVER_JOB, { messageId });
    await deps.audit.record(trx, actor, {
      action: 'exchange.outbox.retried',
      targetType: 'outboxMessage',
      targetId: messageId,
      regionCode: row.region_code,
      details: { destination: row.destination, kind: row.kind, previousStatus: row.status, attempts: row.attempts, lastError: row.last_error },
    });
    return view(after);
  }

  /** Newest first, only of the regions the caller reaches (and the whole platform's when it answers for it). */
  async function list(query: OutboxQuery, reach: RegionScope): Promise<OutboxPage> {
    const before = decodeCursor(query.cursor);
    let q = t
      .selectFrom('exchange.outbox_message')
      .selectAll()
      .where(withinReach(reach))
      .orderBy('seq', 'desc')
      .limit(query.limit + 1);
    if (query.destination) q = q.where('destination', '=', query.destination);
    if (query.status) q = q.where('status', '=', query.status);
    if (query.kind) q = q.where('kind', '=', query.kind);
    if (query.subjectId) q = q.where('subject_id', '=', query.subjectId);
    if (query.regionCode) q = q.where('region_code', '=', query.regionCode);
    if (before !== undefined) q = q.where('seq', '<', String(before));
    const rows = await q.execute();
    const items = rows.slice(0, query.limit).map(view);
    return { items, nextCursor: rows.length > query.limit ? String(items[items.length - 1]!.seq) : null };
  }

  async function get(messageId: string): Promise<OutboxMessageView & { content: string }> {
    const row = await t.selectFrom('exchange.outbox_message').selectAll().where('id', '=', messageId).executeTakeFirst();
    if (!row) throw new DomainError('OUTBOX_MESSAGE_NOT_FOUND', 'no such outbox message');
    return { ...view(row), content: row.content };
  }

  return { enqueue, deliver, deliverDue, retry, list, get };
}

export type OutboxService = ReturnType<typeof createOutboxService>;
