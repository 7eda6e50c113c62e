import fp from 'fastify-plugin';
import { DomainError } from '../errors/domain-error.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The largest body the route takes at all, for routes that read files with a limit of their own
     * (a parser's or a module's); otherwise the route's `bodyLimit` applies, or the platform's.
     */
    maxBodyBytes?: number;
  }
}

/**
 * A body whose declared length is over the route's limit is refused before a byte of it is read
 * (issue 9 §4). The connection stays usable: Node discards the unread body after the 413 is sent,
 * so a client streaming a large upload reads its answer instead of a connection reset (Fastify's
 * own check, in the body parser, closes the connection under the still-sending client).
 */
export const bodyLimitPlugin = fp(async (app) => {
  app.addHook('onRequest', async (request) => {
    const header = request.headers['content-length'];
    if (header === undefined) return;
    const declared = Number(header);
    if (!Number.isSafeInteger(declared)) return;
    // JSON is parsed in memory: it keeps the route's JSON limit even where files may be larger.
    const json = /^application\/(?:[\w.+-]+\+)?json\b/i.test(request.headers['content-type'] ?? '');
    const limit = (!json && request.routeOptions.config?.maxBodyBytes) || request.routeOptions.bodyLimit;
    if (limit !== undefined && declared > limit) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `the body has ${declared} bytes; this request takes at most ${limit}`, { maxBytes: limit });
    }
  });
});
