import type { PGlite } from '@electric-sql/pglite';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';

/**
 * Kysely over PGlite. PGlite is one Postgres session, so a connection here is a lease on that
 * session: whoever holds it (a query, or a whole transaction) has it alone, and everyone else —
 * pg-boss included, since it runs through this same Kysely instance — waits in line.
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}

  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: PGliteConnection;

  constructor(pglite: PGlite) {
    this.connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const previous = this.queue;
    this.queue = previous.then(() => next);
    await previous;
    this.connection.release = release;
    return this.connection;
  }

  async beginTransaction(): Promise<void> {
    await this.connection.run('BEGIN');
  }
  async commitTransaction(): Promise<void> {
    await this.connection.run('COMMIT');
  }
  async rollbackTransaction(): Promise<void> {
    await this.connection.run('ROLLBACK');
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PGliteConnection).release();
  }

  async destroy(): Promise<void> {
    await this.queue;
  }
}

class PGliteConnection implements DatabaseConnection {
  release: () => void = () => {};

  constructor(private readonly pglite: PGlite) {}

  async run(sql: string): Promise<void> {
    await this.pglite.exec(sql);
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const params = compiled.parameters as unknown[];
    if (params.length === 0) {
      // Parameterless text may hold several statements (migrations, pg-boss maintenance), which
      // only the simple protocol accepts; keep every statement's rows, as node-postgres does.
      const results = await this.pglite.exec(compiled.sql);
      const rows = results.flatMap((r) => r.rows) as R[];
      const affected = results.reduce((n, r) => n + (r.affectedRows ?? 0), 0);
      return { rows, numAffectedRows: BigInt(affected) };
    }
    const result = await this.pglite.query<R>(compiled.sql, params);
    return { rows: result.rows, numAffectedRows: BigInt(result.affectedRows ?? 0) };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on the embedded database');
  }
}
