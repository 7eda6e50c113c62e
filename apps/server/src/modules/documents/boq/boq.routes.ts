import { billOfQuantitiesView, BOQ_MAX_BYTES, boqImportQuery, boqSummary } from '@bidhall/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { malformedJson } from '../../../platform/http/json-body.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import { callerOf } from '../caller.ts';
import type { BoqService } from './boq.service.ts';

const tags = ['documents'];
const params = z.strictObject({ id: z.uuid() });

/**
 * The bill of quantities: the import takes the costing tool's file itself as the body. JSON or
 * XML is told by the content, not the Content-Type (browsers and tools send generic ones), so the scope
 * reads the body as bytes: XML and other types up to the spec's limit, application/json up to the
 * platform's JSON body limit (a larger JSON file is sent as application/octet-stream).
 */
export function registerBoqRoutes(app: AppInstance, deps: { db: Db; boq: BoqService }) {
  const { db, boq } = deps;
  const url = '/api/v1/tender-documents/:id/bill-of-quantities';

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    // application/json keeps the platform's rules for a JSON body (its size limit, MALFORMED_JSON), but
    // the handler gets the bytes: the stored original and its SM3 are the file as sent.
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
      const malformed = malformedJson((body as Buffer).toString('utf8'));
      if (malformed) done(malformed, undefined);
      else done(null, body);
    });
    // XML and anything else (a browser's generic type for a chosen file) up to the spec's limit.
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BOQ_MAX_BYTES }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().put(
      url,
      {
        config: {
          access: { roles: ['tenderer', 'agency'], scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency'] } },
          // The largest file the import reads at all (XML); JSON keeps the platform's smaller limit.
          maxBodyBytes: BOQ_MAX_BYTES,
        },
        schema: {
          tags,
          summary: 'Import the bill of quantities (raw body: a bidhall-boq JSON or XML file, docs/boq-interface.md); a draft only, each import a new version (A-64)',
          params,
          querystring: boqImportQuery,
          response: { 200: boqSummary },
        },
      },
      async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new DomainError('BOQ_FORMAT_UNKNOWN', 'send the bill of quantities file itself as the body (JSON or XML)');
        }
        return boq.importBill(request.params.id, { bytes: body, name: request.query.name ?? null }, callerOf(request));
      },
    );
  });

  app.get(
    url,
    {
      config: { access: { authenticated: true, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency', 'holder'] } } },
      schema: { tags, summary: 'The imported bill of quantities and its summary; for bidders once the document is issued and obtained', params, response: { 200: billOfQuantitiesView } },
    },
    async (request) => boq.read(db, request.params.id, callerOf(request)),
  );

  app.get(
    `${url}/source`,
    {
      config: { access: { authenticated: true, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency', 'holder'] } } },
      schema: { tags, summary: 'The imported file as the costing tool wrote it', params },
    },
    async (request, reply) => {
      const file = await boq.source(db, request.params.id, callerOf(request));
      return reply
        .type(file.mediaType)
        .header('content-length', file.size)
        .header('x-content-sm3', file.sm3)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(file.stream);
    },
  );
}
