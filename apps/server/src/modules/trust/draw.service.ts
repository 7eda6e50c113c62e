import { randomBytes, randomUUID } from 'node:crypto';
import { canonicalJson, commit, draw, drawSeed, fromHex, isCryptoError, poolHash, sm3, toHex, type SignedTreeHead } from '@bidhall/crypto';
import type { DrawView } from '@bidhall/contracts';
import type { Clock } from '@bidhall/rules';
import type { Actor, AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { TransparencyLog } from '../../platform/log/transparency-log.ts';

export interface DrawRequest {
  purpose: string;
  subjectType: string;
  subjectId: string;
  regionCode?: string;
  pool: string[];
  count: number;
  exclude?: string[];
  maxPerGroup?: { groupOf: Record<string, string>; max: number };
}

export type { DrawView } from '@bidhall/contracts';

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const selectionHash = (selected: string[]) => toHex(sm3(canonicalJson(selected)));

/**
 * The life of a draw: commit (the secret's hash and the pool's hash go into the public log), perform
 * (seed = SM3(secret || root of a signed head that already contains the commitment), so neither the
 * platform nor anyone else could steer it), reveal (the secret is published and anyone reproduces the
 * result with `bidhall draw verify`).
 */
export function createDrawService(deps: { db: Db; clock: Clock; audit: AuditTrail; log: TransparencyLog }) {
  function constraintsOf(r: Pick<DrawRequest, 'exclude' | 'maxPerGroup'>) {
    return { ...(r.exclude?.length ? { exclude: [...r.exclude].sort() } : {}), ...(r.maxPerGroup ? { maxPerGroup: r.maxPerGroup } : {}) };
  }

  async function commitDraw(trx: Db, request: DrawRequest, actor: Actor & { id: string }): Promise<DrawView> {
    let hash: string;
    try {
      hash = poolHash(request.pool);
    } catch (err) {
      if (isCryptoError(err)) throw new DomainError('DRAW_INVALID', err.message);
      throw err;
    }
    const id = randomUUID();
    const secret = randomBytes(32);
    const commitment = commit(secret);
    const constraints = constraintsOf(request);
    await deps.audit.record(trx, actor, {
      action: 'trust.draw.committed',
      targetType: 'draw',
      targetId: id,
      regionCode: request.regionCode ?? null,
      details: { purpose: request.purpose, subjectType: request.subjectType, subjectId: request.subjectId, commitment, poolHash: hash, count: request.count },
    });
    // The commitment itself is public: it goes into the log in clear beside the audit commitment.
    const [logIndex] = await deps.log.append(trx, [
      { type: 'drawCommitment', drawId: id, commitment, poolHash: hash, count: request.count, constraintsHash: toHex(sm3(canonicalJson(constraints))) },
    ]);
    await trx
      .insertInto('trust.draw')
      .values({
        id,
        purpose: request.purpose,
        subject_type: request.subjectType,
        subject_id: request.subjectId,
        region_code: request.regionCode ?? null,
        pool: JSON.stringify([...request.pool].sort()),
        pool_hash: hash,
        count: request.count,
        constraints: JSON.stringify(constraints),
        secret,
        commitment,
        committed_by: actor.id,
        committed_at: deps.clock.now(),
        commit_log_index: logIndex!,
      })
      .execute();
    return get(trx, id, { reveal: false });
  }

  async function perform(drawId: string, actor: Actor & { id: string }): Promise<DrawView> {
    // The head is signed outside the draw's transaction: it must already contain the commitment.
    const head = await deps.log.signedHead(deps.db);
    return deps.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('trust.draw').selectAll().where('id', '=', drawId).forUpdate().executeTakeFirst();
      if (!row) throw new DomainError('DRAW_NOT_FOUND', 'no such draw');
      if (row.performed_at) throw new DomainError('DRAW_STATE_CONFLICT', 'this draw was already performed');
      if (head.treeSize <= Number(row.commit_log_index)) {
        throw new DomainError('DRAW_STATE_CONFLICT', 'the signed log does not yet contain the commitment; try again');
      }
      const constraints = json<{ exclude?: string[]; maxPerGroup?: { groupOf: Record<string, string>; max: number } }>(row.constraints);
      let selected: string[];
      try {
        selected = draw({
          seed: drawSeed(new Uint8Array(row.secret), fromHex(head.rootHash)),
          pool: json<string[]>(row.pool),
          count: row.count,
          constraints,
        }).selected;
      } catch (err) {
        if (isCryptoError(err)) throw new DomainError('DRAW_INVALID', err.message);
        throw err;
      }
      await trx
        .updateTable('trust.draw')
        .set({
          head_tree_size: head.treeSize,
          head_root_hash: head.rootHash,
          head: JSON.stringify(head),
          selected: JSON.stringify(selected),
          performed_by: actor.id,
          performed_at: deps.clock.now(),
        })
        .where('id', '=', drawId)
        .execute();
      await deps.audit.record(trx, actor, {
        action: 'trust.draw.performed',
        targetType: 'draw',
        targetId: drawId,
        regionCode: row.region_code,
        details: { treeSize: head.treeSize, rootHash: head.rootHash, selectedHash: selectionHash(selected) },
      });
      await deps.log.append(trx, [{ type: 'drawPerformed', drawId, treeSize: head.treeSize, rootHash: head.rootHash, selectedHash: selectionHash(selected) }]);
      // Whoever performs the draw needs the selection (to notify those drawn); the public waits for the reveal.
      return { ...(await get(trx, drawId, { reveal: false })), selected };
    });
  }

  async function reveal(drawId: string, actor: Actor & { id: string }): Promise<DrawView> {
    return deps.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('trust.draw').selectAll().where('id', '=', drawId).forUpdate().executeTakeFirst();
      if (!row) throw new DomainError('DRAW_NOT_FOUND', 'no such draw');
      if (!row.performed_at) throw new DomainError('DRAW_STATE_CONFLICT', 'a draw is revealed after it is performed');
      if (row.revealed_at) return get(trx, drawId, { reveal: true });
      await trx.updateTable('trust.draw').set({ revealed_at: deps.clock.now() }).where('id', '=', drawId).execute();
      const secret = toHex(new Uint8Array(row.secret));
      await deps.audit.record(trx, actor, { action: 'trust.draw.revealed', targetType: 'draw', targetId: drawId, regionCode: row.region_code, details: { secret } });
      await deps.log.append(trx, [{ type: 'drawRevealed', drawId, secret }]);
      return get(trx, drawId, { reveal: true });
    });
  }

  async function get(db: Db, drawId: string, opts: { reveal: boolean }): Promise<DrawView> {
    const r = await db.selectFrom('trust.draw').selectAll().where('id', '=', drawId).executeTakeFirst();
    if (!r) throw new DomainError('DRAW_NOT_FOUND', 'no such draw');
    const revealed = r.revealed_at !== null && opts.reveal;
    const selected = r.selected ? json<string[]>(r.selected) : null;
    return {
      id: r.id,
      purpose: r.purpose,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      count: r.count,
      poolHash: r.pool_hash,
      commitment: r.commitment,
      committedAt: (r.committed_at as Date).toISOString(),
      commitLogIndex: Number(r.commit_log_index),
      state: r.revealed_at ? 'revealed' : r.performed_at ? 'performed' : 'committed',
      performedAt: r.performed_at ? (r.performed_at as Date).toISOString() : null,
      head: r.head ? json<SignedTreeHead>(r.head) : null,
      selectedHash: selected ? selectionHash(selected) : null,
      selected: revealed ? selected : null,
      revealedAt: r.revealed_at ? (r.revealed_at as Date).toISOString() : null,
      secret: revealed ? toHex(new Uint8Array(r.secret)) : null,
      pool: revealed ? json<string[]>(r.pool) : null,
      constraints: revealed ? json<NonNullable<DrawView['constraints']>>(r.constraints) : null,
    };
  }

  async function selection(drawId: string): Promise<string[]> {
    const r = await deps.db.selectFrom('trust.draw').select('selected').where('id', '=', drawId).executeTakeFirst();
    if (!r) throw new DomainError('DRAW_NOT_FOUND', 'no such draw');
    if (!r.selected) throw new DomainError('DRAW_STATE_CONFLICT', 'the draw has not been performed');
    return json<string[]>(r.selected);
  }

  return { commitDraw, perform, reveal, selection, get: (drawId: string) => get(deps.db, drawId, { reveal: true }) };
}

export type DrawService = ReturnType<typeof createDrawService>;
