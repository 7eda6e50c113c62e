import type { MyAwardLetterView } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type AwardDeps, tables } from './award.deps.ts';
import { letterView } from './notice.service.ts';
import type { Caller } from './publicity.service.ts';

/** What contract reads of a section's award once the award notice is issued (award → contract). */
export interface AwardedSection {
  sectionId: string;
  round: number;
  regionCode: string;
  tendererEntityId: string;
  winnerBidId: string;
  winnerEntityId: string;
  winnerEntityName: string;
  priceFen: string;
  awardNoticeAt: Date;
}

/** The letters as their addressees read them (A-172: delivered in the workspace), and the award as contract sees it. */
export function createLetterReading(deps: Pick<AwardDeps, 'db' | 'clock' | 'sections' | 'audit'>) {
  const { db } = deps;

  const issued = (trx: Db) =>
    tables(trx)
      .selectFrom('award.letter as l')
      .innerJoin('award.notice as n', 'n.id', 'l.notice_id')
      .innerJoin('award.decision as d', 'd.id', 'n.decision_id')
      .where('n.state', '=', 'issued');

  /** The caller's entity's issued letters, newest first; nobody reads another entity's. */
  async function mine(caller: Caller): Promise<MyAwardLetterView[]> {
    if (!caller.entityId) return [];
    const rows = await issued(db)
      .selectAll('l')
      .select(['d.entity_name as winner_name', 'd.price_fen', 'n.content_sm3', 'n.publication_id'])
      .where('l.entity_id', '=', caller.entityId)
      .orderBy('l.issued_at', 'desc')
      .limit(200)
      .execute();
    const out: MyAwardLetterView[] = [];
    for (const r of rows) {
      const s = await deps.sections.get(db, r.section_id);
      out.push({
        ...letterView(r),
        sectionName: s?.name ?? '',
        projectName: s?.projectName ?? '',
        tendererName: s?.tendererName ?? '',
        winnerName: r.winner_name,
        priceFen: r.price_fen,
        contentSm3: r.content_sm3 ?? '',
        publicationId: r.publication_id!,
      });
    }
    return out;
  }

  /** The addressee acknowledges receipt (签收), once; audited. */
  async function acknowledge(letterId: string, caller: Caller): Promise<MyAwardLetterView> {
    await db.transaction().execute(async (trx) => {
      const l = await issued(trx).select(['l.id', 'l.entity_id', 'l.read_at', 'l.section_id', 'n.region_code']).where('l.id', '=', letterId).forUpdate().executeTakeFirst();
      if (!l || l.entity_id !== caller.entityId) throw new DomainError('AWARD_LETTER_NOT_FOUND', `no letter ${letterId}`);
      if (l.read_at) return;
      await tables(trx).updateTable('award.letter').set({ read_at: deps.clock.now() }).where('id', '=', letterId).execute();
      await deps.audit.record(trx, caller.actor, { action: 'award.letter.acknowledged', targetType: 'section', targetId: l.section_id, regionCode: l.region_code, details: { letterId } });
    });
    const found = (await mine(caller)).find((x) => x.id === letterId);
    if (!found) throw new DomainError('AWARD_LETTER_NOT_FOUND', `no letter ${letterId}`);
    return found;
  }

  /** award → contract: the section's round's winner once the award notice is issued; null before. */
  async function awarded(trx: Db, sectionId: string): Promise<AwardedSection | null> {
    const s = await deps.sections.get(trx, sectionId);
    if (!s) return null;
    const r = await issued(trx)
      .select(['d.section_id', 'd.round', 'd.region_code', 'd.tenderer_entity_id', 'd.bid_id', 'd.entity_id', 'd.entity_name', 'd.price_fen', 'n.verified_at'])
      .where('l.section_id', '=', sectionId)
      .where('l.kind', '=', 'award')
      .where('d.round', '=', s.round)
      .executeTakeFirst();
    if (!r || !r.verified_at) return null;
    return {
      sectionId: r.section_id,
      round: r.round,
      regionCode: r.region_code,
      tendererEntityId: r.tenderer_entity_id,
      winnerBidId: r.bid_id,
      winnerEntityId: r.entity_id,
      winnerEntityName: r.entity_name,
      priceFen: r.price_fen,
      awardNoticeAt: r.verified_at,
    };
  }

  return { mine, acknowledge, awarded };
}

export type LetterReading = ReturnType<typeof createLetterReading>;
