import helmet from '@fastify/helmet';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** The client reached the platform over TLS: the socket, a trusted proxy's X-Forwarded-Proto, or the configuration says so. */
    servedOverTls: boolean;
  }
}

export interface SecurityHeadersOptions {
  /**
   * The platform is only ever reached over TLS (COOKIE_SECURE=true, or PUBLIC_BASE_URL is https):
   * for a TLS-terminating proxy that does not say so on each request.
   */
  alwaysTls: boolean;
}

const ONE_YEAR_S = 31_536_000;

/**
 * The browser-side defences of decision 0018. The CSP allows no inline script and no eval; styles may
 * be inline because Ant Design writes its CSS-in-JS into <style> elements and style attributes at
 * run time (a script-less injection can restyle a page but not act in it). No page may be framed.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export const securityHeadersPlugin = fp<SecurityHeadersOptions>(async (app, opts) => {
  app.decorateRequest('servedOverTls', {
    getter(this: FastifyRequest) {
      return opts.alwaysTls || this.protocol === 'https';
    },
  });

  await app.register(helmet, {
    // Set per request below: HSTS over plain HTTP is ignored by browsers and would mislead a reader.
    hsts: false,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  });

  app.addHook('onSend', async (request, reply) => {
    if (request.servedOverTls) reply.header('strict-transport-security', `max-age=${ONE_YEAR_S}; includeSubDomains`);
  });
});
