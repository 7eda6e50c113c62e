import { randomUUID } from 'node:crypto';
import type { Clock } from '@bidhall/rules';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';

export interface NewMessage {
  recipientKind: 'entity' | 'user';
  recipientId: string;
  topic: string;
  title: string;
  body: string;
  link?: string;
  /** The same key twice writes one message: reminders are idempotent. */
  dedupeKey?: string;
}

export interface MessageView {
  id: string;
  topic: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export function createNotificationService(deps: { db: Db; clock: Clock }) {
  /** Writes a message inside the caller's transaction; returns false when the dedupe key was used. */
  async function notify(trx: Db, m: NewMessage): Promise<boolean> {
    const inserted = await trx
      .insertInto('notifications.message')
      .values({
        id: randomUUID(),
        recipient_kind: m.recipientKind,
        recipient_id: m.recipientId,
        topic: m.topic,
        title: m.title,
        body: m.body,
        link: m.link ?? null,
        dedupe_key: m.dedupeKey ?? null,
        created_at: deps.clock.now(),
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  function recipients(userId: string, entityId: string | null) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (eb: ExpressionBuilder<any, any>) =>
      eb.or([
        eb.and([eb('recipient_kind', '=', 'user'), eb('recipient_id', '=', userId)]),
        ...(entityId ? [eb.and([eb('recipient_kind', '=', 'entity'), eb('recipient_id', '=', entityId)])] : []),
      ]);
  }

  async function listFor(userId: string, entityId: string | null, limit: number): Promise<{ items: MessageView[]; unread: number }> {
    const rows = await deps.db
      .selectFrom('notifications.message')
      .selectAll()
      .where(recipients(userId, entityId))
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    const unread = await deps.db
      .selectFrom('notifications.message')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(recipients(userId, entityId))
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return {
      items: rows.map((r) => ({
        id: r.id,
        topic: r.topic,
        title: r.title,
        body: r.body,
        link: r.link,
        createdAt: (r.created_at as Date).toISOString(),
        readAt: r.read_at ? (r.read_at as Date).toISOString() : null,
      })),
      unread: Number(unread.n),
    };
  }

  async function markRead(userId: string, entityId: string | null, id: string): Promise<void> {
    const result = await deps.db
      .updateTable('notifications.message')
      .set({ read_at: deps.clock.now() })
      .where('id', '=', id)
      .where(recipients(userId, entityId))
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new DomainError('NOTIFICATION_NOT_FOUND', 'no such message');
  }

  return { notify, listFor, markRead };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
