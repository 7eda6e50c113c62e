import type { EvaluationMonitorView, MonitorEvaluation } from '@bidhall/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from '../caller.ts';
import type { EvaluationDeps } from '../evaluation.deps.ts';
import { type RoomHub, roomKey } from './room-hub.ts';
import { openSse } from './sse.ts';
import { venueTables } from './venue.tables.ts';

/** Sign-ins and submissions are read again this often; entries and exits in a room come at once. */
const POLL_MS = 3_000;

/**
 * The monitoring of remote evaluation: for the region's staff and supervisors, every evaluation
 * under way in their regions — its venues and workstations, who signed in where, who is in the room now,
 * who has submitted. Progress only: no sheet's content is read here.
 */
/** Both sittings' committees: the bids' evaluations and the prequalification reviews. */
export function createMonitor(deps: Pick<EvaluationDeps, 'db' | 'clock' | 'sections'>, hub: RoomHub) {
  const { db, clock } = deps;

  async function view(caller: Caller): Promise<EvaluationMonitorView> {
    const now = clock.now();
    if (!caller.reach.length) return { serverTime: now.toISOString(), evaluations: [] };
    const t = venueTables(db);
    const evs = await t
      .selectFrom('evaluation.evaluation')
      .select(['section_id', 'sitting', 'region_code', 'starts_at', 'ends_at', 'chair_member_id'])
      .where('region_code', 'in', caller.reach)
      .where('summary', 'is', null)
      .where('ends_at', '>', now)
      .orderBy('starts_at')
      .orderBy('section_id')
      .orderBy('sitting')
      .limit(200)
      .execute();
    const ids = [...new Set(evs.map((e) => e.section_id))];
    if (!ids.length) return { serverTime: now.toISOString(), evaluations: [] };
    const [members, sheets, seats, assigned] = await Promise.all([
      t.selectFrom('evaluation.member').select(['id', 'section_id', 'sitting', 'role', 'seat', 'name', 'signed_in_at']).where('section_id', 'in', ids).orderBy('role').orderBy('seat').orderBy('seq').execute(),
      // Only whether and when: the verdicts and scores are not selected.
      t.selectFrom('evaluation.sheet').select(['member_id', 'submitted_at']).where('section_id', 'in', ids).execute(),
      t.selectFrom('evaluation.member_workstation').select(['member_id', 'workstation_id', 'venue_id']).where('section_id', 'in', ids).execute(),
      t
        .selectFrom('evaluation.venue_assignment as a')
        .innerJoin('evaluation.venue as v', 'v.id', 'a.venue_id')
        .select(['a.section_id', 'a.sitting', 'a.role', 'v.id', 'v.name', 'v.region_code'])
        .where('a.section_id', 'in', ids)
        .orderBy('a.assigned_at')
        .orderBy('a.role')
        .orderBy('v.name')
        .execute(),
    ]);
    const venueIds = [...new Set(assigned.map((a) => a.id))];
    const stations = venueIds.length
      ? await t.selectFrom('evaluation.workstation').select(['id', 'venue_id', 'label', 'revoked_at']).where('venue_id', 'in', venueIds).orderBy('registered_at').orderBy('label').execute()
      : [];
    const submitted = new Set(sheets.filter((s) => s.submitted_at).map((s) => s.member_id));
    const seatOf = new Map(seats.map((s) => [s.member_id, s]));
    const evaluations: MonitorEvaluation[] = [];
    for (const e of evs) {
      const section = await deps.sections.get(db, e.section_id);
      const key = roomKey(e.section_id, e.sitting);
      const present = hub.present(key);
      const own = members.filter((m) => m.section_id === e.section_id && m.sitting === e.sitting);
      const occupant = new Map(own.flatMap((m) => (seatOf.has(m.id) ? [[seatOf.get(m.id)!.workstation_id, m.id] as const] : [])));
      evaluations.push({
        sectionId: e.section_id,
        sitting: e.sitting,
        sectionName: section?.name ?? '',
        regionCode: e.region_code,
        window: { startsAt: e.starts_at.toISOString(), endsAt: e.ends_at.toISOString(), openNow: now >= e.starts_at && now < e.ends_at },
        venues: assigned
          .filter((a) => a.section_id === e.section_id && a.sitting === e.sitting)
          .map((a) => ({
            id: a.id,
            name: a.name,
            regionCode: a.region_code,
            role: a.role,
            workstations: stations.filter((w) => w.venue_id === a.id).map((w) => ({ id: w.id, label: w.label, revoked: w.revoked_at !== null, memberId: occupant.get(w.id) ?? null })),
          })),
        members: own.map((m) => ({
          id: m.id,
          role: m.role,
          seat: m.seat,
          name: m.name,
          chair: e.chair_member_id === m.id,
          signedInAt: m.signed_in_at?.toISOString() ?? null,
          workstationId: seatOf.get(m.id)?.workstation_id ?? null,
          venueId: seatOf.get(m.id)?.venue_id ?? null,
          present: present.has(m.id),
          submitted: submitted.has(m.id),
        })),
        observers: hub.observers(key),
      });
    }
    return { serverTime: now.toISOString(), evaluations };
  }

  /** The view on a stream: sent again whenever it changes (a room's entry or exit at once, the rest within seconds). */
  function stream(caller: Caller, request: FastifyRequest, reply: FastifyReply) {
    const channel = openSse(request, reply, () => clock.now());
    let last = '';
    let busy = false;
    let again = false;
    const push = async () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        do {
          again = false;
          const v = await view(caller);
          const key = JSON.stringify(v.evaluations);
          if (key !== last) {
            last = key;
            channel.send('monitor', v);
          }
        } while (again);
      } catch (err) {
        request.log.warn({ err }, 'monitor stream could not read the evaluations');
      } finally {
        busy = false;
      }
    };
    const unwatch = hub.watch(() => void push());
    const timer = setInterval(() => void push(), POLL_MS);
    timer.unref();
    channel.onClose(() => {
      unwatch();
      clearInterval(timer);
    });
    void push();
  }

  return { view, stream };
}

export type Monitor = ReturnType<typeof createMonitor>;
