import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { DomainError } from '../errors/domain-error.ts';
import { MAX_ENTRIES_PAGE, type TransparencyLog } from '../log/transparency-log.ts';
import type { AppInstance } from './types.ts';
import { sm3, toHex, utf8 } from '@bidhall/crypto';
import type { TimeAuthority } from '../time/time-authority.ts';
import { logEntry, logKey, logReceipt, signedTreeHead as signedHead, type LogReceipt } from '@bidhall/contracts';

const index = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const tags = ['log'];
const open = { access: { public: true as const, reason: 'the public log is for everyone to verify' } };

/**
 * A self-contained receipt for one entry: the entry, the newest signed head, the inclusion proof in it
 * and a timestamp over the entry (what GET /api/v1/log/receipt answers; bid receipts carry the same).
 */
export async function buildLogReceipt(deps: { log: TransparencyLog; timeAuthority: TimeAuthority }, db: Db, i: number): Promise<LogReceipt> {
  const treeHead = await deps.log.signedHead(db, i);
  if (i >= treeHead.treeSize) throw new DomainError('LOG_RANGE_INVALID', `the log has ${treeHead.treeSize} entries`);
  const [row] = await deps.log.entries(db, i, i + 1);
  return {
    index: i,
    entry: row!.entry,
    treeHead,
    auditPath: await deps.log.inclusionProof(db, i, treeHead.treeSize),
    timestamp: deps.timeAuthority.stamp('SM3', toHex(sm3(utf8(row!.entry)))),
  };
}

/** The public append-only log (F-27, task 19): tree heads, entries and proofs, for anyone to verify. */
export function registerLogRoutes(app: AppInstance, deps: { db: Db; log: TransparencyLog; timeAuthority: TimeAuthority }) {
  app.get(
    '/api/v1/log/key',
    {
      config: open,
      schema: { tags, summary: "The log's SM2 public key", response: { 200: logKey } },
    },
    async () => ({ keyId: deps.log.keyId, publicKeyPem: deps.log.publicKeyPem }),
  );

  app.get(
    '/api/v1/log/tree-head',
    { config: open, schema: { tags, summary: 'The newest signed tree head', response: { 200: signedHead } } },
    async () => deps.log.signedHead(deps.db),
  );

  app.get(
    '/api/v1/log/tree-heads',
    {
      config: open,
      schema: {
        tags,
        summary: 'Signed tree heads issued so far, newest first: each is a commitment the log is held to',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100), beforeSize: index.optional() }),
        response: { 200: z.array(signedHead) },
      },
    },
    async (request) => deps.log.heads(deps.db, request.query.limit, request.query.beforeSize),
  );

  app.get(
    '/api/v1/log/entries',
    {
      config: open,
      schema: {
        tags,
        summary: `Entries [start, end), at most ${MAX_ENTRIES_PAGE} per page, as the exact canonical JSON that was hashed`,
        querystring: z.strictObject({ start: index, end: index }).refine((q) => q.end > q.start, 'end must be after start'),
        response: { 200: z.array(logEntry) },
      },
    },
    async (request) => {
      const rows = await deps.log.entries(deps.db, request.query.start, request.query.end);
      return rows.map((r) => ({ index: r.index, entry: r.entry, appendedAt: r.appendedAt.toISOString() }));
    },
  );

  app.get(
    '/api/v1/log/proof/inclusion',
    {
      config: open,
      schema: {
        tags,
        summary: 'Inclusion proof of an entry in the tree of a given size',
        querystring: z.strictObject({ index, treeSize: index }),
        response: { 200: z.object({ index: z.number(), treeSize: z.number(), auditPath: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const { index: i, treeSize } = request.query;
      await assertSize(treeSize);
      if (i >= treeSize) throw new DomainError('LOG_RANGE_INVALID', `entry ${i} is not in a tree of size ${treeSize}`);
      return { index: i, treeSize, auditPath: await deps.log.inclusionProof(deps.db, i, treeSize) };
    },
  );

  app.get(
    '/api/v1/log/proof/consistency',
    {
      config: open,
      schema: {
        tags,
        summary: 'Consistency proof between two tree sizes',
        querystring: z.strictObject({ first: index, second: index }),
        response: { 200: z.object({ first: z.number(), second: z.number(), proof: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const { first, second } = request.query;
      await assertSize(second);
      if (first > second) throw new DomainError('LOG_RANGE_INVALID', 'the first size must not exceed the second');
      return { first, second, proof: await deps.log.consistencyProof(deps.db, first, second) };
    },
  );

  app.get(
    '/api/v1/log/receipt',
    {
      config: open,
      schema: {
        tags,
        summary: 'A self-contained receipt for one entry: the entry, the newest signed head and the inclusion proof, verifiable offline',
        querystring: z.strictObject({ index }),
        response: { 200: logReceipt },
      },
    },
    async (request) => buildLogReceipt(deps, deps.db, request.query.index),
  );

  async function assertSize(size: number) {
    const current = await deps.log.size(deps.db);
    if (size > current) throw new DomainError('LOG_RANGE_INVALID', `the log has ${current} entries`);
  }
}
