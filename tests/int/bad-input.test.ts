import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const raw = (payload: string, contentType = 'application/json') =>
  t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload, headers: { 'content-type': contentType } });

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ status, code, type: `urn:bidhall:problem:${code}` });
}

const entityCount = async () =>
  Number((await t.database.db.selectFrom('identity.market_entity').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('bad input gets problem+json and changes nothing', () => {
  it('malformed JSON', async () => {
    expectProblem(await raw('{"agreement": '), 400, 'MALFORMED_JSON');
  });

  it('wrong types name the field', async () => {
    const body = registrationBody();
    const res = await raw(JSON.stringify({ ...body, entity: { ...body.entity, roles: 'bidder' } }));
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect((res.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('body/entity/roles');
  });

  it('unknown fields are refused, not ignored', async () => {
    const body = registrationBody();
    const res = await raw(JSON.stringify({ ...body, entity: { ...body.entity, status: 'active', isAdmin: true } }));
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });

  it('an oversize body is refused', async () => {
    const body = registrationBody();
    const res = await raw(JSON.stringify({ ...body, padding: 'x'.repeat(200_000) }));
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('an unsupported content type is refused', async () => {
    expectProblem(await raw('name=x', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unknown API path and a bad path parameter are problems too', async () => {
    expectProblem(await t.built.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'ROUTE_NOT_FOUND');
    const staffless = await t.built.app.inject({ method: 'GET', url: '/api/v1/calendar/working-days?from=2025-02-30&days=3' });
    expectProblem(staffless, 400, 'VALIDATION_FAILED');
  });

  it('none of the refused requests above stored anything', async () => {
    expect(await entityCount()).toBe(0);
  });

  it('a registration whose second write fails leaves no half-written entity behind', async () => {
    const first = registrationBody();
    expect((await raw(JSON.stringify(first))).statusCode).toBe(201);
    const second = registrationBody({ username: first.account.username });
    const res = await raw(JSON.stringify(second));
    expectProblem(res, 409, 'USERNAME_TAKEN');
    const names = (await t.database.db.selectFrom('identity.market_entity').select('name').execute()).map((r) => r.name);
    expect(names).toEqual([first.entity.name]);
  });

  it('a request is answered with its request id, and an incoming one is kept', async () => {
    const res = await t.built.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': 'trace-12345678' } });
    expect(res.headers['x-request-id']).toBe('trace-12345678');
  });

  it('a staff action with a bad body is refused before anything changes', async () => {
    const body = registrationBody();
    const { entity } = (await raw(JSON.stringify(body))).json() as { entity: { id: string } };
    const cookie = await login(t, body.account.username);
    const res = await t.built.app.inject({
      method: 'POST',
      url: '/api/v1/my/entity/changes',
      headers: { cookie },
      payload: { proposed: {}, submit: true },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    const changes = await t.database.db.selectFrom('identity.entity_change').select('id').where('entity_id', '=', entity.id).execute();
    expect(changes).toHaveLength(0);
  });
});
