import { factsOf, type ScopeFacts, type ScopeResolver } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { tables } from './projects.deps.ts';
import { readSection } from './section-snapshot.ts';

/** Stages before the notice: the section is known to its parties and the region's staff only. */
export const UNPUBLISHED_STAGES: ReadonlySet<string> = new Set(['draft', 'submitted', 'registered']);

interface PartiesRow {
  region_code: string;
  tenderer_entity_id: string;
  agency_entity_id: string | null;
}

const partyFacts = (r: PartiesRow, entityId: string | null, extra: { agency?: boolean; tenderer?: boolean } = {}): ScopeFacts =>
  factsOf(r.region_code, {
    tenderer: entityId !== null && (r.tenderer_entity_id === entityId || extra.tenderer === true),
    agency: entityId !== null && (r.agency_entity_id === entityId || extra.agency === true),
  });

function resolver(code: string, what: string, load: (id: string, entityId: string | null) => Promise<ScopeFacts | null>): ScopeResolver {
  return { notFound: (id) => new DomainError(code, `no ${what} ${id}`), resolve: (id, caller) => load(id, caller.entityId) };
}

/**
 * The projects module's resources for route scopes: each belongs to its project's region and to the
 * tenderer and agency of its tendering project.
 */
export function createProjectsScopes(db: Db): Record<string, ScopeResolver> {
  return {
    section: {
      ...resolver('SECTION_NOT_FOUND', 'section', async (id, entityId) => {
        const s = await readSection(db, id);
        if (!s) return null;
        const facts = partyFacts({ region_code: s.regionCode, tenderer_entity_id: s.tendererEntityId, agency_entity_id: s.agencyEntityId }, entityId);
        return UNPUBLISHED_STAGES.has(s.stage) ? facts : { ...facts, relations: new Set([...facts.relations, 'published']) };
      }),
      // A published section is known to all: another entity is told it does not run it.
      refusal: (id, _parties, caller) =>
        caller.entityId !== null
          ? new DomainError('NOT_YOUR_PROJECT', 'only the tenderer or its mandated agency manages this section')
          : new DomainError('SECTION_NOT_FOUND', `no section ${id}`),
    },
    tenderingProject: resolver('TENDERING_PROJECT_NOT_FOUND', 'tendering project', async (id, entityId) => {
      const r = await tpQuery(db).where('tp.id', '=', id).executeTakeFirst();
      return r ? partyFacts(r, entityId) : null;
    }),
    entryForm: resolver('ENTRY_FORM_NOT_FOUND', 'entry form', async (id, entityId) => {
      const r = await tpQuery(db)
        .innerJoin('projects.entry_form as ef', 'ef.tendering_project_id', 'tp.id')
        .select('ef.submitter_entity_id')
        .where('ef.id', '=', id)
        .executeTakeFirst();
      // An agency files the form for its tenderer before any mandate: it is the form's agency.
      return r ? partyFacts(r, entityId, { agency: r.submitter_entity_id === entityId }) : null;
    }),
    agencyContract: resolver('AGENCY_CONTRACT_NOT_FOUND', 'agency contract', async (id, entityId) => {
      const r = await tpQuery(db)
        .innerJoin('projects.agency_contract as c', 'c.tendering_project_id', 'tp.id')
        .select(['c.tenderer_entity_id as c_tenderer', 'c.agency_entity_id as c_agency'])
        .where('c.id', '=', id)
        .executeTakeFirst();
      return r ? partyFacts(r, entityId, { tenderer: r.c_tenderer === entityId, agency: r.c_agency === entityId }) : null;
    }),
    tenderingPlan: resolver('TENDERING_PLAN_NOT_FOUND', 'tendering plan', async (id, entityId) => {
      const r = await tpQuery(db).innerJoin('projects.tendering_plan as pl', 'pl.tendering_project_id', 'tp.id').where('pl.id', '=', id).executeTakeFirst();
      return r ? partyFacts(r, entityId) : null;
    }),
    project: resolver('PROJECT_NOT_FOUND', 'project', async (id, entityId) => {
      const p = await tables(db).selectFrom('projects.project').select(['region_code', 'owner_entity_id']).where('id', '=', id).executeTakeFirst();
      if (!p) return null;
      const mine = entityId
        ? await tpQuery(db)
            .where('tp.project_id', '=', id)
            .where((eb) => eb.or([eb('tp.tenderer_entity_id', '=', entityId), eb('tp.agency_entity_id', '=', entityId)]))
            .executeTakeFirst()
        : undefined;
      return factsOf(p.region_code, {
        tenderer: entityId !== null && (p.owner_entity_id === entityId || mine?.tenderer_entity_id === entityId),
        agency: entityId !== null && mine?.agency_entity_id === entityId,
      });
    }),
  };
}

function tpQuery(db: Db) {
  return tables(db)
    .selectFrom('projects.tendering_project as tp')
    .innerJoin('projects.project as p', 'p.id', 'tp.project_id')
    .select(['p.region_code', 'tp.tenderer_entity_id', 'tp.agency_entity_id']);
}
