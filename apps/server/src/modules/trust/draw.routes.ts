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
    /** The draw's region and parties are its subject's; a section is the one subject so far. */
    subjectType: z.literal('section'),
    subjectId: z.uuid(),
    pool: z.array(id).min(1).max(10_000),
    count: z.number().int().min(1).max(1000),
    exclude: z.array(id).max(10_000).optional(),
    maxPerGroup: z.strictObject({ groupOf: z.record(z.string(), z.string().min(1).max(80)), max: z.number().int().min(1).max(1000) }).optional(),
  })
  .refine((r) => r.count <= r.pool.length, { message: 'count exceeds the pool', path: ['count'] });

const params = z.strictObject({ id: z.uuid() });
const tags = ['draws'];

/**
 * Verifiable draws: the staff of the subject's region commit, perform and reveal; nobody reads who was
 * drawn before the reveal; anyone reads and re-checks a revealed draw.
 */
export function registerDrawRoutes(app: AppInstance, deps: { db: Db; draws: DrawService }) {
  const staffActor = (request: Parameters<typeof actorOf>[0]) => ({ ...actorOf(request), id: requirePrincipal(request).userId });

  app.post(
    '/api/v1/draws',
    {
      config: { access: { roles: ['staff'], scope: { resource: 'section', from: 'body.subjectId', parties: [] } } },
      schema: { tags, summary: "Commit a draw for a section of the caller's region: the secret and the pool are fixed and logged before anything is drawn", body: drawRequest, response: { 201: drawView } },
    },
    async (request, reply) => {
      const view = await deps.db.transaction().execute((trx) => deps.draws.commitDraw(trx, request.body, staffActor(request)));
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/api/v1/draws/:id/perform',
    {
      config: { access: { roles: ['staff'], scope: { resource: 'draw', parties: [] } } },
      schema: {
        tags,
        summary: 'Perform a committed draw from a signed log head that contains its commitment; who was drawn stays hidden until the reveal',
        params,
        body: emptyBody,
        response: { 200: drawView },
      },
    },
    async (request) => (await deps.draws.perform(request.params.id, staffActor(request))).view,
  );

  app.post(
    '/api/v1/draws/:id/reveal',
    {
      config: { access: { roles: ['staff'], scope: { resource: 'draw', parties: [] } } },
      schema: { tags, summary: 'Publish the secret so anyone can reproduce the draw', params, body: emptyBody, response: { 200: drawView } },
    },
    async (request) => deps.draws.reveal(request.params.id, staffActor(request)),
  );

  app.get(
    '/api/v1/draws/:id/selection',
    {
      config: { access: { roles: ['staff', 'supervisor', 'tenderer', 'agency'], scope: { resource: 'draw', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: "Who was drawn, after the reveal, for those the draw is for: its subject's parties and its region's staff and supervisors", params, response: { 200: z.array(z.string()) } },
    },
    async (request) => deps.draws.revealedSelection(request.params.id),
  );

  app.get(
    '/api/v1/draws/:id',
    {
      config: { access: { public: true, reason: 'every draw can be re-checked by anyone after the reveal' } },
      schema: { tags, summary: 'A draw as the public sees it; after the reveal, everything needed to reproduce it', params, response: { 200: drawView } },
    },
    async (request) => deps.draws.get(request.params.id),
  );
}
