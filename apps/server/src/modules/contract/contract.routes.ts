import {
  changeIdParams,
  contractChangeInput,
  contractChangeVerification,
  contractArchive,
  type ContractArchive,
  contractChangeView,
  contractInput,
  contractSignInput,
  contractStandingView,
  contractVerification,
  contractView,
  emptyBody,
  myContractItem,
  performanceInput,
  performanceView,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { ContractReading } from './contract.read.ts';
import type { ContractService } from './contract.service.ts';
import type { PerformanceService } from './performance.service.ts';

const tags = ['contract'];
const params = z.strictObject({ id: z.uuid() });
const base = '/api/v1/sections/:id/contract';
/** The section's region's officers, the tenderer, its mandated agency and the winner. */
const parties = { resource: 'contract', parties: ['tenderer', 'agency', 'winner'] } as const;
const managers = { resource: 'contract', parties: ['tenderer', 'agency'] } as const;
const readers = ['staff', 'supervisor', 'auditor', 'tenderer', 'agency', 'bidder'] as const;

/** The contract (issue 13 §4, decision 0036): draft, verification, e-signatures, performance and changes. */
export function registerContractRoutes(
  app: AppInstance,
  deps: {
    contracts: ContractService;
    reading: ContractReading;
    performance: PerformanceService;
    archive: (sectionId: string) => Promise<ContractArchive>;
  },
) {
  const { contracts, reading, performance } = deps;

  app.get(
    `${base}/archive`,
    {
      config: { access: { roles: [...readers], scope: parties } },
      schema: {
        tags,
        summary:
          'Task 18: the concluded contract as archived — its content, SM3 and both sides’ signatures with their certificates, to check offline',
        params,
        response: { 200: contractArchive },
      },
    },
    async (request) => deps.archive(request.params.id),
  );

  app.get(
    base,
    {
      config: { access: { roles: [...readers], scope: parties } },
      schema: {
        tags,
        summary: 'Where the section’s contract stands: the award it follows, Law 46’s due day, the contract once drafted',
        params,
        response: { 200: contractStandingView },
      },
    },
    async (request) => reading.standing(request.params.id),
  );

  app.put(
    base,
    {
      config: { access: { roles: ['tenderer', 'agency'], scope: managers } },
      schema: {
        tags,
        summary:
          'Draft or edit the contract (A-180, A-181): parties and price from the award, duration and quality from the winning bid, terms from the document; an edit after verification needs verifying and signing again',
        params,
        body: contractInput,
        response: { 200: contractView },
      },
    },
    async (request) => contracts.save(request.params.id, request.body, callerOf(request)),
  );

  app.post(
    `${base}/submit`,
    {
      config: { access: { roles: ['tenderer', 'agency'], scope: managers } },
      schema: {
        tags,
        summary: 'Submit the draft for verification by the staff of the section’s region (A-182)',
        params,
        body: emptyBody,
        response: { 200: contractView },
      },
    },
    async (request) => contracts.submit(request.params.id, callerOf(request)),
  );

  app.post(
    `${base}/verification`,
    {
      config: { access: { roles: ['staff'], scope: { resource: 'contract', parties: [] } } },
      schema: {
        tags,
        summary:
          'Verify the contract (A-182): approved, the verifier and the time are recorded and the parties sign; rejected, it goes back with the reason',
        params,
        body: contractVerification,
        response: { 200: contractView },
      },
    },
    async (request) => contracts.verify(request.params.id, request.body, callerOf(request)),
  );

  app.post(
    `${base}/signatures`,
    {
      config: { access: { roles: ['tenderer', 'bidder'], scope: { resource: 'contract', parties: ['tenderer', 'winner'] } } },
      schema: {
        tags,
        summary:
          "The tenderer or the winner e-signs {action: 'signContract', sectionId, contractId, contentSm3} with its bound certificate (A-183); signed by both, the contract is published and pushed (A-184) and the winner's bid bond is requested back (Reg. 57)",
        params,
        body: contractSignInput,
        response: { 200: contractView },
      },
    },
    async (request) => contracts.sign(request.params.id, request.body, callerOf(request)),
  );

  app.get(
    `${base}/performance`,
    {
      config: { access: { roles: [...readers], scope: parties } },
      schema: {
        tags,
        summary: 'The performance records of both sides (A-185, A-186)',
        params,
        response: { 200: z.array(performanceView) },
      },
    },
    async (request) => performance.performance(request.params.id),
  );

  app.post(
    `${base}/performance`,
    {
      config: { access: { roles: ['tenderer', 'agency', 'bidder'], scope: parties } },
      schema: {
        tags,
        summary:
          'Record the performance of the concluded contract, as the tenderer (A-185) or the winner (A-186); published as it is made',
        params,
        body: performanceInput,
        response: { 201: performanceView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await performance.record(request.params.id, request.body, callerOf(request))),
  );

  app.get(
    `${base}/changes`,
    {
      config: { access: { roles: [...readers], scope: parties } },
      schema: {
        tags,
        summary: 'The changes to the concluded contract, with their reasons and verification',
        params,
        response: { 200: z.array(contractChangeView) },
      },
    },
    async (request) => performance.changes(request.params.id),
  );

  app.post(
    `${base}/changes`,
    {
      config: { access: { roles: ['tenderer', 'agency'], scope: managers } },
      schema: {
        tags,
        summary: 'Propose a change to the concluded contract with its reason; staff verify it before it is published',
        params,
        body: contractChangeInput,
        response: { 201: contractChangeView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await performance.propose(request.params.id, request.body, callerOf(request))),
  );

  app.post(
    `${base}/changes/:changeId/verification`,
    {
      config: { access: { roles: ['staff'], scope: { resource: 'contract', parties: [] } } },
      schema: {
        tags,
        summary: 'Verify a contract change: approved, it is published on the portal and pushed; rejected, with the reason',
        params: changeIdParams,
        body: contractChangeVerification,
        response: { 200: contractChangeView },
      },
    },
    async (request) => performance.verifyChange(request.params.id, request.params.changeId, request.body, callerOf(request)),
  );

  app.get(
    '/api/v1/contracts/mine',
    {
      config: { access: { roles: ['bidder'], scope: { own: 'entity' } } },
      schema: {
        tags,
        summary: 'The contracts the caller’s entity won, to sign and to record the performance of (A-183, A-186)',
        response: { 200: z.array(myContractItem) },
      },
    },
    async (request) => reading.mine(callerOf(request)),
  );
}
