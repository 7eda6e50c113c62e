// What the browser tests and their global setup share: where Chromium and the built web app are, and the
// server's configuration. No Vitest runtime here: the global setup imports it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../../apps/server/src/platform/config/config.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const WEB_DIST = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));
export { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../apps/server/src/demo/demo-data.ts';

export const hasChromium = existsSync(CHROMIUM);
export const required = process.env.E2E === 'required';
/** Whether the browser tests run here: Chromium is installed, or E2E=required (then they fail without it). */
export const e2eEnabled = hasChromium || required;
if (!e2eEnabled) {
  console.warn(
    `[e2e] skipped: ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk); set E2E=required to fail instead`,
  );
}

/** The server's configuration in a browser test: its data folder, and PostgreSQL when given. */
export function e2eConfig(dataDir: string, databaseUrl?: string, env: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    JOBS: 'off',
    // A browser test logs in far more often than a person does (decision 0013).
    RATE_LIMIT_SCALE: '100',
    // New password hashes at scrypt N=2^10 (decision 0047): the demo accounts are seeded at that cost,
    // so a test's logins cost milliseconds; production refuses less than 2^17.
    PASSWORD_COST: '10',
    WEB_DIST,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
}

/** Runs `fn` with a client of DATABASE_URL's server (to create or drop the tests' databases). */
export async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
