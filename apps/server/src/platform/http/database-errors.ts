/**
 * A database refusal that reached the error handler, as the caller's problem instead of a 500. Each
 * module checks what it can and answers with its own codes; this is the net under those checks for what
 * only the database sees (a race past a uniqueness check, a value a column cannot hold). The database's
 * own message stays in the log: it names tables and constraints.
 */
export interface DatabaseProblem {
  status: number;
  code: 'CONFLICT' | 'VALIDATION_FAILED' | 'SERVICE_UNAVAILABLE';
  detail: string;
  retryAfterSeconds?: number;
}

/** An error of the PostgreSQL protocol (node-postgres and PGlite alike): a SQLSTATE and a severity. */
function sqlState(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string' ? code : null;
}

export function databaseProblem(error: unknown): DatabaseProblem | null {
  const state = sqlState(error);
  if (!state) return null;
  // Class 22, data exception: a value out of range, too long, or text the database cannot store.
  if (state.startsWith('22')) return { status: 400, code: 'VALIDATION_FAILED', detail: 'a value in the request cannot be stored as given' };
  // Class 23, integrity constraint: the state of the data forbids it (a duplicate, a missing reference).
  if (state.startsWith('23')) return { status: 409, code: 'CONFLICT', detail: 'the request conflicts with the data as it is now; reload and try again' };
  // Serialization failure or deadlock: two writes met; the next attempt will pass.
  if (state === '40001' || state === '40P01') return { status: 503, code: 'SERVICE_UNAVAILABLE', detail: 'a concurrent change got in the way; try again', retryAfterSeconds: 1 };
  return null;
}
