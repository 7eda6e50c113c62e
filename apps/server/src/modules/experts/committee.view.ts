import type { CommitteePlanInput, CommitteeView, Sitting } from '@bidhall/contracts';
import { committeeIssues } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { type DrawsPort, json, tables } from './experts.deps.ts';

export function planIssues(plan: CommitteePlanInput, sitting: Sitting) {
  const expertSeats = plan.specialties.reduce((n, s) => n + s.count, 0);
  return committeeIssues({
    size: plan.size,
    tendererRepresentatives: plan.tendererRepresentatives,
    expertSeats,
    mandatory: plan.mandatory,
    waterProject: plan.waterProject,
    sitting,
  });
}

/** Seats still to fill per specialty: planned less those notified or accepted. */
export function openSeats(plan: CommitteePlanInput, seats: { specialty: string; state: string }[]): Map<string, number> {
  const open = new Map<string, number>();
  for (const s of plan.specialties) {
    const held = seats.filter((x) => x.specialty === s.code && (x.state === 'notified' || x.state === 'accepted')).length;
    open.set(s.code, (open.get(s.code) ?? 0) + s.count - held);
  }
  return open;
}

/**
 * The committee as the section's parties and the region's officers see it before the award: the plan,
 * the draws, and numbered seats with their notification and answer — never who sits in them.
 */
export async function committeeViewOf(
  db: Db,
  draws: Pick<DrawsPort, 'get'>,
  sectionId: string,
  sitting: Sitting,
): Promise<CommitteeView> {
  const planRow = await tables(db)
    .selectFrom('experts.committee_plan')
    .selectAll()
    .where('section_id', '=', sectionId)
    .where('sitting', '=', sitting)
    .executeTakeFirst();
  const plan = planRow ? json<CommitteePlanInput>(planRow.plan) : null;
  const drawRows = await tables(db)
    .selectFrom('experts.committee_draw')
    .selectAll()
    .where('section_id', '=', sectionId)
    .where('sitting', '=', sitting)
    .orderBy('seq')
    .execute();
  const seatRows = await tables(db)
    .selectFrom('experts.committee_seat')
    .select(['seat', 'specialty', 'draw_id', 'notified_at', 'channels', 'answer_by', 'state', 'answered_at', 'replaced_by'])
    .where('section_id', '=', sectionId)
    .where('sitting', '=', sitting)
    .orderBy('seat')
    .execute();
  const open = plan ? [...openSeats(plan, seatRows).values()].reduce((a, b) => a + b, 0) : 0;
  const summaries = await Promise.all(
    drawRows.map(async (d) => {
      const trust = await draws.get(d.draw_id);
      return {
        drawId: d.draw_id,
        specialty: d.specialty,
        count: d.count,
        state: trust.state,
        performedAt: trust.performedAt,
        eligible: d.eligible,
        replacement: d.replacement,
      };
    }),
  );
  const accepted = seatRows.filter((s) => s.state === 'accepted').length;
  const expertSeats = plan ? plan.specialties.reduce((n, s) => n + s.count, 0) : 0;
  return {
    sectionId,
    sitting,
    plan,
    planIssues: plan ? planIssues(plan, sitting) : [],
    draws: summaries,
    seats: seatRows.map((s) => ({
      seat: s.seat,
      specialty: s.specialty,
      drawId: s.draw_id,
      notifiedAt: s.notified_at.toISOString(),
      channels: s.channels as CommitteeView['seats'][number]['channels'],
      answerBy: s.answer_by.toISOString(),
      state: s.state as CommitteeView['seats'][number]['state'],
      answeredAt: s.answered_at?.toISOString() ?? null,
      replacedBy: s.replaced_by,
    })),
    open,
    avoided: drawRows.length ? drawRows[drawRows.length - 1]!.avoided : 0,
    state: !plan ? 'unplanned' : seatRows.length === 0 ? 'planned' : accepted >= expertSeats ? 'complete' : 'drawing',
  };
}
