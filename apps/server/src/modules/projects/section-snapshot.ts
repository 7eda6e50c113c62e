import type { SectionSnapshotView, SectionStage, TimetableView } from '@bidhall/contracts';
import type { ProcurementKind, TenderMethod } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { tables } from './projects.deps.ts';
import { readOnce } from '../../platform/http/read-once.ts';

/** A section as other modules see it (decision 0008): the contract's view, one shape for every module. */
export type SectionSnapshot = SectionSnapshotView;

/** The snapshot plus what only the projects module's own pages need. */
export interface SectionRecord extends SectionSnapshot {
  content: string;
  terminatedReason: string | null;
  internationalMechanicalElectrical: boolean;
  entryFormId: string;
}

export const fenText = (v: string | number | bigint) => BigInt(v).toString();

export function parseTimetable(v: Record<string, string> | string): TimetableView {
  return (typeof v === 'string' ? JSON.parse(v) : v) as TimetableView;
}

export function sectionQuery(db: Db) {
  return tables(db)
    .selectFrom('projects.section as s')
    .innerJoin('projects.tendering_project as tp', 'tp.id', 's.tendering_project_id')
    .innerJoin('projects.project as p', 'p.id', 'tp.project_id')
    .innerJoin('projects.entry_form as ef', 'ef.tendering_project_id', 'tp.id')
    .select([
      's.id',
      's.code',
      's.name',
      's.round',
      's.stage',
      's.budget_fen',
      's.content',
      's.timetable',
      's.created_on',
      's.terminated_reason',
      's.created_at',
      'tp.id as tp_id',
      'tp.name as tp_name',
      'tp.method',
      'tp.international_me',
      'tp.tenderer_entity_id',
      'tp.tenderer_name',
      'tp.agency_entity_id',
      'tp.agency_name',
      'p.id as p_id',
      'p.name as p_name',
      'p.approval_code',
      'p.region_code',
      'p.category',
      'p.kind',
      'p.mandatory',
      'p.state_funded',
      'ef.id as ef_id',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof sectionQuery>['executeTakeFirstOrThrow']>>;

export function toSectionRecord(r: Row): SectionRecord {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    round: r.round,
    stage: r.stage as SectionStage,
    tenderingProjectId: r.tp_id,
    tenderingProjectName: r.tp_name,
    projectId: r.p_id,
    projectName: r.p_name,
    approvalCode: r.approval_code,
    regionCode: r.region_code,
    category: r.category,
    kind: r.kind as ProcurementKind,
    mandatory: r.mandatory,
    stateFunded: r.state_funded,
    method: r.method as TenderMethod,
    budgetFen: fenText(r.budget_fen),
    tendererEntityId: r.tenderer_entity_id,
    tendererName: r.tenderer_name,
    agencyEntityId: r.agency_entity_id,
    agencyName: r.agency_name,
    timetable: parseTimetable(r.timetable),
    createdOn: r.created_on,
    content: r.content,
    terminatedReason: r.terminated_reason,
    internationalMechanicalElectrical: r.international_me,
    entryFormId: r.ef_id,
  };
}

export function toSnapshot(r: SectionRecord): SectionSnapshot {
  const { content: _c, terminatedReason: _t, internationalMechanicalElectrical: _i, entryFormId: _e, ...snapshot } = r;
  return snapshot;
}

/** The section as it is; in a `readOnce` route read once per request (platform/http/read-once). */
export function readSection(db: Db, id: string): Promise<SectionRecord | null> {
  return readOnce(`projects.section:${id}`, () => loadSection(db, id));
}

export async function loadSection(db: Db, id: string, forUpdate = false): Promise<SectionRecord | null> {
  let q = sectionQuery(db).where('s.id', '=', id);
  if (forUpdate) q = q.forUpdate('s');
  const row = await q.executeTakeFirst();
  return row ? toSectionRecord(row) : null;
}
