import { z } from 'zod';
import { isoDateTime, uuid, plainText as text } from './common.ts';
import { separatedAwardMethod } from './documents.ts';
import { jsonSignature } from './trust.ts';

/**
 * Award, part two (定标, issue 13 §2–§3; decision 0035): who decides the winner, the tenderer's
 * decision (A-168, B-027), the written report to the supervisor within 15 days (Law 47), and the award
 * notices — the public result notice (中标结果公告) and one letter per bidder, the award notice
 * (中标通知书) to the winner and result notices to the others, with reasons (A-169…A-175).
 */

/** the committee decides the winner (授权直接确定中标人), or recommends and the tenderer decides. */
export const AWARD_AUTHORITIES = ['tenderer', 'committee'] as const;
export const awardAuthority = z.enum(AWARD_AUTHORITIES);
export type AwardAuthority = z.infer<typeof awardAuthority>;

export const awardSettingInput = z.strictObject({ authority: awardAuthority });
export type AwardSettingInput = z.infer<typeof awardSettingInput>;

export const awardSettingView = z.object({
  authority: awardAuthority,
  /** Set explicitly (false: the default, the committee recommends). */
  explicit: z.boolean(),
  /** Fixed at the bid deadline: nobody changes who decides once bids are in. */
  fixed: z.boolean(),
  setAt: isoDateTime.nullable(),
});
export type AwardSettingView = z.infer<typeof awardSettingView>;

/**
 * Reg. 55: why the first-ranked candidate (and each before the chosen one) is passed over — it gave up
 * the award, did not furnish the performance bond, or was found to be disqualified.
 */
export const PASSED_OVER_GROUNDS = ['declined', 'noPerformanceBond', 'disqualified'] as const;

export const awardDecisionInput = z.strictObject({
  bidId: uuid,
  /** Why this candidate; required unless it is the first-ranked. */
  reason: text(0, 2000),
  passedOver: z.enum(PASSED_OVER_GROUNDS).optional(),
});
export type AwardDecisionInput = z.infer<typeof awardDecisionInput>;

export const awardReportInput = z.strictObject({ report: text(1, 20_000) });

export const awardDecisionView = z.object({
  id: uuid,
  sectionId: uuid,
  round: z.number().int(),
  authority: awardAuthority,
  bidId: uuid,
  entityName: z.string(),
  /** The winner's rank among the candidates; null under the separated award (unranked). */
  rank: z.number().int().nullable(),
  /** 评定分离: the method the tender document fixed; null when the committee ranked its candidates. */
  method: separatedAwardMethod.nullable(),
  /** The winning bid's read-out price, integer fen. */
  priceFen: z.string(),
  reason: z.string(),
  passedOver: z.enum(PASSED_OVER_GROUNDS).nullable(),
  decidedAt: isoDateTime,
  /** Law 47: the last day of the written report to the supervisor (15 days). */
  reportDue: z.string(),
  report: z.string().nullable(),
  reportedAt: isoDateTime.nullable(),
  reportOverdue: z.boolean(),
});
export type AwardDecisionView = z.infer<typeof awardDecisionView>;

export const AWARD_NOTICE_STATES = ['draft', 'pendingVerification', 'issued'] as const;
export const AWARD_LETTER_KINDS = ['award', 'result'] as const;

/** The tenderer's draft of the notices: the result notice's remarks and each letter's reasons. */
export const awardNoticeInput = z.strictObject({
  remarks: text(0, 2000),
  letters: z.array(z.strictObject({ bidId: uuid, reason: text(1, 2000) })).max(500),
});
export type AwardNoticeInput = z.infer<typeof awardNoticeInput>;

/** What the tenderer signs to submit the notices: the SM3 of their canonical content. */
export function awardNoticesSigningPayload(sectionId: string, round: number, contentSm3: string) {
  return { action: 'signAwardNotices', sectionId, round, contentSm3 };
}

