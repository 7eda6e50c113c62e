import { type Sitting, emptyBody, hallEvent, hallView, objectionAnswerRequest, objectionRequest, objectionView, openingRecordView, recordSignRequest, remedyKit, shareReleaseRequest, unsealKit, unsealRequest } from '@bidhall/contracts';
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
import { HALL_PATH } from './sitting.ts';

const tags = ['opening'];
const params = z.strictObject({ id: z.uuid() });

/** Who may do what in a sitting's hall; the scope resource is the sitting's ('hall' or 'applicationHall'). */
function accessOf(sitting: Sitting) {
  const hall = (parties: readonly ('tenderer' | 'agency' | 'subject')[]) => ({ resource: sitting === 'application' ? 'applicationHall' : 'hall', parties });
  return {
    /** Everyone the opening concerns: the bidders (applicants) it opened, the tenderer and agency, the region's staff and supervisors (read-only). */
    present: { roles: ['bidder', 'tenderer', 'agency', 'staff', 'supervisor'] as const, scope: hall(['tenderer', 'agency', 'subject']) },
    bidders: { roles: ['bidder'] as const, scope: hall(['subject']) },
    managers: { roles: ['tenderer', 'agency'] as const, scope: hall(['tenderer', 'agency']) },
    /** The section's opening custodians: the region's trading centre and supervisor, and the tenderer. */
    custodians: { roles: ['staff', 'supervisor', 'tenderer'] as const, scope: hall(['tenderer']) },
  };
}

function callerOf(request: FastifyRequest): HallCaller {
  const p = requirePrincipal(request);
  return { actor: actorOf(request), userId: p.userId, entity: p.entity ? { id: p.entity.id, name: p.entity.name } : null };
}

/**
 * The remote opening hall of one sitting (decisions 0021, 0023): the view, the live stream, sign-in,
 * unsealing, objections, the record, the custodians' remedy. Bids at /sections/:id/hall, prequalification
 * applications at /sections/:id/application-hall (A-116…A-128).
 */
