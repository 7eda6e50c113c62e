import {
  entityChangeView,
  entityListQuery,
  pendingChangeView,
  entityView,
  postCheckRequest,
  postCheckView,
  statusChangeRequest,
  verifyDecision,
} from '@bidhall/contracts';
import { z } from 'zod';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { ChangeService } from './change.service.ts';
import type { VerificationService } from './verification.service.ts';

const idParams = z.strictObject({ id: z.uuid() });
const READERS = ['staff', 'supervisor', 'auditor'] as const;

/** Trading-centre staff: the verification queue, status control and post-checks. */
export function registerStaffRoutes(app: AppInstance, deps: { verification: VerificationService; changes: ChangeService }) {
  app.get(
    '/api/v1/entities',
    {
      config: { access: { roles: READERS, scope: { list: "the entities of the caller's regions" } } },
      schema: {
        tags: ['entities'],
        summary: 'Market entities in the caller\'s region, filtered',
        querystring: entityListQuery,
        response: { 200: z.object({ items: z.array(entityView), total: z.number().int() }) },
      },
    },
    async (request) => deps.verification.list(requirePrincipal(request), request.query),
  );

  app.get(
    '/api/v1/entities/:id',
    {
      config: { access: { roles: READERS, scope: { resource: 'entity', parties: [] } } },
      schema: {
        tags: ['entities'],
        summary: 'One entity with its post-checks',
        params: idParams,
        response: { 200: z.object({ entity: entityView, postChecks: z.array(postCheckView) }) },
      },
    },
    async (request) => deps.verification.get(requirePrincipal(request), request.params.id),
  );

  app.post(
    '/api/v1/entities/:id/verification',
    {
      config: { access: { roles: ['staff'], scope: { resource: 'entity', parties: [] } } },
      schema: { tags: ['entities'], summary: 'Approve or reject a pending registration', params: idParams, body: verifyDecision, response: { 200: entityView } },
    },
    async (request) =>
      deps.verification.verify(requirePrincipal(request), request.params.id, request.body.decision, request.body.note, actorOf(request)),
  );

  app.post(
    '/api/v1/entities/:id/status',
    {
      config: { access: { roles: ['staff'], scope: { resource: 'entity', parties: [] } } },
      schema: { tags: ['entities'], summary: 'Suspend, reinstate or cancel an entity', params: idParams, body: statusChangeRequest, response: { 200: entityView } },
    },
    async (request) =>
      deps.verification.changeStatus(requirePrincipal(request), request.params.id, request.body.action, request.body.reason, actorOf(request)),
  );

  app.post(
    '/api/v1/entities/:id/post-checks',
    {
      config: { access: { roles: ['staff'], scope: { resource: 'entity', parties: [] } } },
      schema: { tags: ['entities'], summary: 'Record a post-admission check', params: idParams, body: postCheckRequest, response: { 200: entityView } },
    },
    async (request) => deps.verification.recordPostCheck(requirePrincipal(request), request.params.id, request.body, actorOf(request)),
  );

  app.get(
    '/api/v1/entities/:id/changes',
    {
      config: { access: { roles: READERS, scope: { resource: 'entity', parties: [] } } },
      schema: { tags: ['entities'], summary: 'Every change an entity proposed, newest first', params: idParams, response: { 200: z.array(entityChangeView) } },
    },
    async (request) => {
      const p = requirePrincipal(request);
      await deps.verification.get(p, request.params.id);
      return deps.changes.listForEntity(p, request.params.id);
    },
  );

  app.get(
    '/api/v1/entity-changes',
    {
      config: { access: { roles: READERS, scope: { list: "the changes of the caller's regions' entities" } } },
      schema: {
        tags: ['entities'],
        summary: 'Changes waiting for verification in the caller\'s region',
        response: { 200: z.array(pendingChangeView) },
      },
    },
    async (request) => deps.changes.pending(await deps.verification.scopeOf(requirePrincipal(request))),
  );

  app.post(
    '/api/v1/entity-changes/:id/verification',
    {
      config: { access: { roles: ['staff'], scope: { resource: 'entityChange', parties: [] } } },
      schema: { tags: ['entities'], summary: 'Approve or reject a change', params: idParams, body: verifyDecision, response: { 200: entityChangeView } },
    },
    async (request) => {
      const p = requirePrincipal(request);
      return deps.changes.verify(p, await deps.verification.scopeOf(p), request.params.id, request.body.decision, request.body.note, actorOf(request));
    },
  );
}
