import {
  evaluationMonitorView,
  evaluationVenueInput,
  evaluationVenueView,
  roomSignalInput,
  roomView,
  sectionVenuesInput,
  sectionVenuesView,
  workstationRegisterInput,
  workstationRevokeInput,
  workstationView,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../../platform/http/types.ts';
import { callerOf } from '../caller.ts';
import type { Monitor } from './monitor.ts';
import type { RoomService } from './room.service.ts';
import { wantsStream } from './sse.ts';
import type { VenueAssignment } from './venue-assignment.ts';
import type { VenueService } from './venue.service.ts';
import type { EvaluationSitting } from '../sitting.ts';

const tags = ['evaluation'];
const params = z.strictObject({ id: z.uuid() });
const venue = { resource: 'evaluationVenue', parties: [] } as const;

/** Remote evaluation (issue 12 §3, decision 0027): venues, workstations and the monitor of every committee at work. */
export function registerVenueRoutes(app: AppInstance, deps: { venues: VenueService; monitor: Monitor }) {
  const { venues, monitor } = deps;

  app.get(
    '/api/v1/evaluation-venues',
    {
      config: { access: { roles: ['staff', 'supervisor'], scope: { list: 'the venues of the regions the caller answers for' } } },
      schema: { tags, summary: 'Evaluation venues and their workstations (A-154)', response: { 200: z.array(evaluationVenueView) } },
    },
    async (request) => venues.list(callerOf(request)),
  );
  app.post(
    '/api/v1/evaluation-venues',
    {
      config: { access: { roles: ['staff'], scope: { list: 'a venue in one of the regions the staff member answers for' } } },
      schema: { tags, summary: 'Keep a new evaluation venue: main or secondary, shared with other cities or not', body: evaluationVenueInput, response: { 201: evaluationVenueView } },
    },
    async (request, reply) => reply.code(201).send(await venues.create(request.body, callerOf(request))),
  );
  app.put(
    '/api/v1/evaluation-venues/:id',
    {
      config: { access: { roles: ['staff'], scope: venue } },
      schema: { tags, summary: "Correct a venue's name, address, kind or sharing", params, body: evaluationVenueInput, response: { 200: evaluationVenueView } },
    },
    async (request) => venues.update(request.params.id, request.body, callerOf(request)),
  );
  app.post(
    '/api/v1/evaluation-venues/:id/workstations',
    {
      config: { access: { roles: ['staff'], scope: venue } },
      schema: { tags, summary: "Register a workstation by its browser's device public key (A-155)", params, body: workstationRegisterInput, response: { 201: workstationView } },
    },
    async (request, reply) => reply.code(201).send(await venues.registerWorkstation(request.params.id, request.body, callerOf(request))),
  );
  app.post(
    '/api/v1/evaluation-venues/:id/workstations/:workstationId/revoke',
    {
      config: { access: { roles: ['staff'], scope: venue } },
      schema: { tags, summary: 'Revoke a workstation: no sign-in from it any more (A-155)', params: z.strictObject({ id: z.uuid(), workstationId: z.uuid() }), body: workstationRevokeInput, response: { 200: workstationView } },
    },
    async (request) => venues.revokeWorkstation(request.params.id, request.params.workstationId, request.body.reason, callerOf(request)),
  );

  app.get(
    '/api/v1/evaluation-monitor',
    {
      config: { access: { roles: ['staff', 'supervisor'], scope: { list: 'the evaluations under way in the regions the caller answers for' } } },
      schema: { tags, summary: 'Monitoring (A-154): evaluations under way, venues, who signed in where, presence, progress; text/event-stream when asked', response: { 200: evaluationMonitorView } },
    },
    async (request, reply) => {
      if (!wantsStream(request)) return monitor.view(callerOf(request));
      monitor.stream(callerOf(request), request, reply);
      return reply;
    },
  );

}

/** A sitting's venues and room (decision 0032): /sections/:id/evaluation/… for the bids, /sections/:id/application-review/… for the review. */
export function registerSittingVenueRoutes(app: AppInstance, deps: { assignment: VenueAssignment; room: RoomService }, at: EvaluationSitting) {
  const { assignment, room } = deps;
  const base = `/api/v1/sections/:id/${at.segment}`;
  const section = { resource: at.resource, parties: [] } as const;
  const members = { resource: at.resource, parties: ['recipient', 'tenderer'] } as const;

  app.get(
    `${base}/venues`,
    {
      config: { access: { roles: ['staff', 'supervisor'], scope: section } },
      schema: { tags, summary: "The evaluation's main and secondary venues, and the venues its staff may assign", params, response: { 200: sectionVenuesView } },
    },
    async (request) => assignment.view(request.params.id),
  );
  app.put(
    `${base}/venues`,
    {
      config: { access: { roles: ['staff'], scope: section } },
      schema: { tags, summary: "Assign the evaluation's venues: the city's own or shared ones (A-154)", params, body: sectionVenuesInput, response: { 200: sectionVenuesView } },
    },
    async (request) => assignment.assign(request.params.id, request.body, callerOf(request)),
  );

  app.get(
    `${base}/room`,
    {
      config: { access: { roles: ['expert', 'tenderer', 'staff', 'supervisor'], scope: members } },
      schema: { tags, summary: 'The audio/video room (A-157): who is present; as text/event-stream also the signals addressed to the caller', params, response: { 200: roomView } },
    },
    async (request, reply) => {
      if (!wantsStream(request)) return room.snapshot(request.params.id, callerOf(request));
      await room.stream(request.params.id, callerOf(request), request, reply);
      return reply;
    },
  );
  app.post(
    `${base}/room/signals`,
    {
      config: { access: { roles: ['expert', 'tenderer'], scope: members } },
      schema: { tags, summary: 'Relay a WebRTC offer, answer or ICE candidate to a member in the room (A-157)', params, body: roomSignalInput, response: { 200: z.object({ delivered: z.literal(true) }) } },
    },
    async (request) => room.signal(request.params.id, request.body, callerOf(request)),
  );
}