export function registerHallRoutes(
  app: AppInstance,
  deps: { db: Db; view: Pick<OpeningDeps, 'sections' | 'terms' | 'clock'>; halls: HallService; records: RecordService; remedy: RemedyService; bus: HallBus },
) {
  const { db, halls, records, remedy } = deps;
  const { sitting } = halls;
  const { present, bidders, managers, custodians } = accessOf(sitting);
  const base = `/api/v1/sections/:id/${HALL_PATH[sitting]}`;
  const said = (summary: string) => (sitting === 'application' ? `Prequalification applications' opening (A-116…A-128): ${summary}` : summary);
  const view = async (request: FastifyRequest<{ Params: { id: string } }>) => viewOf(deps.view, db, request.params.id, { entityId: requirePrincipal(request).entity?.id ?? null }, sitting);

  app.get(
    base,
    {
      config: { access: present },
      schema: { tags, summary: said('The opening hall at server time: stage, bidders and their sign-in and unsealing, the readout, objections (A-106…A-113)'), params, response: { 200: hallView } },
    },
    async (request) => {
      // The first reader after the deadline opens the hall if the sweep has not yet.
      await halls.openIfDue(request.params.id);
      return view(request);
    },
  );

  app.get(
    `${base}/events`,
    {
      config: { access: present },
      schema: {
        tags,
        summary: said('The hall live as Server-Sent Events (id = event seq; send Last-Event-ID to catch up), with the server time every 10 s'),
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
      if (!String(request.headers.accept ?? '').includes('text/event-stream')) return hallEventsPage(db, request.params.id, after, sitting);
      await streamHallEvents({ db, clock: deps.view.clock, bus: deps.bus, sections: deps.view.sections }, request, reply, request.params.id, after, sitting);
    },
  );

  app.post(
    `${base}/sign-in`,
    { config: { access: bidders }, schema: { tags, summary: said('A bidder whose bid the hall opened signs in (A-106)'), params, body: emptyBody, response: { 200: hallView } } },
    async (request) => {
      await halls.signIn(request.params.id, callerOf(request));
      return view(request);
    },
  );

  app.post(
    `${base}/unsealing`,
    { config: { access: managers }, schema: { tags, summary: said('The tenderer or agency starts the unsealing window; fewer than 3 signed-in bidders end the opening (A-109, A-110)'), params, body: emptyBody, response: { 200: hallView } } },
    async (request) => {
      await halls.startUnsealing(request.params.id, callerOf(request));
      return view(request);
    },
  );

  app.get(
    `${base}/unseal-kit`,
    { config: { access: bidders }, schema: { tags, summary: said("The caller's sealed part headers and the opening key its content keys are wrapped to"), params, response: { 200: unsealKit } } },
    async (request) => halls.unsealKit(request.params.id, callerOf(request)),
  );

  app.post(
    `${base}/unseal`,
    {
      config: { access: bidders },
      schema: { tags, summary: said("The bidder's content keys, each wrapped to the opening key: checked against the sealed parts and the signed manifest (A-111, A-112)"), params, body: unsealRequest, response: { 200: hallView } },
    },
    async (request) => {
      await halls.unseal(request.params.id, request.body, callerOf(request));
      return view(request);
    },
  );

  app.post(
    `${base}/objections`,
    { config: { access: bidders }, schema: { tags, summary: said('An objection raised on the spot (Regulations art. 44)'), params, body: objectionRequest, response: { 201: objectionView } } },
    async (request, reply) => {
      const id = await halls.object(request.params.id, request.body.text, callerOf(request));
      const v = await view(request);
      return reply.status(201).send(v.objections.find((o) => o.id === id)!);
    },
  );

  app.post(
    `${base}/objections/:objectionId/answer`,
    {
      config: { access: managers },
      schema: { tags, summary: said('The tenderer or agency answers an objection in the hall'), params: z.strictObject({ id: z.uuid(), objectionId: z.uuid() }), body: objectionAnswerRequest, response: { 200: objectionView } },
    },
    async (request) => {
      await halls.answer(request.params.id, request.params.objectionId, request.body.answer, callerOf(request));
      const v = await view(request);
      return v.objections.find((o) => o.id === request.params.objectionId)!;
    },
  );

  app.get(
    `${base}/record`,
    { config: { access: present }, schema: { tags, summary: said('The opening record as drawn up, its SM3 and who has signed it (A-114, A-115)'), params, response: { 200: openingRecordView } } },
    async (request) => records.view(db, request.params.id),
  );

  app.post(
    `${base}/record`,
    {
      config: { access: managers },
      schema: { tags, summary: said('Draw up the opening record from the hall once the readout is done and every objection answered (A-115)'), params, body: emptyBody, response: { 200: openingRecordView } },
    },
    async (request) => {
      await records.freeze(request.params.id, callerOf(request));
      return records.view(db, request.params.id);
    },
  );

  app.post(
    `${base}/record/signatures`,
    {
      config: { access: bidders },
      schema: { tags, summary: said("A bidder signs the record with its bound certificate over {action: 'signOpeningRecord', sectionId, round, recordSm3} (A-114)"), params, body: recordSignRequest, response: { 200: openingRecordView } },
    },
    async (request) => {
      await records.sign(request.params.id, request.body, callerOf(request));
      return records.view(db, request.params.id);
    },
  );

  app.post(
    `${base}/record/publication`,
    {
      config: { access: managers },
      schema: { tags, summary: said('Publish the record on the portal and push it to the public service platform; the hall closes (B-017)'), params, body: emptyBody, response: { 200: openingRecordView } },
    },
    async (request) => {
      await records.publish(request.params.id, callerOf(request));
      return records.view(db, request.params.id);
    },
  );

  app.get(
    `${base}/remedy-kit`,
    { config: { access: custodians }, schema: { tags, summary: said("The bids awaiting the custodians' remedy, their parts' sealed headers and the opening key (E-bidding Measures art. 31)"), params, response: { 200: remedyKit } } },
    async (request) => remedy.kit(request.params.id, callerOf(request)),
  );

  app.post(
    `${base}/shares`,
    {
      config: { access: custodians },
      schema: { tags, summary: said("An opening custodian releases its shares of the awaiting bids' content keys, each wrapped to the opening key; k of n open the bid (A-112)"), params, body: shareReleaseRequest, response: { 200: hallView } },
    },
    async (request) => {
      await remedy.release(request.params.id, request.body, callerOf(request));
      return view(request);
    },
  );
}
