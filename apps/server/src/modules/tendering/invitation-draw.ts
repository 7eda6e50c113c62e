import { randomBytes } from 'node:crypto';
import type { InvitationDrawRequest, InvitationDrawView } from '@bidhall/contracts';
import { isGovernmentProcurement } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { assertParty, type Caller, iso } from './review-flow.ts';
import { type BidderEntry, type SectionSnapshot, type TenderingDeps, tables } from './tendering.deps.ts';
import type { InvitationDrawSource, InvitationTable } from './tendering.tables.ts';

/** The draw's purpose in the public log and the draw's public view. */
export const INVITEE_DRAW_PURPOSE = 'tendering.invitees';

/**
 * 政府采购货物和服务招标投标管理办法 第14条: a supplier database or a written recommendation must name at
 * least twice as many qualified suppliers as are drawn; a prequalification names whoever passed.
 */
const POOL_FACTOR: Record<InvitationDrawSource, number> = { prequalification: 1, supplierDatabase: 2, recommendation: 2 };

/**
 * B-007: government goods and services tendered by invitation invite suppliers drawn at random among
 * the qualified (第14条 requires it whichever way the qualified were found); the tenderer cannot pick them.
 */
export function invitesByDraw(s: Pick<SectionSnapshot, 'method' | 'kind'>): boolean {
  return s.method === 'invitation' && isGovernmentProcurement(s.kind);
}

/** A section that invites by draw, given invitees by name. */
export const invitesDrawn = () =>
  new DomainError('INVITEES_DRAWN', 'government goods and services tendered by invitation invite suppliers drawn at random among the qualified (B-007); name the qualified suppliers');

/** What the draw needs from the invitation service. */
interface InvitationHooks {
  /** A-56: the named entities as active bidders of the bidder database, never the section's own parties. */
  activeBidders(trx: Db, ids: readonly string[], first: SectionSnapshot): Promise<BidderEntry[]>;
  load(trx: Db, id: string, lock: boolean): Promise<InvitationTable>;
  writeInvitees(trx: Db, id: string, bidders: BidderEntry[]): Promise<void>;
  audit(trx: Db, caller: Caller, event: string, row: InvitationTable, details: Record<string, unknown>): Promise<unknown>;
}

/**
 * Invitees drawn with a verifiable draw (docs/draw-format.md). The qualified list, each supplier with
 * its evidence and a random label, is fixed with the draw's commitment when the invitation is created;
 * the tenderer then draws (performed from a signed log head, revealed at once); the drawn become the
 * invitees. The public draw names labels only, so who was invited stays confidential (招标投标法 第22条).
 */
