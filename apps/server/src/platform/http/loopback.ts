import type { FastifyRequest } from 'fastify';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * The request comes from this host itself: the platform's own in-process calls (`app.inject`) or a
 * process on the machine. Read from the socket, never from a header, and a request that says it was
 * forwarded is never local: a reverse proxy on the same host passes on requests from anywhere.
 */
export function fromLoopback(request: FastifyRequest): boolean {
  if (request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined) return false;
  return LOOPBACK.test(request.raw.socket?.remoteAddress ?? '');
}
