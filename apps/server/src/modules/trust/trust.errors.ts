/** The trust module's refusals and their HTTP statuses, registered with the error plugin. */
export const trustErrors = {
  /** No such draw, or one outside the caller's region and parties (the same answer). */
  DRAW_NOT_FOUND: 404,
  /** The subject a draw is for does not exist. */
  DRAW_SUBJECT_NOT_FOUND: 404,
  DRAW_STATE_CONFLICT: 409,
  /** Nobody reads who was drawn before the reveal. */
  DRAW_NOT_REVEALED: 409,
  DRAW_INVALID: 422,
} as const;
