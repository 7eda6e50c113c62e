import { Readable } from 'node:stream';
import { attachmentUploadQuery, attachmentView, okResponse } from '@bidhall/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { AttachmentService } from './attachment.service.ts';
import { callerOf } from './caller.ts';
import type { DownloadService } from './download.service.ts';

const tags = ['documents'];
const params = z.strictObject({ id: z.uuid() });
const attachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

/**
 * Attachments. The upload body is the raw file (application/octet-stream), streamed into the blob
 * store without being held in memory; its size limit is the module's, not the JSON body limit.
 */
export function registerAttachmentRoutes(app: AppInstance, deps: { db: Db; attachments: AttachmentService; downloads: DownloadService }) {
  const { attachments } = deps;

  void app.register(async (scope) => {
    // Only this route reads octet-stream; the stream itself is the body.
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    scope.withTypeProvider<ZodTypeProvider>().put(
      '/api/v1/tender-documents/:id/attachments',
      {
        config: {
          access: { roles: ['tenderer', 'agency'], scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency'] } },
          // A declared length over it is refused before the body is read (a stream sent without one
          // is cut off by the blob store at the same limit).
          maxBodyBytes: attachments.maxBytes,
        },
        schema: {
          tags,
          summary: 'Upload an attachment (raw body, application/octet-stream); the same name replaces it (A-65)',
          params,
          querystring: attachmentUploadQuery,
          response: { 200: attachmentView },
        },
      },
      async (request) => {
        if (!(request.body instanceof Readable)) {
          throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'send the file itself as application/octet-stream');
        }
        return attachments.upload(request.params.id, { name: request.query.name, kind: request.query.kind, body: request.body }, callerOf(request));
      },
    );
  });

  app.delete(
    '/api/v1/tender-documents/:id/attachments/:attachmentId',
    {
      config: { access: { roles: ['tenderer', 'agency'], scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Delete an attachment of an unissued document (A-65)', params: attachmentParams, response: { 200: okResponse } },
    },
    async (request) => {
      await deps.db.transaction().execute((trx) => attachments.remove(trx, request.params.id, request.params.attachmentId, callerOf(request)));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/tender-documents/:id/attachments/:attachmentId/content',
    {
      config: { access: { authenticated: true, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency', 'holder'] } } },
      schema: { tags, summary: 'The attachment file; for bidders once their download is recorded', params: attachmentParams },
    },
    async (request, reply) => {
      await deps.downloads.assertMayRead(deps.db, request.params.id, callerOf(request));
      const a = await attachments.find(deps.db, request.params.id, request.params.attachmentId);
      const { stream, size } = await attachments.open(a.sm3);
      return reply
        .type(a.mediaType)
        .header('content-length', size)
        .header('x-content-sm3', a.sm3)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`)
        .send(stream);
    },
  );
}
