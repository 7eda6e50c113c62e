import type { ErrorStatusMap } from '../errors/domain-error.ts';

/** Codes of the log's witness routes (decision 0014). */
export const logErrors = {
  /** The co-signature names a head this log never signed (or one too old to be co-signed now). */
  LOG_HEAD_UNKNOWN: 404,
  /** The co-signature is not a valid signature by the key it names. */
  LOG_COSIGNATURE_INVALID: 400,
} as const satisfies ErrorStatusMap;
