import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Clock, systemClock } from '@bidhall/rules';
import { buildApp, type BuiltApp } from './app.ts';
import type { AppConfig } from './platform/config/config.ts';
import { type Database, openDatabase } from './platform/db/database.ts';
import { migrate } from './platform/db/migrator.ts';
import { createJobQueue, type JobQueue } from './platform/jobs/job-queue.ts';
import { loadDemoData } from './demo/demo-data.ts';
import { loadDemoTendering } from './demo/demo-tendering.ts';
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

/** Opens the database, migrates, optionally loads demo data, starts jobs and HTTP. */
export async function startServer(config: AppConfig, options: { clock?: Clock; demo?: boolean } = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const log = pino({ level: config.logLevel });
  const target = databaseTarget(config);
  const database = await openDatabase(
    target.kind === 'postgres' ? { ...target, onIdleError: (err) => log.warn({ err }, 'idle database connection closed by the server') } : target,
  );
  const applied = await migrate(database.db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const jobs = createJobQueue(database, log);
  const built = await buildApp({
    config: { ...config, webDist: config.webDist ?? DEFAULT_WEB_DIST },
    database,
    clock,
    jobs,
    signingKey: loadOrCreateSigningKey(config.signingKeyFile),
  });
  if (options.demo) {
    const summary = await loadDemoData(built, database.db, {
      demoCaDir: join(config.dataDir, 'demo-ca'),
      onSkipped: (file, code) => log.info({ file, code }, 'demo certificate left unbound'),
    });
    const tendering = await loadDemoTendering(built, {
      clock,
      demoCaDir: join(config.dataDir, 'demo-ca'),
      onSkipped: (stage, reason) => log.warn({ stage, reason }, 'demo tendering stage left out'),
    });
    log.info({ ...summary, sections: tendering.sections }, 'demo data ready');
  }
  const trust = built.identity.trust.view();
  if (trust.authorities.length === 0) log.warn({ dir: trust.dir }, 'no recognised CA in the trust store: every certificate is refused');
  else log.info({ dir: trust.dir, authorities: trust.authorities.length, crls: trust.crls.length }, 'trust store loaded');
  if (config.jobsEnabled) {
    await jobs.start();
    built.setJobsRunning(true);
  }
  const url = await built.app.listen({ port: config.port, host: config.host });

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
