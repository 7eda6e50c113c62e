import type { ParseArgsConfig } from 'node:util';

/** One `bidhall` command: its help and how it runs; returns the exit code. */
export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}
