import { platformInfoView, type PlatformInfoView } from '@bidhall/contracts';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { AppInstance } from './types.ts';

const VERSION = '0.1.0';

/** Liveness, readiness and the installation's facts (its version, the sandboxes the portal's banner names). */
export function registerSystemRoutes(
  app: AppInstance,
  deps: {
    db: Db;
    /** The outside systems answered by sandbox stand-ins (exchange), for the portal's banner. */
    sandboxes: () => PlatformInfoView['sandboxes'];
    jobsRunning: () => boolean;
    isShuttingDown: () => boolean;
  },
) {
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
    '/api/v1/platform',
    {
      config: { access: { public: true, reason: 'what every page may show about this installation' } },
      schema: { tags: ['system'], summary: 'This installation: its version and the outside systems it reaches through sandboxes', response: { 200: platformInfoView } },
    },
    async () => ({ version: VERSION, sandboxes: deps.sandboxes() }),
  );

}
