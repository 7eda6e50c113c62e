import { z } from 'zod';
import { isoDateTime } from './common.ts';
import { clauseNumber, criterion, scoringFactor } from './documents.ts';
import { deviceSignIn } from './evaluation-venues.ts';
import { evaluationSignInCertificate } from './personal-certificates.ts';
import { PRICED_BILL_STATUSES, pricedBillIssue } from './priced-boq.ts';
import { sitting } from './bidding.ts';

/**
 * Evaluation (评标, issue 12 §4): the committee's window, members, chair and sign-in, each member's
 * review and score sheet, and the chair's summary computed by the rules' engine.
 */

/** Opening the evaluation: its window, at most 3 days long. */
export const evaluationOpenInput = z.strictObject({ startsAt: isoDateTime, endsAt: isoDateTime });
export type EvaluationOpenInput = z.infer<typeof evaluationOpenInput>;

/** The tenderer names its representatives: users of its own entity, as many as the plan says. */
export const evaluationRepresentativesInput = z.strictObject({ userIds: z.array(z.uuid()).max(10) });
export type EvaluationRepresentativesInput = z.infer<typeof evaluationRepresentativesInput>;

/** The chair: an expert member. */
export const evaluationChairInput = z.strictObject({ memberId: z.uuid() });

/** Sign-in: the member confirms identity and no conflict with any bidder. */
export const evaluationSignInInput = z.strictObject({
  confirmIdentity: z.literal(true),
  noConflict: z.literal(true),
  /** The workstation's signature over the server's nonce, when the evaluation sits in venues (A-155, decision 0027). */
  device: deviceSignIn.optional(),
  /** The member's own certificate signing the same nonce (A-155, decision 0026). */
  certificate: evaluationSignInCertificate,
});
export type EvaluationSignInInput = z.infer<typeof evaluationSignInInput>;

export const evaluationSignInView = z.object({
  signedInAt: isoDateTime,
  /** The bidders (entity names) the member declared no conflict with. */
  noConflictWith: z.array(z.string()),
});
export type EvaluationSignInView = z.infer<typeof evaluationSignInView>;

export const verdict = z.enum(['pass', 'fail']);
const bidKey = z.uuid();
/** bid id → criterion number → pass or fail. */
export const sheetVerdicts = z.record(bidKey, z.record(clauseNumber, verdict));
/** bid id → factor number → score. */
export const sheetScores = z.record(bidKey, z.record(clauseNumber, z.number().finite().min(0).max(100)));

/** A member's sheet: kept as a draft, or submitted (then frozen). */
export const evaluationSheetInput = z.strictObject({ verdicts: sheetVerdicts, scores: sheetScores, submit: z.boolean() });
export type EvaluationSheetInput = z.infer<typeof evaluationSheetInput>;

export const evaluationSheetView = z.object({
  memberId: z.uuid(),
  verdicts: sheetVerdicts,
  scores: sheetScores,
  submittedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime.nullable(),
});
export type EvaluationSheetView = z.infer<typeof evaluationSheetView>;

/** The chair computes the summary; under the lowest evaluated price, the committee's price adjustments in fen. */
export const evaluationSummaryInput = z.strictObject({
  adjustments: z.record(bidKey, z.record(clauseNumber, z.string().regex(/^-?\d{1,15}$/, 'fen as a whole number'))).optional(),
});
export type EvaluationSummaryInput = z.infer<typeof evaluationSummaryInput>;

const fen = z.string();

/** The methods a committee works by: the tender document's (bids) or the prequalification document's (applications). */
export const EVALUATION_METHOD_TYPES = ['scoring', 'lowestEvaluatedPrice', 'pass', 'limitedNumber'] as const;


export const priceFindings = z.object({
  controlPriceFen: z.string().nullable(),
  aboveControl: z.array(z.object({ bidId: z.uuid(), entityName: z.string(), priceFen: z.string(), excessFen: z.string() })),
  pricedBill: z
    .array(z.object({ bidId: z.uuid(), entityName: z.string(), status: z.enum(PRICED_BILL_STATUSES), issues: z.array(pricedBillIssue), deviatingItems: z.number().int() }))
    .nullable(),
});
export type PriceFindings = z.infer<typeof priceFindings>;

