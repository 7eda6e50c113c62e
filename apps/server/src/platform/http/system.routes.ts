import { auditEventView } from '@bidhall/contracts';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Clock } from '@bidhall/rules';
import type { Db } from '../db/database.ts';
import type { AuditTrail } from '../audit/audit-trail.ts';
import type { AppInstance } from './types.ts';
import type { TimeAuthority } from '../time/time-authority.ts';
import { timestampToken } from '@bidhall/contracts';

const VERSION = '0.1.0';

/** Liveness, readiness, server time and the audit trail for auditors (F-28). */
export function registerSystemRoutes(
  app: AppInstance,
  deps: { db: Db; clock: Clock; audit: AuditTrail; timeAuthority: TimeAuthority; jobsRunning: () => boolean; isShuttingDown: () => boolean },
) {
  app.post(
    '/api/v1/timestamps',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['system'],
        summary: 'A signed timestamp token over a hash, from the platform time authority (F-07)',
        body: z.strictObject({
          hashAlg: z.enum(['SM3', 'SHA-256']),
          messageImprint: z.string().regex(/^[0-9a-fA-F]{64}$/, 'a 32-byte hex digest'),
        }),
        response: { 200: timestampToken },
      },
    },
    async (request) => deps.timeAuthority.stamp(request.body.hashAlg, request.body.messageImprint),
  );

  app.get(
    '/api/v1/health',
    {
      config: { access: { public: true } },
      schema: { tags: ['system'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok'), version: z.string() }) } },
    },
    async () => ({ status: 'ok' as const, version: VERSION }),
  );

  app.get(
    '/api/v1/health/ready',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: 'Readiness: database reachable, jobs running, not shutting down',
        response: { 200: z.object({ status: z.enum(['ready', 'unavailable']), checks: z.record(z.string(), z.boolean()) }), 503: z.object({ status: z.enum(['ready', 'unavailable']), checks: z.record(z.string(), z.boolean()) }) },
      },
    },
    async (_request, reply) => {
      const database = await sql`SELECT 1`.execute(deps.db).then(
        () => true,
        () => false,
      );
      const checks = { database, jobs: deps.jobsRunning(), accepting: !deps.isShuttingDown() };
      const ready = Object.values(checks).every(Boolean);
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks });
    },
  );

  app.get(
    '/api/v1/time',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: 'Server time, for clocks and countdowns in the UI (A-98)',
        response: { 200: z.object({ now: z.string(), epochMs: z.number(), timeZone: z.literal('Asia/Shanghai') }) },
      },
    },
    async () => {
      const now = deps.clock.now();
      return { now: now.toISOString(), epochMs: now.getTime(), timeZone: 'Asia/Shanghai' as const };
    },
  );

  app.get(
    '/api/v1/audit-events',
    {
      config: { access: { roles: ['auditor'] } },
      schema: {
        tags: ['system'],
        summary: 'The audit trail: who did what, when (auditors only)',
        querystring: z.strictObject({
          targetType: z.string().max(40).optional(),
          targetId: z.string().max(80).optional(),
          actorId: z.uuid().optional(),
          action: z.string().regex(/^[a-zA-Z.]{1,80}$/).optional(),
          from: z.iso.datetime({ offset: true }).transform((s) => new Date(s)).optional(),
          to: z.iso.datetime({ offset: true }).transform((s) => new Date(s)).optional(),
          beforeId: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.array(auditEventView),
        },
      },
    },
    async (request) => deps.audit.list(deps.db, request.query),
  );
}
