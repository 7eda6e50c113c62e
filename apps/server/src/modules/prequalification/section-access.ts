import type { SectionSnapshotView } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { PrequalificationDeps } from './prequalification.deps.ts';

/** The section a step acts on, and whether the caller's entity manages it (the tenderer or its mandated agency). */
export function sectionAccess(deps: Pick<PrequalificationDeps, 'sections'>) {
  async function section(trx: Db, sectionId: string): Promise<SectionSnapshotView> {
    const s = await deps.sections.get(trx, sectionId);
    if (!s) throw new DomainError('SECTION_NOT_FOUND', `no section ${sectionId}`);
    return s;
  }

  async function assertManager(
    trx: Db,
    s: SectionSnapshotView,
    caller: { entityId: string | null },
    message: string,
  ): Promise<string> {
    if (!caller.entityId || !(await deps.sections.canManage(trx, s.id, caller.entityId)))
      throw new DomainError('SECTION_NOT_MANAGED', message);
    return caller.entityId;
  }

  return { section, assertManager };
}
