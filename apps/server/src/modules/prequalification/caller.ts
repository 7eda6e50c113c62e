import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';

/** Who calls a prequalification service: the audit actor, the account and its entity. */
export interface Caller {
  actor: Actor & { id: string };
  userId: string;
  kind: string;
  entityId: string | null;
}

export function callerOf(request: FastifyRequest): Caller {
  const p = requirePrincipal(request);
  return { actor: { ...actorOf(request), id: p.userId }, userId: p.userId, kind: p.kind, entityId: p.entity?.id ?? null };
}
