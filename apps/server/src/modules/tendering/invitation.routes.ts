import {
  emptyBody,
  invitationCreateRequest,
  invitationDetail,
  invitationReplyRequest,
  invitationUpdateRequest,
  invitationView,
  myInvitationList,
  myInvitationListQuery,
  okResponse,
  receivedInvitationView,
  reviewDecision,
  verificationQueueQuery,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { InvitationService } from './invitation.service.ts';

const params = z.strictObject({ id: z.uuid() });
const tags = ['invitations'];
const MANAGERS = ['tenderer', 'agency'] as const;

/** Invitation tender (A-55…A-58): drafting, review, verification and sending; the invitee's replies. */
export function registerInvitationRoutes(app: AppInstance, deps: { invitations: InvitationService }) {
  app.get(
    '/api/v1/invitations',
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: "The caller's entity's invitations, with every invitee's reply", querystring: myInvitationListQuery, response: { 200: myInvitationList } },
    },
    async (request) => deps.invitations.listMine(callerOf(request), request.query),
  );

  app.get(
    '/api/v1/invitations/verification-queue',
    {
      config: { access: { roles: ['staff', 'supervisor'] } },
      schema: { tags, summary: "Invitations waiting for platform verification in the caller's region", querystring: verificationQueueQuery, response: { 200: myInvitationList } },
    },
    async (request) => deps.invitations.queue(callerOf(request), request.query),
  );

  app.get(
    '/api/v1/invitations/received',
    {
      config: { access: { roles: ['bidder'] } },
      schema: { tags, summary: 'Invitations sent to the caller\'s entity, each with its own reply (A-57, A-58)', response: { 200: z.array(receivedInvitationView) } },
    },
    async (request) => deps.invitations.receivedList(callerOf(request)),
  );

  app.get(
    '/api/v1/invitations/received/:id',
    {
      config: { access: { roles: ['bidder'] } },
      schema: { tags, summary: 'One invitation sent to the caller\'s entity', params, response: { 200: receivedInvitationView } },
    },
    async (request) => deps.invitations.received(callerOf(request), request.params.id),
  );

  app.post(
    '/api/v1/invitations',
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: 'Draft an invitation to at least three bidders of the bidder database (A-55, A-56, B-006)', body: invitationCreateRequest, response: { 201: invitationView } },
    },
    async (request, reply) => reply.status(201).send(await deps.invitations.create(callerOf(request), request.body)),
  );

  app.get(
    '/api/v1/invitations/:id',
    {
      config: { access: { roles: ['tenderer', 'agency', 'staff', 'supervisor', 'auditor'] } },
      schema: { tags, summary: 'An invitation with its invitees, their replies and the review history', params, response: { 200: invitationDetail } },
    },
    async (request) => deps.invitations.detail(callerOf(request), request.params.id),
  );

  app.put(
    '/api/v1/invitations/:id',
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: 'Edit a draft invitation', params, body: invitationUpdateRequest, response: { 200: invitationView } },
    },
    async (request) => deps.invitations.update(callerOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/invitations/:id',
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: 'Delete a draft invitation', params, response: { 200: okResponse } },
    },
    async (request) => {
      await deps.invitations.remove(callerOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/invitations/:id/regenerate',
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: 'Fill the draft with the standard text again', params, body: emptyBody, response: { 200: invitationView } },
    },
    async (request) => deps.invitations.regenerate(callerOf(request), request.params.id),
  );

  app.post(
    '/api/v1/invitations/:id/submit',
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: 'Submit for review or verification', params, body: emptyBody, response: { 200: invitationView } },
    },
    async (request) => deps.invitations.submit(callerOf(request), request.params.id),
  );

  app.post(
    '/api/v1/invitations/:id/review',
    {
      config: { access: { roles: ['tenderer'] } },
      schema: { tags, summary: "The tenderer's review of an invitation its agency drafted", params, body: reviewDecision, response: { 200: invitationView } },
    },
    async (request) => deps.invitations.review(callerOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/invitations/:id/verification',
    {
      config: { access: { roles: ['staff'] } },
      schema: { tags, summary: 'Platform verification; approval sends the invitation to every invitee (A-57)', params, body: reviewDecision, response: { 200: invitationView } },
    },
    async (request) => deps.invitations.verify(callerOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/invitations/:id/reply',
    {
      config: { access: { roles: ['bidder'] } },
      schema: { tags, summary: 'Accept or decline before the reply deadline (A-58)', params, body: invitationReplyRequest, response: { 200: receivedInvitationView } },
    },
    async (request) => deps.invitations.reply(callerOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/invitations/:id/result',
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: "Publish that the invitations went out and replies closed (no invitee's name or number)", params, body: emptyBody, response: { 200: invitationView } },
    },
    async (request) => deps.invitations.publishResult(callerOf(request), request.params.id),
  );
}
