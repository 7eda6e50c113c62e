/** Award's refusals and their HTTP statuses, registered with the error plugin. */
export const awardErrors = {
  /** No publicity of the section (or one the caller may not know of). */
  PUBLICITY_NOT_FOUND: 404,
  /** The evaluation report is not complete: nothing to publish yet. */
  PUBLICITY_NOT_READY: 409,
  /** B-024: the evaluation found the tender failed (废标): no candidates, the section is tendered again (details.source). */
  AWARD_TENDER_FAILED: 409,
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
  /** Who decides the winner is fixed at the bid deadline. */
  AWARD_SETTING_FIXED: 409,
  /** The winner is decided after the publicity, with no objection in time unanswered (details.reason). */
  AWARD_NOT_DECIDABLE: 409,
  /** The chosen candidate breaks Reg. 55 or is not a candidate (details.reason: notCandidate, noReason, firstRankedOnly). */
  AWARD_CHOICE_UNLAWFUL: 422,
  /** The award committee's record does not fit the separated award's method (details.reason). */
  AWARD_PROCEEDING_INVALID: 422,
  /** The last voting round tied at the top: another round among the leaders is needed (details.leaders). */
  AWARD_VOTE_TIED: 409,
  /** The section's tender document fixes no separated award, or its committee's sitting is recorded already (details.reason). */
  AWARD_PROCEEDING_CONFLICT: 409,
  /** The winner of this round is decided already. */
  AWARD_DECIDED: 409,
  /** No winner decided yet. */
  AWARD_NOT_DECIDED: 409,
  /** The written report to the supervisor was submitted already. */
  AWARD_REPORTED: 409,
  /** No award notices drafted. */
  AWARD_NOTICE_NOT_FOUND: 404,
  /** The step does not fit the notices' state (details.state). */
  AWARD_NOTICE_STATE_CONFLICT: 409,
  /** A letter names a bid that was not evaluated in the section. */
  AWARD_NOTICE_INVALID: 422,
  /** The signature is not over these notices by a certificate bound to the caller's entity. */
  AWARD_NOTICE_SIGNATURE_INVALID: 422,
  /** No such letter addressed to the caller. */
  AWARD_LETTER_NOT_FOUND: 404,
} as const;
