import type { RoomSignal, RoomSignalInput, RoomView } from '@bidhall/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { Caller } from '../caller.ts';
import type { EvaluationDeps } from '../evaluation.deps.ts';
import { type RoomHub, roomKey } from './room-hub.ts';
import type { EvaluationSitting } from '../sitting.ts';
import { openSse } from './sse.ts';
import { venueTables } from './venue.tables.ts';

const OBSERVERS = new Set(['staff', 'supervisor']);

/** Where the caller stands in the room: a member (its id, role and seat), or an officer watching (self null). */
interface Place {
  self: string | null;
  role: string;
  seat: number | null;
  regionCode: string;
}

/**
 * The committee's audio/video room: members signed in, inside the window, exchange WebRTC
 * offers, answers and candidates through the platform — posted to one member, delivered on that
 * member's room stream — and the media flows between their browsers. The region's staff and
 * supervisors watch the room's presence read-only. Nothing of the media passes the server.
 *
 * Entering and leaving the room (opening and closing its stream) are audited — who, which section,
 * when, as a member or watching, and for how long; the signals relayed are not.
 */
export function createRoomService(deps: Pick<EvaluationDeps, 'db' | 'clock' | 'audit'>, hub: RoomHub, at: EvaluationSitting) {
  const { db, clock } = deps;
  const { sitting } = at;

  /** The caller's place in the room; refused when the caller may not be in it now. */
  async function admit(sectionId: string, caller: Caller): Promise<Place> {
    const ev = await venueTables(db).selectFrom('evaluation.evaluation').select(['starts_at', 'ends_at', 'summary', 'region_code']).where('section_id', '=', sectionId).where('sitting', '=', sitting).executeTakeFirst();
    if (!ev) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the evaluation of this section has not been opened', { reason: 'unopened' });
    const m = await venueTables(db).selectFrom('evaluation.member').select(['id', 'role', 'seat', 'signed_in_at']).where('section_id', '=', sectionId).where('sitting', '=', sitting).where('user_id', '=', caller.userId).executeTakeFirst();
    if (!m) {
      // The route's scope admitted officers only of the section's region.
      if (OBSERVERS.has(caller.kind)) return { self: null, role: caller.kind, seat: null, regionCode: ev.region_code };
      throw new DomainError('EVALUATION_NOT_MEMBER', 'you are not a member of this evaluation committee');
    }
    const now = clock.now();
    if (now < ev.starts_at || now >= ev.ends_at) {
      throw new DomainError('EVALUATION_WINDOW_CLOSED', `the evaluation window is ${ev.starts_at.toISOString()} to ${ev.ends_at.toISOString()}`, { startsAt: ev.starts_at.toISOString(), endsAt: ev.ends_at.toISOString() });
    }
    if (ev.summary !== null) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the evaluation is summarised: the room is closed', { reason: 'summarised' });
    if (!m.signed_in_at) throw new DomainError('EVALUATION_NOT_SIGNED_IN', 'sign in to the evaluation first, confirming your identity and no conflict');
    return { self: m.id, role: m.role, seat: m.seat, regionCode: ev.region_code };
  }

  /** evaluation.roomJoined / evaluation.roomLeft (applicationReview.… in a review): the caller as actor, the section as target. */
  async function audit(event: 'roomJoined' | 'roomLeft', sectionId: string, caller: Caller, place: Place, extra: Record<string, unknown> = {}) {
    await db.transaction().execute((trx) =>
      deps.audit.record(trx, caller.actor, {
        action: `${at.action}.${event}`,
        targetType: 'section',
        targetId: sectionId,
        regionCode: place.regionCode,
        details: { memberId: place.self, role: place.role, seat: place.seat, watching: place.self === null, ...extra },
      }),
    );
  }

  async function view(sectionId: string, self: string | null): Promise<RoomView> {
    const members = await venueTables(db).selectFrom('evaluation.member').select(['id', 'role', 'seat', 'name']).where('section_id', '=', sectionId).where('sitting', '=', sitting).orderBy('role').orderBy('seat').orderBy('seq').execute();
    const key = roomKey(sectionId, sitting);
    const present = hub.present(key);
    return { self, members: members.map((m) => ({ id: m.id, role: m.role, seat: m.seat, name: m.name, present: present.has(m.id) })), observers: hub.observers(key) };
  }

  /** The room as JSON, for a client without EventSource (and the access walk). */
  async function snapshot(sectionId: string, caller: Caller): Promise<RoomView> {
    return view(sectionId, (await admit(sectionId, caller)).self);
  }

  /** The room's stream: `presence` on every entry and exit, `signal`s addressed to the caller, `heartbeat`s. */
  async function stream(sectionId: string, caller: Caller, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const place = await admit(sectionId, caller);
    const { self } = place;
    const joinedAt = clock.now();
    await audit('roomJoined', sectionId, caller, place);
    const channel = openSse(request, reply, () => clock.now());
    const sendPresence = async () => {
      try {
        channel.send('presence', await view(sectionId, self));
      } catch (err) {
        request.log.warn({ err, sectionId }, 'room stream could not read the members');
      }
    };
    const unwatch = hub.watch((id) => {
      if (id === roomKey(sectionId, sitting)) void sendPresence();
    });
    const leave = hub.join(roomKey(sectionId, sitting), { memberId: self, send: channel.send });
    channel.onClose(() => {
      unwatch();
      leave();
      const seconds = Math.max(0, Math.round((clock.now().getTime() - joinedAt.getTime()) / 1000));
      audit('roomLeft', sectionId, caller, place, { seconds }).catch((err: unknown) => request.log.warn({ err, sectionId }, 'leaving the room could not be audited'));
    });
  }

  /** Relays one signal to a member present in the room; nothing is kept. */
  async function signal(sectionId: string, input: RoomSignalInput, caller: Caller): Promise<{ delivered: true }> {
    const { self } = await admit(sectionId, caller);
    if (self === null) throw new DomainError('EVALUATION_NOT_MEMBER', 'officers watch the room; only members take part');
    if (input.to === self) throw new DomainError('VALIDATION_FAILED', 'a signal goes to another member', { issues: [{ path: ['to'], message: 'yourself' }] });
    const target = await venueTables(db).selectFrom('evaluation.member').select('id').where('section_id', '=', sectionId).where('sitting', '=', sitting).where('id', '=', input.to).executeTakeFirst();
    if (!target) throw new DomainError('EVALUATION_NOT_MEMBER', 'the addressee is not a member of this committee', { to: input.to });
    const { to: _to, ...rest } = input;
    if (!hub.signal(roomKey(sectionId, sitting), input.to, { ...rest, from: self } as RoomSignal)) throw new DomainError('ROOM_PEER_ABSENT', 'the addressee is not in the room now', { to: input.to });
    return { delivered: true };
  }

  return { snapshot, stream, signal };
}

export type RoomService = ReturnType<typeof createRoomService>;
