import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Clock, OffsetClock, systemClock } from '@bidhall/rules';
import { buildApp, type BuiltApp } from './app.ts';
import { loadDemo } from './demo/load-demo.ts';
import type { AppConfig } from './platform/config/config.ts';
import { type Database, openDatabase } from './platform/db/database.ts';
import { migrate } from './platform/db/migrator.ts';
import { createJobQueue, type JobQueue } from './platform/jobs/job-queue.ts';
import { LOG_HEAD_JOB } from './platform/log/transparency-log.ts';
import { loadOrCreateSigningKey } from './platform/keys/signing-key.ts';
import pino from 'pino';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface RunningServer {
  built: BuiltApp;
  database: Database;
  jobs: JobQueue;
  url: string;
  stop(): Promise<void>;
}

export function databaseTarget(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>) {
  return config.databaseUrl
    ? ({ kind: 'postgres', connectionString: config.databaseUrl } as const)
    : ({ kind: 'pglite', dataDir: config.dataDir } as const);
}

/**
 * What the demo changes unless configured (decisions 0015, 0018): with the demo data the sandbox
 * stand-ins are on and an unverified clock is shown but not enforced, so `npm start` works offline;
 * without it (production) the sandboxes are off and the clock check is strict.
 */
export function modesFor(config: Pick<AppConfig, 'exchangeSandbox' | 'timeTrust'>, demo: boolean) {
  return {
    exchangeSandbox: config.exchangeSandbox ?? demo,
    timeTrust: config.timeTrust ?? (demo ? ('lenient' as const) : ('strict' as const)),
  };
}

/** Opens the database, migrates, optionally loads demo data, starts jobs and HTTP. */
export async function startServer(config: AppConfig, options: { clock?: Clock; demo?: boolean } = {}): Promise<RunningServer> {
  // The demo moves its clock back while it seals bids for the opening hall, then returns (load-demo.ts).
  const clock = options.clock ?? (options.demo ? new OffsetClock(systemClock) : systemClock);
  const log = pino({ level: config.logLevel });
  const target = databaseTarget(config);
  const database = await openDatabase(
    target.kind === 'postgres' ? { ...target, onIdleError: (err) => log.warn({ err }, 'idle database connection closed by the server') } : target,
  );
  const applied = await migrate(database.db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const jobs = createJobQueue(database, log);
  const built = await buildApp({
    config: { ...config, ...modesFor(config, options.demo ?? false), webDist: config.webDist ?? DEFAULT_WEB_DIST },
    database,
    clock,
    jobs,
    signingKey: loadOrCreateSigningKey(config.signingKeyFile),
    ...(options.demo ? { demoCaDir: join(config.dataDir, 'demo-ca') } : {}),
  });
  if (options.demo) {
    const loaded = await loadDemo(built, database.db, {
      clock,
      demoCaDir: join(config.dataDir, 'demo-ca'),
      ocspBaseUrl: `${config.publicBaseUrl}/sandbox/ocsp`,
      onUnbound: (file, code) => log.info({ file, code }, 'demo certificate left unbound'),
      onSkipped: (stage, reason) => log.warn({ stage, reason }, 'demo data left out'),
      // A first load takes a minute or more of API calls: say what it is doing.
      onStage: (stage) => log.info({ stage }, 'loading demo data'),
    });
    log.info(loaded, 'demo data ready');
  }
  const trust = built.identity.trust.view();
  if (trust.authorities.length === 0) log.warn({ dir: trust.dir }, 'no recognised CA in the trust store: every certificate is refused');
  else log.info({ dir: trust.dir, authorities: trust.authorities.length, crls: trust.crls.length }, 'trust store loaded');
  if (config.jobsEnabled) {
    await jobs.start();
    built.setJobsRunning(true);
    // A head is published at start too, not only on the interval: witnesses need not wait for the first.
    await jobs.send(database.db, LOG_HEAD_JOB, {}, { singletonKey: 'start' });
  }
  const url = await built.app.listen({ port: config.port, host: config.host });
  // F-07: measured now and every interval from here on, in this process (decision 0015).
  built.timeSource.start(config.timeCheckIntervalSeconds * 1000);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Stop taking requests and let in-flight ones finish, then let running jobs finish, then close.
      await built.app.close();
      built.setJobsRunning(false);
      await jobs.stop(config.shutdownGraceMs);
      await database.close();
    })());
  return { built, database, jobs, url, stop };
}
