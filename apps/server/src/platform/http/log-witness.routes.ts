import { cosignature, cosignatureView, publishedHeadView } from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { Cosignatures } from '../log/cosignatures.ts';
import type { HeadPublication } from '../log/head-publication.ts';
import type { AppInstance } from './types.ts';

const size = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const tags = ['log'];

/**
 * Heads published at the fixed interval and witnesses' co-signatures (decision 0014): anyone reads
 * them; anyone may post a co-signature, which is verified over the exact head it names before it is
 * stored, once per witness and head (a repeated post answers with the stored one).
 */
export function registerLogWitnessRoutes(
  app: AppInstance,
  deps: { db: Db; publication: HeadPublication; cosignatures: Cosignatures },
) {
  app.get(
    '/api/v1/log/published-heads',
    {
      config: { access: { public: true, reason: 'published heads are for everyone to save and hold the log to' } },
      schema: {
        tags,
        summary: 'Signed tree heads published at the fixed interval, newest first, each with its witnesses’ co-signatures',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20), beforeSize: size.optional() }),
        response: { 200: z.array(publishedHeadView) },
      },
    },
    async (request) => {
      const heads = await deps.publication.list(deps.db, request.query.limit, request.query.beforeSize);
      const cosigned = await deps.cosignatures.list(deps.db, { treeSizes: heads.map((h) => h.head.treeSize), limit: 1000 });
      return heads.map((h) => ({
        head: h.head,
        publishedAt: h.publishedAt.toISOString(),
        cosignatures: cosigned.filter((c) => c.treeSize === h.head.treeSize),
      }));
    },
  );

  app.get(
    '/api/v1/log/cosignatures',
    {
      config: { access: { public: true, reason: "witnesses' co-signatures are public evidence of the history they saw" } },
      schema: {
        tags,
        summary: 'Witness co-signatures, newest head first; of one head with treeSize',
        querystring: z.strictObject({
          treeSize: size.optional(),
          beforeSize: size.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(cosignatureView) },
      },
    },
    async (request) => {
      const { treeSize, beforeSize, limit } = request.query;
      return deps.cosignatures.list(deps.db, { treeSizes: treeSize === undefined ? undefined : [treeSize], beforeSize, limit });
    },
  );

  app.post(
    '/api/v1/log/cosignatures',
    {
      config: {
        access: { public: true, reason: 'a witness needs no account: its key is its identity, and the signature is verified' },
      },
      schema: {
        tags,
        summary: 'Posts a witness co-signature over one of the newest signed heads; verified, then stored once',
        body: cosignature,
        response: { 200: cosignatureView },
      },
    },
    async (request) => deps.cosignatures.add(deps.db, request.body),
  );
}