export function createInviteeDraws(deps: TenderingDeps, hooks: InvitationHooks) {
  const drawActor = (caller: Caller) => ({ ...caller.actor, id: caller.userId });

  async function claimedBy(db: Db, section: { section_id: string; round: number }): Promise<string | undefined> {
    const row = await tables(db)
      .selectFrom('tendering.section_draw')
      .select('invitation_id')
      .where('section_id', '=', section.section_id)
      .where('round', '=', section.round)
      .executeTakeFirst();
    return row?.invitation_id;
  }

  /** At creation, in the invitation's transaction: the qualified list and the draw's commitment. */
  async function commit(trx: Db, invitationId: string, sections: SectionSnapshot[], input: InvitationDrawRequest, caller: Caller): Promise<void> {
    if (sections.length !== 1) {
      throw new DomainError('INVITATION_DRAW_SECTIONS', 'invitees drawn at random are drawn for one section at a time, each from its own qualified suppliers');
    }
    const section = sections[0]!;
    const taken = () =>
      new DomainError('INVITEES_ALREADY_DRAWN', `another invitation draws the invitees of section ${section.code} in this round`, { sectionId: section.id });
    const existing = await tables(trx).selectFrom('tendering.invitation_draw').select('invitation_id').where('section_id', '=', section.id).where('round', '=', section.round).executeTakeFirst();
    if (existing) throw taken();
    if (input.source === 'prequalification') {
      const closes = section.timetable.applicationDeadline;
      if (!closes || new Date(closes).getTime() > deps.clock.now().getTime()) {
        throw new DomainError('PREQUALIFICATION_OPEN', `the qualified are known once prequalification applications close${closes ? ` (${closes})` : ''}`, {
          applicationDeadline: closes ?? null,
        });
      }
    }
    const minimum = input.count * POOL_FACTOR[input.source];
    if (input.qualified.length < minimum) {
      throw new DomainError('INVITATION_POOL_TOO_SMALL', `${input.count} invitees are drawn from at least ${minimum} qualified suppliers (${input.source}); ${input.qualified.length} named`, {
        minimum,
        qualified: input.qualified.length,
      });
    }
    const bidders = await hooks.activeBidders(trx, input.qualified.map((q) => q.entityId), section);
    const byId = new Map(bidders.map((b) => [b.entityId, b]));
    const labels = new Set<string>();
    while (labels.size < input.qualified.length) labels.add(randomBytes(8).toString('hex'));
    const candidates = input.qualified.map((q, i) => ({ ...byId.get(q.entityId)!, evidence: q.evidence, label: [...labels][i]! }));
    const { id: drawId } = await deps.draws.commitDraw(
      trx,
      { purpose: INVITEE_DRAW_PURPOSE, subjectType: 'section', subjectId: section.id, pool: candidates.map((c) => c.label), count: input.count },
      drawActor(caller),
    );
    const inserted = await tables(trx)
      .insertInto('tendering.invitation_draw')
      .values({ invitation_id: invitationId, draw_id: drawId, section_id: section.id, round: section.round, source: input.source, count: input.count, committed_at: deps.clock.now(), drawn_at: null })
      // A concurrent creation for the same section and round: one wins, the other is refused.
      .onConflict((oc) => oc.columns(['section_id', 'round']).doNothing())
      .returning('invitation_id')
      .executeTakeFirst();
    if (!inserted) throw taken();
    await tables(trx)
      .insertInto('tendering.invitation_candidate')
      .values(candidates.map((c) => ({ invitation_id: invitationId, entity_id: c.entityId, label: c.label, name: c.name, credit_code: c.creditCode, region_code: c.regionCode, evidence: c.evidence })))
      .execute();
  }

  /**
   * The tenderer (or its agency) draws: the section's one draw of the round is taken, the draw is
   * performed from a signed head that contains its commitment and revealed, the drawn are the invitees.
   * Three transactions, since the head must be signed after the commitment is committed; a retry after
   * a failure between them picks up where it stopped.
   */
  async function drawInvitees(caller: Caller, id: string): Promise<void> {
    const d = await deps.db.transaction().execute(async (trx) => {
      const n = await hooks.load(trx, id, true);
      assertParty(n, caller, 'INVITATION_NOT_FOUND');
      const d = await tables(trx).selectFrom('tendering.invitation_draw').selectAll().where('invitation_id', '=', id).executeTakeFirst();
      if (!d) throw new DomainError('INVITATION_STATE_CONFLICT', 'this invitation names its invitees; there is nothing to draw');
      if (d.drawn_at) throw new DomainError('INVITATION_STATE_CONFLICT', 'the invitees were already drawn');
      if (n.status !== 'draft') throw new DomainError('INVITATION_STATE_CONFLICT', `the invitation is ${n.status}; invitees are drawn for a draft`);
      await tables(trx)
        .insertInto('tendering.section_draw')
        .values({ section_id: d.section_id, round: d.round, invitation_id: id, claimed_at: deps.clock.now() })
        .onConflict((oc) => oc.columns(['section_id', 'round']).doNothing())
        .execute();
      if ((await claimedBy(trx, d)) !== id) throw new DomainError('INVITEES_ALREADY_DRAWN', 'the invitees of this section were already drawn in this round', { sectionId: d.section_id });
      return d;
    });
    const actor = drawActor(caller);
    const selected = (await deps.draws.selection(deps.db, d.draw_id)) ?? (await deps.draws.perform(d.draw_id, actor)).selected;
    await deps.draws.reveal(d.draw_id, actor);
    await deps.db.transaction().execute(async (trx) => {
      const n = await hooks.load(trx, id, true);
      const again = await tables(trx).selectFrom('tendering.invitation_draw').select('drawn_at').where('invitation_id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (again.drawn_at) return;
      const candidates = await tables(trx).selectFrom('tendering.invitation_candidate').selectAll().where('invitation_id', '=', id).execute();
      const byLabel = new Map(candidates.map((c) => [c.label, c]));
      const drawn = selected.map((label) => byLabel.get(label)!);
      await hooks.writeInvitees(trx, id, drawn.map((c) => ({ entityId: c.entity_id, name: c.name, creditCode: c.credit_code, regionCode: c.region_code })));
      await tables(trx).updateTable('tendering.invitation_draw').set({ drawn_at: deps.clock.now() }).where('invitation_id', '=', id).execute();
      await hooks.audit(trx, caller, 'drawn', n, { drawId: d.draw_id, qualified: candidates.length, invitees: drawn.map((c) => c.entity_id), labels: selected });
    });
  }

  /** The draws of these invitations, as their parties, staff and supervisors see them. */
  async function views(db: Db, ids: string[], invitees: Map<string, { entity_id: string }[]>): Promise<Map<string, InvitationDrawView>> {
    const out = new Map<string, InvitationDrawView>();
    if (ids.length === 0) return out;
    const rows = await tables(db).selectFrom('tendering.invitation_draw').selectAll().where('invitation_id', 'in', ids).execute();
    if (rows.length === 0) return out;
    const candidates = await tables(db)
      .selectFrom('tendering.invitation_candidate')
      .selectAll()
      .where('invitation_id', 'in', rows.map((r) => r.invitation_id))
      .orderBy('name')
      .execute();
    for (const r of rows) {
      const invited = new Set((invitees.get(r.invitation_id) ?? []).map((i) => i.entity_id));
      out.set(r.invitation_id, {
        drawId: r.draw_id,
        source: r.source,
        count: r.count,
        committedAt: r.committed_at.toISOString(),
        drawnAt: iso(r.drawn_at),
        qualified: candidates
          .filter((c) => c.invitation_id === r.invitation_id)
          .map((c) => ({
            entityId: c.entity_id,
            name: c.name,
            creditCode: c.credit_code,
            regionCode: c.region_code,
            evidence: c.evidence,
            label: c.label,
            drawn: r.drawn_at !== null && invited.has(c.entity_id),
          })),
      });
    }
    return out;
  }

  /**
   * Before submission and verification: a section that invites by draw has its invitees drawn. Drafts
   * that named their invitees by hand before B-007 was enforced are refused too.
   */
  async function assertInviteesLawful(trx: Db, id: string, sections: SectionSnapshot[]): Promise<void> {
    const d = await tables(trx).selectFrom('tendering.invitation_draw').select('drawn_at').where('invitation_id', '=', id).executeTakeFirst();
    if (d && !d.drawn_at) throw new DomainError('INVITEES_NOT_DRAWN', 'draw the invitees before submitting the invitation');
    if (!d && sections.some(invitesByDraw)) throw invitesDrawn();
  }

  /**
   * Whether the invitation's draw has started (here, or performed by staff over the draw's own routes):
   * then it stays with its draw, and the section's round has no other.
   */
  async function hasDrawn(trx: Db, id: string): Promise<boolean> {
    const claim = await tables(trx).selectFrom('tendering.section_draw').select('section_id').where('invitation_id', '=', id).executeTakeFirst();
    if (claim) return true;
    const d = await tables(trx).selectFrom('tendering.invitation_draw').select('draw_id').where('invitation_id', '=', id).executeTakeFirst();
    return d !== undefined && (await deps.draws.selection(trx, d.draw_id)) !== null;
  }

  /** Whether the invitation's invitees come from a draw (then nobody edits them by hand). */
  async function isDrawn(trx: Db, id: string): Promise<boolean> {
    const row = await tables(trx).selectFrom('tendering.invitation_draw').select('draw_id').where('invitation_id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  return { commit, drawInvitees, views, assertInviteesLawful, hasDrawn, isDrawn };
}

export type InviteeDraws = ReturnType<typeof createInviteeDraws>;
