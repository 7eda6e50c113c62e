import {
  expertAccountLink,
  expertApplication,
  expertApplicationReceipt,
  expertApplicationStatus,
  expertDecision,
  expertDetailView,
  expertEdit,
  expertNomination,
  expertPage,
  expertPublicPage,
  expertQuery,
  expertRatingInput,
  expertRecommendation,
  expertRecordInput,
  expertSelfView,
  expertSharing,
  expertView,
  type ExpertDetailView,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { actorOf } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { InvitationService } from './invitation.service.ts';
import type { PoolService } from './pool.service.ts';
import { publicRecord } from './public-record.ts';

const tags = ['experts'];
const params = z.strictObject({ id: z.uuid() });
const OFFICERS = ['staff', 'supervisor'] as const;
const expertScope = { resource: 'expert', parties: [] } as const;

/** The expert pool (issue 12 §1): applications, the staff's pool, the public record, the expert's own page. */
export function registerPoolRoutes(app: AppInstance, deps: { db: Db; pool: PoolService; invitations: InvitationService }) {
  const { pool } = deps;

  app.post(
    '/api/v1/expert-applications',
    {
      config: { access: { public: true, reason: 'anyone may apply to the expert pool (A-223); limited per address' } },
      schema: { tags, summary: 'Apply to the expert pool: the answer is the application number and a token to follow it with', body: expertApplication, response: { 201: expertApplicationReceipt } },
    },
    async (request, reply) => reply.status(201).send(await pool.apply(request.body, actorOf(request))),
  );

  app.get(
    '/api/v1/expert-applications/:id',
    {
      config: { access: { public: true, reason: 'the applicant follows the application with its number and token' } },
      schema: { tags, summary: 'An application’s state, for its number and token', params, querystring: z.strictObject({ token: z.string().min(16).max(64) }), response: { 200: expertApplicationStatus } },
    },
    async (request) => pool.status(request.params.id, request.query.token),
  );

  app.get(
    '/api/v1/public/expert-record',
    {
      config: { access: { public: true, reason: 'the public record of admissions, removals and violations, names masked' } },
      schema: {
        tags,
        summary: 'The public record of the pool: admissions, removals and violations, newest first (names masked)',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(50), cursor: z.string().max(100).optional() }),
        response: { 200: expertPublicPage },
      },
    },
    async (request) => publicRecord(deps.db, request.query),
  );

  app.post(
    '/api/v1/experts',
    {
      config: { access: { roles: ['staff'], scope: { list: 'a nomination into one of the regions the staff member answers for' } } },
      schema: { tags, summary: 'Nominate an expert (推荐入库): entered as applied, reviewed like an application', body: expertNomination, response: { 201: expertView } },
    },
    async (request, reply) => reply.status(201).send(await pool.nominate(request.body, callerOf(request))),
  );

  app.get(
    '/api/v1/experts',
    {
      config: { access: { roles: OFFICERS, scope: { list: 'the experts of the regions the caller answers for' } } },
      schema: { tags, summary: 'The pool: filter by state, specialty, region and name', querystring: expertQuery, response: { 200: expertPage } },
    },
    async (request) => pool.list(request.query, request.regionScope().codes),
  );

  app.get(
    '/api/v1/experts/me',
    {
      config: { access: { roles: ['expert'], scope: { own: 'account' } } },
      schema: { tags, summary: 'The expert’s own record and invitations to evaluate', response: { 200: expertSelfView } },
    },
    async (request) => {
      const caller = callerOf(request);
      return { expert: await pool.ofUser(deps.db, caller.userId), invitations: await deps.invitations.invitationsOf(caller.userId) };
    },
  );

  app.get(
    '/api/v1/experts/:id',
    { config: { access: { roles: OFFICERS, scope: expertScope } }, schema: { tags, summary: 'One expert with the history of entries, changes and decisions (A-218), records and ratings', params, response: { 200: expertDetailView } } },
    async (request) => pool.get(request.params.id),
  );

  const staffWrite = <B extends z.ZodType>(method: 'post' | 'put' | 'patch', path: string, summary: string, body: B, handle: (id: string, body: z.infer<B>, caller: ReturnType<typeof callerOf>) => Promise<ExpertDetailView>) =>
    app[method](
      path,
      { config: { access: { roles: ['staff'], scope: expertScope } }, schema: { tags, summary, params, body, response: { 200: expertDetailView } } },
      async (request) => handle((request.params as { id: string }).id, request.body as z.infer<B>, callerOf(request)),
    );

  staffWrite('patch', '/api/v1/experts/:id', 'Correct an expert’s facts; each field’s before and after is kept with who and when', expertEdit, pool.edit);
  staffWrite('post', '/api/v1/experts/:id/decisions', 'Admit, reject, suspend, reinstate or remove (A-222), with the reason', expertDecision, pool.decide);
  staffWrite('put', '/api/v1/experts/:id/sharing', 'Put an expert in the pool shared with other cities, or take them out (task 6)', expertSharing, pool.share);
  staffWrite('post', '/api/v1/experts/:id/records', 'Record a reward, penalty, training or violation (A-221)', expertRecordInput, pool.addRecord);
  staffWrite('post', '/api/v1/experts/:id/ratings', 'Rate the expert after an evaluation they sat on (A-135)', expertRatingInput, pool.rate);
  staffWrite('post', '/api/v1/experts/:id/recommendation', 'Recommend the expert to the public service platform’s pool (A-224)', expertRecommendation, pool.recommend);
  staffWrite('put', '/api/v1/experts/:id/account', 'Link the expert’s platform account (an expert account bound to the same person)', expertAccountLink, pool.linkAccount);
}
