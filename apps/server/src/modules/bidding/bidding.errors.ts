/** The bidding module's refusals and their HTTP statuses, registered with the error plugin. */
export const biddingErrors = {
  BIDDING_CLOSED: 409,
  BIDDING_NOT_READY: 409,
  BID_NOT_FOUND: 404,
  BID_NOT_SEALED: 422,
  BID_MANIFEST_MISMATCH: 422,
  BID_SIGNATURE_INVALID: 422,
  BID_INCOMPLETE: 422,
  BID_REPLACEMENT_INVALID: 409,
  BID_STATE_CONFLICT: 409,
  DOCUMENT_CHANGED: 409,
  BOND_NOT_MET: 422,
  CUSTODIAN_KEY_INVALID: 422,
  CUSTODIAN_KEY_NOT_FOUND: 404,
  CUSTODIAN_KEY_OUT_OF_REACH: 403,
} as const;

export type BiddingErrorCode = keyof typeof biddingErrors;
