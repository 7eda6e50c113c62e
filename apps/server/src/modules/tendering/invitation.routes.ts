import {
  emptyBody,
  invitationCreateRequest,
  invitationDetail,
  invitationReplyRequest,
  invitationUpdateRequest,
  invitationView,
  myInvitationList,
  myInvitationListQuery,
  receivedInvitationView,
  verificationQueueQuery,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { InvitationService } from './invitation.service.ts';
import { registerReviewedDraftRoutes } from './reviewed-draft.routes.ts';

const params = z.strictObject({ id: z.uuid() });
const tags = ['invitations'];
const MANAGERS = ['tenderer', 'agency'] as const;

/** Invitation tender (A-55…A-58): drafting, review, verification and sending; the invitee's replies. */
export function registerInvitationRoutes(app: AppInstance, deps: { invitations: InvitationService }) {
  app.get(
    '/api/v1/invitations',
    {
      config: { access: { roles: MANAGERS, scope: { list: "the invitations of the caller's entity" } } },
      schema: { tags, summary: "The caller's entity's invitations, with every invitee's reply", querystring: myInvitationListQuery, response: { 200: myInvitationList } },
    },
    async (request) => deps.invitations.listMine(callerOf(request), request.query),
  );

  app.get(
    '/api/v1/invitations/verification-queue',
    {
      config: { access: { roles: ['staff', 'supervisor'], scope: { list: "the queue of the caller's regions" } } },
      schema: { tags, summary: "Invitations waiting for platform verification in the caller's region", querystring: verificationQueueQuery, response: { 200: myInvitationList } },
    },
    async (request) => deps.invitations.queue(callerOf(request), request.query),
  );

  app.get(
    '/api/v1/invitations/received',
    {
      config: { access: { roles: ['bidder'], scope: { list: "the invitations the caller's entity received" } } },
      schema: { tags, summary: 'Invitations sent to the caller\'s entity, each with its own reply (A-57, A-58)', response: { 200: z.array(receivedInvitationView) } },
    },
    async (request) => deps.invitations.receivedList(callerOf(request)),
  );

  app.get(
    '/api/v1/invitations/received/:id',
    {
      config: { access: { roles: ['bidder'], scope: { resource: 'invitation', parties: ['invitee'] } } },
      schema: { tags, summary: 'One invitation sent to the caller\'s entity', params, response: { 200: receivedInvitationView } },
    },
    async (request) => deps.invitations.received(callerOf(request), request.params.id),
  );

  app.post(
    '/api/v1/invitations',
    {
      config: { access: { roles: MANAGERS, scope: { resource: 'section', from: 'body.sectionIds', parties: ['tenderer', 'agency'] } } },
      schema: {
        tags,
        summary: 'Draft an invitation to at least three bidders of the bidder database (A-55, A-56, B-006), or to suppliers to be drawn among the qualified (B-007)',
        body: invitationCreateRequest,
        response: { 201: invitationView },
      },
    },
    async (request, reply) => reply.status(201).send(await deps.invitations.create(callerOf(request), request.body)),
  );

  app.post(
    '/api/v1/invitations/:id/draw',
    {
      config: { access: { roles: MANAGERS, scope: { resource: 'invitation', parties: ['tenderer', 'agency'] } } },
      schema: {
        tags,
        summary: 'Draw the invitees among the qualified suppliers named at creation, with a verifiable draw that anyone can re-check (B-007)',
        params,
        body: emptyBody,
        response: { 200: invitationView },
      },
    },
    async (request) => deps.invitations.drawInvitees(callerOf(request), request.params.id),
  );

  registerReviewedDraftRoutes(app, {
    base: '/api/v1/invitations',
    resource: 'invitation',
    tags,
    schemas: { view: invitationView, detail: invitationDetail, update: invitationUpdateRequest },
    summaries: {
      detail: 'An invitation with its invitees, their replies and the review history',
      update: 'Edit a draft invitation',
      remove: 'Delete a draft invitation',
      regenerate: 'Fill the draft with the standard text again',
      submit: 'Submit for review or verification',
      review: "The tenderer's review of an invitation its agency drafted",
      verification: 'Platform verification; approval sends the invitation to every invitee (A-57)',
    },
    service: deps.invitations,
  });

  app.post(
    '/api/v1/invitations/:id/reply',
    {
      config: { access: { roles: ['bidder'], scope: { resource: 'invitation', parties: ['invitee'] } } },
      schema: { tags, summary: 'Accept or decline before the reply deadline (A-58)', params, body: invitationReplyRequest, response: { 200: receivedInvitationView } },
    },
    async (request) => deps.invitations.reply(callerOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/invitations/:id/result',
    {
      config: { access: { roles: MANAGERS, scope: { resource: 'invitation', parties: ['tenderer', 'agency'] } } },
      schema: { tags, summary: "Publish that the invitations went out and replies closed (no invitee's name or number)", params, body: emptyBody, response: { 200: invitationView } },
    },
    async (request) => deps.invitations.publishResult(callerOf(request), request.params.id),
  );
}
