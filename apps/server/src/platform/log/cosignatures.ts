import type { CosignatureInput, CosignatureView } from '@bidhall/contracts';
import { cosignatureNames, verifyCosignature } from '@bidhall/crypto/log-verify';
import type { SignedTreeHead } from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';
import type { Db } from '../db/database.ts';
import { DomainError } from '../errors/domain-error.ts';

/**
 * Only the newest heads may be co-signed: a witness co-signs the head it just fetched, and an old head
 * gains nothing from a new co-signature; it also bounds what an anonymous caller can make us store.
 */
export const COSIGNABLE_HEADS = 100;

interface Row {
  witness_key_id: string;
  tree_size: number | bigint;
  received_at: Date;
  cosignature: CosignatureInput;
}

const view = (r: Row): CosignatureView => ({
  witnessKeyId: r.witness_key_id,
  treeSize: Number(r.tree_size),
  receivedAt: r.received_at.toISOString(),
  cosignature: r.cosignature,
});

/** Witnesses' co-signatures over kept heads (decision 0014): verified, then stored once per witness and head. */
export function createCosignatures(deps: { clock: Clock }) {
  return {
    async add(db: Db, c: CosignatureInput): Promise<CosignatureView> {
      let witnessKeyId: string;
      try {
        witnessKeyId = verifyCosignature(c);
      } catch {
        throw new DomainError(
          'LOG_COSIGNATURE_INVALID',
          'the co-signature is not a valid signature by the key it names over the head it names',
        );
      }
      const recent = await db
        .selectFrom('platform.log_tree_head')
        .select(['tree_size', 'signed_head'])
        .orderBy('tree_size', 'desc')
        .limit(COSIGNABLE_HEADS)
        .execute();
      const head = recent.find((r) => Number(r.tree_size) === c.treeSize)?.signed_head as SignedTreeHead | undefined;
      if (!head || !cosignatureNames(c, head)) {
        throw new DomainError(
          'LOG_HEAD_UNKNOWN',
          `the log signed no head of size ${c.treeSize} with this time and root among its newest ${COSIGNABLE_HEADS}`,
        );
      }
      await db
        .insertInto('platform.log_cosignature')
        .values({
          witness_key_id: witnessKeyId,
          tree_size: c.treeSize,
          witness_key_pem: c.witnessKeyPem,
          cosigned_at: new Date(c.cosignedAt),
          received_at: deps.clock.now(),
          cosignature: JSON.stringify(c),
        })
        .onConflict((oc) => oc.columns(['witness_key_id', 'tree_size']).doNothing())
        .execute();
      const stored = await db
        .selectFrom('platform.log_cosignature')
        .selectAll()
        .where('witness_key_id', '=', witnessKeyId)
        .where('tree_size', '=', c.treeSize)
        .executeTakeFirstOrThrow();
      return view(stored as Row);
    },

    /** Newest first; of one head when `treeSize` is given. */
    async list(db: Db, filter: { treeSizes?: number[]; limit: number; beforeSize?: number }): Promise<CosignatureView[]> {
      let q = db
        .selectFrom('platform.log_cosignature')
        .selectAll()
        .orderBy('tree_size', 'desc')
        .orderBy('received_at')
        .limit(filter.limit);
      if (filter.treeSizes)
        q = filter.treeSizes.length ? q.where('tree_size', 'in', filter.treeSizes) : q.where((eb) => eb.val(false));
      if (filter.beforeSize !== undefined) q = q.where('tree_size', '<', filter.beforeSize);
      return (await q.execute()).map((r) => view(r as Row));
    },
  };
}

export type Cosignatures = ReturnType<typeof createCosignatures>;
