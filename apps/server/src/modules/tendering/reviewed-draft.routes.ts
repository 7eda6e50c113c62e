import { emptyBody, okResponse, type ReviewDecision, reviewDecision } from '@bidhall/contracts';
import { z } from 'zod';
import type { Relation } from '../../platform/auth/scope.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { Caller } from './review-flow.ts';

const params = z.strictObject({ id: z.uuid() });
const MANAGERS = ['tenderer', 'agency'] as const;
const READERS = ['tenderer', 'agency', 'staff', 'supervisor', 'auditor'] as const;

/** What a notice or invitation service offers on the shared review path. */
interface ReviewedDraftActions<View, Detail, Update> {
  detail(caller: Caller, id: string): Promise<Detail>;
  update(caller: Caller, id: string, input: Update): Promise<View>;
  remove(caller: Caller, id: string): Promise<void>;
  regenerate(caller: Caller, id: string): Promise<View>;
  submit(caller: Caller, id: string): Promise<View>;
  review(caller: Caller, id: string, decision: ReviewDecision): Promise<View>;
  verify(caller: Caller, id: string, decision: ReviewDecision): Promise<View>;
}

/**
 * The routes of a draft's life on the review path (A-51…A-53), the same for notices and invitations
 * under their own base path: read, edit, delete, regenerate, submit, the tenderer's review and the
 * staff verification. Each subject words its own summaries.
 */
export function registerReviewedDraftRoutes<View extends z.ZodType, Detail extends z.ZodType, Update extends z.ZodType>(
  app: AppInstance,
  o: {
    base: string;
    /** The scope resource kind of the drafts ('notice' or 'invitation'). */
    resource: string;
    tags: string[];
    schemas: { view: View; detail: Detail; update: Update };
    summaries: Record<'detail' | 'update' | 'remove' | 'regenerate' | 'submit' | 'review' | 'verification', string>;
    service: ReviewedDraftActions<z.output<View>, z.output<Detail>, z.output<Update>>;
  },
) {
  const { tags, summaries: summary, service } = o;
  // Fastify sees the schemas as plain zod types; the generics above tie them to the service's types.
  const schemas: Record<keyof typeof o.schemas, z.ZodType> = o.schemas;
  const view = { 200: schemas.view };
  const one = `${o.base}/:id`;
  const scope = (parties: readonly Relation[]) => ({ resource: o.resource, parties });

  app.get(
    one,
    { config: { access: { roles: READERS, scope: scope(MANAGERS) } }, schema: { tags, summary: summary.detail, params, response: { 200: schemas.detail } } },
    async (request) => service.detail(callerOf(request), request.params.id),
  );

  app.put(
    one,
    { config: { access: { roles: MANAGERS, scope: scope(MANAGERS) } }, schema: { tags, summary: summary.update, params, body: schemas.update, response: view } },
    async (request) => service.update(callerOf(request), request.params.id, request.body as z.output<Update>),
  );

  app.delete(
    one,
    { config: { access: { roles: MANAGERS, scope: scope(MANAGERS) } }, schema: { tags, summary: summary.remove, params, response: { 200: okResponse } } },
    async (request) => {
      await service.remove(callerOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    `${one}/regenerate`,
    { config: { access: { roles: MANAGERS, scope: scope(MANAGERS) } }, schema: { tags, summary: summary.regenerate, params, body: emptyBody, response: view } },
    async (request) => service.regenerate(callerOf(request), request.params.id),
  );

  app.post(
    `${one}/submit`,
    { config: { access: { roles: MANAGERS, scope: scope(MANAGERS) } }, schema: { tags, summary: summary.submit, params, body: emptyBody, response: view } },
    async (request) => service.submit(callerOf(request), request.params.id),
  );

  app.post(
    `${one}/review`,
    { config: { access: { roles: ['tenderer'], scope: scope(['tenderer']) } }, schema: { tags, summary: summary.review, params, body: reviewDecision, response: view } },
    async (request) => service.review(callerOf(request), request.params.id, request.body),
  );

  app.post(
    `${one}/verification`,
    { config: { access: { roles: ['staff'], scope: scope([]) } }, schema: { tags, summary: summary.verification, params, body: reviewDecision, response: view } },
    async (request) => service.verify(callerOf(request), request.params.id, request.body),
  );
}
