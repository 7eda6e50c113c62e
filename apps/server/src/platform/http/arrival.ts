import type { Clock } from '@bidhall/rules';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * When the request reached the server, on the platform clock, before any hook waited for anything
     * (a rate-limit store, a database connection, a lock). Deadline decisions use it: a bid that
     * arrived before the deadline is not refused for the time it queued inside the server.
     */
    arrivedAt: Date;
  }
}

/** Registered first, so that its hook runs before every other. */
export const arrivalPlugin = fp<{ clock: Clock }>(async (app, opts) => {
  app.decorateRequest('arrivedAt', null as unknown as Date);
  app.addHook('onRequest', async (request) => {
    request.arrivedAt = opts.clock.now();
  });
});
