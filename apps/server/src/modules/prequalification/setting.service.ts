import type { PrequalificationSettingInput, PrequalificationSettingView, SectionSnapshotView } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { type PrequalificationDeps, tables } from './prequalification.deps.ts';
import { sectionAccess } from './section-access.ts';

/**
 * whether the review committee's list of qualified applicants is final, or the tenderer confirms
 * it. Fixed at the application deadline — who has the last word must not be chosen once the applicants
 * are known.
 */
export function createSettingService(deps: PrequalificationDeps) {
  const { db, clock } = deps;
  const access = sectionAccess(deps);

  function fixedAt(section: SectionSnapshotView): Date | null {
    const deadline = section.timetable.applicationDeadline;
    return deadline ? new Date(deadline) : null;
  }

  async function of(trx: Db, section: SectionSnapshotView): Promise<PrequalificationSettingView> {
    const row = await tables(trx)
      .selectFrom('prequalification.setting')
      .selectAll()
      .where('section_id', '=', section.id)
      .executeTakeFirst();
    const deadline = fixedAt(section);
    return {
      authority: row?.authority ?? 'tenderer',
      explicit: row !== undefined,
      fixed: deadline !== null && clock.now() >= deadline,
      setAt: row?.set_at.toISOString() ?? null,
    };
  }

  async function set(
    sectionId: string,
    input: PrequalificationSettingInput,
    caller: Caller,
  ): Promise<PrequalificationSettingView> {
    return db.transaction().execute(async (trx) => {
      const section = await access.section(trx, sectionId);
      await access.assertManager(
        trx,
        section,
        caller,
        'only the tenderer or its mandated agency sets who confirms the qualified applicants',
      );
      if (section.method !== 'prequalification') {
        throw new DomainError('PREQUALIFICATION_SETTING_FIXED', `section ${section.code} is tendered without prequalification`, {
          reason: 'noPrequalification',
        });
      }
      const current = await of(trx, section);
      if (current.fixed) {
        throw new DomainError(
          'PREQUALIFICATION_SETTING_FIXED',
          'who confirms the qualified applicants is fixed at the application deadline',
          {
            reason: 'deadline',
            applicationDeadline: section.timetable.applicationDeadline,
          },
        );
      }
      const now = clock.now();
      await tables(trx)
        .insertInto('prequalification.setting')
        .values({
          section_id: sectionId,
          region_code: section.regionCode,
          authority: input.authority,
          set_by: caller.userId,
          set_at: now,
        })
        .onConflict((oc) =>
          oc.column('section_id').doUpdateSet({ authority: input.authority, set_by: caller.userId, set_at: now }),
        )
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'prequalification.setting.set',
        targetType: 'section',
        targetId: sectionId,
        regionCode: section.regionCode,
        details: { authority: input.authority, previous: current.authority },
      });
      return of(trx, section);
    });
  }

  return { of, set };
}

export type SettingService = ReturnType<typeof createSettingService>;
