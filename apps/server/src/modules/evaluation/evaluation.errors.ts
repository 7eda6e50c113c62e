/** Evaluation's refusals and their HTTP statuses. */
export const evaluationErrors = {
  /** The evaluation cannot do this now (details.reason: unopened, committee, readout, method, coefficient, opened, summarised, representatives …). */
  EVALUATION_STATE_CONFLICT: 409,
  /** An expert member has no platform account linked (details.seat). */
  EVALUATION_MEMBER_WITHOUT_ACCOUNT: 409,
  /** The window is wrong: end before start, longer than 3 days, or already over. */
  EVALUATION_WINDOW_INVALID: 422,
  /** Outside the evaluation window (details: startsAt, endsAt). */
  EVALUATION_WINDOW_CLOSED: 409,
  /** The caller is not a member of this committee. */
  EVALUATION_NOT_MEMBER: 403,
  /** The member has not signed in yet. */
  EVALUATION_NOT_SIGNED_IN: 409,
  /** Only the chair computes the summary. */
  EVALUATION_NOT_CHAIR: 403,
  /** The representatives named are not users of the tenderer's entity, or not as many as the plan says. */
  EVALUATION_REPRESENTATIVES_INVALID: 422,
  /** The chair must be an expert member. */
  EVALUATION_CHAIR_INVALID: 422,
  /** The sheet names a bid, criterion or factor the evaluation does not have, or is incomplete on submit (details say which). */
  EVALUATION_SHEET_INVALID: 422,
  /** A score outside its factor's range (details: bidId, factor, score, min, max). */
  EVALUATION_SCORE_OUT_OF_RANGE: 422,
  /** The sheet was submitted: it is frozen. */
  EVALUATION_SHEET_SUBMITTED: 409,
  /** Not every member has submitted (details.waiting: how many). */
  EVALUATION_SHEETS_PENDING: 409,
  /** The report cannot be drawn up or signed yet (details.reason: summary, generated). */
  EVALUATION_REPORT_NOT_READY: 409,
  /** A member has signed the report: the chair's parts and the report no longer change. */
  EVALUATION_REPORT_SIGNED: 409,
  /** The member has signed this report already. */
  EVALUATION_REPORT_ALREADY_SIGNED: 409,
  /** The signature is not over this report (and dissent) by the member's certificate. */
  EVALUATION_REPORT_SIGNATURE_INVALID: 422,
  /** The sign-in's signature is not over the issued nonce by the member's certificate. */
  EVALUATION_SIGN_IN_SIGNATURE_INVALID: 422,
} as const;

export type EvaluationErrorCode = keyof typeof evaluationErrors;
