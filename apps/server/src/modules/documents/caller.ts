import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import { rolesOf, type Role } from '../../platform/auth/principal.ts';

/** Who calls a documents service: the audit actor, the user and (for entity users) the entity. */
export interface Caller {
  actor: Actor;
  userId: string;
  displayName: string;
  entity: { id: string; name: string } | null;
  roles: ReadonlySet<Role>;
}

export function callerOf(request: FastifyRequest): Caller {
  const p = requirePrincipal(request);
  return {
    actor: actorOf(request),
    userId: p.userId,
    displayName: p.displayName,
    entity: p.entity ? { id: p.entity.id, name: p.entity.name } : null,
    roles: rolesOf(p),
  };
}
