import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';

/** Who acts on contract routes: the audit actor, the account and its name, its entity. */
export interface Caller {
  actor: Actor;
  userId: string;
  displayName: string;
  kind: string;
  entityId: string | null;
  entityName: string | null;
}

export function callerOf(request: FastifyRequest): Caller {
  const p = requirePrincipal(request);
  return {
    actor: { ...actorOf(request), id: p.userId },
    userId: p.userId,
    displayName: p.displayName,
    kind: p.kind,
    entityId: p.entity?.id ?? null,
    entityName: p.entity?.name ?? null,
  };
}
