import { answerRequest, questionRequest, questionView } from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { QuestionService } from './question.service.ts';

const tags = ['documents'];
const params = z.strictObject({ id: z.uuid() });

/** Questions (A-80, A-81, B-011). */
export function registerQuestionRoutes(app: AppInstance, deps: { db: Db; questions: QuestionService }) {
  const { db, questions } = deps;

  app.post(
    '/api/v1/tender-documents/:id/questions',
    {
      config: { access: { roles: ['bidder'], scope: { resource: 'tenderDocument', parties: ['holder'] } } },
      schema: { tags, summary: 'Ask about the document before the questions deadline (A-80, B-011)', params, body: questionRequest, response: { 201: questionView } },
    },
    async (request, reply) => reply.status(201).send(await db.transaction().execute((trx) => questions.ask(trx, request.params.id, request.body.text, callerOf(request)))),
  );

  app.get(
    '/api/v1/tender-documents/:id/questions',
    {
      config: { access: { authenticated: true, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency', 'holder'] } } },
      schema: { tags, summary: 'Questions: all with askers for the tenderer; own and answered ones (anonymous) for bidders', params, response: { 200: z.array(questionView) } },
    },
    async (request) => questions.list(db, request.params.id, callerOf(request)),
  );

  app.post(
    '/api/v1/questions/:id/answer',
    {
      config: { access: { roles: ['tenderer', 'agency'], scope: { resource: 'question', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'The tenderer answers a question (A-81)', params, body: answerRequest, response: { 200: questionView } },
    },
    async (request) => db.transaction().execute((trx) => questions.answer(trx, request.params.id, request.body.answer, callerOf(request))),
  );
}
