import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@bidhall/rules';
import { generateSync } from 'otplib';
import pino from 'pino';
import { type AppDeps, buildApp, type BuiltApp } from '../../apps/server/src/app.ts';
import type { Database } from '../../apps/server/src/platform/db/database.ts';
import { createJobQueue, type JobQueue } from '../../apps/server/src/platform/jobs/job-queue.ts';
import { ephemeralSigningKey, type PlatformSigningKey } from '../../apps/server/src/platform/keys/signing-key.ts';
import { testPersonId } from './person-id.ts';
import { createTestDatabase } from './test-database.ts';

export interface TestApp {
  built: BuiltApp;
  database: Database;
  clock: ManualClock;
  jobs: JobQueue;
  /** The platform key the app was built with (tests that check what it derives). */
  signingKey: PlatformSigningKey;
  /** Where the app keeps its blobs. */
  blobDir: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  startJobs?: boolean;
  now?: string;
  /** An existing database (several apps on one database); a fresh one otherwise. */
  database?: Database;
  config?: Partial<AppDeps['config']>;
  /** Keeps this app's rate limit counters in Redis apart from other tests'. */
  rateLimitNamespace?: string;
  /** The platform key (another app of the same deployment shares it); a fresh one otherwise. */
  signingKey?: PlatformSigningKey;
  /** Serves the demo CAs' OCSP responders from this folder (as the demo does). */
  demoCaDir?: string;
}

/** The real application on a fresh database, with a clock the test moves. Jobs start only when asked. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const clock = new ManualClock(options.now ?? '2026-03-02T02:00:00Z');
  const jobs = createJobQueue(database, pino({ level: 'silent' }));
  // Files of this app only, removed on close.
  const ownBlobDir = options.config?.blobDir === undefined ? mkdtempSync(join(tmpdir(), 'bidhall-blobs-')) : undefined;
  const signingKey = options.signingKey ?? ephemeralSigningKey();
  const blobDir = options.config?.blobDir ?? ownBlobDir!;
  const built = await buildApp({
    config: {
      bodyLimit: 64 * 1024,
      sessionTtlHours: 12,
      cookieSecure: false,
      logLevel: 'silent',
      webDist: undefined,
      // The demo's modes (decisions 0015, 0018): sandbox stand-ins on, the clock shown but not enforced.
      exchangeSandbox: true,
      timeTrust: 'lenient',
      // Generous: a test logs in far more often than a person; the rate limit tests pass 1.
      rateLimitScale: 1000,
      // scrypt N=2^10 for new hashes (decision 0047): the suite logs in thousands of times.
      passwordCost: 10,
      ...options.config,
      blobDir: options.config?.blobDir ?? ownBlobDir!,
    },
    database,
    clock,
    jobs,
    signingKey,
    logger: false,
    ...(options.rateLimitNamespace ? { rateLimitNamespace: options.rateLimitNamespace } : {}),
    ...(options.demoCaDir ? { demoCaDir: options.demoCaDir } : {}),
  });
  await built.app.ready();
  if (options.startJobs) {
    await jobs.start();
    built.setJobsRunning(true);
  }
  return {
    built,
    database,
    clock,
    jobs,
    signingKey,
    blobDir,
    async close() {
      await built.app.close();
      await jobs.stop(2000);
      if (!options.database) await database.close();
      if (ownBlobDir) rmSync(ownBlobDir, { recursive: true, force: true });
    },
  };
}

export const TEST_PASSWORD = 'Passw0rd-test';
export const TEST_TOTP_SECRET = 'TESTTOTPSECRETFORBIDHALLTESTSONL';

/** Creates a platform account with a known TOTP secret, through the real service. */
export async function createPlatformUser(
  t: TestApp,
  user: {
    username: string;
    kind: 'staff' | 'supervisor' | 'expert' | 'auditor' | 'admin' | 'securityAdmin';
    regionCode?: string;
    department?: string;
    /** The person's identity number; by default one of its own per username. */
    personIdNumber?: string;
  },
) {
  const view = await t.built.identity.services.users.create(
    {
      username: user.username,
      displayName: user.username,
      kind: user.kind,
      regionCode: user.regionCode ?? '150600',
      department: user.department ?? (user.kind === 'supervisor' ? '住建局' : undefined),
      categories: [],
      password: TEST_PASSWORD,
      personIdNumber: user.personIdNumber ?? testPersonId(user.username),
    },
    null,
    { kind: 'system' },
  );
  await t.database.db
    .updateTable('identity.user_account')
    .set({ totp_secret: TEST_TOTP_SECRET, totp_enabled: true })
    .where('id', '=', view.id)
    .execute();
  return view;
}

export function totpNow(t: { clock: { now(): Date } }, secret = TEST_TOTP_SECRET): string {
  return generateSync({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
}

/** Logs in through the API (with the TOTP step when the account needs it); returns the cookie header. */
export async function login(t: TestApp, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'bh_session');
  if (!cookie) throw new Error('no session cookie');
  const header = `bh_session=${cookie.value}`;
  const body = res.json() as { stage: string };
  if (body.stage !== 'active') {
    // Each TOTP step can be used once; move past the last one used.
    t.clock.advance(30_000);
    const second = await t.built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp',
      headers: { cookie: header },
      payload: { code: totpNow(t) },
    });
    if (second.statusCode !== 200) throw new Error(`totp ${username} failed: ${second.statusCode} ${second.body}`);
  }
  return header;
}
