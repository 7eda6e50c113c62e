/** The opening module's refusals and their HTTP statuses, registered with the error plugin. */
export const openingErrors = {
  /** No hall for this section, or one the caller may not see (the same answer). */
  HALL_NOT_FOUND: 404,
  /** The hall opens at the deadline: nothing of it exists before. */
  HALL_NOT_OPEN: 409,
  /** The action does not fit the hall's stage (signing in after unsealing started, unsealing after the window …). */
  HALL_STAGE_CONFLICT: 409,
  /** Only a bidder whose bid is in the hall signs in, unseals and objects. */
  HALL_NOT_A_BIDDER: 403,
  /** A content key or share that does not open its part: recorded as 解密失败. */
  UNSEAL_FAILED: 422,
  UNSEAL_REQUEST_INVALID: 422,
  OBJECTION_NOT_FOUND: 404,
  /** The opening record is drawn up after the readout. */
  RECORD_NOT_READY: 409,
  RECORD_SIGNATURE_INVALID: 422,
  OBJECTION_ANSWERED: 409,
  /** No such opening record template, or one of a region the caller does not administer (the same answer). */
  RECORD_TEMPLATE_NOT_FOUND: 404,
  RECORD_TEMPLATE_NAME_TAKEN: 409,
} as const;
