import type { SectionVenuesInput, SectionVenuesView, VenueRef } from '@bidhall/contracts';
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { Caller } from '../caller.ts';
import type { EvaluationDeps } from '../evaluation.deps.ts';
import { venueTables, type VenueTable } from './venue.tables.ts';
import type { EvaluationSitting } from '../sitting.ts';

/**
 * Which venues an evaluation sits in (decision 0027): a main venue and secondary ones. The section's
 * staff may assign a venue of the section's own city — whichever district's centre keeps it — or a
 * venue another city has put in the shared pool; nothing else.
 */
export function createVenueAssignment(deps: Pick<EvaluationDeps, 'db' | 'clock' | 'audit' | 'sections' | 'regions'>, at: EvaluationSitting) {
  const { db, clock } = deps;
  const { sitting } = at;

  async function refsOf(trx: Db, venues: VenueTable[]): Promise<VenueRef[]> {
    const ids = venues.map((v) => v.id);
    const counts = ids.length
      ? await venueTables(trx)
          .selectFrom('evaluation.workstation')
          .select(['venue_id', sql<number>`count(*)::int`.as('n')])
          .where('venue_id', 'in', ids)
          .where('revoked_at', 'is', null)
          .groupBy('venue_id')
          .execute()
      : [];
    return venues.map((v) => ({ id: v.id, regionCode: v.region_code, name: v.name, address: v.address, kind: v.kind, shared: v.shared, workstations: counts.find((c) => c.venue_id === v.id)?.n ?? 0 }));
  }

  async function assignable(trx: Db, regionCode: string): Promise<VenueTable[]> {
    const city = deps.regions.cityOf(regionCode);
    const all = await venueTables(trx).selectFrom('evaluation.venue').selectAll().orderBy('region_code').orderBy('created_at').orderBy('name').execute();
    return all.filter((v) => v.shared || (city !== null && deps.regions.cityOf(v.region_code) === city));
  }

  async function evaluationOf(trx: Db, sectionId: string) {
    const ev = await venueTables(trx).selectFrom('evaluation.evaluation').select(['section_id', 'region_code', 'summary', 'ends_at']).where('section_id', '=', sectionId).where('sitting', '=', sitting).forUpdate().executeTakeFirst();
    if (!ev) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the evaluation of this section has not been opened', { reason: 'unopened' });
    return ev;
  }

  async function view(sectionId: string): Promise<SectionVenuesView> {
    const section = await deps.sections.get(db, sectionId);
    if (!section) throw new DomainError('SECTION_NOT_FOUND', `no section ${sectionId}`);
    const rows = await venueTables(db)
      .selectFrom('evaluation.venue_assignment as a')
      .innerJoin('evaluation.venue as v', 'v.id', 'a.venue_id')
      .selectAll('v')
      .select('a.role')
      .where('a.section_id', '=', sectionId)
      .where('a.sitting', '=', sitting)
      .orderBy('a.assigned_at')
      .orderBy('a.role')
      .orderBy('v.name')
      .execute();
    const refs = await refsOf(db, rows);
    return {
      main: refs.find((_, i) => rows[i]!.role === 'main') ?? null,
      secondary: refs.filter((_, i) => rows[i]!.role === 'secondary'),
      assignable: await refsOf(db, await assignable(db, section.regionCode)),
    };
  }

  /** Replaces the evaluation's venues; members already signed in keep where they signed in. */
  async function assign(sectionId: string, input: SectionVenuesInput, caller: Caller): Promise<SectionVenuesView> {
    const ids = [input.mainVenueId, ...input.secondaryVenueIds];
    if (new Set(ids).size !== ids.length) throw new DomainError('VENUE_NOT_ASSIGNABLE', 'a venue is named twice', { reason: 'duplicate' });
    await db.transaction().execute(async (trx) => {
      const ev = await evaluationOf(trx, sectionId);
      if (ev.summary !== null) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the evaluation is summarised: nothing changes any more', { reason: 'summarised' });
      if (ev.ends_at <= clock.now()) throw new DomainError('EVALUATION_WINDOW_CLOSED', 'the evaluation window is over', { endsAt: ev.ends_at.toISOString() });
      const allowed = new Map((await assignable(trx, ev.region_code)).map((v) => [v.id, v]));
      for (const id of ids) {
        if (!allowed.has(id)) throw new DomainError('VENUE_NOT_ASSIGNABLE', `venue ${id} is neither of this section's city nor shared`, { reason: 'scope', venueId: id });
      }
      if (allowed.get(input.mainVenueId)!.kind !== 'main') throw new DomainError('VENUE_NOT_ASSIGNABLE', 'the main venue must be kept as a main venue', { reason: 'kind', venueId: input.mainVenueId });
      const now = clock.now();
      await venueTables(trx).deleteFrom('evaluation.venue_assignment').where('section_id', '=', sectionId).where('sitting', '=', sitting).execute();
      await venueTables(trx)
        .insertInto('evaluation.venue_assignment')
        .values(ids.map((id, i) => ({ section_id: sectionId, sitting, venue_id: id, role: i === 0 ? ('main' as const) : ('secondary' as const), assigned_by: caller.userId, assigned_at: new Date(now.getTime() + i) })))
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: `${at.action}.venuesAssigned`,
        targetType: 'section',
        targetId: sectionId,
        regionCode: ev.region_code,
        details: { main: input.mainVenueId, secondary: input.secondaryVenueIds, regions: [...new Set(ids.map((id) => allowed.get(id)!.region_code))] },
      });
    });
    return view(sectionId);
  }

  return { view, assign };
}

export type VenueAssignment = ReturnType<typeof createVenueAssignment>;
