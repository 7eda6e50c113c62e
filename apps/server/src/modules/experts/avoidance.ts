import type { CommitteePlanInput, SectionSnapshotView, Sitting } from '@bidhall/contracts';
import type { Avoidance, PoolExpert } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type ExpertsDeps, json, tables } from './experts.deps.ts';

/**
 * Who the committee must not include: experts tied to a bidder whose bid the hall opened (an
 * applicant whose application it opened, for the review committee), to the tenderer or its agency, or to
 * a unit the plan names; and the supervisors of the section's regions. The bidders are known only once
 * the hall has opened, so a committee is drawn after the opening.
 */
export async function avoidanceOf(
  trx: Db,
  deps: Pick<ExpertsDeps, 'bidders' | 'entities' | 'accounts' | 'regions'>,
  section: SectionSnapshotView,
  plan: CommitteePlanInput,
  sitting: Sitting,
): Promise<Avoidance> {
  const bidders = await deps.bidders.biddersOf(trx, section.id, sitting);
  if (bidders === null)
    throw new DomainError(
      'COMMITTEE_STATE_CONFLICT',
      'the committee is drawn after the opening, when the bidders to avoid are known',
      { reason: 'notOpened' },
    );
  const parties = [...bidders, section.tendererEntityId, ...(section.agencyEntityId ? [section.agencyEntityId] : [])];
  const units: Avoidance['units'] = [];
  for (const id of parties) {
    const e = await deps.entities.get(trx, id);
    if (e) units.push({ name: e.name, creditCode: e.creditCode });
  }
  units.push(...plan.avoidUnits);
  const personRefs = await deps.accounts.supervisorRefs(trx, deps.regions.chainOf(section.regionCode));
  return { units, personRefs };
}

/** The admitted experts of the plan's regions and levels, as the avoidance filter reads them. */
export async function candidatePool(trx: Db, plan: CommitteePlanInput): Promise<PoolExpert[]> {
  const rows = await tables(trx)
    .selectFrom('experts.expert')
    .select(['id', 'region_code', 'shared', 'level', 'specialties', 'state', 'person_ref', 'employer', 'conflicts'])
    .where('state', '=', 'admitted')
    .where('region_code', 'in', plan.regionCodes)
    .where('level', 'in', plan.levels)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    regionCode: r.region_code,
    shared: r.shared,
    level: r.level,
    specialties: r.specialties,
    state: r.state,
    personRef: r.person_ref,
    employer: json<PoolExpert['employer']>(r.employer),
    conflicts: json<PoolExpert['conflicts']>(r.conflicts),
  }));
}
