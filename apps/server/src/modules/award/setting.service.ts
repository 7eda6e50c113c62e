import type { AwardSettingInput, AwardSettingView, SectionSnapshotView } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type AwardDeps, tables } from './award.deps.ts';
import type { Caller } from './publicity.service.ts';
import { sectionAccess } from './section-access.ts';

/**
 * whether the committee decides the winner (the tenderer authorised it to, Reg. 53) or recommends
 * candidates for the tenderer to decide. Fixed at the bid deadline — who decides must not be chosen
 * after the bids are known.
 */
export function createSettingService(deps: AwardDeps) {
  const { db, clock } = deps;
  const access = sectionAccess(deps);

  function fixedAt(section: SectionSnapshotView): Date | null {
    const deadline = section.timetable.bidDeadline;
    return deadline ? new Date(deadline) : null;
  }

  async function of(trx: Db, section: SectionSnapshotView): Promise<AwardSettingView> {
    const row = await tables(trx).selectFrom('award.setting').selectAll().where('section_id', '=', section.id).executeTakeFirst();
    const deadline = fixedAt(section);
    return {
      authority: row?.authority ?? 'tenderer',
      explicit: row !== undefined,
      fixed: deadline !== null && clock.now() >= deadline,
      setAt: row?.set_at.toISOString() ?? null,
    };
  }

  async function set(sectionId: string, input: AwardSettingInput, caller: Caller): Promise<AwardSettingView> {
    return db.transaction().execute(async (trx) => {
      const section = await access.section(trx, sectionId);
      await access.assertManager(trx, section, caller, 'only the tenderer or its mandated agency sets who decides the winner');
      const current = await of(trx, section);
      if (current.fixed) {
        throw new DomainError('AWARD_SETTING_FIXED', 'who decides the winner is fixed at the bid deadline', {
          bidDeadline: section.timetable.bidDeadline,
        });
      }
      const now = clock.now();
      await tables(trx)
        .insertInto('award.setting')
        .values({ section_id: sectionId, region_code: section.regionCode, authority: input.authority, set_by: caller.userId, set_at: now })
        .onConflict((oc) => oc.column('section_id').doUpdateSet({ authority: input.authority, set_by: caller.userId, set_at: now }))
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'award.setting.set',
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
