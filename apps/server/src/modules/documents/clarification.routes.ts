import { clarificationCreateRequest, clarificationUpdateRequest, clarificationView, deadlineEffectView, emptyBody, okResponse } from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { withRemoved } from '../../platform/text/rich-text.ts';
import { callerOf } from './caller.ts';
import type { ClarificationService } from './clarification.service.ts';

const tags = ['documents'];
const params = z.strictObject({ id: z.uuid() });
const managers = { roles: ['tenderer', 'agency'] } as const;

/** Clarifications and modifications (A-82…A-84, B-012…B-015). */
export function registerClarificationRoutes(app: AppInstance, deps: { db: Db; clarifications: ClarificationService }) {
  const { db, clarifications } = deps;
  const inTrx = <T>(fn: (trx: Db) => Promise<T>) => db.transaction().execute(fn);

  app.post(
    '/api/v1/tender-documents/:id/clarifications',
    {
      config: { access: { ...managers, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Draft a clarification or modification of an issued document (A-82)', params, body: clarificationCreateRequest, response: { 201: clarificationView } },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { id, removed } = await inTrx((trx) => clarifications.create(trx, request.params.id, request.body, caller));
      return reply.status(201).send(withRemoved(await clarifications.view(db, id, caller), removed));
    },
  );

  app.get(
    '/api/v1/tender-documents/:id/clarifications',
    {
      config: { access: { authenticated: true, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency', 'published'] } } },
      schema: { tags, summary: 'Clarifications of a document: drafts for the tenderer, issued ones for everyone', params, response: { 200: z.array(clarificationView) } },
    },
    async (request) => clarifications.list(db, request.params.id, callerOf(request)),
  );

  app.get(
    '/api/v1/clarifications/:id',
    {
      config: { access: { authenticated: true, scope: { resource: 'clarification', parties: ['tenderer', 'agency', 'published'] } } },
      schema: { tags, summary: 'One clarification', params, response: { 200: clarificationView } },
    },
    async (request) => clarifications.view(db, request.params.id, callerOf(request)),
  );

  app.put(
    '/api/v1/clarifications/:id',
    {
      config: { access: { ...managers, scope: { resource: 'clarification', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Change a draft clarification', params, body: clarificationUpdateRequest, response: { 200: clarificationView } },
    },
    async (request) => {
      const caller = callerOf(request);
      const { removed } = await inTrx((trx) => clarifications.update(trx, request.params.id, request.body, caller));
      return withRemoved(await clarifications.view(db, request.params.id, caller), removed);
    },
  );

  app.delete(
    '/api/v1/clarifications/:id',
    {
      config: { access: { ...managers, scope: { resource: 'clarification', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Delete a draft clarification', params, response: { 200: okResponse } },
    },
    async (request) => {
      await inTrx((trx) => clarifications.remove(trx, request.params.id, callerOf(request)));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/clarifications/:id/effect',
    {
      config: { access: { ...managers, scope: { resource: 'clarification', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'What issuing this draft now would do to the deadline (B-012), decided as the issue decides it', params, response: { 200: deadlineEffectView } },
    },
    async (request) => clarifications.previewEffect(db, request.params.id, callerOf(request)),
  );

  app.post(
    '/api/v1/clarifications/:id/issue',
    {
      config: { access: { ...managers, scope: { resource: 'clarification', parties: ['tenderer', 'agency'] } } },
      schema: {
        tags,
        summary: 'Issue: numbered (A-83), a new document version (B-015), deadline moved when late (B-012), published prominently (B-014), everyone who downloaded notified (B-013)',
        params,
        body: emptyBody,
        response: { 200: clarificationView },
      },
    },
    async (request) => inTrx((trx) => clarifications.issue(trx, request.params.id, callerOf(request))),
  );
}
