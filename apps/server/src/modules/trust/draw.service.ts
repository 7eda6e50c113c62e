import { randomBytes, randomUUID } from 'node:crypto';
import {
  commit,
  constraintsHash,
  draw,
  drawSeed,
  fromHex,
  isCryptoError,
  poolHash,
  prepareDraw,
  selectionHash,
  toHex,
  type CanonicalConstraints,
  type SignedTreeHead,
} from '@bidhall/crypto';
import type { DrawView } from '@bidhall/contracts';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { TrustDeps } from './trust.deps.ts';

export interface DrawRequest {
  purpose: string;
  /** What the draw is for; its region and parties come from the subject, never from the request. */
  subjectType: 'section';
  subjectId: string;
  pool: string[];
  count: number;
  exclude?: string[];
  maxPerGroup?: { groupOf: Record<string, string>; max: number };
}

export type { DrawView } from '@bidhall/contracts';

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

function invalid(err: unknown): never {
  if (isCryptoError(err)) throw new DomainError('DRAW_INVALID', err.message);
  throw err;
}

/**
 * The life of a draw (docs/draw-format.md): commit (the secret's hash, the pool's hash, the count and
 * the constraints' hash go into the public log), perform (seed = SM3(secret || root of a signed head
 * that already contains the commitment), so nobody who steers the pool could know the seed), reveal
 * (the secret is published and anyone reproduces the result with `bidhall draw verify`).
 */
export function createDrawService(deps: TrustDeps) {
  async function subjectOf(db: Db, request: Pick<DrawRequest, 'subjectType' | 'subjectId'>) {
    const subject = request.subjectType === 'section' ? await deps.subjects.section(db, request.subjectId) : null;
    if (!subject) throw new DomainError('DRAW_SUBJECT_NOT_FOUND', `no ${request.subjectType} ${request.subjectId}`);
    return subject;
  }

  async function commitDraw(trx: Db, request: DrawRequest, actor: Actor & { id: string }): Promise<DrawView> {
    const subject = await subjectOf(trx, request);
    let prepared: ReturnType<typeof prepareDraw>;
    try {
      // An impossible draw (too few eligible, a group missing) is refused before anything is logged.
      prepared = prepareDraw(request.pool, request.count, { exclude: request.exclude, maxPerGroup: request.maxPerGroup });
    } catch (err) {
      invalid(err);
    }
    const hash = poolHash(prepared.pool);
    const id = randomUUID();
    const secret = randomBytes(32);
    const commitment = commit(secret);
    const constraints: CanonicalConstraints = prepared.constraints;
    await deps.audit.record(trx, actor, {
      action: 'trust.draw.committed',
      targetType: 'draw',
      targetId: id,
      regionCode: subject.regionCode,
      details: { purpose: request.purpose, subjectType: request.subjectType, subjectId: request.subjectId, commitment, poolHash: hash, count: request.count },
    });
    // The commitment itself is public: it goes into the log in clear beside the audit commitment.
    const [logIndex] = await deps.log.append(trx, [
      { type: 'drawCommitment', drawId: id, commitment, poolHash: hash, count: request.count, constraintsHash: constraintsHash(constraints) },
    ]);
    await trx
      .insertInto('trust.draw')
      .values({
        id,
        purpose: request.purpose,
        subject_type: request.subjectType,
        subject_id: request.subjectId,
        region_code: subject.regionCode,
        pool: JSON.stringify(prepared.pool),
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

  /** Performs the draw; the selection goes to the calling module, never over HTTP before the reveal. */
  async function perform(drawId: string, actor: Actor & { id: string }): Promise<{ view: DrawView; selected: string[] }> {
    // The head is signed outside the draw's transaction: it must already contain the commitment.
    const head = await deps.log.signedHead(deps.db);
    return deps.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('trust.draw').selectAll().where('id', '=', drawId).forUpdate().executeTakeFirst();
      if (!row) throw new DomainError('DRAW_NOT_FOUND', 'no such draw');
      if (row.performed_at) throw new DomainError('DRAW_STATE_CONFLICT', 'this draw was already performed');
      if (head.treeSize <= Number(row.commit_log_index)) {
        throw new DomainError('DRAW_STATE_CONFLICT', 'the signed log does not yet contain the commitment; try again');
      }
      let selected: string[];
      try {
        selected = draw({
          seed: drawSeed(new Uint8Array(row.secret), fromHex(head.rootHash)),
          pool: json<string[]>(row.pool),
          count: row.count,
          constraints: json<CanonicalConstraints>(row.constraints),
        }).selected;
      } catch (err) {
        invalid(err);
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
      const selectedHash = selectionHash(selected);
      await deps.audit.record(trx, actor, {
        action: 'trust.draw.performed',
        targetType: 'draw',
        targetId: drawId,
        regionCode: row.region_code,
        details: { treeSize: head.treeSize, rootHash: head.rootHash, selectedHash },
      });
      await deps.log.append(trx, [{ type: 'drawPerformed', drawId, treeSize: head.treeSize, rootHash: head.rootHash, selectedHash }]);
      return { view: await get(trx, drawId, { reveal: false }), selected };
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

  /** For the module the draw serves (e.g. to notify those drawn): null until performed. */
  async function selection(db: Db, drawId: string): Promise<string[] | null> {
    const r = await db.selectFrom('trust.draw').select('selected').where('id', '=', drawId).executeTakeFirst();
    if (!r) throw new DomainError('DRAW_NOT_FOUND', 'no such draw');
    return r.selected ? json<string[]>(r.selected) : null;
  }

  /** Over HTTP: who was drawn, once the draw is revealed and to those it is for (the route's scope). */
  async function revealedSelection(drawId: string): Promise<string[]> {
    const r = await deps.db.selectFrom('trust.draw').select(['selected', 'revealed_at']).where('id', '=', drawId).executeTakeFirst();
    if (!r) throw new DomainError('DRAW_NOT_FOUND', 'no such draw');
    if (!r.revealed_at) throw new DomainError('DRAW_NOT_REVEALED', 'who was drawn is read after the reveal');
    return json<string[]>(r.selected);
  }

  return { commitDraw, perform, reveal, selection, revealedSelection, get: (drawId: string) => get(deps.db, drawId, { reveal: true }) };
}

export type DrawService = ReturnType<typeof createDrawService>;
