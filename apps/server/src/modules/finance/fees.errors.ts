/** Refusals of the performance bond and the fees (decision 0038), registered with finance's. */
export const feeErrors = {
  /** No section by that id that the caller may know of. */
  PERFORMANCE_BOND_NOT_FOUND: 404,
  /** The section's award notice is not issued: no performance bond is asked before it. */
  PERFORMANCE_BOND_NOT_AWARDED: 409,
  /** Reg. 58: a performance bond is at most 10 % of the winning price (details.capFen). */
  PERFORMANCE_BOND_OVER_CAP: 422,
  /** The tenderer asked for no performance bond on the section's round. */
  PERFORMANCE_BOND_NOT_REQUIRED: 409,
  /** The bond does not allow this now (details.state: paid, released). */
  PERFORMANCE_BOND_STATE_CONFLICT: 409,
  /** The guarantee does not stand for the bond (details.reason: unknown, principal, beneficiary, section, amount, validity, cancelled, signature). */
  PERFORMANCE_BOND_GUARANTEE_INVALID: 422,
  /** Task 14: the tender document is free; no fee may be configured for it. */
  FEE_DOCUMENT_FEE_FORBIDDEN: 422,
  /** The schedule names a kind twice. */
  FEE_SCHEDULE_INVALID: 422,
  /** No fee charge by that id that the caller may know of. */
  FEE_CHARGE_NOT_FOUND: 404,
  /** The charge is settled already (details.method). */
  FEE_CHARGE_SETTLED: 409,
  /** The statement line cannot settle the charge (details.reason: unknown, debit, reconciled, amount, used). */
  FEE_STATEMENT_LINE_UNUSABLE: 422,
  /** The payer has no deposit on the section, held and not yet refunded, large enough to offset the charge. */
  FEE_OFFSET_UNAVAILABLE: 409,
  /** No online payment gateway is configured (and the sandbox is off). */
  FEE_PAYMENT_UNAVAILABLE: 503,
  /** The payment gateway refused or failed the payment (details.reason). */
  FEE_PAYMENT_REFUSED: 502,
} as const;
