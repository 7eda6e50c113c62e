/** Finance's refusals and their HTTP statuses, registered with the error plugin. */
export const financeErrors = {
  /** No sub-account of the caller's entity for the section (or a section the caller may not know of). */
  BOND_ACCOUNT_NOT_FOUND: 404,
  /** Sub-accounts are for bidders who obtained the section's issued tender document. */
  BOND_DOCUMENT_REQUIRED: 403,
  /** The bank statement file cannot be read exactly: details.issues name the line or path of each problem. */
  STATEMENT_INVALID: 422,
  /** The guarantee's terms do not hold (unknown principal, beneficiary not the tenderer, validity…). */
  GUARANTEE_INVALID: 422,
  /** A guarantee with this number is already registered. */
  GUARANTEE_DUPLICATE: 409,
  /** The sandbox bank knows no such virtual account. */
  SANDBOX_ACCOUNT_UNKNOWN: 404,
  /** The entity's bid on the section is live: its bond is held until the result (decision 0033). */
  BOND_HELD: 409,
  /** Every deposit of the sub-account is refunded or being refunded already. */
  BOND_NOTHING_TO_REFUND: 409,
} as const;

export type FinanceErrorCode = keyof typeof financeErrors;
