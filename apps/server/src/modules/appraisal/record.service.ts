import { randomUUID } from 'node:crypto';
import type { AgencyRecordInput, AgencyRecordKind } from '@bidhall/contracts';
import { businessToday } from '@bidhall/rules';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type AppraisalDeps, tables } from './appraisal.deps.ts';
import type { Caller } from './caller.ts';

const KIND_LABELS: Record<AgencyRecordKind, string> = {
  commendation: '良好行为记录',
  violation: '不良行为记录',
  penalty: '处理处罚记录',
};

/**
 * Staff record an agency's behaviour (decision 0044): a commendation, a violation or a penalty, in their
 * own region — or in the region of a section the agency ran, when the record concerns one within their
 * reach. Public once made; audited in its transaction; the agency is told.
 */
export function createRecordService(deps: AppraisalDeps) {
  const { db, clock } = deps;

  async function record(agencyEntityId: string, input: AgencyRecordInput, caller: Caller): Promise<string> {
    return db.transaction().execute(async (trx) => {
      const agency = await deps.entities.get(trx, agencyEntityId);
      if (!agency || !agency.roles.includes('agency')) throw new DomainError('AGENCY_NOT_FOUND', `no agency ${agencyEntityId}`);
      if (input.date > businessToday(clock))
        throw new DomainError(
          'AGENCY_RECORD_DATE_INVALID',
          'a record is of something that has happened: its date is not after today',
          { date: input.date },
        );
      let regionCode = caller.regionCode;
      if (input.sectionId) {
        const section = await deps.sections.get(trx, input.sectionId);
        if (!section || !caller.reach.includes(section.regionCode))
          throw new DomainError('SECTION_NOT_FOUND', `no section ${input.sectionId}`);
        if (section.agencyEntityId !== agencyEntityId)
          throw new DomainError('AGENCY_RECORD_SECTION_MISMATCH', 'the agency did not run that section', {
            sectionId: input.sectionId,
          });
        regionCode = section.regionCode;
      }
      const id = randomUUID();
      await tables(trx)
        .insertInto('appraisal.agency_record')
        .values({
          id,
          agency_entity_id: agencyEntityId,
          agency_name: agency.name,
          kind: input.kind,
          date: input.date,
          description: input.description,
          region_code: regionCode,
          section_id: input.sectionId ?? null,
          recorded_by: caller.userId,
          recorder_name: caller.displayName,
          recorded_at: clock.now(),
        })
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'appraisal.agency.recorded',
        targetType: 'agencyRecord',
        targetId: id,
        regionCode,
        details: {
          agencyEntityId,
          kind: input.kind,
          date: input.date,
          description: input.description,
          sectionId: input.sectionId ?? null,
        },
      });
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: agencyEntityId,
        topic: 'appraisal.agencyRecorded',
        title: `中介机构${KIND_LABELS[input.kind]}`,
        body: `交易中心于 ${input.date} 记录了贵单位的${KIND_LABELS[input.kind]}，并在中介机构评价公示中公开：${input.description}`,
        link: '/agencies/record',
        dedupeKey: `appraisal.agencyRecorded:${id}`,
      });
      return id;
    });
  }

  return { record };
}

export type RecordService = ReturnType<typeof createRecordService>;
