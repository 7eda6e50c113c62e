import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { registeredSection } from '../support/tendering-fixtures.ts';
import { createTestApp, login, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Res = { statusCode: number; headers: Record<string, unknown>; body: string; json(): unknown };

function expectRefused(res: Res, code: 'INPUT_CONTROL_CHARACTER' | 'INPUT_INVALID_UNICODE', path: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ status: 400, code, details: { path } });
}

const register = (payload: string) =>
  t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload, headers: { 'content-type': 'application/json' } });

const entityCount = async () =>
  Number((await t.database.db.selectFrom('identity.market_entity').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('one guard refuses text no handler can keep', () => {
  it('a NUL in an anonymous registration is refused with the field named, and nothing is stored', async () => {
    const body = registrationBody();
    const res = await register(JSON.stringify({ ...body, entity: { ...body.entity, name: `${body.entity.name}\u0000x` } }));
    expectRefused(res, 'INPUT_CONTROL_CHARACTER', 'body/entity/name');
    expect((res.json() as { details: { character: string } }).details.character).toBe('U+0000');
    expect(await entityCount()).toBe(0);
  });

  it('other controls (escape, DEL, C1) anywhere in a body, keys included, are refused', async () => {
    const body = registrationBody();
    expectRefused(await register(JSON.stringify({ ...body, account: { ...body.account, displayName: 'a\u001bb' } })), 'INPUT_CONTROL_CHARACTER', 'body/account/displayName');
    expectRefused(await register(JSON.stringify({ ...body, entity: { ...body.entity, address: 'x\u007f' } })), 'INPUT_CONTROL_CHARACTER', 'body/entity/address');
    expectRefused(await register(JSON.stringify({ ...body, entity: { ...body.entity, address: 'x\u0085' } })), 'INPUT_CONTROL_CHARACTER', 'body/entity/address');
    expectRefused(await register(JSON.stringify({ ...body, ['key\u0001']: 1 })), 'INPUT_CONTROL_CHARACTER', 'body/key\u0001');
    expect(await entityCount()).toBe(0);
  });

  it('a lone surrogate is refused as invalid text', async () => {
    const body = registrationBody();
    const payload = JSON.stringify({ ...body, entity: { ...body.entity, name: 'NAME' } }).replace('NAME', '\\ud800abc');
    expectRefused(await register(payload), 'INPUT_INVALID_UNICODE', 'body/entity/name');
    expect(await entityCount()).toBe(0);
  });

  it('tab, line feed and carriage return are text and pass', async () => {
    const body = registrationBody();
    const res = await register(JSON.stringify({ ...body, entity: { ...body.entity, address: '鄂尔多斯市\t东胜区\r\n1号' } }));
    expect(res.statusCode, res.body).toBe(201);
  });

  it('%00 and controls in a query are refused on the public notice search', async () => {
    expectRefused(await t.built.app.inject({ method: 'GET', url: '/api/v1/public/notices?q=%00' }), 'INPUT_CONTROL_CHARACTER', 'querystring/q');
    expectRefused(await t.built.app.inject({ method: 'GET', url: '/api/v1/public/notices?q=a%1Fb' }), 'INPUT_CONTROL_CHARACTER', 'querystring/q');
    // An encoded lone surrogate is not UTF-8: the query parser does not decode it to one, and it is no crash.
    expect((await t.built.app.inject({ method: 'GET', url: '/api/v1/public/notices?q=%ED%A0%80' })).statusCode).toBeLessThan(500);
  });

  it('a control character in a path parameter is refused before the route reads it', async () => {
    expectRefused(await t.built.app.inject({ method: 'GET', url: '/api/v1/public/notices/ab%00cd' }), 'INPUT_CONTROL_CHARACTER', 'params/id');
  });

  it('a file name with a control character is refused before the upload is read', async () => {
    const owner = registrationBody({ roles: ['tenderer'] });
    expect((await register(JSON.stringify(owner))).statusCode).toBe(201);
    const cookie = await login(t, owner.account.username);
    const res = await t.built.app.inject({
      method: 'PUT',
      url: `/api/v1/tender-documents/${crypto.randomUUID()}/attachments?name=${encodeURIComponent('清单\u0000.pdf')}&kind=other`,
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.7'),
    });
    expectRefused(res, 'INPUT_CONTROL_CHARACTER', 'querystring/name');
  });

  it('a file the server parses itself (a bill of quantities) is held to the same rule: escapes cannot smuggle NUL or a lone surrogate in', async () => {
    const spec = readFileSync(new URL('../../docs/boq-interface.md', import.meta.url), 'utf8');
    const bill = /```json\n([\s\S]*?)```/.exec(spec)![1]!;
    const r = await registeredSection(t);
    const doc = (await t.built.app.inject({ method: 'POST', url: '/api/v1/tender-documents', headers: { cookie: r.managerCookie }, payload: { sectionId: r.sectionId, kind: 'tender' } })).json() as { id: string };
    const send = (body: string) =>
      t.built.app.inject({ method: 'PUT', url: `/api/v1/tender-documents/${doc.id}/bill-of-quantities`, headers: { cookie: r.managerCookie, 'content-type': 'application/octet-stream' }, payload: body });
    expectRefused(await send(bill.replace('"平整场地"', '"平整\\u0000场地"')), 'INPUT_CONTROL_CHARACTER', 'body/units/0/divisions/0/items/0/name');
    expectRefused(await send(bill.replace('"平整场地"', '"平整\\ud800场地"')), 'INPUT_INVALID_UNICODE', 'body/units/0/divisions/0/items/0/name');
    expect((await send(bill)).statusCode).toBe(200);
  });

  it('a header kept as data (the user agent in the audit trail) is checked too', async () => {
    const res = await t.built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'user-agent': 'agent\u0085' },
      payload: { username: 'nobody', password: 'x' },
    });
    expectRefused(res, 'INPUT_CONTROL_CHARACTER', 'headers/user-agent');
  });

  it('the guard runs before the session is looked up and before the access check', async () => {
    const sessions = t.built.identity.sessions;
    const resolve = sessions.resolve.bind(sessions);
    let lookups = 0;
    sessions.resolve = async (token) => {
      lookups++;
      return resolve(token);
    };
    try {
      const res = await t.built.app.inject({ method: 'GET', url: '/api/v1/users?q=%00', headers: { cookie: 'bh_session=whatever' } });
      expectRefused(res, 'INPUT_CONTROL_CHARACTER', 'querystring/q');
      expect(lookups).toBe(0);
    } finally {
      sessions.resolve = resolve;
    }
  });
});

