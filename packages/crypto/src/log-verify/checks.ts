/**
 * One step of a verification: the CLI prints `message`, the web app shows a translated line chosen by
 * `id` and `detail` with `values` filled in (raw numbers and full hex: the reader formats them).
 */
export interface Check {
  id: string;
  status: 'ok' | 'failed' | 'skipped';
  /** Which text explains the result: `ok`, `failed`, or a more specific key. */
  detail?: string;
  values?: Record<string, string | number>;
  /** The underlying reason on a failure (a crypto error's reason), as it is. */
  error?: string;
  /** One English line for a terminal. */
  message?: string;
}

export const passed = (id: string, values?: Check['values'], message?: string): Check => ({
  id,
  status: 'ok',
  detail: 'ok',
  values,
  message,
});

export const failed = (id: string, detail: string, values: Check['values'], message: string, err?: unknown): Check => ({
  id,
  status: 'failed',
  detail,
  values,
  message,
  error: err === undefined ? undefined : reasonOf(err),
});

export const skipped = (id: string): Check => ({ id, status: 'skipped' });

/** A CryptoError's reason, else the error's message. */
export function reasonOf(err: unknown): string {
  if (err && typeof err === 'object' && 'reason' in err && typeof err.reason === 'string') return err.reason;
  return err instanceof Error ? err.message : String(err);
}

export const allPassed = (checks: readonly Check[]) => checks.length > 0 && checks.every((c) => c.status === 'ok');

/** The first failure, as one line for a terminal. */
export function firstFailure(checks: readonly Check[]): string | undefined {
  const f = checks.find((c) => c.status === 'failed');
  if (!f) return undefined;
  return f.error ? `${f.message ?? f.id}: ${f.error}` : (f.message ?? f.id);
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
export const HEX64 = /^[0-9a-f]{64}$/;
