import { accountName, disableAccountRequest, userKind, userView } from '@bidhall/contracts';
import { z } from 'zod';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { UserService } from './user.service.ts';

/**
 * Platform accounts: security administrators manage them and auditors read them (decision 0012); the
 * system administrator does neither. Accounts are granted through `/account-grants`.
 */
export function registerUserRoutes(app: AppInstance, deps: { users: UserService }) {
  app.get(
    '/api/v1/users',
    {
      config: { access: { roles: ['securityAdmin', 'auditor'], scope: { platform: 'platform accounts are granted for the whole platform' } } },
      schema: {
        tags: ['users'],
        summary: 'Platform accounts (security administrators and auditors)',
        querystring: z.strictObject({ kind: userKind.optional() }),
        response: { 200: z.array(userView) },
      },
    },
    async (request) => deps.users.list({ kind: request.query.kind }),
  );

  app.get(
    '/api/v1/users/directory',
    {
      config: { access: { roles: ['staff', 'supervisor', 'auditor', 'admin', 'securityAdmin'], scope: { none: 'display names of account ids the caller was shown in a view it may read' } } },
      schema: {
        tags: ['users'],
        summary: 'Display names for account ids shown in views and the audit trail',
        querystring: z.strictObject({
          ids: z
            .string()
            .max(100 * 37)
            .transform((s) => s.split(',').filter(Boolean))
            .pipe(z.array(z.uuid()).max(100)),
        }),
        response: { 200: z.array(accountName) },
      },
    },
    async (request) => deps.users.names(request.query.ids),
  );

  app.post(
    '/api/v1/users/:id/disable',
    {
      config: { access: { roles: ['securityAdmin'], scope: { platform: 'platform accounts are granted for the whole platform' } } },
      schema: {
        tags: ['users'],
        summary: 'Disable a platform account at once; its sessions end (enabling it again is a grant)',
        params: z.strictObject({ id: z.uuid() }),
        body: disableAccountRequest,
        response: { 200: userView },
      },
    },
    async (request) => deps.users.disable(request.params.id, requirePrincipal(request).userId, request.body.reason, actorOf(request)),
  );
}
