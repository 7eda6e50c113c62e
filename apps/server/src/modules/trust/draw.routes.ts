import { drawView, emptyBody } from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { DrawService } from './draw.service.ts';

const id = z.string().trim().min(1).max(80);
const drawRequest = z
  .strictObject({
    purpose: z.string().regex(/^[a-zA-Z][a-zA-Z.]{2,60}$/),
    subjectType: z.string().min(1).max(40),
    subjectId: z.string().min(1).max(80),
    regionCode: z.string().regex(/^\d{6}$/).optional(),
    pool: z.array(id).min(1).max(10_000),
    count: z.number().int().min(1).max(1000),
    exclude: z.array(id).max(10_000).optional(),
    maxPerGroup: z.strictObject({ groupOf: z.record(z.string(), z.string().max(80)), max: z.number().int().min(1) }).optional(),
  })
  .refine((r) => r.count <= r.pool.length, { message: 'count exceeds the pool', path: ['count'] });

const params = z.strictObject({ id: z.uuid() });
const tags = ['draws'];

/** Verifiable draws: staff commit, perform and reveal; anyone reads and re-checks. */
export function registerDrawRoutes(app: AppInstance, deps: { db: Db; draws: DrawService }) {
  const staffActor = (request: Parameters<typeof actorOf>[0]) => ({ ...actorOf(request), id: requirePrincipal(request).userId });

  app.post(
    '/api/v1/draws',
    {
      config: { access: { roles: ['staff'] } },
      schema: { tags, summary: 'Commit a draw: the secret and the pool are fixed and logged before anything is drawn', body: drawRequest, response: { 201: drawView } },
    },
    async (request, reply) => {
      const view = await deps.db.transaction().execute((trx) => deps.draws.commitDraw(trx, request.body, staffActor(request)));
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/api/v1/draws/:id/perform',
    {
      config: { access: { roles: ['staff'] } },
      schema: { tags, summary: 'Perform a committed draw from a signed log head that contains its commitment', params, body: emptyBody, response: { 200: drawView } },
    },
    async (request) => deps.draws.perform(request.params.id, staffActor(request)),
  );

  app.post(
    '/api/v1/draws/:id/reveal',
    {
      config: { access: { roles: ['staff'] } },
      schema: { tags, summary: 'Publish the secret so anyone can reproduce the draw', params, body: emptyBody, response: { 200: drawView } },
    },
    async (request) => deps.draws.reveal(request.params.id, staffActor(request)),
  );

  app.get(
    '/api/v1/draws/:id/selection',
    {
      config: { access: { roles: ['staff', 'supervisor'] } },
      schema: { tags, summary: 'Who was drawn, before the public reveal', params, response: { 200: z.array(z.string()) } },
    },
    async (request) => deps.draws.selection(request.params.id),
  );

  app.get(
    '/api/v1/draws/:id',
    {
      config: { access: { public: true, reason: 'every draw can be re-checked by anyone' } },
      schema: { tags, summary: 'A draw as the public sees it; after the reveal, everything needed to reproduce it', params, response: { 200: drawView } },
    },
    async (request) => deps.draws.get(request.params.id),
  );
}
