// Global setup of the browser tests: the demo is built once per run (about twenty seconds of API calls)
// into a data folder — and on PostgreSQL a database — that each test file's server starts from a copy
// of. The copy is exactly what a fresh `npm start` makes; the server loads the demo again on it, which
// adds nothing.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../apps/server/src/server.ts';
import { e2eConfig, e2eEnabled, withAdmin } from './e2e-config.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** The demo's data folder and (on PostgreSQL) database to copy; empty when the browser tests do not run. */
    e2eDemo: { dataDir: string; database: string | null } | null;
  }
}

export default async function setup(project: TestProject) {
  if (!e2eEnabled) {
    project.provide('e2eDemo', null);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bidhall-e2e-demo-'));
  let database: string | null = null;
  let url: string | undefined;
  if (process.env.DATABASE_URL) {
    database = `e2e_demo_${randomBytes(6).toString('hex')}`;
    await withAdmin((c) => c.query(`CREATE DATABASE ${database}`));
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${database}`;
    url = u.toString();
  }
  const server = await startServer(e2eConfig(dataDir, url), { demo: true });
  await server.stop();
  project.provide('e2eDemo', { dataDir, database });
  return async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (database) await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  };
}
