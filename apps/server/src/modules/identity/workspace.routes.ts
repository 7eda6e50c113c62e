import { entityView } from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { toEntityView } from './entity.mapper.ts';
import { tables } from './identity.deps.ts';
const certificateView = z.object({
  id: z.uuid(),
  serialNumber: z.string(),
  issuer: z.string(),
  subjectName: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  expired: z.boolean(),
  expiresWithinDays: z.number().int().nullable(),
});

/** The workspace of an active entity: open to active entities only, so suspension closes it at once. */
export function registerWorkspaceRoutes(app: AppInstance, deps: { db: Db; now: () => Date }) {
  app.get(
    '/api/v1/my/workspace',
    {
      config: { access: { roles: ['activeEntity'], scope: { own: 'entity' } } },
      schema: {
        tags: ['registration'],
        summary: 'Workspace of an active entity: its data, roles and bound certificates',
        response: { 200: z.object({ entity: entityView, certificates: z.array(certificateView) }) },
      },
    },
    async (request) => {
      const entityId = requirePrincipal(request).entity?.id ?? '';
      const t = tables(deps.db);
      const entity = await t.selectFrom('identity.market_entity').selectAll().where('id', '=', entityId).executeTakeFirstOrThrow();
      const certs = await t
        .selectFrom('identity.certificate')
        .selectAll()
        .where('entity_id', '=', entityId)
        .where('unbound_at', 'is', null)
        .orderBy('not_after')
        .execute();
      const now = deps.now().getTime();
      return {
        entity: toEntityView(entity),
        certificates: certs.map((c) => {
          const days = Math.ceil((c.not_after.getTime() - now) / 86_400_000);
          return {
            id: c.id,
            serialNumber: c.serial_number,
            issuer: c.issuer,
            subjectName: c.subject_name,
            notBefore: c.not_before.toISOString(),
            notAfter: c.not_after.toISOString(),
            expired: days <= 0,
            expiresWithinDays: days > 0 && days <= 30 ? days : null,
          };
        }),
      };
    },
  );
}
