import {
  beneficiaryGuaranteeView,
  guaranteeApplicationListQuery,
  guaranteeApplicationQuery,
  guaranteeApplicationRequest,
  guaranteeApplicationView,
  guaranteeCancelRequest,
  guaranteeClaimRequest,
  guaranteeClaimView,
  guaranteeIssuerQuery,
  guaranteeIssuerView,
  guaranteePaymentRequest,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { IssuanceReading } from './issuance.read.ts';
import type { IssuanceService } from './issuance.service.ts';

const tags = ['finance'];
const params = z.strictObject({ id: z.uuid() });
const ownApplication = { roles: ['bidder'] as const, scope: { resource: 'guaranteeApplication', parties: ['subject'] as const } };
const STAFF_LIST = 'guarantee applications of the caller’s regions; section, bidder, issuer and amounts only after that section’s deadline';

/** E-guarantees one-stop (issue 13 §6, task 15; decision 0037). */
export function registerIssuanceRoutes(app: AppInstance, deps: { db: Db; service: IssuanceService; reading: IssuanceReading }) {
  const { db, service, reading } = deps;

  app.get(
    '/api/v1/guarantee-issuers',
    {
      config: { access: { roles: ['bidder'], scope: { own: 'entity' } } },
      schema: {
        tags,
        summary: 'Issuers on the platform’s issuer interface with their premium rates; with sectionId, the bid guarantee that section needs and each issuer’s premium',
        querystring: guaranteeIssuerQuery,
        response: { 200: z.array(guaranteeIssuerView) },
      },
    },
    async (request) => service.issuers(request.query.sectionId, callerOf(request)),
  );

  app.get(
    '/api/v1/guarantee-applications/mine',
    {
      config: { access: { roles: ['bidder'], scope: { own: 'entity' } } },
      schema: { tags, summary: 'The caller’s entity’s guarantee applications, newest first (with a section: that section’s)', querystring: guaranteeApplicationQuery, response: { 200: z.array(guaranteeApplicationView) } },
    },
    async (request) => reading.mine(db, callerOf(request), request.query.sectionId),
  );

  app.post(
    '/api/v1/guarantee-applications/mine',
    {
      config: { access: { roles: ['bidder'], scope: { own: 'entity' } } },
      schema: {
        tags,
        summary: 'Apply to an issuer for the section’s bid guarantee: the amount the document asks, the tenderer as beneficiary, valid through the deadline and the bid validity',
        body: guaranteeApplicationRequest,
        response: { 201: guaranteeApplicationView },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const id = await service.apply(request.body, caller);
      return reply.status(201).send(await reading.one(db, id, caller));
    },
  );

  app.get(
    '/api/v1/guarantee-applications/to-me',
    {
      config: { access: { roles: ['guarantor'], scope: { own: 'entity' } } },
      schema: { tags, summary: 'Applications made to the caller’s entity as issuer', response: { 200: z.array(guaranteeApplicationView) } },
    },
    async (request) => reading.toIssuer(db, callerOf(request)),
  );

  app.get(
    '/api/v1/guarantee-applications',
    {
      config: { access: { roles: ['staff', 'supervisor', 'auditor'], scope: { list: STAFF_LIST } } },
      schema: {
        tags,
        summary: 'Guarantee applications of the caller’s regions, newest first; before a section’s deadline sealed: state and time only (A-107)',
        querystring: guaranteeApplicationListQuery,
        response: { 200: z.array(guaranteeApplicationView) },
      },
    },
    async (request) => reading.list(db, request.query, callerOf(request)),
  );

  app.get(
    '/api/v1/guarantee-applications/:id',
    {
      config: { access: ownApplication },
      schema: { tags, summary: 'One of the caller’s guarantee applications: its state, premium, postings, guarantee, e-invoice and claim', params, response: { 200: guaranteeApplicationView } },
    },
    async (request) => reading.one(db, request.params.id, callerOf(request)),
  );

  app.post(
    '/api/v1/guarantee-applications/:id/payment',
    {
      config: { access: ownApplication },
      schema: {
        tags,
        summary: 'Pay the premium through the issuer — once, however often sent — after which the issuer issues the signed guarantee and e-invoice',
        params,
        body: guaranteePaymentRequest,
        response: { 200: guaranteeApplicationView },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await service.pay(request.params.id, request.body, caller);
      return reading.one(db, request.params.id, caller);
    },
  );

  app.post(
    '/api/v1/guarantee-applications/:id/cancellation',
    {
      config: { access: ownApplication },
      schema: {
        tags,
        summary: 'Cancel the application or the unused guarantee (not while it stands for a live bid before the result, never once claimed)',
        params,
        body: guaranteeCancelRequest,
        response: { 200: guaranteeApplicationView },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await service.cancel(request.params.id, request.body.reason, caller);
      return reading.one(db, request.params.id, caller);
    },
  );

  for (const kind of ['guarantee', 'invoice'] as const) {
    app.get(
      `/api/v1/guarantee-applications/:id/${kind}`,
      {
        config: { access: ownApplication },
        schema: {
          tags,
          summary: kind === 'guarantee' ? 'Download the guarantee the issuer signed: its canonical JSON and detached CMS' : 'Download the e-invoice (电子发票) of the premium, signed by the issuer',
          params,
        },
      },
      async (request, reply) => {
        const { name, file } = await reading.file(db, request.params.id, kind, callerOf(request));
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(JSON.stringify(file, null, 2));
      },
    );
  }

  app.get(
    '/api/v1/guarantees/in-my-favour',
    {
      config: { access: { roles: ['tenderer'], scope: { own: 'entity' } } },
      schema: { tags, summary: 'Bid guarantees in the caller’s favour on sections whose deadline has passed, with their claims', response: { 200: z.array(beneficiaryGuaranteeView) } },
    },
    async (request) => reading.inMyFavour(db, callerOf(request)),
  );

  app.post(
    '/api/v1/guarantees/:id/claims',
    {
      config: { access: { roles: ['tenderer'], scope: { resource: 'guarantee', parties: ['tenderer'] } } },
      schema: {
        tags,
        summary: 'Claim on a bid guarantee in the caller’s favour (见索即付) on a statutory ground, after the deadline and within its validity; the issuer pays',
        params,
        body: guaranteeClaimRequest,
        response: { 201: guaranteeClaimView },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const claimId = await service.claim(request.params.id, request.body, caller);
      return reply.status(201).send(await reading.claim(db, claimId));
    },
  );
}
