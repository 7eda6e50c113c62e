import { accountName, createUserRequest, userView } from '@bidhall/contracts';
import { z } from 'zod';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { UserService } from './user.service.ts';

/** Platform accounts are managed by administrators only; auditors cannot (F-28). */
export function registerUserRoutes(app: AppInstance, deps: { users: UserService }) {
  app.get(
    '/api/v1/users',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['users'],
        summary: 'Platform accounts',
        querystring: z.strictObject({ kind: z.enum(['entity', 'staff', 'supervisor', 'expert', 'auditor', 'admin']).optional() }),
        response: { 200: z.array(userView) },
      },
    },
    async (request) => deps.users.list({ kind: request.query.kind }),
  );

  app.get(
    '/api/v1/users/directory',
    {
      config: { access: { roles: ['staff', 'supervisor', 'auditor', 'admin'] } },
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
    '/api/v1/users',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['users'], summary: 'Create a platform account', body: createUserRequest, response: { 201: userView } },
    },
    async (request, reply) => {
      const user = await deps.users.create(request.body, requirePrincipal(request).userId, actorOf(request));
      return reply.status(201).send(user);
    },
  );
}
