/** Prequalification results' refusals and their HTTP statuses, registered with the error plugin. */
export const prequalificationErrors = {
  /** Only the tenderer or its mandated agency acts on the results. */
  SECTION_NOT_MANAGED: 403,
  /** Whether the committee's list is final is fixed at the application deadline. */
  PREQUALIFICATION_SETTING_FIXED: 409,
  /** The review's report is not complete: no results to draft yet. */
  PREQUALIFICATION_REVIEW_INCOMPLETE: 409,
  /** No results drafted (or none the caller may know of). */
  PREQUALIFICATION_RESULTS_NOT_FOUND: 404,
  /** The step does not fit the results' state (details.state). */
  PREQUALIFICATION_RESULTS_STATE_CONFLICT: 409,
  /** A letter names an application the review did not read. */
  PREQUALIFICATION_RESULTS_INVALID: 422,
  /** The committee's list is final for this section: the tenderer does not confirm it. */
  PREQUALIFICATION_LIST_FINAL: 409,
  /** The confirmed list adds an applicant the committee did not pass, or leaves one out without a reason (details.reason). */
  PREQUALIFICATION_LIST_INVALID: 422,
  /** The tenderer confirms the list before it signs the results. */
  PREQUALIFICATION_LIST_UNCONFIRMED: 409,
  /** The signature is not over these results by a certificate bound to the caller's entity. */
  PREQUALIFICATION_RESULTS_SIGNATURE_INVALID: 422,
  /** No such letter addressed to the caller. */
  PREQUALIFICATION_LETTER_NOT_FOUND: 404,
} as const;
