import {
  evaluationChairInput,
  evaluationOpenInput,
  evaluationRepresentativesInput,
  evaluationSheetInput,
  evaluationSheetView,
  evaluationSignInInput,
  evaluationSignInView,
  evaluationSummaryInput,
  evaluationView,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { EvaluationService } from './evaluation.service.ts';
import type { EvaluationSitting } from './sitting.ts';

const tags = ['evaluation'];
const params = z.strictObject({ id: z.uuid() });
const memberRoles = ['expert', 'tenderer'] as const;

/**
 * Evaluation (issue 12 §4): open, representatives, chair, sign-in, sheets, summary — for the bids at
 * /sections/:id/evaluation, for the prequalification applications at /sections/:id/application-review.
 */
export function registerEvaluationRoutes(app: AppInstance, deps: { evaluation: EvaluationService }, at: EvaluationSitting) {
  const { evaluation } = deps;
  const base = `/api/v1/sections/:id/${at.segment}`;
  const { resource } = at;
  /** Member routes: the committee's members (`recipient`); the tenderer's users reach them as representatives (checked by the service). */
  const members = { resource, parties: ['recipient', 'tenderer'] } as const;

  app.get(
    base,
    {
      config: { access: { roles: ['staff', 'supervisor', 'tenderer', 'expert'], scope: { resource, parties: ['tenderer', 'recipient'] } } },
      schema: { tags, summary: 'The evaluation: state, window, members (names to members and officers only), progress and the summary (A-146)', params, response: { 200: evaluationView } },
    },
    async (request) => evaluation.view(request.params.id, callerOf(request)),
  );

  app.post(
    base,
    {
      config: { access: { roles: ['staff'], scope: { resource, parties: [] } } },
      schema: { tags, summary: 'Open the evaluation with its window (A-131, A-156) once the committee is complete and the bids are read out', params, body: evaluationOpenInput, response: { 200: evaluationView } },
    },
    async (request) => evaluation.open(request.params.id, request.body, callerOf(request)),
  );

  app.put(
    `${base}/representatives`,
    {
      config: { access: { roles: ['tenderer'], scope: { resource, parties: ['tenderer'] } } },
      schema: { tags, summary: 'Name the tenderer representatives: users of the tenderer, as many as the plan says (A-131)', params, body: evaluationRepresentativesInput, response: { 200: evaluationView } },
    },
    async (request) => evaluation.setRepresentatives(request.params.id, request.body, callerOf(request)),
  );

  app.put(
    `${base}/chair`,
    {
      config: { access: { roles: ['staff'], scope: { resource, parties: [] } } },
      schema: { tags, summary: 'Name the chair among the expert members (A-132)', params, body: evaluationChairInput, response: { 200: evaluationView } },
    },
    async (request) => evaluation.setChair(request.params.id, request.body.memberId, callerOf(request)),
  );

  app.post(
    `${base}/sign-in`,
    {
      config: { access: { roles: [...memberRoles], scope: members } },
      schema: { tags, summary: 'Sign in inside the window, confirming identity and no conflict with the bidders listed (A-133, A-156)', params, body: evaluationSignInInput, response: { 200: evaluationSignInView } },
    },
    async (request) => evaluation.signIn(request.params.id, callerOf(request), request.body),
  );

  app.get(
    `${base}/sheets/mine`,
    {
      config: { access: { roles: [...memberRoles], scope: members } },
      schema: { tags, summary: "The caller's own review and score sheet; no member reads another's (A-146)", params, response: { 200: evaluationSheetView } },
    },
    async (request) => evaluation.mySheet(request.params.id, callerOf(request)),
  );

  app.put(
    `${base}/sheets/mine`,
    {
      config: { access: { roles: [...memberRoles], scope: members } },
      schema: { tags, summary: "Save or submit the caller's verdicts and scores (A-140); a submitted sheet is frozen", params, body: evaluationSheetInput, response: { 200: evaluationSheetView } },
    },
    async (request) => evaluation.saveSheet(request.params.id, request.body, callerOf(request)),
  );

  app.post(
    `${base}/summary`,
    {
      config: { access: { roles: [...memberRoles], scope: members } },
      schema: { tags, summary: 'The chair computes the summary once every member has submitted: compliance, scores, totals, ranking, candidates, outliers (A-141, A-144, A-145, A-150, B-026)', params, body: evaluationSummaryInput, response: { 200: evaluationView } },
    },
    async (request) => evaluation.summarise(request.params.id, request.body, callerOf(request)),
  );
}
