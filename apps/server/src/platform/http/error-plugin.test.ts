import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ErrorRegistry } from '../errors/domain-error.ts';
import { errorPlugin } from './error-plugin.ts';

/** An error as node-postgres and PGlite raise it: a SQLSTATE code and a severity. */
const dbError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'ERROR', table: 'identity.user_account' });

async function answer(error: Error) {
  const app = Fastify({ logger: false });
  await app.register(errorPlugin, { registry: new ErrorRegistry() });
  app.get('/x', async () => {
    throw error;
  });
  const res = await app.inject({ method: 'GET', url: '/x' });
  await app.close();
  return { status: res.statusCode, type: String(res.headers['content-type']), retryAfter: res.headers['retry-after'], body: res.json() as { code: string; detail: string } };
}

describe('every failure is problem+json; a database refusal is the caller\'s problem, not a 500', () => {
  it('a value the database cannot store is a 400 that names no table', async () => {
    const a = await answer(dbError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'));
    expect(a).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(a.type).toContain('application/problem+json');
    expect(JSON.stringify(a.body)).not.toMatch(/UTF8|user_account/);
    expect((await answer(dbError('22008', 'date/time field value out of range'))).status).toBe(400);
  });

  it('a duplicate that slipped past a check is a 409 conflict', async () => {
    expect(await answer(dbError('23505', 'duplicate key value violates unique constraint "user_account_username_key"'))).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
  });

  it('a serialization failure or a deadlock asks to try again', async () => {
    expect(await answer(dbError('40001', 'could not serialize access'))).toMatchObject({ status: 503, retryAfter: '1', body: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('anything else stays a 500 that says nothing about its cause', async () => {
    const a = await answer(new RangeError('Invalid time value'));
    expect(a).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
    expect(a.body.detail).not.toContain('Invalid time');
  });
});
