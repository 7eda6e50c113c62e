import { documentKind, templateView } from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { TemplateService } from './template.service.ts';

const tags = ['documents'];

/** The standard templates, for the document builder. */
export function registerTemplateRoutes(app: AppInstance, deps: { db: Db; templates: TemplateService }) {
  const strip = ({ defaultParts: _p, defaultBidSummaryFields: _b, ...t }: Awaited<ReturnType<TemplateService['get']>>) => t;

  app.get(
    '/api/v1/document-templates',
    {
      config: { access: { authenticated: true, scope: { none: 'the standard templates, the same for everyone' } } },
      schema: { tags, summary: 'Standard templates of tender and prequalification documents', querystring: z.strictObject({ kind: documentKind.optional() }), response: { 200: z.array(templateView) } },
    },
    async (request) => (await deps.templates.list(deps.db, request.query.kind)).map(strip),
  );

  app.get(
    '/api/v1/document-templates/:code',
    {
      config: { access: { authenticated: true, scope: { none: 'the standard templates, the same for everyone' } } },
      schema: { tags, summary: 'One standard template with its chapters and fields', params: z.strictObject({ code: z.string().min(1).max(80) }), response: { 200: templateView } },
    },
    async (request) => strip(await deps.templates.get(deps.db, request.params.code)),
  );
}
