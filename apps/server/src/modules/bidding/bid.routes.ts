import { bidConfirmRequest, biddingRequirements, bidReceiptResponse, bidSubmitRequest, bidView, bidWithdrawRequest } from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import type { BidViewService } from './bid-view.service.ts';
import { callerOf } from './caller.ts';
import type { SubmissionService } from './submission.service.ts';
import type { Db } from '../../platform/db/database.ts';

const tags = ['bidding'];
const params = z.strictObject({ id: z.uuid() });
/** any account may ask, and only the bidding entity gets past the scope; everyone else gets BID_NOT_FOUND as for a missing id. */
const ownBid = { authenticated: true as const, scope: { resource: 'bid', parties: ['subject'] as const } };

/** Sealed bids (decision 0019): requirements, submission, withdrawal, confirmation, the bidder's own bids. */
export function registerBidRoutes(app: AppInstance, deps: { db: Db; submissions: SubmissionService; views: BidViewService }) {
  const { db, submissions, views } = deps;

  app.get(
    '/api/v1/sections/:id/bidding',
    {
      config: { access: { roles: ['bidder'], scope: { resource: 'section', parties: ['published'] } } },
      schema: {
        tags,
        summary: "What the tender document requires of a bid and how to seal it (A-87): for a bidder whose entity obtained the document",
        params,
        response: { 200: biddingRequirements },
      },
    },
    async (request) => views.requirements(db, request.params.id, callerOf(request)),
  );

  app.post(
    '/api/v1/sections/:id/bids',
    {
      // Sections are only read here: each is read once for the request.
      config: { access: { roles: ['bidder'], scope: { resource: 'section', parties: ['published'] } }, readOnce: true },
      schema: {
        tags,
        summary: 'Submit (or replace) a sealed bid: checked without decrypting, stored at once, answered with a signed receipt and the log inclusion proof (A-94, A-97, A-99, A-101)',
        params,
        body: bidSubmitRequest,
        response: { 201: bidReceiptResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await submissions.submit(request.params.id, request.body, callerOf(request), request.arrivedAt)),
  );

  app.post(
    '/api/v1/bids/:id/withdrawal',
    {
      config: { access: ownBid },
      schema: { tags, summary: "Withdraw the bid before the deadline, signed over {bidId, action: 'withdraw'} (A-99)", params, body: bidWithdrawRequest, response: { 201: bidReceiptResponse } },
    },
    async (request, reply) => reply.status(201).send(await submissions.withdraw(request.params.id, request.body, callerOf(request), request.arrivedAt)),
  );

  app.post(
    '/api/v1/bids/:id/confirmation',
    {
      config: { access: ownBid },
      schema: {
        tags,
        summary: 'Confirm the sealed bid stands for the current version of the document after a clarification, signed over {bidId, documentVersion, documentSm3} (A-99)',
        params,
        body: bidConfirmRequest,
        response: { 200: bidView },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await db.transaction().execute((trx) => submissions.confirm(trx, request.params.id, request.body, caller));
      return views.one(db, request.params.id);
    },
  );

  app.get(
    '/api/v1/bids/mine',
    {
      config: { access: { roles: ['bidder'], scope: { own: 'entity' } } },
      schema: { tags, summary: "The caller's entity's bids with their receipts", response: { 200: z.array(bidView) } },
    },
    async (request) => views.mine(db, callerOf(request)),
  );

  app.get(
    '/api/v1/bids/:id',
    {
      config: { access: ownBid },
      schema: { tags, summary: 'One bid of the caller\'s entity; to anyone else it does not exist (A-107)', params, response: { 200: bidView } },
    },
    async (request) => views.one(db, request.params.id),
  );
}
