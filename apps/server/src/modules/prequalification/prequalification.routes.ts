import {
  myPrequalificationLetterView,
  prequalificationListInput,
  prequalificationResultsInput,
  prequalificationResultsSubmit,
  prequalificationResultsVerification,
  prequalificationResultsView,
  prequalificationSettingInput,
  prequalificationSettingView,
  prequalificationStandingView,
  type PrequalificationStandingView,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { LetterReading } from './letters.read.ts';
import type { ResultsIssue } from './results-issue.service.ts';
import type { ResultsService } from './results.service.ts';
import type { SettingService } from './setting.service.ts';

const tags = ['prequalification'];
const params = z.strictObject({ id: z.uuid() });
const managers = { resource: 'prequalification', parties: ['tenderer', 'agency'] } as const;
const managing = { roles: ['tenderer', 'agency'], scope: managers } as const;
const base = '/api/v1/sections/:id/prequalification';

/** Prequalification results (decision 0039): the setting, the confirmed list, the letters, their verification and issue. */
export function registerPrequalificationRoutes(
  app: AppInstance,
  deps: {
    settings: SettingService;
    results: ResultsService;
    issuing: ResultsIssue;
    letters: LetterReading;
    standing(sectionId: string): Promise<PrequalificationStandingView>;
  },
) {
  const { settings, results, issuing, letters } = deps;

  app.get(
    base,
    {
      config: { access: { roles: ['staff', 'supervisor', 'auditor', 'tenderer', 'agency'], scope: managers } },
      schema: {
        tags,
        summary:
          'Where the prequalification results stand: the setting (A-165), the completed review, the results and their letters',
        params,
        response: { 200: prequalificationStandingView },
      },
    },
    async (request) => deps.standing(request.params.id),
  );

  app.put(
    `${base}/setting`,
    {
      config: { access: managing },
      schema: {
        tags,
        summary:
          'Set whether the review committee’s list is final or the tenderer confirms it (A-165); fixed at the application deadline',
        params,
        body: prequalificationSettingInput,
        response: { 200: prequalificationSettingView },
      },
    },
    async (request) => settings.set(request.params.id, request.body, callerOf(request)),
  );

  app.put(
    `${base}/results`,
    {
      config: { access: managing },
      schema: {
        tags,
        summary:
          'Draft or edit the results from the completed review: the remarks and each applicant’s letter’s reasons (A-176, A-177)',
        params,
        body: prequalificationResultsInput,
        response: { 200: prequalificationResultsView },
      },
    },
    async (request) => results.save(request.params.id, request.body, callerOf(request)),
  );

  app.put(
    `${base}/results/list`,
    {
      config: { access: managing },
      schema: {
        tags,
        summary:
          'Confirm the qualified applicants (A-167): only ones the committee passed; one it passed is left out only with a reason',
        params,
        body: prequalificationListInput,
        response: { 200: prequalificationResultsView },
      },
    },
    async (request) => results.confirmList(request.params.id, request.body, callerOf(request)),
  );

  app.post(
    `${base}/results/submit`,
    {
      config: { access: managing },
      schema: {
        tags,
        summary: 'Sign the results’ SM3 with the entity’s bound certificate and submit them for verification (A-178)',
        params,
        body: prequalificationResultsSubmit,
        response: { 200: prequalificationResultsView },
      },
    },
    async (request) => issuing.submit(request.params.id, request.body, callerOf(request)),
  );

  app.post(
    `${base}/results/verification`,
    {
      config: { access: { roles: ['staff'], scope: { resource: 'prequalification', parties: [] } } },
      schema: {
        tags,
        summary:
          'Verify the results (A-178): approved, the letters are issued, pushed and the passed list published (A-179); rejected, back to a draft unsigned',
        params,
        body: prequalificationResultsVerification,
        response: { 200: prequalificationResultsView },
      },
    },
    async (request) => issuing.verify(request.params.id, request.body, callerOf(request)),
  );

  app.get(
    '/api/v1/prequalification-letters/mine',
    {
      config: { access: { roles: ['bidder'], scope: { own: 'entity' } } },
      schema: {
        tags,
        summary: 'The prequalification result letters issued to the caller’s entity (A-179)',
        response: { 200: z.array(myPrequalificationLetterView) },
      },
    },
    async (request) => letters.mine(callerOf(request)),
  );

  app.post(
    '/api/v1/prequalification-letters/:id/acknowledgement',
    {
      config: { access: { roles: ['bidder'], scope: { resource: 'prequalificationLetter', parties: ['subject'] } } },
      schema: {
        tags,
        summary: 'Acknowledge receipt of a prequalification result letter (签收)',
        params,
        body: z.strictObject({}).optional(),
        response: { 200: myPrequalificationLetterView },
      },
    },
    async (request) => letters.acknowledge(request.params.id, callerOf(request)),
  );
}
