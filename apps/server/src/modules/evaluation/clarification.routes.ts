import { evaluationClarificationRequestInput, evaluationClarificationView, evaluationClarificationWithdrawInput } from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { ClarificationService } from './clarification.service.ts';
import { sendFile } from './clarification-send.ts';

const tags = ['evaluation'];
const params = z.strictObject({ id: z.uuid() });
const requestParams = z.strictObject({ id: z.uuid(), requestId: z.uuid() });
const fileParams = z.strictObject({ id: z.uuid(), requestId: z.uuid(), sm3: z.string().regex(/^[0-9a-f]{64}$/) });
/** Members (experts as `recipient`, representatives as users of the tenderer, checked by the service) and the region's officers. */
const readers = { resource: 'evaluation', parties: ['recipient', 'tenderer'] } as const;
const chair = { resource: 'evaluation', parties: ['recipient'] } as const;

/** The committee's side of clarifications (评标澄清, decision 0029), by section. */
export function registerClarificationRoutes(app: AppInstance, deps: { clarifications: ClarificationService }) {
  const { clarifications } = deps;

  app.get(
    '/api/v1/sections/:id/evaluation/clarifications',
    {
      config: { access: { roles: ['staff', 'supervisor', 'expert', 'tenderer'], scope: readers } },
      schema: { tags, summary: 'Every clarification request of the evaluation with its answer, for members and officers (A-142, A-143)', params, response: { 200: z.array(evaluationClarificationView) } },
    },
    async (request) => clarifications.list(request.params.id, callerOf(request)),
  );

  app.post(
    '/api/v1/sections/:id/evaluation/clarifications',
    {
      config: { access: { roles: ['expert'], scope: chair } },
      schema: { tags, summary: "The chair asks one bid's bidder in writing, with an answer deadline inside the window (A-142)", params, body: evaluationClarificationRequestInput, response: { 201: evaluationClarificationView } },
    },
    async (request, reply) => reply.code(201).send(await clarifications.request(request.params.id, request.body, callerOf(request))),
  );

  app.post(
    '/api/v1/sections/:id/evaluation/clarifications/:requestId/withdraw',
    {
      config: { access: { roles: ['expert'], scope: chair } },
      schema: { tags, summary: 'The chair withdraws a request not yet answered', params: requestParams, body: evaluationClarificationWithdrawInput, response: { 200: evaluationClarificationView } },
    },
    async (request) => clarifications.withdraw(request.params.id, request.params.requestId, callerOf(request)),
  );

  app.get(
    '/api/v1/sections/:id/evaluation/clarifications/:requestId/files/:sm3',
    {
      config: { access: { roles: ['staff', 'supervisor', 'expert', 'tenderer'], scope: readers } },
      schema: { tags, summary: 'A file of a signed answer, for members and officers (A-143)', params: fileParams },
    },
    async (request, reply) => sendFile(reply, await clarifications.file(request.params.id, request.params.requestId, request.params.sm3, callerOf(request))),
  );
}
