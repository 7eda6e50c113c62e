import type { FastifyRequest } from 'fastify';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { Caller } from './review-flow.ts';

/** The caller of a tendering route, with the actor its changes are recorded under. */
export function callerOf(request: FastifyRequest): Caller {
  const p = requirePrincipal(request);
  return { userId: p.userId, name: p.displayName, kind: p.kind, regionCode: p.regionCode, entityId: p.entity?.id ?? null, actor: actorOf(request) };
}
