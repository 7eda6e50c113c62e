import { approvalRecord, emptyBody, outboxMessageView, outboxPage, outboxQuery } from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { actorOf } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { ApprovalLookup } from './approvals.adapter.ts';
import type { OutboxService } from './outbox.service.ts';

const tags = ['exchange'];
const params = z.strictObject({ id: z.uuid() });

/** Staff's view of the exchange: the outbox to the public service platform and designated media, and approval lookups. */
export function registerExchangeRoutes(app: AppInstance, deps: { db: Db; outbox: OutboxService; approvals: ApprovalLookup }) {
  app.get(
    '/api/v1/exchange/outbox',
    {
      config: { access: { roles: ['staff', 'admin', 'auditor'], scope: { list: "the messages of the caller's regions" } } },
      schema: { tags, summary: 'Messages to the public service platform and the designated media, newest first, with their delivery state; filter by destination, status, kind, subject, region', querystring: outboxQuery, response: { 200: outboxPage } },
    },
    async (request) => deps.outbox.list(request.query, request.regionScope()),
  );

  app.get(
    '/api/v1/exchange/outbox/:id',
    {
      config: { access: { roles: ['staff', 'admin', 'auditor'], scope: { resource: 'outboxMessage', parties: [] } } },
      schema: { tags, summary: 'One outbox message with the exact content sent', params, response: { 200: outboxMessageView.extend({ content: z.string() }) } },
    },
    async (request) => deps.outbox.get(request.params.id),
  );

  app.post(
    '/api/v1/exchange/outbox/:id/retry',
    {
      config: { access: { roles: ['staff', 'admin'], scope: { resource: 'outboxMessage', parties: [] } } },
      schema: { tags, summary: 'Send an undelivered message again now', params, body: emptyBody, response: { 200: outboxMessageView } },
    },
    async (request) => {
      const actor = actorOf(request);
      const view = await deps.db.transaction().execute((trx) => deps.outbox.retry(trx, request.params.id, actor));
      // Try at once, so staff see the outcome; the job queued with the retry covers a crash here.
      return (await deps.outbox.deliver(view.id)) ?? view;
    },
  );

  app.get(
    '/api/v1/exchange/approvals/:code',
    {
      config: { access: { roles: ['tenderer', 'agency', 'staff', 'supervisor'], scope: { none: 'a lookup in the investment approval platform' } } },
      schema: {
        tags,
        summary: 'A project on the investment approval platform by its project code (pre-fills the one entry form)',
        params: z.strictObject({ code: z.string().max(60) }),
        response: { 200: approvalRecord },
      },
    },
    async (request) => {
      const record = await deps.approvals.lookup(request.params.code);
      if (!record) throw new DomainError('APPROVAL_NOT_FOUND', `the investment approval platform has no project ${request.params.code}`);
      return record;
    },
  );
}
