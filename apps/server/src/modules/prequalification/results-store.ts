import type { PrequalificationResultsView, SectionSnapshotView } from '@bidhall/contracts';
import { MIN_QUALIFIED } from '@bidhall/rules';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { json, type PrequalificationDeps, tables } from './prequalification.deps.ts';
import type { LetterTable, ResultTable } from './prequalification.tables.ts';
import { contentSm3, resultsContent } from './results-content.ts';
import { sectionAccess } from './section-access.ts';

export type Result = Selectable<ResultTable>;
export type Letter = Selectable<LetterTable>;

/** The section round's results and letters as stored, and as their view. */
export function resultsStore(deps: Pick<PrequalificationDeps, 'db' | 'sections'>) {
  const { db } = deps;
  const access = sectionAccess(deps);

  async function load(trx: Db, section: SectionSnapshotView, lock = false): Promise<Result | undefined> {
    let q = tables(trx)
      .selectFrom('prequalification.result')
      .selectAll()
      .where('section_id', '=', section.id)
      .where('round', '=', section.round);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  async function lettersOf(trx: Db, resultId: string): Promise<Letter[]> {
    return tables(trx)
      .selectFrom('prequalification.letter')
      .selectAll()
      .where('result_id', '=', resultId)
      .orderBy('outcome', 'desc')
      .orderBy('entity_name')
      .execute();
  }

  async function loaded(trx: Db, sectionId: string) {
    const section = await access.section(trx, sectionId);
    const result = await load(trx, section, true);
    if (!result) throw new DomainError('PREQUALIFICATION_RESULTS_NOT_FOUND', 'no prequalification results drafted');
    return { section, result, letters: await lettersOf(trx, result.id) };
  }

  async function current(trx: Db, section: SectionSnapshotView): Promise<PrequalificationResultsView | null> {
    const r = await load(trx, section);
    return r ? resultsView(section, r, await lettersOf(trx, r.id)) : null;
  }

  async function view(sectionId: string): Promise<PrequalificationResultsView> {
    const v = await current(db, await access.section(db, sectionId));
    if (!v) throw new DomainError('PREQUALIFICATION_RESULTS_NOT_FOUND', 'no prequalification results drafted');
    return v;
  }

  return { load, lettersOf, loaded, current, view };
}

export type ResultsStore = ReturnType<typeof resultsStore>;

export function resultsView(section: SectionSnapshotView, r: Result, letters: Letter[]): PrequalificationResultsView {
  const passed = letters.filter((l) => l.outcome === 'passed').length;
  return {
    id: r.id,
    sectionId: r.section_id,
    round: r.round,
    state: r.state,
    authority: r.authority,
    listConfirmedAt: r.list_confirmed_at?.toISOString() ?? null,
    remarks: r.remarks,
    letters: letters.map(letterView),
    passed,
    tooFew: passed < MIN_QUALIFIED,
    contentSm3: r.content_sm3 ?? contentSm3(resultsContent(section, r.authority, r.remarks, letters)),
    signedAt: r.signed_at?.toISOString() ?? null,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    rejection: r.rejection,
    verifiedAt: r.verified_at?.toISOString() ?? null,
    verifiedBy: r.verified_by,
    publicationId: r.publication_id,
  };
}

export function letterView(l: Letter) {
  return {
    id: l.id,
    sectionId: l.section_id,
    bidId: l.bid_id,
    entityName: l.entity_name,
    outcome: l.outcome,
    basis: l.basis,
    failing: json<{ number: string; title: string }[]>(l.failing),
    exclusion: l.exclusion,
    reason: l.reason,
    issuedAt: l.issued_at?.toISOString() ?? null,
    readAt: l.read_at?.toISOString() ?? null,
  };
}
