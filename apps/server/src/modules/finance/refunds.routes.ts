import { bondRefundFigure, bondRefundFigureQuery, bondRefundQuery, bondRefundRequest, bondRefundView } from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { RefundReading } from './refunds.read.ts';

const tags = ['finance'];
const STAFF_LIST =
  'refunds of the bond sub-accounts of the caller’s regions; a refund’s section and bidder only after that section’s deadline';

/** Bid bond refunds (issue 13 §5, task 10; decision 0033): the bidder's own and its request; the staff's list and figure. */
export function registerRefundRoutes(app: AppInstance, deps: { db: Db; reading: RefundReading }) {
  const { db, reading } = deps;

  app.get(
    '/api/v1/bond-refunds/mine',
    {
      config: { access: { roles: ['bidder'], scope: { own: 'entity' } } },
      schema: {
        tags,
        summary: "The caller's entity's bond refunds: requested, paid with interest, settled",
        response: { 200: z.array(bondRefundView) },
      },
    },
    async (request) => reading.mine(db, callerOf(request)),
  );

  app.post(
    '/api/v1/bond-refunds/mine',
    {
      config: { access: { roles: ['bidder'], scope: { own: 'entity' } } },
      schema: {
        tags,
        summary:
          'Ask for the deposits on a section back: for a bidder without a live bid there; paid within 2 working days, with bank interest (task 10)',
        body: bondRefundRequest,
        response: { 201: z.array(bondRefundView) },
      },
    },
    async (request, reply) => reply.status(201).send(await reading.request(request.body.sectionId, callerOf(request))),
  );

  app.get(
    '/api/v1/bond-refunds',
    {
      config: { access: { roles: ['staff', 'supervisor', 'auditor'], scope: { list: STAFF_LIST } } },
      schema: {
        tags,
        summary: 'Bond refunds of the caller’s regions, newest first, filtered by state or overdue',
        querystring: bondRefundQuery,
        response: { 200: z.array(bondRefundView) },
      },
    },
    async (request) => reading.list(db, request.query, callerOf(request)),
  );

  app.get(
    '/api/v1/bond-refunds/figure',
    {
      config: { access: { roles: ['staff', 'supervisor', 'auditor'], scope: { list: STAFF_LIST } } },
      schema: {
        tags,
        summary:
          'Task 10: of the refunds requested in the period, the share paid within 2 working days, the late and the overdue',
        querystring: bondRefundFigureQuery,
        response: { 200: bondRefundFigure },
      },
    },
    async (request) =>
      reading.figure(db, { from: new Date(request.query.from), to: new Date(request.query.to) }, callerOf(request)),
  );
}
