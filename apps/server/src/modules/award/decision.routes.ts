import {
  awardDecisionInput,
  awardDecisionView,
  awardNoticeInput,
  awardNoticeSubmit,
  awardNoticeVerification,
  awardNoticeView,
  awardReportInput,
  awardSettingInput,
  awardSettingView,
  myAwardLetterView,
  separatedAwardInput,
  separatedAwardView,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { DecisionService } from './decision.service.ts';
import type { LetterReading } from './letters.read.ts';
import type { NoticeService } from './notice.service.ts';
import type { SeparatedAwardService } from './separated.service.ts';
import type { SettingService } from './setting.service.ts';

const tags = ['award'];
const params = z.strictObject({ id: z.uuid() });
const managers = { resource: 'award', parties: ['tenderer', 'agency'] } as const;
const managing = { roles: ['tenderer', 'agency'], scope: managers } as const;
const base = '/api/v1/sections/:id/award';

/** Award, part two (decision 0035): who decides, the winner, the report to the supervisor, the notices and the letters. */
export function registerDecisionRoutes(
  app: AppInstance,
  deps: { settings: SettingService; decisions: DecisionService; notices: NoticeService; letters: LetterReading; separated: SeparatedAwardService },
) {
  const { settings, decisions, notices, letters, separated } = deps;

  app.put(
    `${base}/setting`,
    {
      config: { access: managing },
      schema: { tags, summary: 'Set whether the committee decides the winner or recommends candidates (A-166); fixed at the bid deadline', params, body: awardSettingInput, response: { 200: awardSettingView } },
    },
    async (request) => settings.set(request.params.id, request.body, callerOf(request)),
  );

  app.post(
    `${base}/decision`,
    {
      config: { access: managing },
      schema: {
        tags,
        summary: 'Decide the winner among the published candidates after the publicity (A-168); the first-ranked where Reg. 55 or the committee says so (B-027)',
        params,
        body: awardDecisionInput,
        response: { 201: awardDecisionView },
      },
    },
    async (request, reply) => reply.status(201).send(await decisions.decide(request.params.id, request.body, callerOf(request))),
  );

  app.post(
    `${base}/separated`,
    {
      config: { access: managing },
      schema: {
        tags,
        summary:
          'Record the award committee’s sitting under the separated award (评定分离, task 7): the count by the document’s method decides the winner, or a verifiable lot among the shortlist or the price tie',
        params,
        body: separatedAwardInput,
        response: { 201: separatedAwardView },
      },
    },
    async (request, reply) => reply.status(201).send(await separated.record(request.params.id, request.body, callerOf(request))),
  );

  app.post(
    `${base}/separated/lot`,
    {
      config: { access: managing },
      schema: { tags, summary: 'Perform and reveal a committed lot that a restart left pending, and decide its winner', params, body: z.strictObject({}).optional(), response: { 200: separatedAwardView } },
    },
    async (request) => separated.completeLot(request.params.id, callerOf(request)),
  );

  app.post(
    `${base}/report`,
    {
      config: { access: managing },
      schema: { tags, summary: 'Submit the written report on the tendering to the supervisor, due 15 days after the decision (Law 47)', params, body: awardReportInput, response: { 200: awardDecisionView } },
    },
    async (request) => decisions.report(request.params.id, request.body.report, callerOf(request)),
  );

  app.put(
    `${base}/notices`,
    {
      config: { access: managing },
      schema: { tags, summary: 'Draft or edit the result notice and the letters’ reasons (A-169, A-172, A-173)', params, body: awardNoticeInput, response: { 200: awardNoticeView } },
    },
    async (request) => notices.save(request.params.id, request.body, callerOf(request)),
  );

  app.get(
    `${base}/notices`,
    {
      config: { access: { roles: ['staff', 'supervisor', 'auditor', 'tenderer', 'agency'], scope: managers } },
      schema: { tags, summary: 'The award notices with every letter and its reasons', params, response: { 200: awardNoticeView } },
    },
    async (request) => notices.view(request.params.id),
  );

  app.post(
    `${base}/notices/submit`,
    {
      config: { access: managing },
      schema: { tags, summary: 'Sign the notices’ SM3 with the entity’s bound certificate and submit them for verification (A-169, A-174)', params, body: awardNoticeSubmit, response: { 200: awardNoticeView } },
    },
    async (request) => notices.submit(request.params.id, request.body, callerOf(request)),
  );

  app.post(
    `${base}/notices/verification`,
    {
      config: { access: { roles: ['staff'], scope: { resource: 'award', parties: [] } } },
      schema: {
        tags,
        summary: 'Verify the notices (A-170, A-174): approved, the result notice is published and pushed (A-171, A-175) and the letters issued',
        params,
        body: awardNoticeVerification,
        response: { 200: awardNoticeView },
      },
    },
    async (request) => notices.verify(request.params.id, request.body, callerOf(request)),
  );

  app.get(
    '/api/v1/award-letters/mine',
    {
      config: { access: { roles: ['bidder'], scope: { own: 'entity' } } },
      schema: { tags, summary: 'The award notice or result notices issued to the caller’s entity', response: { 200: z.array(myAwardLetterView) } },
    },
    async (request) => letters.mine(callerOf(request)),
  );

  app.post(
    '/api/v1/award-letters/:id/acknowledgement',
    {
      config: { access: { roles: ['bidder'], scope: { resource: 'awardLetter', parties: ['subject'] } } },
      schema: { tags, summary: 'Acknowledge receipt of a letter (签收)', params, body: z.strictObject({}).optional(), response: { 200: myAwardLetterView } },
    },
    async (request) => letters.acknowledge(request.params.id, callerOf(request)),
  );
}
