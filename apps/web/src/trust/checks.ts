import { reasonOf, type Check } from '@bidhall/crypto/log-verify';

/**
 * One step of a verification, shown as a green, red or grey line; its words are in i18n under
 * `verify.checks.<id>`. The same shape as the shared log verifier's checks (@bidhall/crypto/log-verify).
 */
export type { Check };
export { allPassed, reasonOf, skipped } from '@bidhall/crypto/log-verify';

export const passed = (id: string, values?: Check['values'], detail = 'ok'): Check => ({ id, status: 'ok', detail, values });

export const failed = (id: string, detail = 'failed', values?: Check['values'], err?: unknown): Check => ({
  id,
  status: 'failed',
  detail,
  values,
  error: err === undefined ? undefined : reasonOf(err),
});

/** A short form of a long hex digest for display. */
export const shortHex = (hex: string) => (hex.length > 20 ? `${hex.slice(0, 12)}…${hex.slice(-6)}` : hex);