export const awardNoticeSubmit = z.strictObject({ certificatePem: z.string().min(100).max(20_000), signature: jsonSignature });

export const awardNoticeVerification = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve') }),
  z.strictObject({ decision: z.literal('reject'), reason: text(1, 500) }),
]);
export type AwardNoticeVerification = z.infer<typeof awardNoticeVerification>;

export const awardLetterView = z.object({
  id: uuid,
  sectionId: uuid,
  bidId: uuid,
  entityName: z.string(),
  kind: z.enum(AWARD_LETTER_KINDS),
  /** The bid's rank in the evaluation; null when it failed the reviews. */
  rank: z.number().int().nullable(),
  reason: z.string(),
  issuedAt: isoDateTime.nullable(),
  readAt: isoDateTime.nullable(),
});
export type AwardLetterView = z.infer<typeof awardLetterView>;

/** A letter as its addressee reads it in the workspace: with the section, the winner and the price. */
export const myAwardLetterView = awardLetterView.extend({
  sectionName: z.string(),
  projectName: z.string(),
  tendererName: z.string(),
  winnerName: z.string(),
  priceFen: z.string(),
  contentSm3: z.string(),
  publicationId: uuid,
});
export type MyAwardLetterView = z.infer<typeof myAwardLetterView>;

export const awardNoticeView = z.object({
  id: uuid,
  sectionId: uuid,
  round: z.number().int(),
  state: z.enum(AWARD_NOTICE_STATES),
  remarks: z.string(),
  letters: z.array(awardLetterView),
  /** The SM3 of the notices as they stand: what the tenderer signs. */
  contentSm3: z.string(),
  signedAt: isoDateTime.nullable(),
  submittedAt: isoDateTime.nullable(),
  rejection: z.string().nullable(),
  verifiedAt: isoDateTime.nullable(),
  /** who verified them. */
  verifiedBy: uuid.nullable(),
  publicationId: uuid.nullable(),
});
export type AwardNoticeView = z.infer<typeof awardNoticeView>;

// ---------------------------------------------------------------------------------------------------
// 评定分离 (action-plan task 7): the tenderer's award committee decides among the unranked candidates

const memberName = text(1, 50);

/**
 * What the award committee's sitting (定标会) produced: its members (an odd number, at least 5), the
 * ballots of each voting round (票决: a later round votes among those tied at the top of the one
 * before; 票决抽签: one round, then the lot), or the candidate agreed in deliberation with the minutes
 * (集体议事). 价格竞争 needs no ballots. The reasons are published with the result.
 */
export const separatedAwardInput = z.strictObject({
  members: z.array(memberName).min(1).max(25),
  rounds: z.array(z.array(z.strictObject({ voter: memberName, bidId: uuid })).max(25)).max(5).default([]),
  deliberation: z.strictObject({ bidId: uuid, minutes: text(1, 5000) }).optional(),
  reason: text(1, 2000),
});
export type SeparatedAwardInput = z.infer<typeof separatedAwardInput>;

export const separatedAwardView = z.object({
  method: separatedAwardMethod,
  shortlist: z.number().int().nullable(),
  members: z.array(z.string()),
  rounds: z.array(
    z.object({
      candidates: z.array(uuid),
      ballots: z.array(z.object({ voter: z.string(), bidId: uuid })),
      counts: z.array(z.object({ bidId: uuid, entityName: z.string(), votes: z.number().int() })),
    }),
  ),
  deliberation: z.object({ bidId: uuid, minutes: z.string() }).nullable(),
  /** The verifiable draw among the shortlist or the price tie; `selected` once performed and revealed. */
  lot: z.object({ drawId: uuid, pool: z.array(uuid), selected: uuid.nullable() }).nullable(),
  reason: z.string(),
  /** lotPending: the lot is committed and waits to be performed (a restart picks it up). */
  state: z.enum(['lotPending', 'decided']),
  recordedAt: isoDateTime,
});
export type SeparatedAwardView = z.infer<typeof separatedAwardView>;
