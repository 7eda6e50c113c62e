import { emptyBody, hallEvent, hallView, objectionAnswerRequest, objectionRequest, objectionView, openingRecordView, recordSignRequest, remedyKit, shareReleaseRequest, unsealKit, unsealRequest } from '@bidhall/contracts';
import { z } from 'zod';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { HallService } from './hall.service.ts';
import type { RecordService } from './record.service.ts';
import type { RemedyService } from './remedy.service.ts';
import type { HallCaller } from './hall-tx.ts';
import { hallView as viewOf } from './hall-view.ts';
import type { OpeningDeps } from './opening.deps.ts';
import { hallEventsPage, streamHallEvents } from './hall-stream.ts';
import type { HallBus } from './hall-bus.ts';

const tags = ['opening'];
const params = z.strictObject({ id: z.uuid() });
const hall = (parties: readonly ('tenderer' | 'agency' | 'subject')[]) => ({ resource: 'hall', parties });
/** Everyone the opening concerns: the bidders it opened, the tenderer and agency, the region's staff and supervisors (read-only). */
const present = { roles: ['bidder', 'tenderer', 'agency', 'staff', 'supervisor'] as const, scope: hall(['tenderer', 'agency', 'subject']) };
const bidders = { roles: ['bidder'] as const, scope: hall(['subject']) };
const managers = { roles: ['tenderer', 'agency'] as const, scope: hall(['tenderer', 'agency']) };
/** The section's opening custodians: the region's trading centre and supervisor, and the tenderer. */
const custodians = { roles: ['staff', 'supervisor', 'tenderer'] as const, scope: hall(['tenderer']) };

function callerOf(request: FastifyRequest): HallCaller {
  const p = requirePrincipal(request);
  return { actor: actorOf(request), userId: p.userId, entity: p.entity ? { id: p.entity.id, name: p.entity.name } : null };
}

