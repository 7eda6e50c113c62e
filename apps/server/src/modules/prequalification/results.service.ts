import { randomUUID } from 'node:crypto';
import type {
  PrequalificationListInput,
  PrequalificationResultsInput,
  PrequalificationResultsView,
  SectionSnapshotView,
} from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { json, type PrequalificationDeps, type ReviewedApplicant, tables } from './prequalification.deps.ts';
import { basisOf, defaultReason } from './results-content.ts';
import type { Result, ResultsStore } from './results-store.ts';
import { sectionAccess } from './section-access.ts';
import type { SettingService } from './setting.service.ts';

type Review = NonNullable<Awaited<ReturnType<PrequalificationDeps['review']>>>;

/**
 * 资格预审结果: from the completed review the tenderer drafts one letter per
 * applicant with its reasons; where it confirms the list, it confirms the qualified applicants —
 * none the committee failed, and one the committee passed left out only with a reason. Signing, staff's
 * verification and the issue are results-issue.service's.
 */
export function createResultsService(deps: PrequalificationDeps, settings: SettingService, store: ResultsStore) {
  const { db, clock } = deps;
  const access = sectionAccess(deps);
  const { load, lettersOf, view } = store;

  /** The review is read before the transaction (it is fixed once complete), and only when no draft exists yet. */
  async function reviewIfUndrafted(sectionId: string): Promise<Review | null> {
    const section = await access.section(db, sectionId);
    return (await load(db, section)) ? null : deps.review(db, sectionId);
  }

  /** The first draft: one letter per application the review read, with the committee's verdict and reasons. */
  async function create(trx: Db, section: SectionSnapshotView, review: Review | null, caller: Caller): Promise<Result> {
    if (!review)
      throw new DomainError('PREQUALIFICATION_REVIEW_INCOMPLETE', 'the prequalification review’s report is not complete');
    const now = clock.now();
    const authority = (await settings.of(trx, section)).authority;
    const row: Result = {
      id: randomUUID(),
      section_id: section.id,
      round: section.round,
      region_code: section.regionCode,
      tenderer_entity_id: section.tendererEntityId,
      authority,
      review_completed_at: review.completedAt,
      state: 'draft',
      remarks: '',
      list_confirmed_by: null,
      list_confirmed_at: null,
      content_sm3: null,
      signature: null,
      certificate_fingerprint: null,
      signed_by: null,
      signed_at: null,
      submitted_at: null,
      rejection: null,
      verified_by: null,
      verified_at: null,
      publication_id: null,
      drafted_by: caller.userId,
      drafted_at: now,
      updated_at: now,
    };
    await tables(trx).insertInto('prequalification.result').values(row).execute();
    const letters = review.applicants.map((a: ReviewedApplicant) => {
      const basis = basisOf(a);
      return {
        id: randomUUID(),
        result_id: row.id,
        section_id: section.id,
        bid_id: a.bidId,
        entity_id: a.entityId,
        entity_name: a.entityName,
        review_passed: a.qualified,
        failing: JSON.stringify(a.failing),
        outcome: a.qualified ? ('passed' as const) : ('failed' as const),
        basis,
        exclusion: null,
        reason: defaultReason(section, basis, a.failing, null),
        issued_at: null,
        read_at: null,
      };
    });
    if (letters.length > 0) await tables(trx).insertInto('prequalification.letter').values(letters).execute();
    await deps.audit.record(trx, caller.actor, {
      action: 'prequalification.results.drafted',
      targetType: 'section',
      targetId: section.id,
      regionCode: section.regionCode,
      details: {
        resultId: row.id,
        authority,
        applicants: letters.length,
        qualified: letters.filter((l) => l.review_passed).length,
      },
    });
    return row;
  }

  /** The section's draft for a manager, created from the review on first use; locked. */
  async function draftFor(trx: Db, sectionId: string, review: Review | null, caller: Caller, message: string) {
    const section = await access.section(trx, sectionId);
    await access.assertManager(trx, section, caller, message);
    const existing = await load(trx, section, true);
    if (existing && existing.state !== 'draft') {
      throw new DomainError('PREQUALIFICATION_RESULTS_STATE_CONFLICT', `the results are ${existing.state}`, {
        state: existing.state,
      });
    }
    const result = existing ?? (await create(trx, section, review, caller));
    return { section, result, letters: await lettersOf(trx, result.id) };
  }

  /** the tenderer edits the remarks and confirms each letter's reasons while the results are a draft. */
  async function save(
    sectionId: string,
    input: PrequalificationResultsInput,
    caller: Caller,
  ): Promise<PrequalificationResultsView> {
    const review = await reviewIfUndrafted(sectionId);
    await db.transaction().execute(async (trx) => {
      const d = await draftFor(
        trx,
        sectionId,
        review,
        caller,
        'only the tenderer or its mandated agency drafts the prequalification results',
      );
      const known = new Set(d.letters.map((x) => x.bid_id));
      const unknown = input.letters.find((x) => !known.has(x.bidId));
      if (unknown)
        throw new DomainError(
          'PREQUALIFICATION_RESULTS_INVALID',
          `application ${unknown.bidId} was not reviewed in this section`,
          { bidId: unknown.bidId },
        );
      for (const x of input.letters) {
        await tables(trx)
          .updateTable('prequalification.letter')
          .set({ reason: x.reason })
          .where('result_id', '=', d.result.id)
          .where('bid_id', '=', x.bidId)
          .execute();
      }
      await tables(trx)
        .updateTable('prequalification.result')
        .set({ remarks: input.remarks, rejection: null, updated_at: clock.now() })
        .where('id', '=', d.result.id)
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'prequalification.results.edited',
        targetType: 'section',
        targetId: sectionId,
        regionCode: d.section.regionCode,
        details: { resultId: d.result.id, reasonsEdited: input.letters.map((x) => x.bidId) },
      });
    });
    return view(sectionId);
  }

  /**
   * where the tenderer confirms the list, it names the qualified applicants — only ones the
   * committee passed — and gives a reason for each one the committee passed that it leaves out.
   */
  async function confirmList(
    sectionId: string,
    input: PrequalificationListInput,
    caller: Caller,
  ): Promise<PrequalificationResultsView> {
    const review = await reviewIfUndrafted(sectionId);
    await db.transaction().execute(async (trx) => {
      const message = 'only the tenderer or its mandated agency confirms the qualified applicants';
      const section = await access.section(trx, sectionId);
      await access.assertManager(trx, section, caller, message);
      const authority = (await load(trx, section))?.authority ?? (await settings.of(trx, section)).authority;
      if (authority !== 'tenderer') {
        throw new DomainError(
          'PREQUALIFICATION_LIST_FINAL',
          'the review committee’s list of qualified applicants is final for this section',
        );
      }
      const d = await draftFor(trx, sectionId, review, caller, message);
      const byBid = new Map(d.letters.map((l) => [l.bid_id, l]));
      const invalid = (reason: string, bidId: string, message: string) =>
        new DomainError('PREQUALIFICATION_LIST_INVALID', message, { reason, bidId });
      const excluded = new Map(input.exclusions.map((x) => [x.bidId, x.reason]));
      for (const bidId of [...input.qualified, ...excluded.keys()]) {
        const l = byBid.get(bidId);
        if (!l) throw invalid('unknown', bidId, `application ${bidId} was not reviewed in this section`);
        if (!l.review_passed)
          throw invalid('notPassed', bidId, `${l.entity_name} did not pass the review: the tenderer may not add it to the list`);
      }
      const both = input.qualified.find((b) => excluded.has(b));
      if (both) throw invalid('overlap', both, 'an applicant is either on the list or excluded from it');
      const missing = d.letters.find((l) => l.review_passed && !input.qualified.includes(l.bid_id) && !excluded.has(l.bid_id));
      if (missing)
        throw invalid(
          'exclusionWithoutReason',
          missing.bid_id,
          `${missing.entity_name} passed the review: it is left out only with a reason`,
        );
      for (const l of d.letters.filter((x) => x.review_passed)) {
        const exclusion = excluded.get(l.bid_id) ?? null;
        const basis = exclusion === null ? ('qualified' as const) : ('excluded' as const);
        if (basis === l.basis && exclusion === l.exclusion) continue;
        await tables(trx)
          .updateTable('prequalification.letter')
          .set({
            outcome: exclusion === null ? 'passed' : 'failed',
            basis,
            exclusion,
            reason: defaultReason(d.section, basis, json(l.failing), exclusion),
          })
          .where('id', '=', l.id)
          .execute();
      }
      const now = clock.now();
      await tables(trx)
        .updateTable('prequalification.result')
        .set({ list_confirmed_by: caller.userId, list_confirmed_at: now, updated_at: now })
        .where('id', '=', d.result.id)
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'prequalification.list.confirmed',
        targetType: 'section',
        targetId: sectionId,
        regionCode: d.section.regionCode,
        details: { resultId: d.result.id, qualified: input.qualified, excluded: input.exclusions },
      });
    });
    return view(sectionId);
  }

  return { save, confirmList };
}

export type ResultsService = ReturnType<typeof createResultsService>;
