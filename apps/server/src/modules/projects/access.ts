import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type ProjectsDeps, tables } from './projects.deps.ts';

export interface TenderingParties {
  id: string;
  tenderer_entity_id: string;
  agency_entity_id: string | null;
  region_code: string;
}

export async function loadParties(db: Db, tenderingProjectId: string): Promise<TenderingParties> {
  const row = await tables(db)
    .selectFrom('projects.tendering_project as tp')
    .innerJoin('projects.project as p', 'p.id', 'tp.project_id')
    .select(['tp.id', 'tp.tenderer_entity_id', 'tp.agency_entity_id', 'p.region_code'])
    .where('tp.id', '=', tenderingProjectId)
    .executeTakeFirst();
  if (!row) throw new DomainError('TENDERING_PROJECT_NOT_FOUND', `no tendering project ${tenderingProjectId}`);
  return row;
}

/** The tenderer or the named agency of a tendering project. */
export function sideOf(principal: Principal, parties: TenderingParties): 'tenderer' | 'agency' | null {
  const id = principal.entity?.id;
  if (!id) return null;
  if (parties.tenderer_entity_id === id) return 'tenderer';
  if (parties.agency_entity_id === id) return 'agency';
  return null;
}

export function isStaffOf(deps: Pick<ProjectsDeps, 'catalog'>, principal: Principal, regionCode: string): boolean {
  return (principal.kind === 'staff' || principal.kind === 'supervisor') && deps.catalog.codesWithin(principal.regionCode).includes(regionCode);
}

/** Parties read and write; staff and supervisors of the region read. Anyone else is told nothing exists. */
export function assertCanRead(deps: Pick<ProjectsDeps, 'catalog'>, principal: Principal, parties: TenderingParties, notFound: DomainError) {
  if (sideOf(principal, parties) || isStaffOf(deps, principal, parties.region_code)) return;
  throw notFound;
}

export function assertParty(principal: Principal, parties: TenderingParties): 'tenderer' | 'agency' {
  const side = sideOf(principal, parties);
  if (!side) throw new DomainError('NOT_YOUR_PROJECT', 'only the tenderer or its agency may do this');
  return side;
}
