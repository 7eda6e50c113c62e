import { createHash, createPublicKey, randomUUID } from 'node:crypto';
import type { EvaluationVenueInput, EvaluationVenueView, WorkstationPublicKey, WorkstationRegisterInput, WorkstationView } from '@bidhall/contracts';
import type { Db } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { Caller } from '../caller.ts';
import type { EvaluationDeps } from '../evaluation.deps.ts';
import { json } from '../evaluation.deps.ts';
import { venueTables, type VenueTable, type WorkstationTable } from './venue.tables.ts';

/** RFC 7638: the SHA-256 of the key's required members in lexical order, base64url. */
export function thumbprintOf(key: Pick<WorkstationPublicKey, 'x' | 'y'>): string {
  return createHash('sha256').update(JSON.stringify({ crv: 'P-256', kty: 'EC', x: key.x, y: key.y })).digest('base64url');
}

export function workstationViewOf(w: WorkstationTable): WorkstationView {
  return {
    id: w.id,
    venueId: w.venue_id,
    label: w.label,
    seats: 1,
    thumbprint: w.thumbprint,
    registeredAt: w.registered_at.toISOString(),
    revokedAt: w.revoked_at?.toISOString() ?? null,
    revokedReason: w.revoked_reason,
  };
}

/**
 * Venues (评标场地) and their workstations (评标终端), kept by the staff of the venue's region (decision
 * 0027). A workstation is known by the public half of a key its browser generated and cannot export; the
 * platform checks the key is a point on P-256 before keeping it.
 */