/** The remote opening hall (decision 0021): the view, the live stream, sign-in, unsealing, objections. */
export function registerHallRoutes(app: AppInstance, deps: { db: Db; view: Pick<OpeningDeps, 'sections' | 'terms' | 'clock'>; halls: HallService; records: RecordService; remedy: RemedyService; bus: HallBus }) {
  const { db, halls, records, remedy } = deps;
  const view = async (request: FastifyRequest<{ Params: { id: string } }>) => viewOf(deps.view, db, request.params.id, { entityId: requirePrincipal(request).entity?.id ?? null });

  app.get(
    '/api/v1/sections/:id/hall',
    {
      config: { access: present },
      schema: { tags, summary: 'The opening hall at server time: stage, bidders and their sign-in and unsealing, the readout, objections (A-106…A-113)', params, response: { 200: hallView } },
    },
    async (request) => {
      // The first reader after the deadline opens the hall if the sweep has not yet.
      await halls.openIfDue(request.params.id);
      return view(request);
    },
  );

  app.get(
    '/api/v1/sections/:id/hall/events',
    {
      config: { access: present },
      schema: {
        tags,
        summary: 'The hall live as Server-Sent Events (id = event seq; send Last-Event-ID to catch up), with the server time every 10 s',
        params,
        querystring: z.strictObject({ after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() }),
        response: { 200: z.array(hallEvent).describe('text/event-stream of hallEvent') },
      },
    },
    async (request, reply) => {
      const header = request.headers['last-event-id'];
      const fromHeader = typeof header === 'string' && /^\d{1,15}$/.test(header) ? Number(header) : undefined;
      const after = fromHeader ?? request.query.after ?? 0;
      // EventSource asks for text/event-stream; anyone else gets the events after `after` as one JSON page.
      if (!String(request.headers.accept ?? '').includes('text/event-stream')) return hallEventsPage(db, request.params.id, after);
      await streamHallEvents({ db, clock: deps.view.clock, bus: deps.bus, sections: deps.view.sections }, request, reply, request.params.id, after);
    },
  );

  app.post(
    '/api/v1/sections/:id/hall/sign-in',
    { config: { access: bidders }, schema: { tags, summary: 'A bidder whose bid the hall opened signs in (A-106)', params, body: emptyBody, response: { 200: hallView } } },
    async (request) => {
      await halls.signIn(request.params.id, callerOf(request));
      return view(request);
    },
  );

  app.post(
    '/api/v1/sections/:id/hall/unsealing',
    { config: { access: managers }, schema: { tags, summary: 'The tenderer or agency starts the unsealing window; fewer than 3 signed-in bidders end the opening (A-109, A-110)', params, body: emptyBody, response: { 200: hallView } } },
    async (request) => {
      await halls.startUnsealing(request.params.id, callerOf(request));
      return view(request);
    },
  );

  app.get(
    '/api/v1/sections/:id/hall/unseal-kit',
    { config: { access: bidders }, schema: { tags, summary: "The caller's sealed part headers and the opening key its content keys are wrapped to", params, response: { 200: unsealKit } } },
    async (request) => halls.unsealKit(request.params.id, callerOf(request)),
  );

  app.post(
    '/api/v1/sections/:id/hall/unseal',
    {
      config: { access: bidders },
      schema: { tags, summary: "The bidder's content keys, each wrapped to the opening key: checked against the sealed parts and the signed manifest (A-111, A-112)", params, body: unsealRequest, response: { 200: hallView } },
    },
    async (request) => {
      await halls.unseal(request.params.id, request.body, callerOf(request));
      return view(request);
    },
  );

  app.post(
    '/api/v1/sections/:id/hall/objections',
    { config: { access: bidders }, schema: { tags, summary: 'An objection raised on the spot (Regulations art. 44)', params, body: objectionRequest, response: { 201: objectionView } } },
    async (request, reply) => {
      const id = await halls.object(request.params.id, request.body.text, callerOf(request));
      const v = await view(request);
      return reply.status(201).send(v.objections.find((o) => o.id === id)!);
    },
  );

  app.post(
    '/api/v1/sections/:id/hall/objections/:objectionId/answer',
    {
      config: { access: managers },
      schema: { tags, summary: 'The tenderer or agency answers an objection in the hall', params: z.strictObject({ id: z.uuid(), objectionId: z.uuid() }), body: objectionAnswerRequest, response: { 200: objectionView } },
    },
    async (request) => {
      await halls.answer(request.params.id, request.params.objectionId, request.body.answer, callerOf(request));
      const v = await view(request);
      return v.objections.find((o) => o.id === request.params.objectionId)!;
    },
  );

  app.get(
    '/api/v1/sections/:id/hall/record',
    { config: { access: present }, schema: { tags, summary: 'The opening record as drawn up, its SM3 and who has signed it (A-114, A-115)', params, response: { 200: openingRecordView } } },
    async (request) => records.view(db, request.params.id),
  );

  app.post(
    '/api/v1/sections/:id/hall/record',
    {
      config: { access: managers },
      schema: { tags, summary: 'Draw up the opening record from the hall once the readout is done and every objection answered (A-115)', params, body: emptyBody, response: { 200: openingRecordView } },
    },
    async (request) => {
      await records.freeze(request.params.id, callerOf(request));
      return records.view(db, request.params.id);
    },
  );

  app.post(
    '/api/v1/sections/:id/hall/record/signatures',
    {
      config: { access: bidders },
      schema: { tags, summary: "A bidder signs the record with its bound certificate over {action: 'signOpeningRecord', sectionId, round, recordSm3} (A-114)", params, body: recordSignRequest, response: { 200: openingRecordView } },
    },
    async (request) => {
      await records.sign(request.params.id, request.body, callerOf(request));
      return records.view(db, request.params.id);
    },
  );

  app.post(
    '/api/v1/sections/:id/hall/record/publication',
    {
      config: { access: managers },
      schema: { tags, summary: 'Publish the record on the portal and push it to the public service platform; the hall closes (B-017)', params, body: emptyBody, response: { 200: openingRecordView } },
    },
    async (request) => {
      await records.publish(request.params.id, callerOf(request));
      return records.view(db, request.params.id);
    },
  );

  app.get(
    '/api/v1/sections/:id/hall/remedy-kit',
    { config: { access: custodians }, schema: { tags, summary: "The bids awaiting the custodians' remedy, their parts' sealed headers and the opening key (E-bidding Measures art. 31)", params, response: { 200: remedyKit } } },
    async (request) => remedy.kit(request.params.id, callerOf(request)),
  );

  app.post(
    '/api/v1/sections/:id/hall/shares',
    {
      config: { access: custodians },
      schema: { tags, summary: "An opening custodian releases its shares of the awaiting bids' content keys, each wrapped to the opening key; k of n open the bid (A-112)", params, body: shareReleaseRequest, response: { 200: hallView } },
    },
    async (request) => {
      await remedy.release(request.params.id, request.body, callerOf(request));
      return view(request);
    },
  );
}
