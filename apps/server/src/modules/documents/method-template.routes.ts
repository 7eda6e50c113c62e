import { documentView, methodFromTemplateRequest, methodTemplateQuery, methodTemplateRequest, methodTemplateView, okResponse } from '@bidhall/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { DocumentService } from './document.service.ts';
import type { MethodTemplateCaller, MethodTemplates } from './method-template.service.ts';

const tags = ['documents'];
const params = z.strictObject({ id: z.uuid() });
const keepers = ['staff', 'admin'] as const;
const template = { resource: 'methodTemplate', parties: [] as const };

function keeperOf(request: FastifyRequest): MethodTemplateCaller {
  return { actor: actorOf(request), userId: requirePrincipal(request).userId, reach: request.regionScope() };
}

/** Evaluation method templates: listed for everyone who prepares or checks documents, kept by the region's staff. */
export function registerMethodTemplateRoutes(app: AppInstance, deps: { db: Db; templates: MethodTemplates; documents: DocumentService }) {
  const { db, templates, documents } = deps;

  app.get(
    '/api/v1/method-templates',
    {
      config: { access: { authenticated: true, scope: { none: 'reference material: the standard templates and every region’s, the same for everyone' } } },
      schema: { tags, summary: 'Evaluation method templates by project type and method (A-147)', querystring: methodTemplateQuery, response: { 200: z.array(methodTemplateView) } },
    },
    async (request) => templates.list(request.query),
  );

  app.get(
    '/api/v1/method-templates/:id',
    {
      config: { access: { authenticated: true, scope: { none: 'reference material, the same for everyone' } } },
      schema: { tags, summary: 'One method template: a standard code or a region template id', params: z.strictObject({ id: z.string().min(3).max(64).regex(/^[a-z0-9-]+$/) }), response: { 200: methodTemplateView } },
    },
    async (request) => templates.get(request.params.id),
  );

  app.post(
    '/api/v1/method-templates',
    {
      config: { access: { roles: keepers, scope: { none: "the body's region is checked against the caller's regions" } } },
      schema: { tags, summary: 'Add a region’s method template (checked as a document’s method is)', body: methodTemplateRequest, response: { 201: methodTemplateView } },
    },
    async (request, reply) => reply.status(201).send(await templates.create(request.body, keeperOf(request))),
  );

  app.put(
    '/api/v1/method-templates/:id',
    {
      config: { access: { roles: keepers, scope: template } },
      schema: { tags, summary: 'Change a region’s template (its version goes up; documents keep their copy)', params, body: methodTemplateRequest, response: { 200: methodTemplateView } },
    },
    async (request) => templates.update(request.params.id, request.body, keeperOf(request)),
  );

  app.delete(
    '/api/v1/method-templates/:id',
    { config: { access: { roles: keepers, scope: template } }, schema: { tags, summary: 'Delete a region’s template (documents keep their copy)', params, response: { 200: okResponse } } },
    async (request) => {
      await templates.remove(request.params.id, keeperOf(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/tender-documents/:id/method/from-template',
    {
      config: { access: { roles: ['tenderer', 'agency'], scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: "Set the document's evaluation method from a template of the section's project type (A-147)", params, body: methodFromTemplateRequest, response: { 200: documentView } },
    },
    async (request) => {
      const caller = callerOf(request);
      await db.transaction().execute(async (trx) => {
        const chosen = await templates.forDocument(trx, request.params.id, request.body.templateId);
        await documents.setMethod(trx, request.params.id, chosen.method, caller);
        await templates.recordUse(trx, request.params.id, chosen, caller.actor);
      });
      return documents.view(db, request.params.id, caller);
    },
  );
}
