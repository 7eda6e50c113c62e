import { PgBoss, fromKysely, type Job } from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, Db } from '../db/database.ts';

export interface JobDefinition<T extends object = object> {
  name: string;
  /** Cron in Asia/Shanghai, for jobs the platform starts on its own. */
  cron?: string;
  retryLimit?: number;
  handle(data: T, job: { id: string }): Promise<void>;
}

export interface JobQueue {
  /** Registers a job before start(); modules call this from their composition. */
  define<T extends object>(definition: JobDefinition<T>): void;
  /** Enqueues inside the caller's transaction, so the job exists exactly when the change commits. */
  send(trx: Db, name: string, data: object, options?: { startAfter?: Date; singletonKey?: string }): Promise<string | null>;
  start(): Promise<void>;
  /** Stops fetching new jobs and waits for running handlers up to the grace period. */
  stop(graceMs: number): Promise<void>;
  /** Runs one definition's handler directly, for `bidhall` commands and tests. */
  runNow(name: string, data?: object): Promise<void>;
  readonly names: string[];
}

export function createJobQueue(database: Database, log: Logger): JobQueue {
  const definitions = new Map<string, JobDefinition>();
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromKysely(database.db), backend: 'pglite', schema: 'pgboss' })
      : new PgBoss({ connectionString: database.connectionString, schema: 'pgboss', max: 4 });
  boss.on('error', (err: unknown) => log.error({ err }, 'job queue error'));
  let started = false;

  return {
    get names() {
      return [...definitions.keys()];
    },
    define(definition) {
      if (started) throw new Error(`job ${definition.name} defined after start`);
      definitions.set(definition.name, definition as JobDefinition);
    },
    async send(trx, name, data, options) {
      if (!definitions.has(name)) throw new Error(`unknown job ${name}`);
      return boss.send(name, data, { ...options, db: fromKysely(trx) });
    },
    async start() {
      await boss.start();
      for (const def of definitions.values()) {
        await boss.createQueue(def.name, { retryLimit: def.retryLimit ?? 3, retryBackoff: true });
        await boss.work(def.name, async (jobs: Job<object>[]) => {
          for (const job of jobs) {
            log.info({ job: def.name, jobId: job.id }, 'job started');
            await def.handle(job.data, { id: job.id });
          }
        });
        if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Shanghai' });
      }
      started = true;
    },
    async stop(graceMs) {
      if (!started) return;
      await boss.stop({ graceful: true, timeout: graceMs, close: true });
      started = false;
    },
    async runNow(name, data = {}) {
      const def = definitions.get(name);
      if (!def) throw new Error(`unknown job ${name}`);
      await def.handle(data, { id: 'direct' });
    },
  };
}
