// What the browser tests share: the real server (in-process, demo data) serving the built web app
// (apps/web/dist, built beforehand with `npm run build`), Debian's Chromium through playwright-core,
// and a few waiting helpers. Runs on embedded PGlite, or on PostgreSQL in a fresh database
// `e2e_<random>` when DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import { chromium, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { type Clock, systemClock } from '@bidhall/rules';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { startServer, type RunningServer } from '../../apps/server/src/server.ts';
import { CHROMIUM, DEMO_PASSWORD, DEMO_TOTP_SECRET, e2eConfig, hasChromium, WEB_DIST, withAdmin } from './e2e-config.ts';

export {
  CHROMIUM,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  e2eConfig,
  e2eEnabled,
  hasChromium,
  required,
  WEB_DIST,
} from './e2e-config.ts';

// playwright-core has no assertions of its own: wait on locators, poll with Vitest's expect.
export const POLL = { timeout: 15_000, interval: 100 };
export const visible = (l: Locator) => l.waitFor({ state: 'visible' });
export const hidden = (l: Locator) => l.waitFor({ state: 'hidden' });
export const attribute = (l: Locator, name: string, timeout = POLL.timeout) =>
  expect.poll(() => l.getAttribute(name), { ...POLL, timeout });
export const text = (l: Locator) => expect.poll(() => l.innerText(), POLL);
export const value = (l: Locator) => expect.poll(() => l.inputValue(), POLL);
export const count = (l: Locator) => expect.poll(() => l.count(), POLL);

/**
 * Clicks `button` until `gone` is hidden. On a busy machine an entrance animation (a popconfirm's, a
 * modal's) can swallow the click and leave the dialog open (seen about 1 run in 4): click again.
 */
export async function clickUntilHidden(button: Locator, gone: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await button.click();
    try {
      await gone.waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/** Confirms the open popconfirm with its OK (or `ok`). */
export async function confirmPopconfirm(page: Page, ok?: Locator): Promise<void> {
  const open = page.locator('.ant-popconfirm:not(.ant-popover-hidden)').first();
  await open.waitFor({ state: 'visible' });
  await clickUntilHidden(ok ?? open.locator('.ant-btn-primary'), open);
}

/**
 * A fresh PostgreSQL database next to DATABASE_URL's, or nothing on PGlite: a copy of the demo database
 * the global setup built (demo-snapshot.ts) when there is one.
 */
async function freshPostgres(template: string | null): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const base = process.env.DATABASE_URL;
  if (!base) return undefined;
  const name = `e2e_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
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

/** Starts the server with the demo data and Chromium (`env`: configuration added to e2eConfig's); `stop` undoes everything. */
export async function startE2e(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<E2e> {
  if (!hasChromium) throw new Error(`E2E=required but ${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk`);
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`the web app is not built (${WEB_DIST}); run \`npm run build\` first (\`npm test\` does)`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bidhall-e2e-'));
  const demo = inject('e2eDemo');
  if (demo) cpSync(demo.dataDir, dataDir, { recursive: true });
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const postgres = await freshPostgres(demo?.database ?? null);
  const stop = async () => {
    await browser?.close();
    await server?.stop();
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startServer(e2eConfig(dataDir, postgres?.url, options.env), {
      demo: true,
      ...(options.clock ? { clock: options.clock } : {}),
    });
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

type StartOptions = Parameters<typeof startE2e>[0];

/**
 * The describe block's server and Chromium: started before its tests (with `options`, or what the
 * function gives once the hooks before it have run), stopped after them. Returns the running one.
 */
export function useE2e(options: StartOptions | (() => StartOptions) = {}): () => E2e {
  let running: E2e | undefined;
  beforeAll(async () => {
    running = await startE2e(typeof options === 'function' ? options() : options);
  }, 120_000);
  afterAll(async () => {
    await running?.stop();
  });
  return () => {
    if (!running) throw new Error('the browser tests’ server is not running');
    return running;
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
