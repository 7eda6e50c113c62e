/** The expert pool's and the committee draw's refusals and their HTTP statuses. */
export const expertsErrors = {
  /** No such expert, or one outside the caller's regions. */
  EXPERT_NOT_FOUND: 404,
  /** No such application, or the token does not match (the two are not told apart). */
  EXPERT_APPLICATION_NOT_FOUND: 404,
  /** The decision does not apply to the expert's state (details: state, decision). */
  EXPERT_STATE_CONFLICT: 409,
  /** The person already has a live record in the pool (details: expertId). */
  EXPERT_DUPLICATE: 409,
  /** The account to link is not an expert account bound to this expert's person. */
  EXPERT_ACCOUNT_MISMATCH: 422,
  /** A rating needs a section the expert sat on, with an accepted seat. */
  EXPERT_RATING_NOT_ALLOWED: 409,
  /** The section cannot take a committee plan or draw now (details say why). */
  COMMITTEE_STATE_CONFLICT: 409,
  /** The plan breaks the composition rules (details.issues: rule and message). */
  COMMITTEE_PLAN_INVALID: 422,
  /** Too few eligible experts after avoidance for the seats to fill (details: specialty, eligible, needed). */
  COMMITTEE_POOL_TOO_SMALL: 422,
  /** No such invitation for the caller. */
  INVITATION_NOT_FOUND: 404,
  /** The invitation was already answered, expired, or its evaluation has begun. */
  INVITATION_CLOSED: 409,
} as const;

export type ExpertsErrorCode = keyof typeof expertsErrors;
