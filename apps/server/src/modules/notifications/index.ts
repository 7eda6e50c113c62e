import type { Clock } from '@bidhall/rules';
import { emptyBody, messageView, okResponse } from '@bidhall/contracts';
import { z } from 'zod';
import { factsOf, type ScopeResolvers } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { createNotificationService } from './notification.service.ts';

export type { NewMessage } from './notification.service.ts';


/** Workspace messages: reminders and decisions addressed to a user or to a whole entity. */
export function createNotificationsModule(deps: { db: Db; clock: Clock }) {
  const service = createNotificationService(deps);
  return {
    errors: { NOTIFICATION_NOT_FOUND: 404 },
    scopes: {
      notification: {
        notFound: () => new DomainError('NOTIFICATION_NOT_FOUND', 'no such message'),
        async resolve(id, caller) {
          const m = await deps.db.selectFrom('notifications.message').select(['recipient_kind', 'recipient_id']).where('id', '=', id).executeTakeFirst();
          if (!m) return null;
          const mine = m.recipient_id === (m.recipient_kind === 'user' ? caller.userId : caller.entityId);
          return { ...factsOf(null, { recipient: mine }), personal: true };
        },
      },
    } satisfies ScopeResolvers,
    notify: service.notify,
    registerRoutes(app: AppInstance) {
      app.get(
        '/api/v1/notifications',
        {
          config: { access: { authenticated: true, scope: { own: 'account' } } },
          schema: {
            tags: ['notifications'],
            summary: 'Messages for the caller and the caller\'s entity',
            querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
            response: { 200: z.object({ items: z.array(messageView), unread: z.number().int() }) },
          },
        },
        async (request) => {
          const p = requirePrincipal(request);
          return service.listFor(p.userId, p.entity?.id ?? null, request.query.limit);
        },
      );
      app.post(
        '/api/v1/notifications/:id/read',
        {
          config: { access: { authenticated: true, scope: { resource: 'notification', parties: ['recipient'] } } },
          schema: { tags: ['notifications'], summary: 'Mark a message read', params: z.strictObject({ id: z.uuid() }), body: emptyBody, response: { 200: okResponse } },
        },
        async (request) => {
          const p = requirePrincipal(request);
          await service.markRead(p.userId, p.entity?.id ?? null, request.params.id);
          return { ok: true as const };
        },
      );
    },
  };
}
