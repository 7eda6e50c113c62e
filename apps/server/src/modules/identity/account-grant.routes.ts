import { accountGrantQuery, accountGrantRequest, accountGrantView, grantDecisionRequest, grantRejectionRequest } from '@bidhall/contracts';
import { z } from 'zod';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { AccountGrantService } from './account-grant.service.ts';

const PLATFORM = { platform: 'platform accounts are granted for the whole platform' } as const;
const grantId = z.strictObject({ id: z.uuid() });

/** Grants of platform accounts with dual control (三员分立, decision 0012); auditors read them. */
export function registerAccountGrantRoutes(app: AppInstance, deps: { grants: AccountGrantService }) {
  app.post(
    '/api/v1/account-grants',
    {
      config: { access: { roles: ['securityAdmin'], scope: PLATFORM } },
      schema: {
        tags: ['users'],
        summary: 'Propose an account, a change of its kind or terms, or enabling it again; privileged grants wait for a second security administrator',
        body: accountGrantRequest,
        response: { 201: accountGrantView },
      },
    },
    async (request, reply) => reply.status(201).send(await deps.grants.propose(request.body, requirePrincipal(request).userId, actorOf(request))),
  );

  app.get(
    '/api/v1/account-grants',
    {
      config: { access: { roles: ['securityAdmin', 'auditor'], scope: PLATFORM } },
      schema: { tags: ['users'], summary: 'Account grants, newest first', querystring: accountGrantQuery, response: { 200: z.array(accountGrantView) } },
    },
    async (request) => deps.grants.list(request.query),
  );

  app.post(
    '/api/v1/account-grants/:id/approve',
    {
      config: { access: { roles: ['securityAdmin'], scope: PLATFORM } },
      schema: {
        tags: ['users'],
        summary: 'Approve a grant proposed by another security administrator; the account is created or changed now',
        params: grantId,
        body: grantDecisionRequest.optional(),
        response: { 200: accountGrantView },
      },
    },
    async (request) => deps.grants.approve(request.params.id, requirePrincipal(request).userId, request.body?.note ?? null, actorOf(request)),
  );

  app.post(
    '/api/v1/account-grants/:id/reject',
    {
      config: { access: { roles: ['securityAdmin'], scope: PLATFORM } },
      schema: {
        tags: ['users'],
        summary: 'Reject a grant (its proposer withdraws it the same way); nothing changes',
        params: grantId,
        body: grantRejectionRequest,
        response: { 200: accountGrantView },
      },
    },
    async (request) => deps.grants.reject(request.params.id, requirePrincipal(request).userId, request.body.note, actorOf(request)),
  );
}
