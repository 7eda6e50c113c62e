import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';

let t: TestApp;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  await createPlatformUser(t, { username: 'staff.test', kind: 'staff' });
  staff = await login(t, 'staff.test');
});
afterAll(async () => t.close());

const register = (body: unknown) => t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body as object });
const entityRow = (id: string) => t.database.db.selectFrom('identity.market_entity').selectAll().where('id', '=', id).executeTakeFirst();

describe('registration and instant admission', () => {
  it('[task-9] [A-29] an entity that signs the integrity commitment is admitted at once and can act', async () => {
    const body = registrationBody({ roles: ['bidder'], commitment: true });
    const res = await register(body);
    expect(res.statusCode).toBe(201);
    const { entity } = res.json();
    expect(entity).toMatchObject({ status: 'active', admission: 'commitment', postCheck: 'pending' });
    expect(entity.commitmentSignedAt).toBe(t.clock.now().toISOString());
    const cookie = await login(t, body.account.username);
    const workspace = await t.built.app.inject({ method: 'GET', url: '/api/v1/my/workspace', headers: { cookie } });
    expect(workspace.statusCode).toBe(200);
    expect(workspace.json().entity.id).toBe(entity.id);
    const row = await entityRow(entity.id);
    expect(row?.commitment_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('[A-01] [A-14] [A-25] registration without accepting the user agreement is refused', async () => {
    const body = registrationBody();
    const res = await register({ ...body, agreement: { version: body.agreement.version, accepted: false } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.json().errors.some((e: { path: string }) => e.path.includes('agreement'))).toBe(true);
    const outdated = await register({ ...body, agreement: { version: '1999.1', accepted: true } });
    expect(outdated.statusCode).toBe(422);
    expect(outdated.json().code).toBe('AGREEMENT_OUTDATED');
  });

  it('[A-02] [A-15] [A-26] a name registers only once, whatever its spacing or case', async () => {
    const first = registrationBody({ name: 'Ordos Sample Works Co' });
    expect((await register(first)).statusCode).toBe(201);
    const again = registrationBody({ name: ' ordos  sample works CO ' });
    const res = await register(again);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ENTITY_NAME_TAKEN');
  });

  it('[A-03] [A-16] a unified social credit code registers only once, and a wrong check character is refused', async () => {
    const first = registrationBody();
    expect((await register(first)).statusCode).toBe(201);
    const dup = registrationBody({ creditCode: first.entity.creditCode });
    const res = await register(dup);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ENTITY_CREDIT_CODE_TAKEN');
    const code = first.entity.creditCode;
    const wrongCheck = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
    const bad = await register(registrationBody({ creditCode: wrongCheck }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toMatch(/check character/);
  });

  it('[A-04] [A-17] [A-27] [A-28] [A-05] [A-18] [A-29] applicant and verifier are recorded with their times; business only after verification', async () => {
    const body = registrationBody({ commitment: false });
    const res = await register(body);
    const { entity, userId } = res.json();
    expect(entity).toMatchObject({ status: 'pending', admission: 'review', applicantUserId: userId, submittedAt: t.clock.now().toISOString() });
    const cookie = await login(t, body.account.username);
    const blocked = await t.built.app.inject({ method: 'GET', url: '/api/v1/my/workspace', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('ENTITY_NOT_ACTIVE');

    t.clock.advance(3_600_000);
    const verified = await t.built.app.inject({
      method: 'POST',
      url: `/api/v1/entities/${entity.id}/verification`,
      headers: { cookie: staff },
      payload: { decision: 'approve', note: '' },
    });
    expect(verified.statusCode).toBe(200);
    const staffId = (await t.database.db.selectFrom('identity.user_account').select('id').where('username', '=', 'staff.test').executeTakeFirstOrThrow()).id;
    expect(verified.json()).toMatchObject({ status: 'active', verifiedBy: staffId, verifiedAt: t.clock.now().toISOString() });
    const open = await t.built.app.inject({ method: 'GET', url: '/api/v1/my/workspace', headers: { cookie } });
    expect(open.statusCode).toBe(200);
  });

  it('[A-05] [A-29] a rejected registration is edited and resubmitted; [A-06] [A-19] [A-30] nothing is edited while pending', async () => {
    const body = registrationBody({ commitment: false });
    const { entity } = (await register(body)).json();
    const cookie = await login(t, body.account.username);
    const edit = (name: string) =>
      t.built.app.inject({ method: 'PUT', url: '/api/v1/my/entity/registration', headers: { cookie }, payload: { ...body.entity, name } });

    const whilePending = await edit('改名后的公司A');
    expect(whilePending.statusCode).toBe(409);
    expect(whilePending.json().code).toBe('ENTITY_NOT_EDITABLE');
    expect((await entityRow(entity.id))?.name).toBe(body.entity.name);

    const reject = await t.built.app.inject({
      method: 'POST',
      url: `/api/v1/entities/${entity.id}/verification`,
      headers: { cookie: staff },
      payload: { decision: 'reject', note: '营业执照名称与填报名称不一致' },
    });
    expect(reject.json()).toMatchObject({ status: 'rejected', verificationNote: '营业执照名称与填报名称不一致' });
    const rejectWithoutReason = await t.built.app.inject({
      method: 'POST',
      url: `/api/v1/entities/${entity.id}/verification`,
      headers: { cookie: staff },
      payload: { decision: 'reject' },
    });
    expect(rejectWithoutReason.statusCode).toBe(400);

    const edited = await edit('改名后的公司A');
    expect(edited.statusCode).toBe(200);
    const resubmit = await t.built.app.inject({
      method: 'POST',
      url: '/api/v1/my/entity/submit',
      headers: { cookie },
      payload: { commitment: { version: body.commitment.version, accepted: false } },
    });
    expect(resubmit.json()).toMatchObject({ status: 'pending', name: '改名后的公司A', verifiedBy: null });
  });

  it('[A-08] [A-21] [A-32] a draft is editable and deletable; a verified registration is not deleted', async () => {
    const body = registrationBody({ draft: true });
    const { entity } = (await register(body)).json();
    expect(entity.status).toBe('draft');
    const cookie = await login(t, body.account.username);
    const del = await t.built.app.inject({ method: 'DELETE', url: '/api/v1/my/entity/registration', headers: { cookie } });
    expect(del.statusCode).toBe(200);
    expect(await entityRow(entity.id)).toBeUndefined();
    const audit = await t.database.db.selectFrom('platform.audit_event').select('action').where('target_id', '=', entity.id).execute();
    expect(audit.map((a) => a.action)).toContain('identity.entity.registrationDeleted');

    const active = registrationBody();
    await register(active);
    const activeCookie = await login(t, active.account.username);
    const refused = await t.built.app.inject({ method: 'DELETE', url: '/api/v1/my/entity/registration', headers: { cookie: activeCookie } });
    expect(refused.statusCode).toBe(409);
  });

  it('[A-07] [A-20] [A-31] a change to verified data takes effect only after re-verification; the old data stays until then', async () => {
    const body = registrationBody();
    const { entity } = (await register(body)).json();
    const cookie = await login(t, body.account.username);
    const propose = (proposed: object) =>
      t.built.app.inject({ method: 'POST', url: '/api/v1/my/entity/changes', headers: { cookie }, payload: { proposed, submit: true } });

    const change = await propose({ contactPhone: '13700000001', address: '鄂尔多斯市康巴什区新地址9号' });
    expect(change.statusCode).toBe(201);
    expect(change.json()).toMatchObject({ status: 'pending', previous: { contactPhone: body.entity.contactPhone } });
    expect((await entityRow(entity.id))?.contact_phone).toBe(body.entity.contactPhone);

    const second = await propose({ contactName: '王五' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('CHANGE_ALREADY_OPEN');

    const creditCodeChange = await propose({ creditCode: '91150602MA0N000000' });
    expect(creditCodeChange.statusCode).toBe(400);

    const reject = await t.built.app.inject({
      method: 'POST',
      url: `/api/v1/entity-changes/${change.json().id}/verification`,
      headers: { cookie: staff },
      payload: { decision: 'reject', note: '缺少证明材料' },
    });
    expect(reject.json().status).toBe('rejected');
    expect((await entityRow(entity.id))?.contact_phone).toBe(body.entity.contactPhone);

    const again = await propose({ contactPhone: '13700000002' });
    const approve = await t.built.app.inject({
      method: 'POST',
      url: `/api/v1/entity-changes/${again.json().id}/verification`,
      headers: { cookie: staff },
      payload: { decision: 'approve' },
    });
    expect(approve.json()).toMatchObject({ status: 'approved' });
    expect((await entityRow(entity.id))?.contact_phone).toBe('13700000002');
  });

  it('[A-09] [A-22] [A-33] staff suspend an entity, its users lose access at once, and reinstating restores it', async () => {
    const body = registrationBody({ roles: ['bidder', 'tenderer'] });
    const { entity } = (await register(body)).json();
    const cookie = await login(t, body.account.username);
    const status = (action: string, reason = '经核查存在违规行为') =>
      t.built.app.inject({ method: 'POST', url: `/api/v1/entities/${entity.id}/status`, headers: { cookie: staff }, payload: { action, reason } });

    expect((await status('suspend')).json()).toMatchObject({ status: 'suspended', statusReason: '经核查存在违规行为' });
    const refused = await t.built.app.inject({ method: 'GET', url: '/api/v1/my/workspace', headers: { cookie } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'ENTITY_NOT_ACTIVE', details: { status: 'suspended' } });
    const stillSees = await t.built.app.inject({ method: 'GET', url: '/api/v1/my/entity', headers: { cookie } });
    expect(stillSees.json().status).toBe('suspended');
    expect((await status('suspend')).statusCode).toBe(409);

    expect((await status('reinstate', '整改完成')).json().status).toBe('active');
    expect((await t.built.app.inject({ method: 'GET', url: '/api/v1/my/workspace', headers: { cookie } })).statusCode).toBe(200);
  });

  it('[task-9] a failed post-check suspends an instantly admitted entity and is recorded', async () => {
    const body = registrationBody();
    const { entity } = (await register(body)).json();
    const res = await t.built.app.inject({
      method: 'POST',
      url: `/api/v1/entities/${entity.id}/post-checks`,
      headers: { cookie: staff },
      payload: { checkKind: 'creditBlacklist', result: 'failed', note: '列入严重失信主体名单' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'suspended', postCheck: 'failed' });
    const detail = await t.built.app.inject({ method: 'GET', url: `/api/v1/entities/${entity.id}`, headers: { cookie: staff } });
    expect(detail.json().postChecks).toHaveLength(1);
    expect(detail.json().postChecks[0]).toMatchObject({ checkKind: 'creditBlacklist', result: 'failed' });
  });

  it('[task-2] district staff see only their district; city staff see every district', async () => {
    await createPlatformUser(t, { username: 'staff.uxin', kind: 'staff', regionCode: '150626' });
    const district = await login(t, 'staff.uxin');
    const inDongsheng = (await register(registrationBody({ region: '150602' }))).json().entity;
    const inUxin = (await register(registrationBody({ region: '150626' }))).json().entity;
    const list = await t.built.app.inject({ method: 'GET', url: '/api/v1/entities?limit=200', headers: { cookie: district } });
    const ids = list.json().items.map((e: { id: string }) => e.id);
    expect(ids).toContain(inUxin.id);
    expect(ids).not.toContain(inDongsheng.id);
    const foreign = await t.built.app.inject({ method: 'GET', url: `/api/v1/entities/${inDongsheng.id}`, headers: { cookie: district } });
    expect(foreign.statusCode).toBe(404);
    const city = await t.built.app.inject({ method: 'GET', url: '/api/v1/entities?limit=200', headers: { cookie: staff } });
    const cityIds = city.json().items.map((e: { id: string }) => e.id);
    expect(cityIds).toEqual(expect.arrayContaining([inUxin.id, inDongsheng.id]));
  });

  it('[A-07] staff see every change an entity proposed; a change may clear the e-mail', async () => {
    const body = registrationBody();
    const { entity } = (await register(body)).json();
    const cookie = await login(t, body.account.username);
    const change = await t.built.app.inject({
      method: 'POST',
      url: '/api/v1/my/entity/changes',
      headers: { cookie },
      payload: { proposed: { contactEmail: null }, submit: true },
    });
    expect(change.statusCode).toBe(201);
    await t.built.app.inject({
      method: 'POST',
      url: `/api/v1/entity-changes/${change.json().id}/verification`,
      headers: { cookie: staff },
      payload: { decision: 'approve' },
    });
    expect((await entityRow(entity.id))?.contact_email).toBeNull();
    const history = await t.built.app.inject({ method: 'GET', url: `/api/v1/entities/${entity.id}/changes`, headers: { cookie: staff } });
    expect(history.json().map((c: { status: string }) => c.status)).toEqual(['approved']);
  });

  it('[task-9] a draft submitted with a signed commitment is admitted and told so', async () => {
    const body = registrationBody({ draft: true });
    await register(body);
    const cookie = await login(t, body.account.username);
    const submitted = await t.built.app.inject({
      method: 'POST',
      url: '/api/v1/my/entity/submit',
      headers: { cookie },
      payload: { commitment: { version: body.commitment.version, accepted: true } },
    });
    expect(submitted.json()).toMatchObject({ status: 'active', admission: 'commitment', postCheck: 'pending' });
    const inbox = await t.built.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { cookie } });
    expect(inbox.json().items.map((m: { topic: string }) => m.topic)).toContain('admission');
  });

  it('staff sort the entity list by any column', async () => {
    await register(registrationBody({ name: 'AAA 排序测试公司' }));
    await register(registrationBody({ name: 'ZZZ 排序测试公司', commitment: false }));
    await register(registrationBody({ name: 'MMM 排序测试公司', draft: true }));
    const asc = await t.built.app.inject({ method: 'GET', url: '/api/v1/entities?sort=name&order=asc&limit=200', headers: { cookie: staff } });
    const names: string[] = asc.json().items.map((e: { name: string }) => e.name);
    expect(names.indexOf('AAA 排序测试公司')).toBeLessThan(names.indexOf('ZZZ 排序测试公司'));
    const byStatus = await t.built.app.inject({ method: 'GET', url: '/api/v1/entities?sort=status&order=asc&limit=200', headers: { cookie: staff } });
    const order = ['draft', 'pending', 'active', 'rejected', 'suspended', 'cancelled'];
    const ranks: number[] = byStatus.json().items.map((e: { status: string }) => order.indexOf(e.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBeGreaterThan(2);
    const bad = await t.built.app.inject({ method: 'GET', url: '/api/v1/entities?sort=password_hash', headers: { cookie: staff } });
    expect(bad.statusCode).toBe(400);
  });

  it('staff filter the entity list by role', async () => {
    await register(registrationBody({ name: '角色筛选代理公司', roles: ['agency'] }));
    const agencies = await t.built.app.inject({ method: 'GET', url: '/api/v1/entities?role=agency&limit=200', headers: { cookie: staff } });
    expect(agencies.statusCode, agencies.body).toBe(200);
    const roles: string[][] = agencies.json().items.map((e: { roles: string[] }) => e.roles);
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.every((r) => r.includes('agency'))).toBe(true);
    expect(agencies.json().items.map((e: { name: string }) => e.name)).toContain('角色筛选代理公司');
  });
});
