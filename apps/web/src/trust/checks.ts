/** One step of a verification, shown as a green, red or grey line; its words are in i18n under `verify.checks.<id>`. */
export interface Check {
  id: string;
  status: 'ok' | 'failed' | 'skipped';
  /** Which text under `verify.checks.<id>` explains the result: `ok`, `failed`, or a more specific key. */
  detail?: string;
  /** Interpolation values for the text. */
  values?: Record<string, string | number>;
  /** The verifier's own words on a failure (a crypto error's reason), shown as they are. */
  error?: string;
}

export const passed = (id: string, values?: Check['values'], detail = 'ok'): Check => ({ id, status: 'ok', detail, values });

export const failed = (id: string, detail = 'failed', values?: Check['values'], err?: unknown): Check => ({
  id,
  status: 'failed',
  detail,
  values,
  error: err === undefined ? undefined : reasonOf(err),
});

export const skipped = (id: string): Check => ({ id, status: 'skipped' });

/** A CryptoError's reason, else the error's message. */
export function reasonOf(err: unknown): string {
  if (err && typeof err === 'object' && 'reason' in err && typeof err.reason === 'string') return err.reason;
  return err instanceof Error ? err.message : String(err);
}

export const allPassed = (checks: readonly Check[]) => checks.length > 0 && checks.every((c) => c.status === 'ok');

/** A short form of a long hex digest for display. */
export const shortHex = (hex: string) => (hex.length > 20 ? `${hex.slice(0, 12)}…${hex.slice(-6)}` : hex);
