import {
  agencyContractCreate,
  agencyContractOpinionRequest,
  agencyContractPatch,
  agencyContractRoundRequest,
  agencyContractSignRequest,
  agencyContractView,
  emptyBody,
  okResponse,
} from '@bidhall/contracts';
import { z } from 'zod';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { AgencyContractService } from './agency-contract.service.ts';

const params = z.strictObject({ id: z.uuid() });
const parties = ['tenderer', 'agency'] as const;
const tags = ['agency contracts'];

/** A-42…A-44: the agency contract between a tenderer and its agency. */
export function registerAgencyContractRoutes(app: AppInstance, deps: { contracts: AgencyContractService }) {
  const c = deps.contracts;
  app.post(
    '/api/v1/agency-contracts',
    { config: { access: { roles: parties, scope: { resource: 'tenderingProject', from: 'body.tenderingProjectId', parties: ['tenderer', 'agency'] } } }, schema: { tags, summary: 'Draft the agency contract of a tendering project (either side)', body: agencyContractCreate, response: { 201: agencyContractView } } },
    async (request, reply) => reply.status(201).send(await c.create(requirePrincipal(request), request.body, actorOf(request))),
  );
  app.get(
    '/api/v1/agency-contracts/:id',
    { config: { access: { roles: ['tenderer', 'agency', 'staff', 'supervisor'], scope: { resource: 'agencyContract', parties: ['tenderer', 'agency'] } } }, schema: { tags, summary: 'The contract with every round, opinion and signature', params, response: { 200: agencyContractView } } },
    async (request) => c.get(requirePrincipal(request), request.params.id),
  );
  app.patch(
    '/api/v1/agency-contracts/:id',
    { config: { access: { roles: parties, scope: { resource: 'agencyContract', parties: ['tenderer', 'agency'] } } }, schema: { tags, summary: 'Edit the draft (the drafting side, before submission)', params, body: agencyContractPatch, response: { 200: agencyContractView } } },
    async (request) => c.patch(requirePrincipal(request), request.params.id, request.body, actorOf(request)),
  );
  app.delete(
    '/api/v1/agency-contracts/:id',
    { config: { access: { roles: parties, scope: { resource: 'agencyContract', parties: ['tenderer', 'agency'] } } }, schema: { tags, summary: 'Delete a draft', params, response: { 200: okResponse } } },
    async (request) => {
      await c.remove(requirePrincipal(request), request.params.id, actorOf(request));
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/agency-contracts/:id/submit',
    { config: { access: { roles: parties, scope: { resource: 'agencyContract', parties: ['tenderer', 'agency'] } } }, schema: { tags, summary: 'Submit the draft to the other side: it becomes round 1', params, body: emptyBody, response: { 200: agencyContractView } } },
    async (request) => c.submit(requirePrincipal(request), request.params.id, actorOf(request)),
  );
  app.post(
    '/api/v1/agency-contracts/:id/rounds',
    { config: { access: { roles: parties, scope: { resource: 'agencyContract', parties: ['tenderer', 'agency'] } } }, schema: { tags, summary: 'Propose a new version of the text: the next round (A-43)', params, body: agencyContractRoundRequest, response: { 200: agencyContractView } } },
    async (request) => c.propose(requirePrincipal(request), request.params.id, request.body, actorOf(request)),
  );
  app.post(
    '/api/v1/agency-contracts/:id/opinions',
    {
      config: { access: { roles: parties, scope: { resource: 'agencyContract', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: "One side's signed opinion on the latest round; both accepting it agrees the contract (A-43)", params, body: agencyContractOpinionRequest, response: { 200: agencyContractView } },
    },
    async (request) => c.opine(requirePrincipal(request), request.params.id, request.body, actorOf(request)),
  );
  app.post(
    '/api/v1/agency-contracts/:id/signatures',
    {
      config: { access: { roles: parties, scope: { resource: 'agencyContract', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'E-sign the agreed text: a detached CMS over its UTF-8 bytes, by a certificate bound to the entity (A-44)', params, body: agencyContractSignRequest, response: { 200: agencyContractView } },
    },
    async (request) => c.sign(requirePrincipal(request), request.params.id, request.body, actorOf(request)),
  );
}
