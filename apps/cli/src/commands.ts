import type { Command } from './command.ts';
import { generateSync } from 'otplib';
import { bidCommands } from './bid-commands.ts';
import { cryptoCommands } from './crypto-commands.ts';
import { demoCaCommands } from './demo-ca-commands.ts';
import { logCommands } from './log-commands.ts';
import { securityCommands } from './security-commands.ts';

export type { Command } from './command.ts';


const server = () => import('./server-runtime.ts');

async function config() {
  const { ConfigError, loadConfig } = await server();
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new Error(err.message, { cause: err });
    throw err;
  }
}

export const commands: Record<string, Command> = {
  serve: {
    summary: 'run the platform (migrates first)',
    usage: 'bidhall serve [--no-demo]\n  --no-demo   do not load the demo data set',
    options: { 'no-demo': { type: 'boolean' } },
    async run(values) {
      const { serve } = await server();
      await serve({ demo: !values['no-demo'] });
      return 0;
    },
  },
  migrate: {
    summary: 'apply pending database migrations',
    usage: 'bidhall migrate\n  Applies the SQL migrations in apps/server/migrations to DATABASE_URL or the embedded database.',
    options: {},
    async run() {
      const { databaseTarget, migrate, openDatabase } = await server();
      const database = await openDatabase(databaseTarget(await config()));
      try {
        const applied = await migrate(database.db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      } finally {
        await database.close();
      }
      return 0;
    },
  },
  totp: {
    summary: 'print the current TOTP code for a secret (demo logins)',
    usage: 'bidhall totp <base32-secret>\n  Prints the six-digit code an authenticator app would show now.',
    options: {},
    async run(_values, positionals) {
      const secret = positionals[0];
      if (!secret || !/^[A-Z2-7]{16,}=*$/i.test(secret)) {
        console.error('bidhall totp: give a base32 secret of at least 16 characters');
        return 2;
      }
      console.log(generateSync({ secret: secret.toUpperCase() }));
      return 0;
    },
  },
  ...cryptoCommands,
  ...logCommands,
  ...demoCaCommands,
  ...securityCommands,
  ...bidCommands,
};
