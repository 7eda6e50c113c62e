import { emptyBody, projectsQuery, submissionReviewRequest, tenderingPlanCreate, tenderingPlanInput, tenderingPlanList, tenderingPlanView } from '@bidhall/contracts';
import { z } from 'zod';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { TenderingPlanService } from './tendering-plan.service.ts';

const params = z.strictObject({ id: z.uuid() });
const parties = ['tenderer', 'agency'] as const;
const tags = ['tendering plans'];

/** A-47…A-49: the tendering plan and team, reviewed by staff. */
export function registerTenderingPlanRoutes(app: AppInstance, deps: { plans: TenderingPlanService }) {
  const p = deps.plans;
  app.post(
    '/api/v1/tendering-plans',
    { config: { access: { roles: parties, scope: { resource: 'tenderingProject', from: 'body.tenderingProjectId', parties: ['tenderer', 'agency'] } } }, schema: { tags, summary: 'Create the plan and team of a tendering project (submit at once with submit: true)', body: tenderingPlanCreate, response: { 201: tenderingPlanView } } },
    async (request, reply) => reply.status(201).send(await p.create(requirePrincipal(request), request.body, actorOf(request))),
  );
  app.get(
    '/api/v1/tendering-plans',
    {
      config: { access: { roles: ['staff', 'supervisor'], scope: { list: "the plans of the caller's regions" } } },
      schema: { tags, summary: 'Plans submitted in my regions: filter by status, region, name or approval code; sort; page', querystring: projectsQuery, response: { 200: tenderingPlanList } },
    },
    async (request) => p.list(requirePrincipal(request), request.query),
  );
  app.get(
    '/api/v1/tendering-plans/:id',
    { config: { access: { roles: ['tenderer', 'agency', 'staff', 'supervisor'], scope: { resource: 'tenderingPlan', parties: ['tenderer', 'agency'] } } }, schema: { tags, summary: 'A plan with its team and reviews', params, response: { 200: tenderingPlanView } } },
    async (request) => p.get(requirePrincipal(request), request.params.id),
  );
  app.put(
    '/api/v1/tendering-plans/:id',
    {
      config: { access: { roles: parties, scope: { resource: 'tenderingPlan', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Edit a draft or rejected plan (resubmit with submit: true)', params, body: tenderingPlanInput.extend({ submit: z.boolean().default(false) }), response: { 200: tenderingPlanView } },
    },
    async (request) => p.update(requirePrincipal(request), request.params.id, request.body, actorOf(request)),
  );
  app.post(
    '/api/v1/tendering-plans/:id/submit',
    { config: { access: { roles: parties, scope: { resource: 'tenderingPlan', parties: ['tenderer', 'agency'] } } }, schema: { tags, summary: 'Submit the plan for review', params, body: emptyBody, response: { 200: tenderingPlanView } } },
    async (request) => p.submit(requirePrincipal(request), request.params.id, actorOf(request)),
  );
  app.post(
    '/api/v1/tendering-plans/:id/review',
    { config: { access: { roles: ['staff'], scope: { resource: 'tenderingPlan', parties: [] } } }, schema: { tags, summary: 'Approve (in force) or reject (with a reason) a submitted plan (A-49)', params, body: submissionReviewRequest, response: { 200: tenderingPlanView } } },
    async (request) => p.review(requirePrincipal(request), request.params.id, request.body, actorOf(request)),
  );
}
