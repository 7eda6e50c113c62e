import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';

/** Who calls an appraisal service: the audit actor, the account and its name, its reach, and (for entity users) the entity. */
export interface Caller {
  actor: Actor;
  userId: string;
  displayName: string;
  kind: string;
  regionCode: string;
  /** The regions a platform account reaches (none for entity users). */
  reach: readonly string[];
  entity: { id: string; name: string } | null;
}

export function callerOf(request: FastifyRequest): Caller {
  const p = requirePrincipal(request);
  return {
    actor: actorOf(request),
    userId: p.userId,
    displayName: p.displayName,
    kind: p.kind,
    regionCode: p.regionCode,
    reach: request.regionScope().codes,
    entity: p.entity ? { id: p.entity.id, name: p.entity.name } : null,
  };
}
