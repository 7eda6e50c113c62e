#!/usr/bin/env node
// Runs the TypeScript CLI directly; the platform has no separate build step for server code.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/main.ts');
process.exitCode = await run(process.argv.slice(2));
