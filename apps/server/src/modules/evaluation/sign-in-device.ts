import { createPublicKey, verify } from 'node:crypto';
import { type DeviceSignIn, deviceSignInMessage, type Sitting } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import type { EvaluationDeps } from './evaluation.deps.ts';
import { consumeSignInChallenge } from './sign-in-challenge.ts';
import { storedKey } from './venues/venue.service.ts';
import { venueTables } from './venues/venue.tables.ts';

/**
 * The device half of the evaluation sign-in (A-155, decision 0027). An evaluation with venues admits a
 * member only from a registered, unrevoked workstation of one of its venues: the workstation's browser
 * signs the server's fresh nonce with a key it cannot export. The workstation is recorded for the member.
 * An evaluation without venues (a single local room) asks for nothing.
 */
export async function checkSignInDevice(
  trx: Db,
  deps: Pick<EvaluationDeps, 'clock' | 'audit'>,
  args: { sectionId: string; sitting: Sitting; regionCode: string; member: { id: string; role: string; seat: number | null }; caller: Caller; device: DeviceSignIn | undefined },
): Promise<void> {
  const { sectionId, sitting, member, caller, device } = args;
  const venues = await venueTables(trx).selectFrom('evaluation.venue_assignment').select(['venue_id']).where('section_id', '=', sectionId).where('sitting', '=', sitting).execute();
  if (!venues.length) return;
  if (!device) throw new DomainError('WORKSTATION_REQUIRED', 'this evaluation sits in assigned venues: sign in from a registered workstation there');
  const now = deps.clock.now();
  await consumeSignInChallenge(trx, now, { sectionId, sitting, userId: caller.userId, nonce: device.nonce });
  const w = await venueTables(trx).selectFrom('evaluation.workstation').selectAll().where('id', '=', device.workstationId).executeTakeFirst();
  if (!w) throw new DomainError('WORKSTATION_NOT_REGISTERED', 'this workstation is not registered: ask the centre’s staff to register it');
  const ok = verify('sha256', Buffer.from(deviceSignInMessage(sectionId, device.nonce)), { key: createPublicKey({ key: storedKey(w), format: 'jwk' }), dsaEncoding: 'ieee-p1363' }, Buffer.from(device.signature, 'base64url'));
  if (!ok) throw new DomainError('DEVICE_SIGNATURE_INVALID', 'the workstation’s signature does not verify: this browser does not hold the registered key');
  if (w.revoked_at) throw new DomainError('WORKSTATION_REVOKED', 'this workstation was revoked by the centre’s staff', { revokedAt: w.revoked_at.toISOString() });
  if (!venues.some((v) => v.venue_id === w.venue_id)) throw new DomainError('WORKSTATION_NOT_AT_VENUE', 'this workstation is at a venue this evaluation was not assigned');
  const occupied = await venueTables(trx).selectFrom('evaluation.member_workstation').select('member_id').where('section_id', '=', sectionId).where('sitting', '=', sitting).where('workstation_id', '=', w.id).executeTakeFirst();
  if (occupied && occupied.member_id !== member.id) throw new DomainError('WORKSTATION_OCCUPIED', 'another member of this committee signed in from this workstation');
  await venueTables(trx)
    .insertInto('evaluation.member_workstation')
    .values({ member_id: member.id, section_id: sectionId, sitting, workstation_id: w.id, venue_id: w.venue_id, signed_in_at: now })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ workstation_id: w.id, venue_id: w.venue_id, signed_in_at: now }))
    .execute();
  await deps.audit.record(trx, caller.actor, {
    action: sitting === 'bid' ? 'evaluation.workstationSignIn' : 'applicationReview.workstationSignIn',
    targetType: 'section',
    targetId: sectionId,
    regionCode: args.regionCode,
    details: { memberId: member.id, role: member.role, seat: member.seat, workstationId: w.id, venueId: w.venue_id, thumbprint: w.thumbprint },
  });
}
