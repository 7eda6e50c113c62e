import {
  bidStructureRequest,
  chapterValuesRequest,
  documentCreateRequest,
  documentListItem,
  documentListQuery,
  documentView,
  emptyBody,
  packageView,
  signRequest,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { withRemoved } from '../../platform/text/rich-text.ts';
import { callerOf } from './caller.ts';
import type { DocumentService } from './document.service.ts';
import type { PackageService } from './package.service.ts';

const tags = ['documents'];
const params = z.strictObject({ id: z.uuid() });
const managers = { roles: ['tenderer', 'agency'] } as const;

/** The document builder: create from a template, fill, set the method and bid structure, package, sign, issue. */
export function registerDocumentRoutes(app: AppInstance, deps: { db: Db; documents: DocumentService; packages: PackageService }) {
  const { db, documents, packages } = deps;
  const inTrx = <T>(fn: (trx: Db) => Promise<T>) => db.transaction().execute(fn);

  app.post(
    '/api/v1/tender-documents',
    {
      config: { access: { ...managers, scope: { resource: 'section', from: 'body.sectionId', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Create a tender or prequalification document for a section from a template (A-59, A-71)', body: documentCreateRequest, response: { 201: documentView } },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const id = await inTrx((trx) => documents.create(trx, request.body, caller));
      return reply.status(201).send(await documents.view(db, id, caller));
    },
  );

  app.get(
    '/api/v1/tender-documents',
    {
      config: { access: { authenticated: true, scope: { list: "the caller's sections' documents in any state; issued ones for everyone" } } },
      schema: { tags, summary: 'Documents: all of the sections the caller manages, issued ones for everyone else', querystring: documentListQuery, response: { 200: z.array(documentListItem) } },
    },
    async (request) => documents.list(db, request.query, callerOf(request)),
  );

  app.get(
    '/api/v1/tender-documents/:id',
    {
      config: { access: { authenticated: true, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency', 'published'] } } },
      schema: { tags, summary: 'A document with its chapters, method, bid structure and attachments', params, response: { 200: documentView } },
    },
    async (request) => documents.view(db, request.params.id, callerOf(request)),
  );

  app.put(
    '/api/v1/tender-documents/:id/chapters',
    {
      config: { access: { ...managers, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Fill chapter fields (A-60); section-derived fields are pulled, not typed (A-61)', params, body: chapterValuesRequest, response: { 200: documentView } },
    },
    async (request) => {
      const caller = callerOf(request);
      const { removed } = await inTrx((trx) => documents.setValues(trx, request.params.id, request.body.values, caller));
      return withRemoved(await documents.view(db, request.params.id, caller), removed);
    },
  );

  app.post(
    '/api/v1/tender-documents/:id/sync-section',
    {
      config: { access: { ...managers, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Pull the section data into the document again (A-69)', params, body: emptyBody, response: { 200: documentView } },
    },
    async (request) => {
      const caller = callerOf(request);
      await inTrx((trx) => documents.syncSection(trx, request.params.id, caller));
      return documents.view(db, request.params.id, caller);
    },
  );

  app.put(
    '/api/v1/tender-documents/:id/method',
    {
      config: { access: { ...managers, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency'] } } },
      schema: {
        tags,
        summary: 'Set the evaluation method (tender: EvaluationMethod) or review method (prequalification: ReviewMethod) (A-62, A-74)',
        params,
        body: z.strictObject({ method: z.record(z.string(), z.unknown()) }),
        response: { 200: documentView },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await inTrx((trx) => documents.setMethod(trx, request.params.id, request.body.method, caller));
      return documents.view(db, request.params.id, caller);
    },
  );

  app.put(
    '/api/v1/tender-documents/:id/bid-structure',
    {
      config: { access: { ...managers, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'The parts of a bid and the bidSummary fields read out at opening (A-63, A-75)', params, body: bidStructureRequest, response: { 200: documentView } },
    },
    async (request) => {
      const caller = callerOf(request);
      await inTrx((trx) => documents.setBidStructure(trx, request.params.id, request.body, caller));
      return documents.view(db, request.params.id, caller);
    },
  );

  app.post(
    '/api/v1/tender-documents/:id/package',
    {
      config: { access: { ...managers, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Package the document into one signed-to-be manifest (A-67); checks parts (A-65) and consistency (A-69)', params, body: emptyBody, response: { 200: packageView } },
    },
    async (request) => inTrx((trx) => packages.packageDocument(trx, request.params.id, callerOf(request))),
  );

  app.post(
    '/api/v1/tender-documents/:id/sign',
    {
      config: { access: { roles: ['tenderer'], scope: { resource: 'tenderDocument', parties: ['tenderer'] } } },
      schema: { tags, summary: 'The tenderer e-signs the packaged manifest and its commitment (A-66, task 18)', params, body: signRequest, response: { 200: documentView } },
    },
    async (request) => {
      const caller = callerOf(request);
      await inTrx((trx) => packages.sign(trx, request.params.id, request.body.signature, caller));
      return documents.view(db, request.params.id, caller);
    },
  );

  app.post(
    '/api/v1/tender-documents/:id/issue',
    {
      config: { access: { ...managers, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Issue a signed document for its section; bidders obtain it during the issue period (B-009)', params, body: emptyBody, response: { 200: documentView } },
    },
    async (request) => {
      const caller = callerOf(request);
      await inTrx((trx) => packages.issue(trx, request.params.id, caller));
      return documents.view(db, request.params.id, caller);
    },
  );
}
