import { randomUUID } from 'node:crypto';
import type { PublicityInput, PublicityVerification, PublicityView, SectionSnapshotView } from '@bidhall/contracts';
import { durationEnd, ruleInForce, toBusinessDate } from '@bidhall/rules';
import type { Selectable } from 'kysely';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type AwardDeps, json, type ResultCandidate, tables } from './award.deps.ts';
import type { PublicityTable } from './award.tables.ts';
import { publicityHtml } from './publicity-html.ts';
import { sectionAccess } from './section-access.ts';

/** Who acts on award routes: the audit actor, the account, its entity and the regions it reaches. */
export interface Caller {
  actor: Actor;
  userId: string;
  kind: string;
  entityId: string | null;
  entityName: string | null;
}

type Row = Selectable<PublicityTable>;

/**
 * 中标候选人公示 (A-163, A-164, B-028, B-029): the tenderer (or its agency) drafts the publicity of the
 * completed evaluation report's candidates — the report's ranks, prices and totals, never edited —
 * with its period and remarks; staff of the section's region verify it, and it is published on the
 * portal and pushed to the public service platform. The period starts at the latest 3 days after the
 * report (ending on a working day) and lasts at least 3 days.
 */
export function createPublicityService(deps: AwardDeps) {
  const { db, clock } = deps;
  const access = sectionAccess(deps);
  const sectionOf = access.section;
  const assertManager = (trx: Db, section: SectionSnapshotView, caller: Caller) =>
    access.assertManager(trx, section, caller, 'only the tenderer or its mandated agency drafts the publicity');

  async function load(trx: Db, sectionId: string, round: number, lock = false) {
    let q = tables(trx).selectFrom('award.publicity').selectAll().where('section_id', '=', sectionId).where('round', '=', round);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  /** B-028 over the calendar in force: the latest start day after the report, the least end day after the start. */
  function latestStart(reportCompletedAt: Date): string {
    const day = toBusinessDate(reportCompletedAt);
    return durationEnd(deps.calendar(), day, ruleInForce('PUBLICITY_START_MAX', day));
  }

  function checkPeriod(input: PublicityInput, reportCompletedAt: Date) {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const latest = latestStart(reportCompletedAt);
    const startDay = toBusinessDate(startsAt);
    if (startsAt < reportCompletedAt || startDay > latest) {
      throw new DomainError(
        'PUBLICITY_PERIOD_INVALID',
        `the publicity starts after the report and by ${latest} (3 days, Reg. 54)`,
        { reason: 'lateStart', latestStart: latest },
      );
    }
    const leastEnd = durationEnd(deps.calendar(), startDay, ruleInForce('PUBLICITY_DURATION_MIN', startDay));
    if (endsAt <= startsAt || toBusinessDate(endsAt) < leastEnd) {
      throw new DomainError('PUBLICITY_PERIOD_INVALID', `the publicity lasts at least 3 days: it ends on ${leastEnd} or later`, {
        reason: 'tooShort',
        leastEnd,
      });
    }
  }

  /** the draft from the completed report; edited while it is a draft (a rejected one comes back as a draft). */
  async function save(sectionId: string, input: PublicityInput, caller: Caller): Promise<PublicityView> {
    await db.transaction().execute(async (trx) => {
      const section = await sectionOf(trx, sectionId);
      await assertManager(trx, section, caller);
      const result = await deps.result(trx, sectionId);
      // B-024: the committee found the tender failed; its section is tendered again, there is nobody to publish.
      if (result?.failure) {
        throw new DomainError('AWARD_TENDER_FAILED', `the tender failed (废标): ${result.failure.reason}`, { source: result.failure.source });
      }
      if (!result || result.candidates.length === 0)
        throw new DomainError(
          'PUBLICITY_NOT_READY',
          'the evaluation report is not complete (signed by every member): there are no candidates to publish yet',
        );
      checkPeriod(input, result.completedAt);
      const now = clock.now();
      const existing = await load(trx, sectionId, section.round, true);
      if (existing && existing.state !== 'draft')
        throw new DomainError('PUBLICITY_STATE_CONFLICT', `the publicity is ${existing.state}: it no longer changes`, {
          state: existing.state,
        });
      const values = {
        report_sm3: result.reportSm3,
        report_completed_at: result.completedAt,
        candidates: JSON.stringify(result.candidates),
        starts_at: new Date(input.startsAt),
        ends_at: new Date(input.endsAt),
        remarks: input.remarks,
        updated_at: now,
      };
      if (existing) await tables(trx).updateTable('award.publicity').set(values).where('id', '=', existing.id).execute();
      else {
        await tables(trx)
          .insertInto('award.publicity')
          .values({
            id: randomUUID(),
            section_id: sectionId,
            round: section.round,
            region_code: section.regionCode,
            tenderer_entity_id: section.tendererEntityId,
            state: 'draft',
            drafted_by: caller.userId,
            drafted_at: now,
            submitted_at: null,
            rejection: null,
            verified_by: null,
            verified_at: null,
            publication_id: null,
            ...values,
          })
          .execute();
      }
      await deps.audit.record(trx, caller.actor, {
        action: existing ? 'award.publicity.edited' : 'award.publicity.drafted',
        targetType: 'section',
        targetId: sectionId,
        regionCode: section.regionCode,
        details: {
          reportSm3: result.reportSm3,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          candidates: result.candidates.map((c) => ({ rank: c.rank, bidId: c.bidId })),
        },
      });
    });
    return view(sectionId);
  }

  /** submitted to the staff of the section's region for verification. */
  async function submit(sectionId: string, caller: Caller): Promise<PublicityView> {
    await db.transaction().execute(async (trx) => {
      const section = await sectionOf(trx, sectionId);
      await assertManager(trx, section, caller);
      const p = await load(trx, sectionId, section.round, true);
      if (!p) throw new DomainError('PUBLICITY_NOT_FOUND', 'no publicity drafted for this section');
      if (p.state !== 'draft')
        throw new DomainError('PUBLICITY_STATE_CONFLICT', `the publicity is ${p.state}`, { state: p.state });
      checkPeriod(
        { startsAt: p.starts_at.toISOString(), endsAt: p.ends_at.toISOString(), remarks: p.remarks },
        p.report_completed_at,
      );
      const now = clock.now();
      await tables(trx)
        .updateTable('award.publicity')
        .set({ state: 'pendingVerification', submitted_at: now, rejection: null, updated_at: now })
        .where('id', '=', p.id)
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'award.publicity.submitted',
        targetType: 'section',
        targetId: sectionId,
        regionCode: p.region_code,
        details: { publicityId: p.id },
      });
    });
    return view(sectionId);
  }

  /** A-164, B-029: staff verify; approved, it is published on the portal and pushed; rejected, it is a draft again with the reason. */
  async function verify(sectionId: string, input: PublicityVerification, caller: Caller): Promise<PublicityView> {
    await db.transaction().execute(async (trx) => {
      const section = await sectionOf(trx, sectionId);
      const p = await load(trx, sectionId, section.round, true);
      if (!p) throw new DomainError('PUBLICITY_NOT_FOUND', 'no publicity drafted for this section');
      if (p.state !== 'pendingVerification')
        throw new DomainError('PUBLICITY_STATE_CONFLICT', `the publicity is ${p.state}`, { state: p.state });
      const now = clock.now();
      if (input.decision === 'reject') {
        await tables(trx)
          .updateTable('award.publicity')
          .set({ state: 'draft', rejection: input.reason, updated_at: now })
          .where('id', '=', p.id)
          .execute();
        await deps.audit.record(trx, caller.actor, {
          action: 'award.publicity.rejected',
          targetType: 'section',
          targetId: sectionId,
          regionCode: p.region_code,
          details: { publicityId: p.id, reason: input.reason },
        });
        return;
      }
      if (p.ends_at <= now)
        throw new DomainError('PUBLICITY_PERIOD_INVALID', 'the publicity period is over: the tenderer sets a new one', {
          reason: 'past',
        });
      const candidates = json<ResultCandidate[]>(p.candidates);
      const published = await deps.publish(
        trx,
        {
          type: 'candidatePublicity',
          sourceId: p.id,
          sectionIds: [sectionId],
          regionCode: p.region_code,
          category: section.category,
          title: `${section.projectName}${section.name}中标候选人公示`,
          bodyHtml: publicityHtml({ section, candidates, startsAt: p.starts_at, endsAt: p.ends_at, remarks: p.remarks }),
          prominent: false,
          publishedAt: now.toISOString(),
          round: p.round,
          links: {},
          mandatory: section.mandatory,
        },
        caller.actor,
      );
      await tables(trx)
        .updateTable('award.publicity')
        .set({
          state: 'published',
          verified_by: caller.userId,
          verified_at: now,
          publication_id: published.publicationId,
          updated_at: now,
        })
        .where('id', '=', p.id)
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'award.publicity.published',
        targetType: 'section',
        targetId: sectionId,
        regionCode: p.region_code,
        details: {
          publicityId: p.id,
          publicationId: published.publicationId,
          reportSm3: p.report_sm3,
          startsAt: p.starts_at.toISOString(),
          endsAt: p.ends_at.toISOString(),
        },
      });
      // Every candidate hears of it: an objection runs from the publicity.
      for (const c of candidates) {
        await deps.notify(trx, {
          recipientKind: 'entity',
          recipientId: c.entityId,
          topic: 'award.publicity',
          title: `中标候选人公示：${section.name}`,
          body: `贵单位为第 ${c.rank} 名中标候选人。公示期 ${p.starts_at.toISOString()} 至 ${p.ends_at.toISOString()}。`,
          link: `/notices/${published.publicationId}`,
          dedupeKey: `award.publicity:${p.id}:${c.entityId}`,
        });
      }
    });
    return view(sectionId);
  }

  async function current(trx: Db, sectionId: string): Promise<Row | undefined> {
    const section = await sectionOf(trx, sectionId);
    return load(trx, sectionId, section.round);
  }

  async function view(sectionId: string): Promise<PublicityView> {
    const p = await current(db, sectionId);
    if (!p) throw new DomainError('PUBLICITY_NOT_FOUND', 'no publicity drafted for this section');
    return publicityView(p, clock.now(), latestStart(p.report_completed_at));
  }

  return { save, submit, verify, view, current, latestStart };
}

export type PublicityService = ReturnType<typeof createPublicityService>;

export function publicityView(p: Row, now: Date, latestStart: string): PublicityView {
  return {
    id: p.id,
    sectionId: p.section_id,
    round: p.round,
    state: p.state,
    reportSm3: p.report_sm3,
    reportCompletedAt: p.report_completed_at.toISOString(),
    latestStart,
    candidates: json<ResultCandidate[]>(p.candidates).map((c) => ({
      rank: c.rank,
      bidId: c.bidId,
      entityName: c.entityName,
      priceFen: c.priceFen,
      total: c.total,
      evaluatedPriceFen: c.evaluatedPriceFen,
    })),
    startsAt: p.starts_at.toISOString(),
    endsAt: p.ends_at.toISOString(),
    remarks: p.remarks,
    running: p.state === 'published' && now >= p.starts_at && now < p.ends_at,
    rejection: p.rejection,
    submittedAt: p.submitted_at?.toISOString() ?? null,
    verifiedAt: p.verified_at?.toISOString() ?? null,
    publicationId: p.publication_id,
  };
}
