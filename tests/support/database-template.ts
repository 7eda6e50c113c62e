// Global setup of the integration tests: one migrated database (with the job queue's schema) from which
// every test database starts — on PGlite a dump of the cluster, on PostgreSQL a template database.
// Creating and migrating costs seconds; a copy of the result a fraction of that.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { type Database, openDatabase } from '../../apps/server/src/platform/db/database.ts';
import { migrate } from '../../apps/server/src/platform/db/migrator.ts';
import { createJobQueue } from '../../apps/server/src/platform/jobs/job-queue.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** Path of the migrated PGlite dump; empty on PostgreSQL. */
    pgliteTemplate: string;
    /** Name of the migrated template database on PostgreSQL; empty on PGlite. */
    postgresTemplate: string;
  }
}

async function prepare(database: Database): Promise<void> {
  await migrate(database.db);
  const jobs = createJobQueue(database, pino({ level: 'silent' }));
  await jobs.prepare();
  await jobs.stop(1000);
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    const name = `bh_template_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', connectionString: url.toString() });
    await prepare(database);
    await database.close();
    project.provide('pgliteTemplate', '');
    project.provide('postgresTemplate', name);
    return () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
  await prepare(database);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  mkdirSync('.tmp', { recursive: true });
  const file = join('.tmp', `pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  return () => rmSync(file, { force: true });
}
