import { emptyBody, serverTimeView, timeSourceView, timestampToken } from '@bidhall/contracts';
import type { Clock } from '@bidhall/rules';
import { z } from 'zod';
import type { TimeAuthority } from '../time/time-authority.ts';
import type { TimeSource } from '../time/time-source.ts';
import type { AppInstance } from './types.ts';

/** Server time for clocks and countdowns, its check against the time servers and timestamp tokens (F-07). */
export function registerTimeRoutes(app: AppInstance, deps: { clock: Clock; timeAuthority: TimeAuthority; timeSource: TimeSource }) {
  app.post(
    '/api/v1/timestamps',
    {
      config: { access: { authenticated: true, scope: { none: 'a token over a hash the caller brings; nothing stored is read' } } },
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
    '/api/v1/time',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: 'Server time, for clocks and countdowns in the UI (A-98), and whether it agrees with the time service (F-07)',
        response: { 200: serverTimeView },
      },
    },
    async () => {
      const now = deps.clock.now();
      return { now: now.toISOString(), epochMs: now.getTime(), timeZone: 'Asia/Shanghai' as const, synchronised: deps.timeSource.view().state === 'synchronised' };
    },
  );

  const timeReaders = ['staff', 'supervisor', 'auditor', 'admin'] as const;
  app.get(
    '/api/v1/time/source',
    {
      config: { access: { roles: timeReaders, scope: { none: "the platform's one clock, the same for every region's staff" } } },
      schema: {
        tags: ['system'],
        summary: 'The clock check against the time servers: the last offset, delay, server and time (F-07)',
        response: { 200: timeSourceView },
      },
    },
    async () => deps.timeSource.view(),
  );

  app.post(
    '/api/v1/time/source/measure',
    {
      config: { access: { roles: ['staff', 'admin'], scope: { platform: "the platform's one clock" } } },
      schema: { tags: ['system'], summary: 'Measure the clock against the time servers now (F-07)', body: emptyBody, response: { 200: timeSourceView } },
    },
    async () => deps.timeSource.measure(),
  );

}
