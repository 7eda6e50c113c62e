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
  /**
   * Installs the queue's tables and creates every defined queue without working any of them. After
   * this, `send` works whether or not workers run (JOBS=off, tests, demo loading before start).
   */
  prepare(): Promise<void>;
  /** Enqueues inside the caller's transaction, so the job exists exactly when the change commits. */
  send(trx: Db, name: string, data: object, options?: { startAfter?: Date; singletonKey?: string }): Promise<string | null>;
  start(): Promise<void>;
  /** Stops fetching new jobs and waits for running handlers up to the grace period. */
  stop(graceMs: number): Promise<void>;
  /** Runs one definition's handler directly, for `bidhall` commands and tests. */
  runNow(name: string, data?: object): Promise<void>;
  readonly names: string[];
}

/**
 * A worker beats every HEARTBEAT_SECONDS / 2 while it runs a job; a job whose worker died (kill -9, a
 * lost machine) misses its beats and the supervisor, every SUPERVISE_SECONDS, fails it for a retry —
 * within a minute, not at the 15-minute expiry a stuck job would otherwise wait for.
 */
const HEARTBEAT_SECONDS = 20;
const SUPERVISE_SECONDS = 15;

export function createJobQueue(database: Database, log: Logger): JobQueue {
  const definitions = new Map<string, JobDefinition>();
  const supervision = { superviseIntervalSeconds: SUPERVISE_SECONDS };
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromKysely(database.db), backend: 'pglite', schema: 'pgboss', ...supervision })
      : new PgBoss({ connectionString: database.connectionString, schema: 'pgboss', max: 4, ...supervision });
  const queueOptions = (def: JobDefinition) => ({ retryLimit: def.retryLimit ?? 3, retryBackoff: true, heartbeatSeconds: HEARTBEAT_SECONDS });
  /** Creates the queue, or brings an existing one (made by an earlier version) to these options. */
  const ensureQueue = async (def: JobDefinition) => {
    if (await boss.getQueue(def.name)) await boss.updateQueue(def.name, queueOptions(def));
    else await boss.createQueue(def.name, queueOptions(def));
  };
  boss.on('error', (err: unknown) => log.error({ err }, 'job queue error'));
  let prepared: Promise<void> | undefined;
  let working = false;
  const prepare = () =>
    (prepared ??= (async () => {
      await boss.start();
      for (const def of definitions.values()) await ensureQueue(def);
    })());

  return {
    get names() {
      return [...definitions.keys()];
    },
    define(definition) {
      if (working) throw new Error(`job ${definition.name} defined after start`);
      definitions.set(definition.name, definition as JobDefinition);
    },
    async send(trx, name, data, options) {
      if (!definitions.has(name)) throw new Error(`unknown job ${name}`);
      // pg-boss looks a queue up on its own connection first; on PGlite's single session that waits
      // forever for the caller's transaction, so the queues must be known before any transaction sends.
      if (!prepared) throw new Error(`job queue not prepared: call jobs.prepare() before sending ${name}`);
      await prepared;
      return boss.send(name, data, { ...options, db: fromKysely(trx) });
    },
    prepare,
    async start() {
      await prepare();
      for (const def of definitions.values()) {
        // Again for definitions added after prepare (tests).
        await ensureQueue(def);
        await boss.work(def.name, async (jobs: Job<object>[]) => {
          for (const job of jobs) {
            log.info({ job: def.name, jobId: job.id }, 'job started');
            await def.handle(job.data, { id: job.id });
          }
        });
        if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Shanghai' });
      }
      working = true;
    },
    async stop(graceMs) {
      if (!prepared) return;
      await prepared.catch(() => undefined);
      await boss.stop({ graceful: true, timeout: graceMs, close: true });
      prepared = undefined;
      working = false;
    },
    async runNow(name, data = {}) {
      const def = definitions.get(name);
      if (!def) throw new Error(`unknown job ${name}`);
      await def.handle(data, { id: 'direct' });
    },
  };
}
