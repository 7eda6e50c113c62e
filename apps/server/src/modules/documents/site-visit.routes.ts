import { emptyBody, okResponse, siteVisitRecordRequest, siteVisitRequest, siteVisitUpdateRequest, siteVisitView } from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { DownloadService } from './download.service.ts';
import type { SiteVisitService } from './site-visit.service.ts';

const tags = ['documents'];
const params = z.strictObject({ id: z.uuid() });
const managers = { roles: ['tenderer', 'agency'] } as const;
const visitList = z.array(siteVisitView);

/** Site-visit notices, reminders and records (A-77…A-79). */
export function registerSiteVisitRoutes(app: AppInstance, deps: { db: Db; siteVisits: SiteVisitService; downloads: DownloadService }) {
  const { db, siteVisits } = deps;
  const inTrx = <T>(fn: (trx: Db) => Promise<T>) => db.transaction().execute(fn);
  const listOf = async (documentId: string, request: Parameters<typeof callerOf>[0]) => {
    const caller = callerOf(request);
    const obtained = caller.entity ? await deps.downloads.hasDownloaded(db, documentId, caller.entity.id) : false;
    return siteVisits.list(db, documentId, caller, obtained);
  };
  /** One visit with its records, as the caller may see it. */
  const oneOf = async (siteVisitId: string, request: Parameters<typeof callerOf>[0]) => {
    const all = await listOf(await siteVisits.documentOf(db, siteVisitId), request);
    const found = all.find((v) => v.id === siteVisitId);
    if (!found) throw new DomainError('SITE_VISIT_NOT_FOUND', `no site visit ${siteVisitId}`);
    return found;
  };

  app.post(
    '/api/v1/tender-documents/:id/site-visits',
    {
      config: { access: { ...managers, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Draft a site-visit notice (A-77)', params, body: siteVisitRequest, response: { 201: siteVisitView } },
    },
    async (request, reply) => {
      const id = await inTrx((trx) => siteVisits.create(trx, request.params.id, request.body, callerOf(request)));
      return reply.status(201).send(await oneOf(id, request));
    },
  );

  app.get(
    '/api/v1/tender-documents/:id/site-visits',
    {
      config: { access: { authenticated: true, scope: { resource: 'tenderDocument', parties: ['tenderer', 'agency', 'holder'] } } },
      schema: { tags, summary: 'Site visits and their records: drafts for the tenderer, sent ones for those who downloaded', params, response: { 200: visitList } },
    },
    async (request) => listOf(request.params.id, request),
  );

  app.put(
    '/api/v1/site-visits/:id',
    {
      config: { access: { ...managers, scope: { resource: 'siteVisit', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Change a draft site-visit notice', params, body: siteVisitUpdateRequest, response: { 200: siteVisitView } },
    },
    async (request) => {
      await inTrx((trx) => siteVisits.update(trx, request.params.id, request.body, callerOf(request)));
      return oneOf(request.params.id, request);
    },
  );

  app.delete(
    '/api/v1/site-visits/:id',
    {
      config: { access: { ...managers, scope: { resource: 'siteVisit', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Delete a draft site-visit notice', params, response: { 200: okResponse } },
    },
    async (request) => {
      await inTrx((trx) => siteVisits.remove(trx, request.params.id, callerOf(request)));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/site-visits/:id/send',
    {
      config: { access: { ...managers, scope: { resource: 'siteVisit', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Send the notice to everyone who downloaded; the reminder is scheduled (A-77, A-78)', params, body: emptyBody, response: { 200: siteVisitView } },
    },
    async (request) => {
      await inTrx((trx) => siteVisits.send(trx, request.params.id, callerOf(request)));
      return oneOf(request.params.id, request);
    },
  );

  app.post(
    '/api/v1/site-visits/:id/records',
    {
      config: { access: { ...managers, scope: { resource: 'siteVisit', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Write a site-visit record (A-79)', params, body: siteVisitRecordRequest, response: { 201: siteVisitView } },
    },
    async (request, reply) => {
      await inTrx((trx) => siteVisits.addRecord(trx, request.params.id, request.body, callerOf(request)));
      return reply.status(201).send(await oneOf(request.params.id, request));
    },
  );

  app.put(
    '/api/v1/site-visit-records/:id',
    {
      config: { access: { ...managers, scope: { resource: 'siteVisitRecord', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Change an unsent site-visit record', params, body: siteVisitRecordRequest, response: { 200: siteVisitView } },
    },
    async (request) => {
      await inTrx((trx) => siteVisits.updateRecord(trx, request.params.id, request.body, callerOf(request)));
      return oneOf(await siteVisits.visitOfRecord(db, request.params.id), request);
    },
  );

  app.post(
    '/api/v1/site-visit-records/:id/send',
    {
      config: { access: { ...managers, scope: { resource: 'siteVisitRecord', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: 'Send the record to everyone who downloaded (A-79)', params, body: emptyBody, response: { 200: siteVisitView } },
    },
    async (request) => {
      await inTrx((trx) => siteVisits.sendRecord(trx, request.params.id, callerOf(request)));
      return oneOf(await siteVisits.visitOfRecord(db, request.params.id), request);
    },
  );
}
