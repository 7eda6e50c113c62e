import { bondForfeitureList, bondForfeitureRequest, bondForfeitureView } from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { ForfeitureReading } from './forfeiture.read.ts';
import type { ForfeitureService } from './forfeiture.service.ts';

const tags = ['finance'];
const params = z.strictObject({ id: z.uuid() });
const managers = { resource: 'bondForfeiture', parties: ['tenderer', 'agency'] as const };

/** Forfeiting bid deposits (issue 13 §5; decision 0042), by the section's id; the bidder's own decisions. */
export function registerForfeitureRoutes(
  app: AppInstance,
  deps: { db: Db; service: ForfeitureService; reading: ForfeitureReading },
) {
  const { db, service, reading } = deps;
  const url = '/api/v1/sections/:id/bond-forfeitures';

  app.get(
    url,
    {
      config: { access: { roles: ['staff', 'supervisor', 'auditor', 'tenderer', 'agency'], scope: managers } },
      schema: {
        tags,
        summary:
          'The section’s deposit forfeitures and, after the bid deadline, each bidder’s held deposits with the statutory grounds the record supports now',
        params,
        response: { 200: bondForfeitureList },
      },
    },
    async (request) => reading.ofSection(db, request.params.id),
  );

  app.post(
    url,
    {
      config: { access: { roles: ['tenderer', 'agency'], scope: managers } },
      schema: {
        tags,
        summary:
          'Forfeit one bidder’s deposits on a statutory ground the platform checks against the record (Reg. 35, 74; E-bidding Measures 31); paid once to the tenderer’s account',
        params,
        body: bondForfeitureRequest,
        response: { 201: bondForfeitureList },
      },
    },
    async (request, reply) => {
      await service.decide(request.params.id, request.body, callerOf(request));
      return reply.status(201).send(await reading.ofSection(db, request.params.id));
    },
  );

  app.get(
    '/api/v1/bond-forfeitures/mine',
    {
      config: { access: { roles: ['bidder'], scope: { own: 'entity' } } },
      schema: {
        tags,
        summary: 'The decisions to forfeit the caller’s entity’s deposits: the ground, the tenderer’s statement, the payment',
        response: { 200: z.array(bondForfeitureView) },
      },
    },
    async (request) => reading.mine(db, callerOf(request)),
  );
}
