import { z } from 'zod';
import { awardDecisionView, awardNoticeView, awardSettingView, separatedAwardView } from './award-decision.ts';
import { isoDateTime, uuid, plainText as text } from './common.ts';
import { separatedAwardTerms } from './documents.ts';

/**
 * Award (定标, issue 13 §1–§2): the candidates' publicity (中标候选人公示) from the completed evaluation
 * report, reviewed and published for at least 3 days (A-163, A-164, B-028, B-029), and the objections
 * to the evaluation result raised during it, answered by the tenderer within 3 days while the award
 * waits (B-030, B-031).
 */

export const PUBLICITY_STATES = ['draft', 'pendingVerification', 'published'] as const;
export const publicityState = z.enum(PUBLICITY_STATES);

/** The tenderer's (or its agency's) draft: the publicity's period and its own words. */
export const publicityInput = z.strictObject({
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  /** Anything the tenderer adds (where to object, contacts); plain text. */
  remarks: text(0, 2000),
});
export type PublicityInput = z.infer<typeof publicityInput>;

export const publicityVerification = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve') }),
  z.strictObject({ decision: z.literal('reject'), reason: text(1, 500) }),
]);
export type PublicityVerification = z.infer<typeof publicityVerification>;

export const publicityCandidate = z.object({
  /** Null under the separated award: the committee recommends its candidates unranked. */
  rank: z.number().int().nullable(),
  bidId: uuid,
  entityName: z.string(),
  /** The read-out price, integer fen. */
  priceFen: z.string(),
  total: z.number().nullable(),
  evaluatedPriceFen: z.string().nullable(),
});

export const publicityView = z.object({
  id: uuid,
  sectionId: uuid,
  round: z.number().int(),
  state: publicityState,
  /** The completed evaluation report it publishes, by its SM3. */
  reportSm3: z.string(),
  reportCompletedAt: isoDateTime,
  /** B-028: the last day the publicity may start, 3 days after the report. */
  latestStart: z.string(),
  candidates: z.array(publicityCandidate),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  remarks: z.string(),
  /** Open now: published and inside its period. */
  running: z.boolean(),
  rejection: z.string().nullable(),
  submittedAt: isoDateTime.nullable(),
  verifiedAt: isoDateTime.nullable(),
  publicationId: uuid.nullable(),
});
export type PublicityView = z.infer<typeof publicityView>;

export const OBJECTION_STATES = ['open', 'answered'] as const;

/** A bidder's objection to the evaluation result (对评标结果的异议), raised during the publicity. */
export const resultObjectionInput = z.strictObject({ content: text(1, 4000) });

export const resultObjectionAnswer = z.strictObject({ answer: text(1, 4000) });

export const resultObjectionView = z.object({
  id: uuid,
  sectionId: uuid,
  entityName: z.string(),
  content: z.string(),
  receivedAt: isoDateTime,
  /** Raised after the publicity ended: recorded and flagged, it does not hold the award. */
  late: z.boolean(),
  /** The last day of the tenderer's answer (3 days, Reg. 22, 54). */
  answerDue: z.string(),
  state: z.enum(OBJECTION_STATES),
  answer: z.string().nullable(),
  answeredAt: isoDateTime.nullable(),
  overdue: z.boolean(),
});
export type ResultObjectionView = z.infer<typeof resultObjectionView>;

/** Where the section's award stands: whether anything holds it. */
export const awardStandingView = z.object({
  sectionId: uuid,
  publicity: publicityView.nullable(),
  /** Objections in time still unanswered: the award waits for them (B-031). */
  suspended: z.boolean(),
  openObjections: z.number().int(),
  /** who decides the winner. */
  setting: awardSettingView,
  /** B-027 or a committee's decision: the first-ranked candidate wins unless passed over on a lawful ground. */
  firstRankedOnly: z.boolean(),
  /** The publicity is published, its period over, nothing holds it: the winner may be decided. */
  decidable: z.boolean(),
  decision: awardDecisionView.nullable(),
  notice: awardNoticeView.nullable(),
  /** 评定分离: the method the tender document fixed, null when the committee ranks its candidates. */
  separatedAward: separatedAwardTerms.nullable(),
  /** The award committee's sitting under the separated award, once recorded. */
  proceeding: separatedAwardView.nullable(),
});
export type AwardStandingView = z.infer<typeof awardStandingView>;
