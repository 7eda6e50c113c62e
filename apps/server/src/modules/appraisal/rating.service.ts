import { randomUUID } from 'node:crypto';
import type { AgencyRaterKind, AgencyRatingInput, SectionSnapshotView } from '@bidhall/contracts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Db } from '../../platform/db/database.ts';
import { type AppraisalDeps, tables } from './appraisal.deps.ts';
import type { Caller } from './caller.ts';

const RATER_LABELS: Record<AgencyRaterKind, string> = { tenderer: '招标人', staff: '交易中心' };

/**
 * Who may rate the section's agency: a user of its tenderer (never the agency itself), or a staff member
 * answering for its region; null for anyone else (supervisors read, they do not rate).
 */
export function raterKindOf(section: SectionSnapshotView, caller: Caller): AgencyRaterKind | null {
  if (caller.kind === 'staff') return caller.reach.includes(section.regionCode) ? 'staff' : null;
  const entityId = caller.entity?.id;
  if (!entityId || entityId === section.agencyEntityId) return null;
  return entityId === section.tendererEntityId ? 'tenderer' : null;
}

/**
 * Rating a section's agency after its award is decided (decision 0044): once per rater and section — each
 * staff member once, the tenderer once whichever of its users rates. Audited in its transaction; the
 * agency is told.
 */
export function createRatingService(deps: AppraisalDeps) {
  const { db, clock } = deps;

  /** Whether the section's agency may be rated now: null when it may, else why not. */
  async function closed(trx: Db, section: SectionSnapshotView): Promise<'noAgency' | 'notDecided' | null> {
    if (!section.agencyEntityId) return 'noAgency';
    return (await deps.awardDecision(trx, section.id)) ? null : 'notDecided';
  }

  /** The caller's rating of the section's agency, if it (or, for a tenderer, its entity) gave one. */
  async function ratedBy(trx: Db, sectionId: string, caller: Caller, kind: AgencyRaterKind): Promise<boolean> {
    let q = tables(trx).selectFrom('appraisal.agency_rating').select('id').where('section_id', '=', sectionId);
    q =
      kind === 'tenderer' && caller.entity
        ? q.where('rater_entity_id', '=', caller.entity.id)
        : q.where('rated_by', '=', caller.userId);
    return (await q.executeTakeFirst()) !== undefined;
  }

  async function rate(sectionId: string, input: AgencyRatingInput, caller: Caller): Promise<string> {
    return db.transaction().execute(async (trx) => {
      const section = await deps.sections.get(trx, sectionId);
      if (!section) throw new DomainError('SECTION_NOT_FOUND', `no section ${sectionId}`);
      const kind = raterKindOf(section, caller);
      if (!kind)
        throw new DomainError(
          'AGENCY_RATING_NOT_ALLOWED',
          'only the section’s tenderer and the staff of its region rate its agency',
        );
      const reason = await closed(trx, section);
      if (reason)
        throw new DomainError(
          'AGENCY_RATING_NOT_OPEN',
          reason === 'noAgency'
            ? 'the tenderer ran this section itself: there is no agency to rate'
            : 'the agency is rated once the section’s award is decided',
          { reason },
        );
      const agencyEntityId = section.agencyEntityId!;
      const agencyName = section.agencyName ?? (await deps.entities.get(trx, agencyEntityId))?.name ?? '';
      const id = randomUUID();
      // Either unique key (the account, or the tenderer's entity) keeps a second rating out, however concurrent.
      const inserted = await tables(trx)
        .insertInto('appraisal.agency_rating')
        .values({
          id,
          section_id: section.id,
          round: section.round,
          agency_entity_id: agencyEntityId,
          agency_name: agencyName,
          region_code: section.regionCode,
          rater_kind: kind,
          rater_entity_id: kind === 'tenderer' ? caller.entity!.id : null,
          rater_entity_name: kind === 'tenderer' ? caller.entity!.name : null,
          rated_by: caller.userId,
          rater_name: caller.displayName,
          compliance: input.compliance,
          service: input.service,
          efficiency: input.efficiency,
          comment: input.comment,
          rated_at: clock.now(),
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted)
        throw new DomainError(
          'AGENCY_RATED',
          kind === 'tenderer'
            ? 'the tenderer has rated this section’s agency already'
            : 'you have rated this section’s agency already',
          { sectionId },
        );
      await deps.audit.record(trx, caller.actor, {
        action: 'appraisal.agency.rated',
        targetType: 'agencyRating',
        targetId: id,
        regionCode: section.regionCode,
        details: {
          sectionId: section.id,
          round: section.round,
          agencyEntityId,
          raterKind: kind,
          compliance: input.compliance,
          service: input.service,
          efficiency: input.efficiency,
          comment: input.comment,
        },
      });
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: agencyEntityId,
        topic: 'appraisal.agencyRated',
        title: `代理机构评价：${section.name}`,
        body: `${RATER_LABELS[kind]}对贵单位在该标段的代理服务作出评价：执业规范 ${input.compliance} 分，服务质量 ${input.service} 分，工作效率 ${input.efficiency} 分（满分 5 分）。${input.comment ? `评价意见：${input.comment}` : ''}`,
        link: `/projects/sections/${section.id}`,
        dedupeKey: `appraisal.agencyRated:${id}`,
      });
      return id;
    });
  }

  return { rate, closed, ratedBy };
}

export type RatingService = ReturnType<typeof createRatingService>;
