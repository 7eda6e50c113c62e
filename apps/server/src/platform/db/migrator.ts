import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

export class MigrationChecksumError extends Error {
  constructor(name: string) {
    super(`migration ${name} was changed after it was applied; add a new migration instead`);
  }
}

/**
 * Applies the pending SQL migrations, each in its own transaction, under an advisory lock so two
 * processes starting at once cannot both apply one. Returns the names applied.
 */
export async function migrate(db: Db, files = readMigrations()): Promise<string[]> {
  await sql`CREATE SCHEMA IF NOT EXISTS platform`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS platform.schema_migration (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  const applied: string[] = [];
  for (const file of files) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(8154002)`.execute(trx);
      const row = await trx
        .selectFrom('platform.schema_migration')
        .select('checksum')
        .where('name', '=', file.name)
        .executeTakeFirst();
      if (row) {
        if (row.checksum !== file.checksum) throw new MigrationChecksumError(file.name);
        return false;
      }
      await sql.raw(file.sql).execute(trx);
      await trx.insertInto('platform.schema_migration').values({ name: file.name, checksum: file.checksum }).execute();
      return true;
    });
    if (done) applied.push(file.name);
  }
  return applied;
}
