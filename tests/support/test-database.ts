import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../apps/server/src/platform/db/database.ts';
import { migrate } from '../../apps/server/src/platform/db/migrator.ts';

export const onPostgres = Boolean(process.env.DATABASE_URL);

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or — when DATABASE_URL is set —
 * a new database on that PostgreSQL server, dropped again on close. Both start from the migrated copy
 * the global setup made (database-template.ts).
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<Database> {
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  if (process.env.DATABASE_URL) {
    const name = `bh_test_${randomBytes(6).toString('hex')}`;
    // A copy of the migrated template from Vitest's global setup; a script outside Vitest migrates.
    const template = options.migrate === false || !process.env.VITEST ? '' : inject('postgresTemplate');
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    database = await openDatabase({ kind: 'postgres', connectionString: url.toString() });
    drop = async () => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    // The migrated dump comes from Vitest's global setup; a script outside Vitest (a benchmark) migrates.
    const template = options.migrate === false || !process.env.VITEST ? '' : inject('pgliteTemplate');
    const from = template ? new Blob([readFileSync(template)]) : undefined;
    database = await openDatabase({ kind: 'pglite', dataDir: undefined, from });
  }
  // Already migrated when it started from the template; migrating again checks that nothing is pending.
  if (options.migrate !== false) await migrate(database.db);
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      await drop?.();
    },
  };
}