export function createVenueService(deps: Pick<EvaluationDeps, 'db' | 'clock' | 'audit'>) {
  const { db, clock } = deps;

  async function venueOf(trx: Db, id: string, lock = false): Promise<VenueTable> {
    let q = venueTables(trx).selectFrom('evaluation.venue').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const v = await q.executeTakeFirst();
    if (!v) throw new DomainError('VENUE_NOT_FOUND', `no venue ${id}`);
    return v;
  }

  async function viewsOf(trx: Db, venues: VenueTable[]): Promise<EvaluationVenueView[]> {
    const ids = venues.map((v) => v.id);
    const stations = ids.length ? await venueTables(trx).selectFrom('evaluation.workstation').selectAll().where('venue_id', 'in', ids).orderBy('registered_at').orderBy('label').execute() : [];
    return venues.map((v) => ({
      id: v.id,
      regionCode: v.region_code,
      name: v.name,
      address: v.address,
      kind: v.kind,
      shared: v.shared,
      createdAt: v.created_at.toISOString(),
      workstations: stations.filter((w) => w.venue_id === v.id).map(workstationViewOf),
    }));
  }

  /** The venues of the regions the caller answers for. */
  async function list(caller: Caller): Promise<EvaluationVenueView[]> {
    if (!caller.reach.length) return [];
    const venues = await venueTables(db).selectFrom('evaluation.venue').selectAll().where('region_code', 'in', caller.reach).orderBy('region_code').orderBy('created_at').orderBy('name').execute();
    return viewsOf(db, venues);
  }

  async function get(id: string): Promise<EvaluationVenueView> {
    return (await viewsOf(db, [await venueOf(db, id)]))[0]!;
  }

  async function create(input: EvaluationVenueInput, caller: Caller): Promise<EvaluationVenueView> {
    if (!caller.reach.includes(input.regionCode)) throw new DomainError('FORBIDDEN', `region ${input.regionCode} is outside the regions you answer for`);
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      await venueTables(trx)
        .insertInto('evaluation.venue')
        .values({ id, region_code: input.regionCode, name: input.name, address: input.address, kind: input.kind, shared: input.shared, created_by: caller.userId, created_at: now, updated_at: now })
        .execute();
      await deps.audit.record(trx, caller.actor, { action: 'evaluation.venueCreated', targetType: 'evaluationVenue', targetId: id, regionCode: input.regionCode, details: { name: input.name, kind: input.kind, shared: input.shared } });
    });
    return get(id);
  }

  /** Name, address, kind and sharing; the region stays (a venue does not move between centres). */
  async function update(id: string, input: EvaluationVenueInput, caller: Caller): Promise<EvaluationVenueView> {
    await db.transaction().execute(async (trx) => {
      const v = await venueOf(trx, id, true);
      if (input.regionCode !== v.region_code) throw new DomainError('VENUE_NOT_ASSIGNABLE', 'a venue keeps its region', { reason: 'region' });
      await venueTables(trx).updateTable('evaluation.venue').set({ name: input.name, address: input.address, kind: input.kind, shared: input.shared, updated_at: clock.now() }).where('id', '=', id).execute();
      await deps.audit.record(trx, caller.actor, { action: 'evaluation.venueUpdated', targetType: 'evaluationVenue', targetId: id, regionCode: v.region_code, details: { name: input.name, kind: input.kind, shared: input.shared } });
    });
    return get(id);
  }

  /** Registers this browser's device key as a workstation of the venue. */
  async function registerWorkstation(venueId: string, input: WorkstationRegisterInput, caller: Caller): Promise<WorkstationView> {
    try {
      // A point off the curve, or coordinates of the wrong size, is refused here rather than at sign-in.
      createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: input.publicKey.x, y: input.publicKey.y }, format: 'jwk' });
    } catch {
      throw new DomainError('VALIDATION_FAILED', 'the public key is not a P-256 point', { issues: [{ path: ['publicKey'], message: 'not a P-256 public key' }] });
    }
    const thumbprint = thumbprintOf(input.publicKey);
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      const v = await venueOf(trx, venueId, true);
      const taken = await venueTables(trx).selectFrom('evaluation.workstation').select('id').where('thumbprint', '=', thumbprint).executeTakeFirst();
      if (taken) throw new DomainError('WORKSTATION_KEY_TAKEN', 'this device key is registered already', { workstationId: taken.id });
      const key = { kty: 'EC', crv: 'P-256', x: input.publicKey.x, y: input.publicKey.y };
      await venueTables(trx)
        .insertInto('evaluation.workstation')
        .values({ id, venue_id: venueId, label: input.label, seats: 1, public_key: JSON.stringify(key), thumbprint, registered_by: caller.userId, registered_at: clock.now(), revoked_at: null, revoked_by: null, revoked_reason: null })
        .execute();
      await deps.audit.record(trx, caller.actor, { action: 'evaluation.workstationRegistered', targetType: 'evaluationVenue', targetId: venueId, regionCode: v.region_code, details: { workstationId: id, label: input.label, thumbprint } });
    });
    return workstationViewOf((await venueTables(db).selectFrom('evaluation.workstation').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
  }

  async function revokeWorkstation(venueId: string, workstationId: string, reason: string, caller: Caller): Promise<WorkstationView> {
    await db.transaction().execute(async (trx) => {
      const v = await venueOf(trx, venueId);
      const w = await venueTables(trx).selectFrom('evaluation.workstation').selectAll().where('id', '=', workstationId).where('venue_id', '=', venueId).forUpdate().executeTakeFirst();
      if (!w) throw new DomainError('WORKSTATION_NOT_FOUND', `no workstation ${workstationId} at this venue`);
      if (w.revoked_at) throw new DomainError('WORKSTATION_ALREADY_REVOKED', 'the workstation was revoked already', { revokedAt: w.revoked_at.toISOString() });
      await venueTables(trx).updateTable('evaluation.workstation').set({ revoked_at: clock.now(), revoked_by: caller.userId, revoked_reason: reason }).where('id', '=', workstationId).execute();
      await deps.audit.record(trx, caller.actor, { action: 'evaluation.workstationRevoked', targetType: 'evaluationVenue', targetId: venueId, regionCode: v.region_code, details: { workstationId, reason } });
    });
    return workstationViewOf(await venueTables(db).selectFrom('evaluation.workstation').selectAll().where('id', '=', workstationId).executeTakeFirstOrThrow());
  }

  return { list, get, create, update, registerWorkstation, revokeWorkstation };
}

export type VenueService = ReturnType<typeof createVenueService>;

/** The stored JWK of a workstation, for verifying its signatures. */
export const storedKey = (w: Pick<WorkstationTable, 'public_key'>) => json<{ kty: 'EC'; crv: 'P-256'; x: string; y: string }>(w.public_key);
