import { custodianKeyRequest, emptyBody, registeredCustodianKey } from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { CustodianKeyService } from './custodian-keys.service.ts';

const tags = ['bidding'];
const params = z.strictObject({ id: z.uuid() });

/** The opening custodians' public keys (decision 0019): registered by their holders, read by their regions. */
export function registerCustodianKeyRoutes(app: AppInstance, deps: { db: Db; custodians: CustodianKeyService }) {
  const { db, custodians } = deps;

  app.get(
    '/api/v1/custodian-keys',
    {
      config: { access: { roles: ['staff', 'supervisor', 'auditor', 'admin', 'tenderer', 'agency'], scope: { list: "the keys of the caller's regions; an entity's own key" } } },
      schema: {
        tags,
        summary: 'Registered custodian keys: the centre and supervisor keys of the regions the caller answers for, or the caller entity\'s own',
        querystring: z.strictObject({ includeRetired: z.enum(['true', 'false']).optional() }),
        response: { 200: z.array(registeredCustodianKey) },
      },
    },
    async (request) => custodians.list(db, callerOf(request), { includeRetired: request.query.includeRetired === 'true' }),
  );

  app.post(
    '/api/v1/custodian-keys',
    {
      config: { access: { roles: ['staff', 'supervisor', 'tenderer', 'agency'], scope: { own: 'account' } } },
      schema: {
        tags,
        summary: "Register an opening custodian's public key (SM2 or P-256): staff for the trading centre of a region they answer for, a supervisor for its department, a tenderer for its entity; it replaces the holder's previous key",
        body: custodianKeyRequest,
        response: { 201: registeredCustodianKey },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      return reply.status(201).send(await db.transaction().execute((trx) => custodians.register(trx, request.body, caller)));
    },
  );

  app.post(
    '/api/v1/custodian-keys/:id/retirement',
    {
      config: { access: { roles: ['staff', 'supervisor', 'tenderer', 'agency'], scope: { resource: 'custodianKey', parties: ['subject'] } } },
      schema: { tags, summary: 'Retire a custodian key: sections then use the next key up the region chain, or none', params, body: emptyBody, response: { 200: registeredCustodianKey } },
    },
    async (request) => {
      const caller = callerOf(request);
      return db.transaction().execute((trx) => custodians.retire(trx, request.params.id, caller));
    },
  );
}
