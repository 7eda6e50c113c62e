import { downloadReceipt, downloadView, emptyBody } from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { ClarificationService } from './clarification.service.ts';
import type { DownloadService } from './download.service.ts';
import { loadDocument } from './document-store.ts';
import type { PackageService } from './package.service.ts';

const tags = ['documents'];
const params = z.strictObject({ id: z.uuid() });

/** Free downloads with signed receipts (A-68, A-85, A-86, task 24). */
export function registerDownloadRoutes(
  app: AppInstance,
  deps: { db: Db; downloads: DownloadService; packages: PackageService; clarifications: ClarificationService },
) {
  const { db, downloads } = deps;

  app.post(
    '/api/v1/tender-documents/:id/downloads',
    {
      config: { access: { roles: ['bidder'], scope: { resource: 'tenderDocument', parties: ['published'] } } },
      schema: { tags, summary: 'Obtain the document (free): records the download and returns a signed receipt (A-68)', params, body: emptyBody, response: { 201: downloadReceipt } },
    },
    async (request, reply) => {
      const receipt = await db.transaction().execute((trx) => downloads.downloadDocument(trx, request.params.id, callerOf(request)));
      return reply.status(201).send(receipt);
    },
  );

  app.get(
    '/api/v1/tender-documents/:id/download',
    {
      config: { access: { authenticated: true, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency', 'holder'] } } },
      schema: { tags, summary: 'The document package: the canonical manifest of the current version (attachments by SM3 at …/attachments/:attachmentId/content)', params },
    },
    async (request, reply) => {
      await downloads.assertMayRead(db, request.params.id, callerOf(request));
      const doc = await loadDocument(db, request.params.id);
      const { bytes, contentSm3, version } = await deps.packages.manifestOf(db, doc);
      return reply
        .type('application/json; charset=utf-8')
        .header('x-content-sm3', contentSm3)
        .header('x-document-version', String(version))
        .header('content-disposition', `attachment; filename="tender-document-${doc.id}-v${version}.json"`)
        .send(bytes);
    },
  );

  app.get(
    '/api/v1/tender-documents/:id/downloads',
    {
      config: { access: { roles: ['tenderer', 'agency'], scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Every download of the document, for the tenderer (A-68)', params, response: { 200: z.array(downloadView) } },
    },
    async (request) => downloads.ofDocument(db, request.params.id, callerOf(request)),
  );

  app.get(
    '/api/v1/downloads/mine',
    {
      config: { access: { roles: ['activeEntity'], scope: { own: 'entity' } } },
      schema: { tags, summary: 'The receipts of the caller\'s entity (A-86)', response: { 200: z.array(downloadView) } },
    },
    async (request) => downloads.mine(db, callerOf(request)),
  );

  app.post(
    '/api/v1/clarifications/:id/downloads',
    {
      config: { access: { roles: ['bidder'], scope: { resource: 'clarification', parties: ['published'] } } },
      schema: { tags, summary: 'Obtain an issued clarification: recorded, with a signed receipt (A-85, A-86)', params, body: emptyBody, response: { 201: downloadReceipt } },
    },
    async (request, reply) => {
      const receipt = await db.transaction().execute((trx) => downloads.downloadClarification(trx, request.params.id, callerOf(request)));
      return reply.status(201).send(receipt);
    },
  );

  app.get(
    '/api/v1/clarifications/:id/content',
    {
      config: { access: { authenticated: true, scope: { resource: 'clarification', parties: ['tenderer', 'agency', 'published'] } } },
      schema: { tags, summary: 'The exact canonical bytes of an issued clarification (their SM3 is in receipts and the document version)', params },
    },
    async (request, reply) => {
      const { bytes, contentSm3 } = await deps.clarifications.content(db, request.params.id);
      return reply.type('application/json; charset=utf-8').header('x-content-sm3', contentSm3).send(bytes);
    },
  );
}
