/** The contract's refusals and their HTTP statuses, registered with the error plugin. */
export const contractErrors = {
  /** No contract of the section (or one the caller may not know of). */
  CONTRACT_NOT_FOUND: 404,
  /** The award notice is not issued: there is no winner to contract with yet. */
  CONTRACT_NOT_READY: 409,
  /** The step does not fit the contract's state (details.state). */
  CONTRACT_STATE_CONFLICT: 409,
  /** Only the tenderer or its mandated agency drafts, submits, records the tenderer's side and proposes changes. */
  SECTION_NOT_MANAGED: 403,
  /** The caller is not the side it acts for (details.side): the tenderer signs as itself, the winner as itself. */
  CONTRACT_NOT_PARTY: 403,
  /** The signature is not over the verified content's SM3 by the signer's bound certificate. */
  CONTRACT_SIGNATURE_INVALID: 422,
  /** A performance record's day lies ahead, or before the contract was concluded. */
  PERFORMANCE_DAY_INVALID: 422,
  /** No such change of this contract. */
  CONTRACT_CHANGE_NOT_FOUND: 404,
  /** A change waits for verification already, or this one was verified. */
  CONTRACT_CHANGE_CONFLICT: 409,
  /** Only the tenderer (or its agency) records the contract as performed (its performance bond is then released). */
  PERFORMANCE_COMPLETION_TENDERER: 403,
} as const;
