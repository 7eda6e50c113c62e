import { sql } from 'kysely';
import type { TreeSource } from '@bidhall/crypto';
import type { Db } from '../db/database.ts';

export interface StoredNode {
  level: number;
  index: number;
  hash: Uint8Array;
}

const bytes = (v: unknown) => (v instanceof Uint8Array ? new Uint8Array(v) : new Uint8Array(Buffer.from(String(v), 'hex')));

/** Reads and writes the log's tables; knows nothing about hashing. */
export function logStore(db: Db) {
  return {
    /**
     * Locks the log for this transaction; its size and frontier (the nodes of its compact range, largest
     * first) come with the lock, from the locked row itself: appends are strictly sequential.
     */
    async lockFrontier(): Promise<{ size: number; frontier: StoredNode[] }> {
      const row = await db
        .selectFrom('platform.log_state')
        .select(['tree_size', 'frontier'])
        .forUpdate()
        .executeTakeFirstOrThrow();
      const raw = (typeof row.frontier === 'string' ? JSON.parse(row.frontier) : row.frontier) as [
        number,
        number | string,
        string,
      ][];
      return {
        size: Number(row.tree_size),
        frontier: raw.map(([level, index, hash]) => ({ level, index: Number(index), hash: bytes(hash) })),
      };
    },
    async size(): Promise<number> {
      const row = await db.selectFrom('platform.log_state').select('tree_size').executeTakeFirstOrThrow();
      return Number(row.tree_size);
    },
    /** Stored nodes by `level:index`. */
    async nodes(keys: { level: number; index: number }[]): Promise<Map<string, Uint8Array>> {
      const found = new Map<string, Uint8Array>();
      if (keys.length === 0) return found;
      const rows = await db
        .selectFrom('platform.log_node')
        .select(['level', 'node_index', 'hash'])
        .where((eb) => eb.or(keys.map((k) => eb.and([eb('level', '=', k.level), eb('node_index', '=', k.index)]))))
        .execute();
      for (const r of rows) found.set(`${r.level}:${Number(r.node_index)}`, bytes(r.hash));
      return found;
    },
    async node(level: number, index: number): Promise<Uint8Array | undefined> {
      const row = await db
        .selectFrom('platform.log_node')
        .select('hash')
        .where('level', '=', level)
        .where('node_index', '=', index)
        .executeTakeFirst();
      return row ? bytes(row.hash) : undefined;
    },
    /** The new entries and nodes, the new size and frontier, in one statement (the log is locked meanwhile). */
    async append(
      entries: { index: number; entry: string; at: Date }[],
      nodes: StoredNode[],
      size: number,
      frontier: StoredNode[],
    ) {
      if (entries.length === 0) return;
      await db
        .with('e', (w) =>
          w
            .insertInto('platform.log_entry')
            .values(entries.map((e) => ({ leaf_index: e.index, entry: e.entry, appended_at: e.at }))),
        )
        .with('n', (w) =>
          w
            .insertInto('platform.log_node')
            .values(nodes.map((n) => ({ level: n.level, node_index: n.index, hash: Buffer.from(n.hash) }))),
        )
        .updateTable('platform.log_state')
        .set({
          tree_size: size,
          frontier: JSON.stringify(frontier.map((n) => [n.level, n.index, Buffer.from(n.hash).toString('hex')])),
        })
        .execute();
    },
    async entries(start: number, end: number) {
      const rows = await db
        .selectFrom('platform.log_entry')
        .select(['leaf_index', 'entry', 'appended_at'])
        .where('leaf_index', '>=', start)
        .where('leaf_index', '<', end)
        .orderBy('leaf_index')
        .execute();
      return rows.map((r) => ({ index: Number(r.leaf_index), entry: r.entry as string, appendedAt: r.appended_at as Date }));
    },
    async latestHead() {
      return db.selectFrom('platform.log_tree_head').selectAll().orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
    },
    async headOf(size: number) {
      return db.selectFrom('platform.log_tree_head').select('signed_head').where('tree_size', '=', size).executeTakeFirst();
    },
    async heads(limit: number, beforeSize?: number) {
      let q = db.selectFrom('platform.log_tree_head').select('signed_head').orderBy('tree_size', 'desc').limit(limit);
      if (beforeSize !== undefined) q = q.where('tree_size', '<', beforeSize);
      return q.execute();
    },
    /** False when a head of this size is kept already. */
    async insertHead(size: number, root: Uint8Array, at: Date, signed: object): Promise<boolean> {
      const inserted = await db
        .insertInto('platform.log_tree_head')
        .values({ tree_size: size, root_hash: Buffer.from(root), signed_at: at, signed_head: JSON.stringify(signed) })
        .onConflict((oc) => oc.column('tree_size').doNothing())
        .returning('tree_size')
        .execute();
      return inserted.length > 0;
    },
    source(): TreeSource {
      return {
        leafHash: async (index) => {
          const h = await this.node(0, index);
          if (!h) throw new Error(`log leaf ${index} is missing`);
          return h;
        },
        perfectSubtree: (level, index) => this.node(level, index),
      };
    },
    async lockForHead() {
      await sql`SELECT pg_advisory_xact_lock(8154003)`.execute(db);
    },
  };
}
