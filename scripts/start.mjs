// `npm start`: build the web app if it is missing or older than its sources, then migrate, load the
// demo data and serve (see apps/server/src/main.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

export function webIsStale() {
  const built = 'apps/web/dist/index.html';
  if (!existsSync(built)) return true;
  // Everything the bundle is built from: the app, its build settings and the workspace packages it imports.
  const sources = [
    'apps/web/src',
    'apps/web/public',
    'apps/web/index.html',
    'apps/web/vite.config.ts',
    'apps/web/package.json',
    'packages/contracts/src',
    'packages/crypto/src',
  ].filter(existsSync);
  return Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
}

export function buildWebIfStale() {
  if (!webIsStale()) return;
  console.log('building the web app…');
  const r = spawnSync('npm', ['run', 'build', '-w', '@bidhall/web'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildWebIfStale();
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../apps/server/src/main.ts');
  await main({ demo: process.env.DEMO !== 'off' });
}