export const evaluationSummary = z.object({
  computedAt: isoDateTime,
  method: z.enum(EVALUATION_METHOD_TYPES),
  /** Compliance and qualification by majority: every bid, with the criteria it fails. */
  compliance: z.array(z.object({ bidId: z.uuid(), entityName: z.string(), passed: z.boolean(), failing: z.array(z.object({ number: z.string(), title: z.string() })) })),
  coefficient: z.string().nullable(),
  benchmarkPriceFen: fen.nullable(),
  /** The valid bids with their parts: factor means, price score, total or evaluated price. */
  bids: z.array(
    z.object({
      bidId: z.uuid(),
      entityName: z.string(),
      /** Null in a prequalification review: applications carry no price. */
      priceFen: fen.nullable(),
      factors: z.array(z.object({ number: z.string(), mean: z.number(), contribution: z.number() })),
      priceScore: z.number().nullable(),
      deviationPercent: z.number().nullable(),
      total: z.number().nullable(),
      evaluatedPriceFen: fen.nullable(),
    }),
  ),
  /** Ranked, best first; the first `candidates` of them are the recommended candidates (B-026). */
  ranking: z.array(z.object({ rank: z.number().int(), bidId: z.uuid(), entityName: z.string(), total: z.number().nullable(), evaluatedPriceFen: fen.nullable() })),
  /** The recommended candidates; rank null under the separated award (评定分离: unranked, by id). */
  candidates: z.array(z.object({ rank: z.number().int().nullable(), bidId: z.uuid(), entityName: z.string() })),
  /** Per member (A-150): how far the member's scores stray from the others', and whether flagged. */
  outliers: z.array(
    z.object({
      memberId: z.uuid(),
      name: z.string(),
      deviation: z.number(),
      robustZ: z.number(),
      flagged: z.boolean(),
      worstFactor: z.object({ number: z.string(), deviation: z.number() }).nullable(),
    }),
  ),
  /**
   * Each member's scores of the valid bids (bid id → factor number → score), as the report's score table
   * lists them: kept secret while members score, part of the summary once all have submitted.
   */
  memberScores: z.array(z.object({ memberId: z.uuid(), scores: z.record(z.string(), z.record(z.string(), z.number())) })),
  /**
   * The price checks as they stood when the chair summarised: bids above the control price and
   * each bid's priced bill findings (null when the document has no bill). Absent from summaries computed
   * before the checks were recorded.
   */
  priceFindings: priceFindings.optional(),
  /**
   * A prequalification review's result: the applicants who pass, in the order of their totals
   * under the limited-number method (资格预审合格的申请人). Absent from evaluations of bids.
   */
  qualified: z.array(z.object({ bidId: z.uuid(), entityName: z.string(), rank: z.number().int().nullable(), total: z.number().nullable() })).optional(),
  /**
   * B-024: the tender failed (废标) — government procurement with fewer than three bids passing the
   * qualification and compliance review (政府采购法 第三十六条): nothing is scored or ranked, there are no
   * candidates, and the section is tendered again. Absent when the evaluation goes on.
   */
  failure: z
    .object({ code: z.literal('GP_FEWER_THAN_THREE_COMPLIANT'), source: z.string(), compliant: z.number().int(), required: z.number().int(), reason: z.string() })
    .optional(),
});
export type EvaluationSummary = z.infer<typeof evaluationSummary>;

export const EVALUATION_STATES = ['notOpened', 'open', 'scoring', 'summarised'] as const;

export const evaluationMemberView = z.object({
  id: z.uuid(),
  role: z.enum(['expert', 'representative']),
  /** The expert's seat number; null for a representative. */
  seat: z.number().int().nullable(),
  /** Null where the caller may not know who sits (the tenderer sees its own representatives only). */
  name: z.string().nullable(),
  chair: z.boolean(),
  signedIn: z.boolean(),
  submitted: z.boolean(),
  /** The caller's own membership. */
  self: z.boolean(),
});

export const evaluationView = z.object({
  sectionId: z.uuid(),
  /** notOpened → open (members signing in) → scoring (every member signed in) → summarised. */
  state: z.enum(EVALUATION_STATES),
  window: z.object({ startsAt: isoDateTime, endsAt: isoDateTime, openNow: z.boolean() }).nullable(),
  /** The bids' evaluation or the prequalification review of applications (decision 0032). */
  sitting,
  method: z.enum(EVALUATION_METHOD_TYPES).nullable(),
  members: z.array(evaluationMemberView),
  representativesNeeded: z.number().int().nullable(),
  progress: z.object({ members: z.number().int(), signedIn: z.number().int(), submitted: z.number().int() }),
  /** The method's criteria and factors as the evaluation opened with them (what members judge and score), for members and officers. */
  rubric: z
    .object({
      qualification: z.array(criterion),
      compliance: z.array(criterion),
      factors: z.array(scoringFactor),
      /** Ranked candidates (bids); 0 in a review. */
      candidates: z.number().int(),
      /** How many applicants pass at most (the limited-number review); null otherwise. */
      limit: z.number().int().nullable(),
    })
    .nullable(),
  /** The bids under evaluation (the readout), for members and officers. */
  bids: z.array(z.object({ bidId: z.uuid(), entityName: z.string(), priceFen: fen.nullable() })),
  summary: evaluationSummary.nullable(),
});
export type EvaluationView = z.infer<typeof evaluationView>;

/** The evaluations the caller sits in (GET /api/v1/me/evaluations): an expert member or a tenderer representative. */
export const myEvaluationItem = z.object({
  sectionId: z.uuid(),
  sitting,
  sectionName: z.string(),
  sectionCode: z.string(),
  state: z.enum(EVALUATION_STATES),
  window: z.object({ startsAt: isoDateTime, endsAt: isoDateTime, openNow: z.boolean() }),
  role: z.enum(['expert', 'representative']),
  chair: z.boolean(),
  signedIn: z.boolean(),
  submitted: z.boolean(),
});
export type MyEvaluationItem = z.infer<typeof myEvaluationItem>;
