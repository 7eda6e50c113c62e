import { okResponse, recordTemplateRequest, recordTemplateView } from '@bidhall/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { RecordTemplates, TemplateCaller } from './record-templates.service.ts';

const tags = ['opening'];
const params = z.strictObject({ id: z.uuid() });
/** The region's officers read them; the trading centre's staff and the administrators keep them. */
const readers = ['staff', 'supervisor', 'auditor', 'admin'] as const;
const keepers = ['staff', 'admin'] as const;
const template = { resource: 'recordTemplate', parties: [] as const };
/** Reading also admits the whole platform's templates, which apply in every region. */
const readable = { resource: 'recordTemplate', parties: ['published'] as const };

function callerOf(request: FastifyRequest): TemplateCaller {
  return { actor: actorOf(request), userId: requirePrincipal(request).userId, reach: request.regionScope() };
}

/** Opening record templates (A-115, decision 0022). */
export function registerRecordTemplateRoutes(app: AppInstance, templates: RecordTemplates) {
  app.get(
    '/api/v1/opening-record-templates',
    {
      config: { access: { roles: readers, scope: { list: "the templates of the caller's regions and the whole platform's" } } },
      schema: { tags, summary: 'Opening record templates: the default nearest a section’s region lays out its record (A-115)', response: { 200: z.array(recordTemplateView) } },
    },
    async (request) => templates.list(request.regionScope()),
  );

  app.post(
    '/api/v1/opening-record-templates',
    {
      config: { access: { roles: keepers, scope: { none: "the body's region is checked against the caller's regions" } } },
      schema: { tags, summary: 'Add a template for a region the caller administers (or the whole platform, by the top region)', body: recordTemplateRequest, response: { 201: recordTemplateView } },
    },
    async (request, reply) => reply.status(201).send(await templates.create(request.body, callerOf(request))),
  );

  app.get(
    '/api/v1/opening-record-templates/:id',
    { config: { access: { roles: readers, scope: readable } }, schema: { tags, summary: 'One opening record template', params, response: { 200: recordTemplateView } } },
    async (request) => templates.get(request.params.id),
  );

  app.put(
    '/api/v1/opening-record-templates/:id',
    {
      config: { access: { roles: keepers, scope: template } },
      schema: { tags, summary: 'Change a template (its version goes up; records drawn up from it keep their copy)', params, body: recordTemplateRequest, response: { 200: recordTemplateView } },
    },
    async (request) => templates.update(request.params.id, request.body, callerOf(request)),
  );

  app.delete(
    '/api/v1/opening-record-templates/:id',
    { config: { access: { roles: keepers, scope: template } }, schema: { tags, summary: 'Delete a template (records drawn up from it keep their copy)', params, response: { 200: okResponse } } },
    async (request) => {
      await templates.remove(request.params.id, callerOf(request));
      return { ok: true as const };
    },
  );
}
