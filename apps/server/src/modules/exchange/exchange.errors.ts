/** Exchange's refusals and their HTTP statuses, registered with the error plugin. */
export const exchangeErrors = {
  APPROVAL_CODE_INVALID: 422,
  APPROVAL_NOT_FOUND: 404,
  /** The outside system could not be reached or answered nonsense; try again later. */
  EXCHANGE_UNAVAILABLE: 503,
  OUTBOX_MESSAGE_NOT_FOUND: 404,
  OUTBOX_ALREADY_DELIVERED: 409,
  CURSOR_INVALID: 400,
  // The sandbox public service platform.
  CONTENT_HASH_MISMATCH: 422,
  SANDBOX_RECEIVER_FAILING: 503,
} as const;

export type ExchangeErrorCode = keyof typeof exchangeErrors;
