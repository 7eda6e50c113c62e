import { z } from 'zod';
import { isoDateTime } from './common.ts';
import { evaluationSummary } from './evaluation.ts';
import { jsonSignature } from './trust.ts';
import { type Sitting, sitting } from './bidding.ts';

/**
 * The evaluation report (评标报告, issue 12 §5, decision 0026): drawn up by the chair from the stored
 * summary with the committee's own words, frozen with an SM3 over its canonical JSON, signed by every
 * member with its personal certificate, then pushed to the supervision platform.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
/** Plain text of the report: line breaks and tabs allowed, no other control character. */
const reportText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL.test(s), 'no control characters');

export const REPORT_PART_MAX = 4000;
export const DISSENT_MAX = 2000;

/** The chair's parts of the report: editable until the first member signs. */
export const evaluationReportParts = z.strictObject({
  /** 评标委员会意见: the committee's remarks on the evaluation. */
  remarks: reportText(REPORT_PART_MAX),
  /** 发现的问题: problems found in the bids or the tender document. */
  problems: reportText(REPORT_PART_MAX),
  /** 对招标人的建议: recommendations to the tenderer. */
  recommendations: reportText(REPORT_PART_MAX),
});
export type EvaluationReportParts = z.infer<typeof evaluationReportParts>;

export const EVALUATION_REPORT_FORMAT = 'bidhall.evaluationReport.v1';

export const evaluationReportMember = z.object({
  memberId: z.uuid(),
  role: z.enum(['expert', 'representative']),
  seat: z.number().int().nullable(),
  name: z.string(),
  chair: z.boolean(),
});

/** What the report says, frozen at generation; its SM3 is over this object's canonical JSON. */
export const evaluationReportContent = z.object({
  format: z.literal(EVALUATION_REPORT_FORMAT),
  sectionId: z.uuid(),
  sectionCode: z.string(),
  sectionName: z.string(),
  projectName: z.string(),
  tendererName: z.string(),
  /** 'application' for the prequalification review's report (资格审查报告); absent from the bids' report. */
  sitting: sitting.optional(),
  window: z.object({ startsAt: isoDateTime, endsAt: isoDateTime }),
  /** Experts by seat, then the tenderer's representatives. */
  members: z.array(evaluationReportMember),
  /** The chair's summary as stored (compliance, scores, totals, ranking, candidates, outliers, price checks). */
  summary: evaluationSummary,
  summarisedAt: isoDateTime,
  parts: evaluationReportParts,
  generatedAt: isoDateTime,
});
export type EvaluationReportContent = z.infer<typeof evaluationReportContent>;

/** What a member signs (canonical JSON); a dissenting opinion is signed with the report. */
export function evaluationReportSigningPayload(sectionId: string, reportSm3: string, dissent?: string | null, sitting: Sitting = 'bid') {
  // The prequalification review's report (资格审查报告) is signed under its own action: no signature moves between the two.
  const action = sitting === 'application' ? 'signApplicationReviewReport' : 'signEvaluationReport';
  return dissent ? { action, sectionId, reportSm3, dissent } : { action, sectionId, reportSm3 };
}

export const evaluationReportSignInput = z.strictObject({
  certificatePem: z.string().min(100).max(20_000),
  signature: jsonSignature,
  /** The member's disagreement in writing (评标委员会成员对评标结果有不同意见的书面说明). */
  dissent: reportText(DISSENT_MAX)
    .refine((s) => s.trim().length > 0, 'a dissent says something')
    .optional(),
});
export type EvaluationReportSignInput = z.infer<typeof evaluationReportSignInput>;

export const EVALUATION_REPORT_STATES = ['none', 'draft', 'generated', 'signing', 'complete'] as const;

export const evaluationReportSignatureView = z.object({
  memberId: z.uuid(),
  role: z.enum(['expert', 'representative']),
  seat: z.number().int().nullable(),
  /** Null where the caller may not know who sits. */
  name: z.string().nullable(),
  signedAt: isoDateTime.nullable(),
  certificateFingerprint: z.string().nullable(),
  dissent: z.string().nullable(),
});

export const evaluationReportView = z.object({
  sectionId: z.uuid(),
  /** none (no summary or nothing drafted) → draft (parts saved) → generated → signing → complete. */
  state: z.enum(EVALUATION_REPORT_STATES),
  /** The summary exists: the chair may draft and generate. */
  summarised: z.boolean(),
  /** The caller is the chair (edits and generates). */
  chair: z.boolean(),
  /** The caller's own membership id, when a member. */
  selfMemberId: z.uuid().nullable(),
  parts: evaluationReportParts.nullable(),
  content: evaluationReportContent.nullable(),
  /** The report rendered (members and officers); null for others and before generation. */
  html: z.string().nullable(),
  reportSm3: z.string().nullable(),
  generatedAt: isoDateTime.nullable(),
  /** One row per member, signed or not. */
  signatures: z.array(evaluationReportSignatureView),
  completedAt: isoDateTime.nullable(),
  /** The outbox message to the supervision platform, once complete. */
  supervisionMessageId: z.uuid().nullable(),
});
export type EvaluationReportView = z.infer<typeof evaluationReportView>;
