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
  /** No guarantee application of the caller's entity by that id (or one the caller may not know of). */
  GUARANTEE_APPLICATION_NOT_FOUND: 404,
  /** No guarantee by that id that the caller may know of (a tenderer learns of them after the deadline). */
  GUARANTEE_NOT_FOUND: 404,
  /** The issuer is not on the platform's issuer interface. */
  GUARANTEE_ISSUER_UNKNOWN: 422,
  /** The issuer interface is not configured (and the sandbox is off): no issuer can be asked. */
  GUARANTEE_ISSUER_UNAVAILABLE: 503,
  /** The issuer refused or failed the request; details.reason says what it answered. */
  GUARANTEE_ISSUER_REFUSED: 502,
  /** The section's tender document asks for no bid bond. */
  GUARANTEE_NOT_REQUIRED: 409,
  /** The section's bid deadline has passed: a bid guarantee is no longer applied or paid for. */
  GUARANTEE_APPLICATION_CLOSED: 409,
  /** The caller's entity has a live application for the section already (details.applicationId). */
  GUARANTEE_APPLICATION_EXISTS: 409,
  /** The application is not in a state that allows this (details.state). */
  GUARANTEE_STATE_CONFLICT: 409,
  /** The guarantee stands for a live bid until the result: withdraw the bid first. */
  GUARANTEE_IN_USE: 409,
  /** The claim is not admissible (details.reason: notIssued, cancelled, expired, beforeDeadline, amount, notOneStop). */
  GUARANTEE_CLAIM_REFUSED: 409,
  /** The guarantee has been claimed already. */
  GUARANTEE_CLAIM_EXISTS: 409,
  /**
   * The record does not support the forfeiture's ground (decision 0042); details.reason names the fact
   * that failed (beforeDeadline, notRevokedAtOpening, notPassedOver, notWinner, contractConcluded,
   * contractNotDue, noRevocation, revocationNotSigned, revocationBeforeDeadline, noBid, unavailable).
   */
  BOND_FORFEITURE_UNLAWFUL: 422,
  /** The sub-account's deposits were forfeited already (details.forfeitureId). */
  BOND_FORFEITED: 409,
  /** No deposit of the sub-account is held: every one is refunded or being refunded. */
  BOND_NOTHING_TO_FORFEIT: 409,
} as const;

export type FinanceErrorCode = keyof typeof financeErrors;
