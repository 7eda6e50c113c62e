/** Clarification requests' refusals (decision 0029) and their HTTP statuses. */
export const clarificationErrors = {
  /** No such request, or not the caller's to know of (another bidder's, another section's). */
  EVALUATION_CLARIFICATION_NOT_FOUND: 404,
  /** The request or the answer is not well formed (details.reason: bid, deadline, answers, attachment, uploads). */
  EVALUATION_CLARIFICATION_INVALID: 422,
  /** The bidder has answered: the answer is frozen and the request no longer withdrawn. */
  EVALUATION_CLARIFICATION_ANSWERED: 409,
  /** The chair withdrew the request. */
  EVALUATION_CLARIFICATION_WITHDRAWN: 409,
  /** The answer deadline has passed (details.deadline). */
  EVALUATION_CLARIFICATION_DEADLINE_PASSED: 409,
  /** The answer is not signed over these answers and attachments by a certificate bound to the bidder. */
  EVALUATION_CLARIFICATION_SIGNATURE_INVALID: 422,
  /** The file is not a PDF or an image, or its bytes are not what its name says. */
  EVALUATION_CLARIFICATION_ATTACHMENT_INVALID: 422,
} as const;
