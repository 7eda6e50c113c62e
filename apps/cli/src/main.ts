import { parseArgs } from 'node:util';
import { commands } from './commands.ts';

const USAGE = `bidhall — the electronic public resource trading platform

Usage: bidhall <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Environment: DATABASE_URL (PostgreSQL; otherwise embedded PGlite in DATA_DIR, default ./data), PORT.
Run 'bidhall <command> --help' for a command's options.`;

/** Returns the exit code: 0 done, 1 the command failed, 2 the command line was wrong. */
export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`bidhall: unknown command '${name}'\n\n${USAGE}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (err) {
    console.error(`bidhall ${name}: ${(err as Error).message}\n\n${command.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
  } catch (err) {
    console.error(`bidhall ${name}: ${(err as Error).message}`);
    return 1;
  }
}
