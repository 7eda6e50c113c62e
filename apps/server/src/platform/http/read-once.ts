import { AsyncLocalStorage } from 'node:async_hooks';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route changes none of what it reads through `readOnce` (sections, an upload's row) before its
     * last such read: in it each such read is made once and shared by the access check, the handler
     * and the body's stream.
     */
    readOnce?: true;
  }
}

/**
 * Reads shared within one request (issue 10: the deadline rush). A bid upload asks for its section
 * five times on its way — the access check, the route, the document holder check, the deadline before
 * and while streaming — and in the last minute every one of those is a query a thousand bidders wait
 * behind. Outside a `readOnce` route every call reads.
 */
const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Registered before access, so that the access check's reads are shared too. */
export const readOncePlugin = fp(async (app) => {
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.routeOptions.config?.readOnce) scope.run(new Map(), done);
    else done();
  });
});

/** `load()`, or the answer an earlier call with this key got in the same request. */
export function readOnce<T>(key: string, load: () => Promise<T>): Promise<T> {
  const reads = scope.getStore();
  if (!reads) return load();
  let answer = reads.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = load();
    reads.set(key, answer);
    // A failed read is not kept: the next caller tries again.
    answer.catch(() => reads.delete(key));
  }
  return answer;
}
