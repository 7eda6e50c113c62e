import type { EvaluationSummary, EvaluationView } from '@bidhall/contracts';
import type { Caller } from './caller.ts';
import { type EvaluationDeps, json, type SittingMethod, tables } from './evaluation.deps.ts';
import type { EvaluationSitting } from './sitting.ts';
import type { EvaluatedBid } from './evaluation.tables.ts';

const OFFICERS = new Set(['staff', 'supervisor', 'auditor', 'admin']);

/**
 * The evaluation as the caller may see it (A-146): officers and members see the members' names, the
 * bids, the progress (who signed in and submitted, never what) and the summary; the tenderer's users
 * who are not members see the state and the window, and the names of their own representatives only.
 * No member's sheet is ever in it.
 */
export async function evaluationViewOf(deps: Pick<EvaluationDeps, 'db' | 'clock' | 'committee'>, at: EvaluationSitting, sectionId: string, caller: Caller): Promise<EvaluationView> {
  const { db } = deps;
  const { sitting } = at;
  const ev = await tables(db).selectFrom('evaluation.evaluation').selectAll().where('section_id', '=', sectionId).where('sitting', '=', sitting).executeTakeFirst();
  if (!ev) {
    const committee = await deps.committee.members(db, sectionId, sitting);
    return {
      sectionId,
      sitting,
      state: 'notOpened',
      window: null,
      method: null,
      members: [],
      representativesNeeded: committee?.tendererRepresentatives ?? null,
      progress: { members: 0, signedIn: 0, submitted: 0 },
      rubric: null,
      bids: [],
      summary: null,
    };
  }
  const members = await tables(db).selectFrom('evaluation.member').selectAll().where('section_id', '=', sectionId).where('sitting', '=', sitting).orderBy('role').orderBy('seat').orderBy('seq').execute();
  const sheets = await tables(db).selectFrom('evaluation.sheet').select(['member_id', 'submitted_at']).where('section_id', '=', sectionId).where('sitting', '=', sitting).execute();
  const submitted = new Set(sheets.filter((s) => s.submitted_at).map((s) => s.member_id));
  const isMember = members.some((m) => m.user_id === caller.userId);
  const insider = isMember || OFFICERS.has(caller.kind);
  const now = deps.clock.now();
  const signedIn = members.filter((m) => m.signed_in_at).length;
  const summary = ev.summary === null ? null : json<EvaluationSummary>(ev.summary);
  const state = summary ? 'summarised' : members.length > 0 && signedIn === members.length ? 'scoring' : 'open';
  const method = json<SittingMethod>(ev.method);
  return {
    sectionId,
    sitting,
    state,
    window: { startsAt: ev.starts_at.toISOString(), endsAt: ev.ends_at.toISOString(), openNow: now >= ev.starts_at && now < ev.ends_at },
    method: method.type,
    members: members.map((m) => ({
      id: m.id,
      role: m.role,
      seat: m.seat,
      // The tenderer's own people are known to it; the experts are not.
      name: insider || m.role === 'representative' ? m.name : null,
      chair: ev.chair_member_id === m.id,
      signedIn: m.signed_in_at !== null,
      submitted: submitted.has(m.id),
      self: m.user_id === caller.userId,
    })),
    representativesNeeded: ev.representatives_needed,
    progress: { members: members.length, signedIn, submitted: submitted.size },
    rubric: insider
      ? {
          qualification: method.qualification,
          compliance: method.compliance,
          factors: method.type === 'scoring' || method.type === 'limitedNumber' ? method.factors : [],
          candidates: method.type === 'scoring' || method.type === 'lowestEvaluatedPrice' ? method.candidates : 0,
          limit: method.type === 'limitedNumber' ? method.limit : null,
        }
      : null,
    bids: insider ? json<EvaluatedBid[]>(ev.bids).map((b) => ({ bidId: b.bidId, entityName: b.entityName, priceFen: b.priceFen })) : [],
    summary: insider ? summary : null,
  };
}
