import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { AppInstance } from './types.ts';

const MACHINE_PREFIXES = ['/api/', '/sandbox/'];

/**
 * Serves the built web app; any non-API path falls back to index.html so the client router owns it.
 * API and sandbox paths that match nothing still get a problem+json 404 from the error plugin.
 */
export async function registerWeb(app: AppInstance, distDir: string): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web app not built; serving the API only');
    return false;
  }
  await app.register(fastifyStatic, { root: distDir, serve: false });
  const shell = { config: { access: { public: true as const, reason: 'the web app shell' } }, schema: { hide: true } };
  const sendShell = (_req: unknown, reply: { sendFile: (f: string) => unknown }) => reply.sendFile('index.html');
  app.get('/', shell, sendShell as never);
  app.get('/*', shell, async (request, reply) => {
    // Machine paths (the API, and the sandbox stand-ins when they are off) answer 404, not the shell.
    if (MACHINE_PREFIXES.some((p) => request.url.startsWith(p))) {
      return reply.callNotFound();
    }
    const path = request.url.split('?')[0] ?? '/';
    if (/\.[a-z0-9]+$/i.test(path) && existsSync(join(distDir, path))) return reply.sendFile(path.slice(1));
    return reply.sendFile('index.html');
  });
  return true;
}
