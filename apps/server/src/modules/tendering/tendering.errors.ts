/** Tendering's refusals and their HTTP statuses, registered with the error plugin. */
export const tenderingErrors = {
  NOTICE_NOT_FOUND: 404,
  INVITATION_NOT_FOUND: 404,
  SECTION_NOT_FOUND: 404,
  /** The caller is not the tenderer or a mandated agency of every section. */
  SECTION_NOT_MANAGED: 403,
  /** Sections of different tendering projects, tenderers or rounds in one notice. */
  SECTIONS_MIXED: 422,
  /** The section is not at a stage where a notice, invitation or exception applies. */
  SECTION_STAGE_CONFLICT: 409,
  /** the notice type does not fit the section's method. */
  NOTICE_TYPE_MISMATCH: 422,
  NOTICE_HTML_UNSAFE: 422,
  /** B-002, B-008: the text no longer states the platform's address. */
  PLATFORM_ADDRESS_MISSING: 422,
  NOTICE_STATE_CONFLICT: 409,
  INVITATION_STATE_CONFLICT: 409,
  /** Only the tenderer reviews what its agency drafted. */
  REVIEW_NOT_YOURS: 403,
  /** Staff verify notices of their own region. */
  REGION_NOT_YOURS: 403,
  TIMETABLE_INCOMPLETE: 422,
  TIMETABLE_UNLAWFUL: 422,
  /** B-006 */
  INVITEES_TOO_FEW: 422,
  /** an invitee must be an active bidder of the bidder database. */
  INVITEE_NOT_BIDDER: 422,
  REPLY_DEADLINE_INVALID: 422,
  /** */
  REPLY_DEADLINE_PASSED: 409,
  NOT_INVITED: 404,
  ALREADY_REPLIED: 409,
  INVITATION_RESULT_EARLY: 409,
  /** B-007: a government procurement invitation's invitees are drawn, not named. */
  INVITEES_DRAWN: 422,
  /** B-007: a draw is for one section, from its own qualified suppliers. */
  INVITATION_DRAW_SECTIONS: 422,
  /** Order 87 art. 14: too few qualified suppliers for the number drawn. */
  INVITATION_POOL_TOO_SMALL: 422,
  /** The qualified of a prequalification are known once its applications close. */
  PREQUALIFICATION_OPEN: 409,
  INVITEES_NOT_DRAWN: 409,
  /** One draw per section and round. */
  INVITEES_ALREADY_DRAWN: 409,
} as const;

export type TenderingErrorCode = keyof typeof tenderingErrors;
