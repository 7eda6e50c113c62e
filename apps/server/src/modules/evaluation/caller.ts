import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';

/** Who calls an evaluation service: the audit actor, the account and the regions it reaches. */
export interface Caller {
  actor: Actor & { id: string };
  userId: string;
  displayName: string;
  kind: string;
  entityId: string | null;
  reach: readonly string[];
}

export function callerOf(request: FastifyRequest): Caller {
  const p = requirePrincipal(request);
  return {
    actor: { ...actorOf(request), id: p.userId },
    userId: p.userId,
    displayName: p.displayName,
    kind: p.kind,
    entityId: p.entity?.id ?? null,
    reach: request.regionScope().codes,
  };
}
