/**
 * The server code the CLI's server-side commands run (serve, migrate, bootstrap, demo CA). Loaded with
 * `await import()` only by those commands, so that the bidder's `bidhall bid …` and the other client
 * commands start without loading the whole platform (about 2 s of the start before).
 */
export { buildApp } from '../../server/src/app.ts';
export { writeDemoCa } from '../../server/src/demo/demo-ca.ts';
export { demoPkiEntities } from '../../server/src/demo/demo-data.ts';
export { DEMO_PERSONS } from '../../server/src/demo/demo-personal-certificates.ts';
export { main as serve } from '../../server/src/main.ts';
export { ConfigError, loadConfig } from '../../server/src/platform/config/config.ts';
export { openDatabase } from '../../server/src/platform/db/database.ts';
export { migrate } from '../../server/src/platform/db/migrator.ts';
export { DomainError } from '../../server/src/platform/errors/domain-error.ts';
export { createJobQueue } from '../../server/src/platform/jobs/job-queue.ts';
export { loadOrCreateSigningKey } from '../../server/src/platform/keys/signing-key.ts';
export { databaseTarget } from '../../server/src/server.ts';
