import type { ServerResponse } from 'node:http';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route sends `100 Continue` itself (`continueBody`) when it is about to read the body, not
     * when its body parser would: a bid upload waits for its streaming slot first (issue 10).
     */
    continueWhenRead?: true;
  }
}

/** Answers that owe the client a 100 Continue before the body comes. */
const owed = new WeakSet<ServerResponse>();

/** Lets a client that sent `Expect: 100-continue` send its body now (once; nothing if it did not ask). */
export function continueBody(res: ServerResponse): void {
  if (!owed.delete(res) || res.headersSent || res.writableEnded) return;
  res.writeContinue();
}

/**
 * `Expect: 100-continue` (RFC 9110 §10.1.1): the client sends its headers and waits for 100 Continue
 * before the body. Node answers 100 at once unless the server listens for 'checkContinue'; listening,
 * the platform answers it when the body is about to be read — at body parsing for every route, later
 * for a `continueWhenRead` route. A request refused first (not signed in, too large, bidding closed)
 * gets its answer before the client has sent a byte of its body, and Node closes that connection.
 * A client waiting at the upload gate this way holds neither the server's memory nor the kernel's
 * (decision 0051).
 */
export const expectContinuePlugin = fp(async (app) => {
  app.server.on('checkContinue', (req, res: ServerResponse) => {
    owed.add(res);
    app.server.emit('request', req, res);
  });
  app.addHook('preParsing', async (request, reply, payload) => {
    if (!request.routeOptions.config?.continueWhenRead) continueBody(reply.raw);
    return payload;
  });
});
