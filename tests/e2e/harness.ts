// What the browser tests share: the real server (in-process, demo data) serving the built web app
// (apps/web/dist, built beforehand with `npm run build`), Debian's Chromium through playwright-core,
// and a few waiting helpers. Runs on embedded PGlite, or on PostgreSQL in a fresh database
// `e2e_<random>` when DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSync } from 'otplib';
import pg from 'pg';
import { chromium, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { type Clock, systemClock } from '@bidhall/rules';
import { expect } from 'vitest';
import { loadConfig } from '../../apps/server/src/platform/config/config.ts';
import { startServer, type RunningServer } from '../../apps/server/src/server.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const WEB_DIST = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));
export const DEMO_PASSWORD = 'Bidhall2026';
export const DEMO_TOTP_SECRET = 'BIDHALLDEMOTOTPSECRETFORDEMOONLY';

export const hasChromium = existsSync(CHROMIUM);
export const required = process.env.E2E === 'required';
/** Whether the browser tests run here: Chromium is installed, or E2E=required (then they fail without it). */
export const e2eEnabled = hasChromium || required;
if (!e2eEnabled) {
  console.warn(
    `[e2e] skipped: ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk); set E2E=required to fail instead`,
  );
}

// playwright-core has no assertions of its own: wait on locators, poll with Vitest's expect.
export const POLL = { timeout: 15_000, interval: 100 };
export const visible = (l: Locator) => l.waitFor({ state: 'visible' });
export const hidden = (l: Locator) => l.waitFor({ state: 'hidden' });
export const attribute = (l: Locator, name: string, timeout = POLL.timeout) =>
  expect.poll(() => l.getAttribute(name), { ...POLL, timeout });
export const text = (l: Locator) => expect.poll(() => l.innerText(), POLL);
export const value = (l: Locator) => expect.poll(() => l.inputValue(), POLL);
export const count = (l: Locator) => expect.poll(() => l.count(), POLL);

/** A fresh PostgreSQL database next to DATABASE_URL's, or nothing on PGlite. */
async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const base = process.env.DATABASE_URL;
  if (!base) return undefined;
  const name = `e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface E2e {
  base: string;
  /** DATA_DIR of the server: the demo PKI is in `${dataDir}/demo-ca`. */
  dataDir: string;
  server: RunningServer;
  browser: Browser;
  newContext: () => Promise<{ context: BrowserContext; page: Page }>;
  stop: () => Promise<void>;
}

/** Real time moved forward by hand: the server's clock in tests that need a later day. */
export class ShiftedClock implements Clock {
  #offsetMs = 0;
  now(): Date {
    return new Date(systemClock.now().getTime() + this.#offsetMs);
  }
  advance(ms: number): void {
    this.#offsetMs += ms;
  }
}

/** Starts the server with the demo data and Chromium; `stop` undoes everything. */
export async function startE2e(options: { clock?: Clock } = {}): Promise<E2e> {
  if (!hasChromium) throw new Error(`E2E=required but ${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk`);
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`the web app is not built (${WEB_DIST}); run \`npm run build\` first (\`npm test\` does)`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bidhall-e2e-'));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const postgres = await freshPostgres();
  const stop = async () => {
    await browser?.close();
    await server?.stop();
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      JOBS: 'off',
      WEB_DIST,
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    });
    server = await startServer(config, { demo: true, ...(options.clock ? { clock: options.clock } : {}) });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  } catch (err) {
    await stop();
    throw err;
  }
  const base = server.url.replace('0.0.0.0', '127.0.0.1');
  const b = browser;
  return {
    base,
    dataDir,
    server,
    browser: b,
    newContext: async () => {
      const context = await b.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', baseURL: base });
      context.setDefaultTimeout(15_000);
      return { context, page: await context.newPage() };
    },
    stop,
  };
}

/** Logs a context in through the API; staff complete the second step with the demo TOTP secret. */
export async function apiLogin(request: APIRequestContext, username: string, password = DEMO_PASSWORD): Promise<void> {
  const response = await request.post('/api/v1/auth/login', { data: { username, password } });
  expect(response.status()).toBe(200);
  const { stage } = (await response.json()) as { stage: string };
  if (stage === 'mfa') {
    // The code of the server's time, which a test may have moved.
    const { epochMs } = (await (await request.get('/api/v1/time')).json()) as { epochMs: number };
    const code = generateSync({ secret: DEMO_TOTP_SECRET, epoch: Math.floor(epochMs / 1000) });
    const totp = await request.post('/api/v1/auth/totp', { data: { code } });
    expect(totp.status()).toBe(200);
  }
}
