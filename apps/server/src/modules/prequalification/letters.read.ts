import type { MyPrequalificationLetterView } from '@bidhall/contracts';
import { MIN_QUALIFIED } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { type PrequalificationDeps, tables } from './prequalification.deps.ts';
import { letterView } from './results-store.ts';

/** The issued prequalification of a section as documents reads it (prequalification → documents). */
export interface IssuedPrequalification {
  /** The entities that passed, as the issued results say. */
  entityIds: string[];
  /** Fewer than three passed: the prequalification is held again (实施条例 第十九条). */
  tooFew: boolean;
  issuedAt: string;
}

/** The letters as their addressees read them (A-179: delivered in the workspace), and the issued list as documents sees it. */
export function createLetterReading(deps: Pick<PrequalificationDeps, 'db' | 'clock' | 'sections' | 'audit'>) {
  const { db } = deps;

  const issued = (trx: Db) =>
    tables(trx)
      .selectFrom('prequalification.letter as l')
      .innerJoin('prequalification.result as r', 'r.id', 'l.result_id')
      .where('r.state', '=', 'issued');

  /** The caller's entity's issued letters, newest first; nobody reads another entity's. */
  async function mine(caller: Caller): Promise<MyPrequalificationLetterView[]> {
    if (!caller.entityId) return [];
    const rows = await issued(db)
      .selectAll('l')
      .select(['r.content_sm3', 'r.publication_id'])
      .where('l.entity_id', '=', caller.entityId)
      .orderBy('l.issued_at', 'desc')
      .limit(200)
      .execute();
    const out: MyPrequalificationLetterView[] = [];
    for (const r of rows) {
      const s = await deps.sections.get(db, r.section_id);
      out.push({
        ...letterView(r),
        sectionName: s?.name ?? '',
        projectName: s?.projectName ?? '',
        tendererName: s?.tendererName ?? '',
        contentSm3: r.content_sm3 ?? '',
        publicationId: r.publication_id,
      });
    }
    return out;
  }

  /** The addressee acknowledges receipt (签收), once; audited. */
  async function acknowledge(letterId: string, caller: Caller): Promise<MyPrequalificationLetterView> {
    await db.transaction().execute(async (trx) => {
      const l = await issued(trx)
        .select(['l.id', 'l.entity_id', 'l.read_at', 'l.section_id', 'r.region_code'])
        .where('l.id', '=', letterId)
        .forUpdate()
        .executeTakeFirst();
      if (!l || l.entity_id !== caller.entityId)
        throw new DomainError('PREQUALIFICATION_LETTER_NOT_FOUND', `no letter ${letterId}`);
      if (l.read_at) return;
      await tables(trx)
        .updateTable('prequalification.letter')
        .set({ read_at: deps.clock.now() })
        .where('id', '=', letterId)
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'prequalification.letter.acknowledged',
        targetType: 'section',
        targetId: l.section_id,
        regionCode: l.region_code,
        details: { letterId },
      });
    });
    const found = (await mine(caller)).find((x) => x.id === letterId);
    if (!found) throw new DomainError('PREQUALIFICATION_LETTER_NOT_FOUND', `no letter ${letterId}`);
    return found;
  }

  /**
   * prequalification → documents: the applicants who passed the section's current round's
   * prequalification once its results are issued; null before (the tender document waits for them).
   */
  async function qualified(trx: Db, sectionId: string): Promise<IssuedPrequalification | null> {
    const s = await deps.sections.get(trx, sectionId);
    if (!s) return null;
    const r = await tables(trx)
      .selectFrom('prequalification.result')
      .select(['id', 'verified_at'])
      .where('section_id', '=', sectionId)
      .where('round', '=', s.round)
      .where('state', '=', 'issued')
      .executeTakeFirst();
    if (!r?.verified_at) return null;
    const passed = await tables(trx)
      .selectFrom('prequalification.letter')
      .select('entity_id')
      .where('result_id', '=', r.id)
      .where('outcome', '=', 'passed')
      .execute();
    const entityIds = passed.map((p) => p.entity_id);
    return { entityIds, tooFew: entityIds.length < MIN_QUALIFIED, issuedAt: r.verified_at.toISOString() };
  }

  return { mine, acknowledge, qualified };
}

export type LetterReading = ReturnType<typeof createLetterReading>;
