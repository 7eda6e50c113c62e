import { z } from 'zod';
import { isoDateTime, uuid, plainText as text } from './common.ts';
import { jsonSignature } from './trust.ts';

/**
 * Prequalification results (资格预审结果, CTS …A-179; decision 0039): whether the
 * review committee's list of qualified applicants is final or the tenderer confirms it, the
 * tenderer's confirmation, one result letter per applicant with its reasons,
 * e-signed by the tenderer and verified by trading-centre staff, then issued to the
 * applicants, pushed and published. Only then does the tender document go to those who passed.
 */

/** the review committee's list is final (`committee`), or the tenderer confirms it (`tenderer`). */
export const PREQUALIFICATION_AUTHORITIES = ['committee', 'tenderer'] as const;
export const prequalificationAuthority = z.enum(PREQUALIFICATION_AUTHORITIES);
export type PrequalificationAuthority = z.infer<typeof prequalificationAuthority>;

export const prequalificationSettingInput = z.strictObject({ authority: prequalificationAuthority });
export type PrequalificationSettingInput = z.infer<typeof prequalificationSettingInput>;

export const prequalificationSettingView = z.object({
  authority: prequalificationAuthority,
  /** Set explicitly (false: the default, the tenderer confirms the committee's list). */
  explicit: z.boolean(),
  /** Fixed at the application deadline. */
  fixed: z.boolean(),
  setAt: isoDateTime.nullable(),
});
export type PrequalificationSettingView = z.infer<typeof prequalificationSettingView>;

/**
 * the tenderer confirms the qualified applicants — only ones the committee passed; one the
 * committee passed and the tenderer leaves out is excluded with a reason.
 */
export const prequalificationListInput = z.strictObject({
  qualified: z.array(uuid).max(500),
  exclusions: z.array(z.strictObject({ bidId: uuid, reason: text(1, 1000) })).max(500),
});
export type PrequalificationListInput = z.infer<typeof prequalificationListInput>;

/** the tenderer's draft — the public notice's remarks and each letter's reasons. */
export const prequalificationResultsInput = z.strictObject({
  remarks: text(0, 2000),
  letters: z.array(z.strictObject({ bidId: uuid, reason: text(1, 2000) })).max(500),
});
export type PrequalificationResultsInput = z.infer<typeof prequalificationResultsInput>;

/** what the tenderer signs to submit the results — the SM3 of their canonical content. */
export function prequalificationResultsSigningPayload(sectionId: string, round: number, contentSm3: string) {
  return { action: 'signPrequalificationResults', sectionId, round, contentSm3 };
}

export const prequalificationResultsSubmit = z.strictObject({
  certificatePem: z.string().min(100).max(20_000),
  signature: jsonSignature,
});

export const prequalificationResultsVerification = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve') }),
  z.strictObject({ decision: z.literal('reject'), reason: text(1, 500) }),
]);
export type PrequalificationResultsVerification = z.infer<typeof prequalificationResultsVerification>;

export const PREQUALIFICATION_RESULTS_STATES = ['draft', 'pendingVerification', 'issued'] as const;
export const PREQUALIFICATION_OUTCOMES = ['passed', 'failed'] as const;
/**
 * Why: `qualified` (the committee passed it and it is on the list), `failedCriteria` (it failed the
 * criteria named), `notAmongLimited` (it passed them but is not among the limited number, 有限数量制),
 * `excluded` (the tenderer left it out of the list, with the reason recorded).
 */
export const PREQUALIFICATION_BASES = ['qualified', 'failedCriteria', 'notAmongLimited', 'excluded'] as const;

export const prequalificationLetterView = z.object({
  id: uuid,
  sectionId: uuid,
  /** The application (its sealed submission's id). */
  bidId: uuid,
  entityName: z.string(),
  outcome: z.enum(PREQUALIFICATION_OUTCOMES),
  basis: z.enum(PREQUALIFICATION_BASES),
  /** The review criteria the application failed (by majority of the committee). */
  failing: z.array(z.object({ number: z.string(), title: z.string() })),
  /** The tenderer's recorded reason for excluding an applicant the committee passed. */
  exclusion: z.string().nullable(),
  reason: z.string(),
  issuedAt: isoDateTime.nullable(),
  readAt: isoDateTime.nullable(),
});
export type PrequalificationLetterView = z.infer<typeof prequalificationLetterView>;

export const prequalificationResultsView = z.object({
  id: uuid,
  sectionId: uuid,
  round: z.number().int(),
  state: z.enum(PREQUALIFICATION_RESULTS_STATES),
  authority: prequalificationAuthority,
  /** when the tenderer confirmed the list (null under `committee`, or not yet). */
  listConfirmedAt: isoDateTime.nullable(),
  remarks: z.string(),
  letters: z.array(prequalificationLetterView),
  passed: z.number().int(),
  /** Fewer than three pass: the prequalification is held again (实施条例 第十九条). */
  tooFew: z.boolean(),
  /** The SM3 of the results as they stand: what the tenderer signs. */
  contentSm3: z.string(),
  signedAt: isoDateTime.nullable(),
  submittedAt: isoDateTime.nullable(),
  rejection: z.string().nullable(),
  verifiedAt: isoDateTime.nullable(),
  /** Who verified them. */
  verifiedBy: uuid.nullable(),
  publicationId: uuid.nullable(),
});
export type PrequalificationResultsView = z.infer<typeof prequalificationResultsView>;

export const prequalificationStandingView = z.object({
  sectionId: uuid,
  setting: prequalificationSettingView,
  /** The completed review: when, and how many applied and passed; null before its report is complete. */
  review: z.object({ completedAt: isoDateTime, applicants: z.number().int(), qualified: z.number().int() }).nullable(),
  results: prequalificationResultsView.nullable(),
});
export type PrequalificationStandingView = z.infer<typeof prequalificationStandingView>;

/** A letter as its addressee reads it in the workspace. */
export const myPrequalificationLetterView = prequalificationLetterView.extend({
  sectionName: z.string(),
  projectName: z.string(),
  tendererName: z.string(),
  contentSm3: z.string(),
  publicationId: uuid.nullable(),
});
export type MyPrequalificationLetterView = z.infer<typeof myPrequalificationLetterView>;
