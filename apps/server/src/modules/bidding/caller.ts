import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { RegionScope } from '../../platform/auth/scope.ts';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import { rolesOf, type Role } from '../../platform/auth/principal.ts';

/** Who calls a bidding service: the audit actor, the account, its kind and region, and (for entity users) the entity. */
export interface Caller {
  actor: Actor;
  userId: string;
  kind: string;
  regionCode: string;
  /** The regions a platform account reaches (none for entity users). */
  reach: readonly string[];
  entity: { id: string; name: string } | null;
  roles: ReadonlySet<Role>;
}

export function callerOf(request: FastifyRequest): Caller {
  const p = requirePrincipal(request);
  const scope: RegionScope = request.regionScope();
  return {
    actor: actorOf(request),
    userId: p.userId,
    kind: p.kind,
    regionCode: p.regionCode,
    reach: scope.codes,
    entity: p.entity ? { id: p.entity.id, name: p.entity.name } : null,
    roles: rolesOf(p),
  };
}
