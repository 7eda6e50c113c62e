import { randomUUID } from 'node:crypto';
import type { PublicServiceAck, PublicServiceMessage } from '@bidhall/contracts';
import { canonicalJson, sm3, toHex } from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { tables } from './exchange.deps.ts';
import type { Destination } from './exchange.tables.ts';

export interface ReceivedMessage {
  receiptId: string;
  messageId: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  regionCode: string | null;
  contentSm3: string;
  content: string;
  receivedAt: string;
}

/**
 * A sandbox receiver (the public service platform, or the designated media): checks that the content
 * is canonical JSON whose SM3 is the one stated, keeps it apart from the other receiver's, and
 * acknowledges with a receipt. It can be told to fail the next requests, so the outbox's retries
 * can be shown.
 */
export function createSandboxPublicService(deps: { db: Db; clock: Clock; receiver?: Destination }) {
  const receiver = deps.receiver ?? 'publicService';
  let failures = 0;
  const t = tables(deps.db);

  async function receive(message: PublicServiceMessage): Promise<PublicServiceAck> {
    if (failures > 0) {
      failures--;
      throw new DomainError('SANDBOX_RECEIVER_FAILING', `the sandbox ${receiver} receiver was told to fail this request`);
    }
    const actual = toHex(sm3(new TextEncoder().encode(message.content)));
    let canonical: boolean;
    try {
      canonical = new TextDecoder().decode(canonicalJson(JSON.parse(message.content) as object)) === message.content;
    } catch {
      canonical = false;
    }
    if (!canonical || actual !== message.contentSm3) {
      throw new DomainError('CONTENT_HASH_MISMATCH', 'the content is not canonical JSON with the stated SM3', { stated: message.contentSm3, actual });
    }
    await t
      .insertInto('exchange.sandbox_received')
      .values({
        receipt_id: randomUUID(),
        receiver,
        message_id: message.messageId,
        kind: message.kind,
        subject_type: message.subjectType,
        subject_id: message.subjectId,
        region_code: message.regionCode,
        content: message.content,
        content_sm3: actual,
        received_at: deps.clock.now(),
      })
      .onConflict((oc) => oc.columns(['receiver', 'message_id']).doNothing())
      .execute();
    // A repeated delivery gets the first receipt again.
    const row = await t.selectFrom('exchange.sandbox_received').selectAll().where('receiver', '=', receiver).where('message_id', '=', message.messageId).executeTakeFirstOrThrow();
    return { receiptId: row.receipt_id, messageId: row.message_id, contentSm3: row.content_sm3, receivedAt: row.received_at.toISOString() };
  }

  async function received(filter: { subjectId?: string; kind?: string; limit: number }): Promise<ReceivedMessage[]> {
    let q = t.selectFrom('exchange.sandbox_received').selectAll().where('receiver', '=', receiver).orderBy('received_at', 'desc').orderBy('receipt_id').limit(filter.limit);
    if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    const rows = await q.execute();
    return rows.map((r) => ({
      receiptId: r.receipt_id,
      messageId: r.message_id,
      kind: r.kind,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      regionCode: r.region_code,
      contentSm3: r.content_sm3,
      content: r.content,
      receivedAt: r.received_at.toISOString(),
    }));
  }

  return {
    receiver,
    receive,
    received,
    /** The next `count` deliveries are refused with 503. */
    failNext(count: number) {
      failures = Math.max(0, Math.floor(count));
    },
    get pendingFailures() {
      return failures;
    },
  };
}

export type SandboxPublicService = ReturnType<typeof createSandboxPublicService>;
