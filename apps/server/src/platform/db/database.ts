import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';

/** The untyped root handle; each module narrows it to its own tables (see `Tables`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = Kysely<any>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Present on the embedded driver only. */
  pglite?: PGlite;
  connectionString?: string;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | {
      kind: 'pglite';
      dataDir: string | undefined; // undefined = in memory
      /** A `dumpDataDir()` tarball to start from instead of an empty cluster. */
      from?: Blob;
    }
  | {
      kind: 'postgres';
      connectionString: string;
      /**
       * An idle pooled connection the server closed (restart, failover, a dropped database). The pool
       * replaces it on the next query; without a listener Node would treat it as an uncaught error.
       */
      onIdleError?: (err: Error) => void;
    };

const INT8_OID = 20;

// Both drivers read int8 the same way: a number while it is exact, a bigint beyond that.
function parseInt8(value: string): number | bigint {
  const big = BigInt(value);
  return big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER) ? big : Number(big);
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const types = new pg.TypeOverrides();
    types.setTypeParser(INT8_OID, parseInt8);
    const pool = new pg.Pool({ connectionString: target.connectionString, max: 10, types });
    pool.on('error', target.onIdleError ?? (() => undefined));
    const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    return {
      kind: 'postgres',
      db,
      connectionString: target.connectionString,
      close: () => db.destroy(),
    };
  }
  let dataDir: string | undefined;
  if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true });
    dataDir = join(target.dataDir, 'pgdata');
  }
  const pglite = await PGlite.create({ dataDir, relaxedDurability: false, loadDataDir: target.from });
  const db: Db = new Kysely({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    db,
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
