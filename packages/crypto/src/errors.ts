/**
 * Every failure this package reports on bad input is a CryptoError with a stable code, so callers
 * (server problem+json, CLI exit codes, UI messages) can branch on the code and show the reason.
 */
export type CryptoErrorCode =
  | 'MALFORMED_DER'
  | 'MALFORMED_PEM'
  | 'MALFORMED_INPUT'
  | 'BAD_KEY'
  | 'BAD_SIGNATURE'
  | 'DECRYPT_FAILED'
  | 'CERT_EXPIRED'
  | 'CERT_NOT_YET_VALID'
  | 'CERT_REVOKED'
  | 'CERT_UNTRUSTED'
  | 'CERT_BAD_SIGNATURE'
  | 'CERT_KEY_USAGE'
  | 'CERT_NOT_CA'
  | 'CERT_NAME_MISMATCH'
  | 'CRL_BAD_SIGNATURE'
  | 'CRL_EXPIRED'
  | 'OCSP_INVALID'
  | 'ENVELOPE_TAMPERED'
  | 'ENVELOPE_TRUNCATED'
  | 'WRONG_CUSTODIAN'
  | 'INSUFFICIENT_SHARES'
  | 'UNSUPPORTED_ALGORITHM'
  | 'LOG_INCONSISTENT'
  | 'POOL_TOO_SMALL';

export class CryptoError extends Error {
  override readonly name = 'CryptoError';
  constructor(
    readonly code: CryptoErrorCode,
    /** One line, for a human: what was wrong with the input. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${reason}`, options);
  }
}

export function isCryptoError(err: unknown, code?: CryptoErrorCode): err is CryptoError {
  return err instanceof CryptoError && (code === undefined || err.code === code);
}

/**
 * Runs a parser from a third-party library and turns whatever it throws into a CryptoError, so a
 * library's internal exception never escapes as a crash on bad input.
 */
export function guard<T>(code: CryptoErrorCode, reason: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof CryptoError) throw err;
    throw new CryptoError(code, reason, { cause: err });
  }
}

export async function guardAsync<T>(code: CryptoErrorCode, reason: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof CryptoError) throw err;
    throw new CryptoError(code, reason, { cause: err });
  }
}
