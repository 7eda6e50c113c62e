import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, type ErrorRegistry } from '../errors/domain-error.ts';
import { databaseProblem } from './database-errors.ts';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: { path: string; message: string }[];
  details?: Record<string, unknown>;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

// Fastify's own request errors, by their stable codes.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

function send(reply: FastifyReply, request: FastifyRequest, body: Omit<ProblemBody, 'type' | 'title' | 'instance'>) {
  const problem: ProblemBody = {
    type: `urn:bidhall:problem:${body.code}`,
    title: TITLES[body.status] ?? 'Error',
    instance: request.url,
    ...body,
  };
  return reply.status(body.status).type('application/problem+json').send(problem);
}

/** One place turns every failure into RFC 9457 problem+json with a stable code. */
export const errorPlugin = fp<{ registry: ErrorRegistry }>(async (app, { registry }) => {
  app.setNotFoundHandler((request, reply) =>
    send(reply, request, { status: 404, code: 'ROUTE_NOT_FOUND', detail: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const domain: unknown = error;
    if (domain instanceof DomainError) {
      const e = domain;
      // A refusal that ends by itself (a rate limit, a lockout) says when, as RFC 9110 §10.2.3 has it.
      const wait = e.details?.retryAfterSeconds;
      if (typeof wait === 'number' && Number.isFinite(wait) && wait > 0) reply.header('retry-after', String(Math.ceil(wait)));
      return send(reply, request, {
        status: registry.statusOf(e.code),
        code: e.code,
        detail: e.message,
        ...(e.details ? { details: e.details } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return send(reply, request, {
        status: 400,
        code: 'VALIDATION_FAILED',
        detail: `invalid ${error.validationContext ?? 'request'}`,
        errors: error.validation.map((v) => ({
          path: `${error.validationContext ?? ''}${v.instancePath}`,
          message: v.message ?? 'invalid',
        })),
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return send(reply, request, { status: 500, code: 'INTERNAL', detail: 'internal error' });
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      return send(reply, request, { status: registry.statusOf(mapped), code: mapped, detail: error.message });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, request, { status: error.statusCode, code: 'BAD_REQUEST', detail: error.message });
    }
    const database = databaseProblem(error);
    if (database) {
      request.log.warn({ err: error }, 'the database refused a request');
      if (database.retryAfterSeconds) reply.header('retry-after', String(database.retryAfterSeconds));
      return send(reply, request, { status: database.status, code: database.code, detail: database.detail });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, { status: 500, code: 'INTERNAL', detail: 'internal error; the request id identifies it in the logs' });
  });
});
