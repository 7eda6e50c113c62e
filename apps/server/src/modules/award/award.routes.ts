import {
  awardStandingView,
  publicityInput,
  publicityVerification,
  publicityView,
  resultObjectionAnswer,
  resultObjectionInput,
  resultObjectionView,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { ObjectionService } from './objection.service.ts';
import type { PublicityService } from './publicity.service.ts';

const tags = ['award'];
const params = z.strictObject({ id: z.uuid() });
const managers = { resource: 'award', parties: ['tenderer', 'agency'] } as const;
const base = '/api/v1/sections/:id/award';

/** Award (issue 13 §1, decision 0034): the candidates' publicity and the objections to the result. */
export function registerAwardRoutes(
  app: AppInstance,
  deps: {
    publicity: PublicityService;
    objections: ObjectionService;
    standing(sectionId: string): Promise<z.infer<typeof awardStandingView>>;
  },
) {
  const { publicity, objections } = deps;

  app.get(
    base,
    {
      config: { access: { roles: ['staff', 'supervisor', 'auditor', 'tenderer', 'agency'], scope: managers } },
      schema: {
        tags,
        summary: 'Where the award stands: the publicity (draft to published) and whether unanswered objections hold it (B-031)',
        params,
        response: { 200: awardStandingView },
      },
    },
    async (request) => deps.standing(request.params.id),
  );

  app.put(
    `${base}/publicity`,
    {
      config: { access: { roles: ['tenderer', 'agency'], scope: managers } },
      schema: {
        tags,
        summary:
          'Draft or edit the candidates’ publicity from the completed evaluation report: its period (B-028) and remarks (A-163)',
        params,
        body: publicityInput,
        response: { 200: publicityView },
      },
    },
    async (request) => publicity.save(request.params.id, request.body, callerOf(request)),
  );

  app.post(
    `${base}/publicity/submit`,
    {
      config: { access: { roles: ['tenderer', 'agency'], scope: managers } },
      schema: {
        tags,
        summary: 'Submit the publicity for verification by the staff of the section’s region (A-163)',
        params,
        body: z.strictObject({}).optional(),
        response: { 200: publicityView },
      },
    },
    async (request) => publicity.submit(request.params.id, callerOf(request)),
  );

  app.post(
    `${base}/publicity/verification`,
    {
      config: { access: { roles: ['staff'], scope: { resource: 'award', parties: [] } } },
      schema: {
        tags,
        summary:
          'Verify the publicity (A-164): approved, it is published on the portal and pushed (B-029); rejected, it goes back with the reason',
        params,
        body: publicityVerification,
        response: { 200: publicityView },
      },
    },
    async (request) => publicity.verify(request.params.id, request.body, callerOf(request)),
  );

  app.post(
    `${base}/objections`,
    {
      config: { access: { roles: ['bidder'], scope: { resource: 'award', parties: ['holder'] } } },
      schema: {
        tags,
        summary:
          'Object to the evaluation result during its publicity (B-030); the tenderer answers within 3 days, the award waits',
        params,
        body: resultObjectionInput,
        response: { 201: resultObjectionView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await objections.raise(request.params.id, request.body.content, callerOf(request))),
  );

  app.get(
    `${base}/objections`,
    {
      config: {
        access: {
          roles: ['staff', 'supervisor', 'auditor', 'tenderer', 'agency', 'bidder'],
          scope: { resource: 'award', parties: ['tenderer', 'agency', 'holder'] },
        },
      },
      schema: {
        tags,
        summary: 'The objections to the result: all for the tenderer and the region’s officers, its own for an objector',
        params,
        response: { 200: z.array(resultObjectionView) },
      },
    },
    async (request) => objections.list(request.params.id, callerOf(request)),
  );

  app.post(
    '/api/v1/award-objections/:id/answer',
    {
      config: {
        access: { roles: ['tenderer', 'agency'], scope: { resource: 'awardObjection', parties: ['tenderer', 'agency'] } },
      },
      schema: {
        tags,
        summary: 'Answer an objection to the result (B-031): once, within 3 days',
        params,
        body: resultObjectionAnswer,
        response: { 200: resultObjectionView },
      },
    },
    async (request) => objections.answer(request.params.id, request.body.answer, callerOf(request)),
  );
}
