import type { EntityView, OutboxMessageView, OutboxPage } from '@bidhall/contracts';
import { sm3, toHex } from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformUser, createTestApp, login, TEST_PASSWORD, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await createTestApp();
  await createPlatformUser(t, { username: 'sync.staff', kind: 'staff' });
  staff = await login(t, 'sync.staff');
});
afterAll(async () => t.close());

const call = (method: 'GET' | 'POST', url: string, cookie: string | undefined, payload?: object) =>
  t.built.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });

interface Pushed {
  event: string;
  entity: { id: string; name: string; creditCode: string; roles: string[]; status: string; address: string; admission: string; statusReason: string | null };
}

/** What the public service platform was sent about one entity, oldest first, with its content. */
async function pushed(entityId: string): Promise<(OutboxMessageView & { record: Pushed; content: string })[]> {
  const res = await call('GET', `/api/v1/exchange/outbox?subjectId=${entityId}`, staff);
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json<OutboxPage>().items.reverse();
  return Promise.all(
    items.map(async (m) => {
      const full = await t.built.exchange.outbox.get(m.id);
      return { ...full, record: JSON.parse(full.content) as Pushed };
    }),
  );
}

async function register(overrides: Parameters<typeof registrationBody>[0]) {
  const body = registrationBody(overrides);
  const res = await call('POST', '/api/v1/registrations', undefined, body);
  expect(res.statusCode, res.body).toBe(201);
  return { entity: res.json<{ entity: EntityView }>().entity, username: body.account.username, body };
}

describe('entity records kept in sync with the public service platform', () => {
  it('[A-34] [A-10] an admitted bidder is pushed at once, without contact details, and the platform receives the same content', async () => {
    const { entity, body } = await register({ roles: ['bidder'], commitment: true });
    const [first, ...more] = await pushed(entity.id);
    expect(more).toEqual([]);
    expect(first).toMatchObject({ kind: 'marketEntity', subjectType: 'marketEntity', destination: 'publicService', regionCode: '150602' });
    expect(first!.record).toMatchObject({ event: 'admitted', entity: { id: entity.id, creditCode: body.entity.creditCode, roles: ['bidder'], status: 'active', admission: 'commitment' } });
    expect(first!.content).not.toContain(body.entity.contactPhone);
    expect(first!.content).not.toContain(body.entity.contactEmail);

    const delivered = await t.built.exchange.outbox.deliver(first!.id);
    expect(delivered?.status).toBe('delivered');
    const received = (await call('GET', `/sandbox/public-service/v1/messages?subjectId=${entity.id}`, undefined)).json<{ contentSm3: string; content: string }[]>();
    expect(received.map((r) => r.contentSm3)).toEqual([toHex(sm3(new TextEncoder().encode(first!.content)))]);
  });

  it('[A-10] [A-23] a registration under review is pushed when staff approve it, not while pending or when rejected', async () => {
    const { entity } = await register({ roles: ['tenderer'], commitment: false });
    expect(entity.status).toBe('pending');
    expect(await pushed(entity.id)).toEqual([]);
    const approved = await call('POST', `/api/v1/entities/${entity.id}/verification`, staff, { decision: 'approve', note: '材料齐全' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await pushed(entity.id)).map((m) => [m.record.event, m.record.entity.status, m.record.entity.admission])).toEqual([['admitted', 'active', 'review']]);

    const other = await register({ roles: ['agency'], commitment: false });
    const rejected = await call('POST', `/api/v1/entities/${other.entity.id}/verification`, staff, { decision: 'reject', note: '营业执照不清晰' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(await pushed(other.entity.id)).toEqual([]);
  });

  it('[A-23] [A-34] an approved change, a suspension and a reinstatement each send the record again; a rejected change does not', async () => {
    const { entity, username } = await register({ roles: ['agency'], commitment: true });
    const applicant = await login(t, username, TEST_PASSWORD);
    const propose = async (proposed: object) => {
      const res = await call('POST', '/api/v1/my/entity/changes', applicant, { proposed, submit: true });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const decide = async (id: string, decision: 'approve' | 'reject') => {
      const res = await call('POST', `/api/v1/entity-changes/${id}/verification`, staff, { decision, note: decision === 'reject' ? '缺少证明材料' : '' });
      expect(res.statusCode, res.body).toBe(200);
    };
    await decide(await propose({ address: '鄂尔多斯市康巴什区新址路1号' }), 'approve');
    await decide(await propose({ legalRepresentative: '王五' }), 'reject');
    expect((await call('POST', `/api/v1/entities/${entity.id}/status`, staff, { action: 'suspend', reason: '投诉核查期间暂停' })).statusCode).toBe(200);
    expect((await call('POST', `/api/v1/entities/${entity.id}/status`, staff, { action: 'reinstate', reason: '核查不成立' })).statusCode).toBe(200);

    const records = (await pushed(entity.id)).map((m) => m.record);
    expect(records.map((r) => [r.event, r.entity.status])).toEqual([
      ['admitted', 'active'],
      ['changed', 'active'],
      ['suspended', 'suspended'],
      ['reinstated', 'active'],
    ]);
    expect(records[1]!.entity.address).toBe('鄂尔多斯市康巴什区新址路1号');
    expect(records.every((r) => r.entity.name === entity.name)).toBe(true);
    expect(records[2]!.entity.statusReason).toBe('投诉核查期间暂停');
  });

  it('[A-10] cancelling a registration that was never admitted sends nothing; cancelling an admitted one does', async () => {
    const pending = await register({ roles: ['tenderer'], commitment: false });
    expect((await call('POST', `/api/v1/entities/${pending.entity.id}/status`, staff, { action: 'cancel', reason: '申请人撤回' })).statusCode).toBe(200);
    expect(await pushed(pending.entity.id)).toEqual([]);

    const admitted = await register({ roles: ['bidder'], commitment: true });
    expect((await call('POST', `/api/v1/entities/${admitted.entity.id}/status`, staff, { action: 'cancel', reason: '主体注销' })).statusCode).toBe(200);
    expect((await pushed(admitted.entity.id)).map((m) => [m.record.event, m.record.entity.status])).toEqual([
      ['admitted', 'active'],
      ['cancelled', 'cancelled'],
    ]);
  });
});
