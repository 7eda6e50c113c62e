import { Readable } from 'node:stream';
import { EVALUATION_CLARIFICATION_LIMITS, bidderEvaluationClarificationView, evaluationClarificationAnswerInput, evaluationClarificationAttachment, evaluationClarificationFileParams, evaluationClarificationUploadQuery } from '@bidhall/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { ClarificationAnswers } from './clarification-answer.service.ts';
import { sendFile } from './clarification-send.ts';

const tags = ['evaluation'];
const params = z.strictObject({ id: z.uuid() });
/** The bidder of the request's bid; nobody else (another bidder is told it does not exist). */
const bidder = { resource: 'evaluationClarification', parties: ['recipient'] } as const;

/** The bidder's side of clarifications (评标澄清, decision 0029), by request. */
export function registerClarificationBidderRoutes(app: AppInstance, deps: { answers: ClarificationAnswers }) {
  const { answers } = deps;

  app.get(
    '/api/v1/me/evaluation-clarifications',
    {
      config: { access: { roles: ['bidder'], scope: { own: 'entity' } } },
      schema: { tags, summary: "The clarification requests sent to the caller's entity, newest first", response: { 200: z.array(bidderEvaluationClarificationView) } },
    },
    async (request) => answers.mine(callerOf(request)),
  );

  app.get(
    '/api/v1/evaluation-clarifications/:id',
    {
      config: { access: { roles: ['bidder'], scope: bidder } },
      schema: { tags, summary: 'One request to the caller with its answer or the files uploaded for it', params, response: { 200: bidderEvaluationClarificationView } },
    },
    async (request) => answers.view(request.params.id, callerOf(request)),
  );

  void app.register(async (scope) => {
    // Only this route reads octet-stream; the stream itself is the body.
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    scope.withTypeProvider<ZodTypeProvider>().put(
      '/api/v1/evaluation-clarifications/:id/files',
      {
        config: { access: { roles: ['bidder'], scope: bidder }, maxBodyBytes: EVALUATION_CLARIFICATION_LIMITS.attachmentBytes },
        schema: { tags, summary: 'Upload a file for the answer (raw body, application/octet-stream): a PDF or an image (A-143)', params, querystring: evaluationClarificationUploadQuery, response: { 200: evaluationClarificationAttachment } },
      },
      async (request) => {
        if (!(request.body instanceof Readable)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'send the file itself as application/octet-stream');
        return answers.upload(request.params.id, { name: request.query.name, body: request.body }, callerOf(request));
      },
    );
  });

  app.get(
    '/api/v1/evaluation-clarifications/:id/files/:sm3',
    {
      config: { access: { roles: ['bidder'], scope: bidder } },
      schema: { tags, summary: 'A file the caller uploaded for this request', params: evaluationClarificationFileParams },
    },
    async (request, reply) => sendFile(reply, await answers.file(request.params.id, request.params.sm3, callerOf(request))),
  );

  app.post(
    '/api/v1/evaluation-clarifications/:id/answer',
    {
      config: { access: { roles: ['bidder'], scope: bidder } },
      schema: { tags, summary: 'Answer every item once, signed with a certificate bound to the entity; frozen once stored (A-143)', params, body: evaluationClarificationAnswerInput, response: { 200: bidderEvaluationClarificationView } },
    },
    async (request) => answers.answer(request.params.id, request.body, callerOf(request)),
  );
}
