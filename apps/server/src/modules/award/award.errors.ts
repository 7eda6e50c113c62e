/** Award's refusals and their HTTP statuses, registered with the error plugin. */
export const awardErrors = {
  /** No publicity of the section (or one the caller may not know of). */
  PUBLICITY_NOT_FOUND: 404,
  /** The evaluation report is not complete: nothing to publish yet. */
  PUBLICITY_NOT_READY: 409,
  /** The step does not fit the publicity's state (details.state). */
  PUBLICITY_STATE_CONFLICT: 409,
  /** The period breaks B-028 (details.reason: lateStart, tooShort, past). */
  PUBLICITY_PERIOD_INVALID: 422,
  /** Only the tenderer or its mandated agency drafts and answers. */
  SECTION_NOT_MANAGED: 403,
  /** Objections to the result are raised during a published publicity, by an entity that obtained the documents. */
  OBJECTION_NOT_ALLOWED: 409,
  /** No such objection (or one the caller may not know of). */
  OBJECTION_NOT_FOUND: 404,
  /** The objection was answered already. */
  OBJECTION_ANSWERED: 409,
} as const;
