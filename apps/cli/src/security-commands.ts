/**
 * `bidhall bootstrap-security-admin`: the first two security administrators of a platform (decision
 * 0012). Dual control needs two; below two active ones nobody could grant anything, so the operator
 * makes them here, on the server, and the command refuses once two are active.
 */
import { randomBytes } from 'node:crypto';
import { residentIdProblem, username as usernameSchema } from '@bidhall/contracts';
import { systemClock } from '@bidhall/rules';
import pino from 'pino';
import type { Command } from './command.ts';

const USAGE = `bidhall bootstrap-security-admin --username NAME --name DISPLAY --id-number ID [--region CODE]

  Creates a security administrator (安全管理员) directly in the database that DATABASE_URL or DATA_DIR
  names, bound to the person's citizen identity number (only a keyed digest is stored), and prints a
  generated initial password once; the account sets up its authenticator at first login. Allowed only
  while the platform has fewer than two active security administrators: run it twice on a fresh
  platform, or again when one of two was disabled. Every further account, security administrators
  included, is proposed by one security administrator and approved by another.
    --region   the account's region (default 150600)
  Exit 0 created, 1 refused (e.g. BOOTSTRAP_CLOSED, DUTY_CONFLICT, USERNAME_TAKEN), 2 unusable input.`;

/** Letters and digits, as the password policy asks; shown once. */
function initialPassword(): string {
  for (;;) {
    const p = randomBytes(15).toString('base64url');
    if (/[A-Za-z]/.test(p) && /\d/.test(p)) return p;
  }
}

async function bootstrap(values: Record<string, string | boolean | undefined>): Promise<number> {
  const username = typeof values.username === 'string' ? values.username : '';
  const displayName = typeof values.name === 'string' ? values.name.trim() : '';
  const idNumber = typeof values['id-number'] === 'string' ? values['id-number'].trim().toUpperCase() : '';
  const regionCode = typeof values.region === 'string' ? values.region : '150600';
  const problems = [
    !usernameSchema.safeParse(username).success && '--username: 3–40 lower-case letters, digits, dots, dashes or underscores',
    (!displayName || displayName.length > 50) && '--name: 1–50 characters',
    residentIdProblem(idNumber) && `--id-number: not a valid citizen identity number (${residentIdProblem(idNumber)})`,
    !/^[1-9]\d{5}$/.test(regionCode) && '--region: a six-digit region code',
  ].filter(Boolean);
  if (problems.length) {
    console.error(`bidhall bootstrap-security-admin: ${problems.join('; ')}\n\n${USAGE}`);
    return 2;
  }
  const { buildApp, ConfigError, createJobQueue, databaseTarget, DomainError, loadConfig, loadOrCreateSigningKey, migrate, openDatabase } =
    await import('./server-runtime.ts');
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  const database = await openDatabase(databaseTarget(config));
  try {
    await migrate(database.db);
    const jobs = createJobQueue(database, pino({ level: 'silent' }));
    const built = await buildApp({
      config: { ...config, webDist: undefined, logLevel: 'silent' },
      database,
      clock: systemClock,
      jobs,
      signingKey: loadOrCreateSigningKey(config.signingKeyFile),
      logger: false,
    });
    try {
      const password = initialPassword();
      const user = await built.identity.services.bootstrapSecurityAdmin(
        { username, displayName, regionCode, personIdNumber: idNumber, password },
        { kind: 'system', label: 'bidhall bootstrap-security-admin' },
      );
      console.log(`security administrator ${user!.username} created (person ${user!.personHint})`);
      console.log(`initial password, shown once: ${password}`);
      return 0;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      console.error(`bidhall bootstrap-security-admin: refused: ${err.code}: ${err.message}`);
      return 1;
    } finally {
      await built.app.close();
      await jobs.stop(1000);
    }
  } finally {
    await database.close();
  }
}

export const securityCommands: Record<string, Command> = {
  'bootstrap-security-admin': {
    summary: 'create one of the first two security administrators (dual control needs two)',
    usage: USAGE,
    options: { username: { type: 'string' }, name: { type: 'string' }, 'id-number': { type: 'string' }, region: { type: 'string' } },
    run: bootstrap,
  },
};
