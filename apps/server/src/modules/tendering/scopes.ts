import { factsOf, type ScopeResolver } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { tables } from './tendering.deps.ts';

/**
 * Notices and invitations for route scopes: the region and parties of their tendering project; a
 * published notice is everyone's; an invitation, once sent, is also its invitees' (and no one else's).
 */
export function createTenderingScopes(db: Db): Record<string, ScopeResolver> {
  return {
    notice: {
      notFound: (id) => new DomainError('NOTICE_NOT_FOUND', `no notice ${id}`),
      async resolve(id, { entityId }) {
        const n = await tables(db).selectFrom('tendering.notice').select(['region_code', 'tenderer_entity_id', 'agency_entity_id', 'status']).where('id', '=', id).executeTakeFirst();
        if (!n) return null;
        return factsOf(n.region_code, {
          tenderer: entityId !== null && n.tenderer_entity_id === entityId,
          agency: entityId !== null && n.agency_entity_id === entityId,
          published: n.status === 'published',
        });
      },
    },
    invitation: {
      notFound: (id) => new DomainError('INVITATION_NOT_FOUND', `no invitation ${id}`),
      async resolve(id, { entityId }) {
        const n = await tables(db).selectFrom('tendering.invitation').select(['region_code', 'tenderer_entity_id', 'agency_entity_id', 'status']).where('id', '=', id).executeTakeFirst();
        if (!n) return null;
        const invited =
          entityId !== null &&
          ['sent', 'withdrawn'].includes(n.status) &&
          (await tables(db).selectFrom('tendering.invitee').select('entity_id').where('invitation_id', '=', id).where('entity_id', '=', entityId).executeTakeFirst()) !== undefined;
        return factsOf(n.region_code, {
          tenderer: entityId !== null && n.tenderer_entity_id === entityId,
          agency: entityId !== null && n.agency_entity_id === entityId,
          invitee: invited,
        });
      },
    },
  };
}
