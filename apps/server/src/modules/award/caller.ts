import type { FastifyRequest } from 'fastify';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { Caller } from './publicity.service.ts';

const OFFICERS = new Set(['staff', 'supervisor', 'auditor', 'admin']);

export function callerOf(request: FastifyRequest): Caller & { officer: boolean } {
  const p = requirePrincipal(request);
  return {
    actor: { ...actorOf(request), id: p.userId },
    userId: p.userId,
    kind: p.kind,
    entityId: p.entity?.id ?? null,
    entityName: p.entity?.name ?? null,
    officer: OFFICERS.has(p.kind),
  };
}
