/** Refusals of the committee's reading and comparing of the bids (decision 0028), and their HTTP statuses. */
export const bidFilesErrors = {
  /** No such read-out bid, or no such part of it. */
  EVALUATION_BID_FILE_NOT_FOUND: 404,
  /** The bulk decryption has not made this part's evaluation copy yet. */
  EVALUATION_COPY_NOT_READY: 409,
  /** The evaluation copy fails its integrity check (its tag, its address, or the bidder's signed hash): it is not served. */
  EVALUATION_COPY_TAMPERED: 409,
} as const;
