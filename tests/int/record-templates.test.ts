// Opening record templates (A-115, decision 0022): the trading centre's staff keep how a region's opening
// records read; a record is drawn up from the default nearest its section's region and keeps its copy.
import type { OpeningRecordView, RecordTemplateRequest, RecordTemplateView } from '@bidhall/contracts';
import { STANDARD_RECORD_TEMPLATE } from '@bidhall/contracts';
import { canonicalJson, signJson, sm3, toHex } from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSigningPayload } from '../../apps/server/src/modules/opening/index.ts';
import { createDocumentsTestApp, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { openingFixtures } from '../support/opening-fixtures.ts';
import { createPlatformUser, login } from '../support/test-app.ts';

let d: DocumentsTestApp;
let o: ReturnType<typeof openingFixtures>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  d = await createDocumentsTestApp();
  o = openingFixtures(d);
  for (const [username, kind, regionCode] of [
    ['rt.staff.city', 'staff', '150600'],
    ['rt.staff.kbs', 'staff', '150603'],
    ['rt.supervisor.city', 'supervisor', '150600'],
  ] as const) {
    await createPlatformUser(d.t, { username, kind, regionCode });
    cookies[username] = await login(d.t, username);
  }
}, 180_000);
afterAll(async () => d?.close());

const CITY: RecordTemplateRequest = {
  name: '鄂尔多斯市开标记录',
  regionCode: '150600',
  isDefault: true,
  content: {
    title: '{{projectName}} {{sectionName}} 开标记录（市级格式）',
    preamble: '招标人：{{tendererName}}\n开标时间：{{ openedAt }}',
    blocks: [
      { block: 'readout', heading: '一、唱标结果' },
      { block: 'bidders', heading: '二、递交与解密' },
      { block: 'objections', heading: '三、现场异议' },
      { block: 'signatures', heading: '四、投标人确认' },
    ],
    closing: '本记录经投标人电子签名确认后在交易平台公开。',
  },
};

const relogin = async (username: string) => (cookies[username] = await login(d.t, username));
const save = async (method: 'POST' | 'PUT', body: RecordTemplateRequest, username = 'rt.staff.city', id = '') => {
  const res = await o.call(method, `/api/v1/opening-record-templates${id ? `/${id}` : ''}`, cookies[username]!, body);
  return { status: res.statusCode, json: res.json() as RecordTemplateView & { code?: string } };
};

describe('opening record templates', () => {
  it('[A-115] staff add, change and delete a region’s opening record templates; a record is drawn up from the default nearest its section and keeps its copy', async () => {
    const created = await save('POST', CITY);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({ name: CITY.name, regionCode: '150600', isDefault: true, version: 1, records: 0 });
    const city = created.json;

    // The nearest default along the region chain: a 康巴什区 one for its sections, the city's for 东胜区'.
    const kbs = await save('POST', { ...CITY, name: '康巴什区开标记录', regionCode: '150603', content: { ...CITY.content, title: '康巴什区 {{sectionName}} 开标记录' } }, 'rt.staff.kbs');
    expect(kbs.status, JSON.stringify(kbs.json)).toBe(201);
    const templates = d.t.built.opening.templates;
    expect((await templates.forRegion(d.t.database.db, '150603')).id).toBe(kbs.json.id);
    expect((await templates.forRegion(d.t.database.db, '150602')).id).toBe(city.id);
    expect(await templates.forRegion(d.t.database.db, '150200')).toEqual(STANDARD_RECORD_TEMPLATE);

    // A section of 东胜区 read out; its record is drawn up from the city's template.
    const { s, bidders } = await o.sectionWithBids(3, {}, { regionCode: '150602' });
    const sectionId = s.r.sectionId;
    const tenderer = await o.readOut(s, bidders);
    const drawn = await o.call('POST', `/api/v1/sections/${sectionId}/hall/record`, tenderer);
    expect(drawn.statusCode, drawn.body).toBe(200);
    const record = drawn.json() as OpeningRecordView;
    expect(record.record.template).toEqual({ id: city.id, name: CITY.name, version: 1, content: CITY.content });
    // The template is part of what bidders sign.
    expect(record.recordSm3).toBe(toHex(sm3(canonicalJson(record.record))));
    for (const b of bidders) {
      const signed = await o.call('POST', `/api/v1/sections/${sectionId}/hall/record/signatures`, b.cookie, { certificatePem: b.certificatePem, signature: signJson(recordSigningPayload(sectionId, record.record.round, record.recordSm3), b.key) });
      expect(signed.statusCode, signed.body).toBe(200);
    }
    const published = (await o.call('POST', `/api/v1/sections/${sectionId}/hall/record/publication`, tenderer)).json() as OpeningRecordView;
    const portal = async () => ((await d.t.built.app.inject({ method: 'GET', url: `/api/v1/public/notices/${published.publicationId}` })).json() as { bodyHtml: string }).bodyHtml;
    const html = await portal();
    // Laid out as the template says: its title and preamble filled in, its parts in its order, its closing.
    expect(html).toContain(`<h2>${record.record.projectName} ${record.record.sectionName} 开标记录（市级格式）</h2>`);
    expect(html).toContain(`招标人：${record.record.tendererName}<br />开标时间：`);
    expect([...html.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual(['一、唱标结果', '二、递交与解密', '三、现场异议', '四、投标人确认']);
    expect(html).not.toContain('开标时随机抽取的系数');
    expect(html).toContain('本记录经投标人电子签名确认后在交易平台公开。');
    expect(html).toContain(bidders[2]!.name);

    // Changed: the version goes up, the record keeps the copy it was drawn up from.
    await relogin('rt.staff.city');
    const changed = await save('PUT', { ...CITY, content: { ...CITY.content, title: '新格式 {{sectionName}}' } }, 'rt.staff.city', city.id);
    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
    expect(changed.json).toMatchObject({ version: 2, records: 1, content: { title: '新格式 {{sectionName}}' } });
    const kept = (await o.call('GET', `/api/v1/sections/${sectionId}/hall/record`, tenderer)).json() as OpeningRecordView;
    expect(kept.recordSm3).toBe(record.recordSm3);
    expect(kept.record.template!.version).toBe(1);

    // Another default for the city takes the mark from the first.
    const second = await save('POST', { ...CITY, name: '鄂尔多斯市开标记录（简式）' });
    expect(second.status).toBe(201);
    const list = (await o.call('GET', '/api/v1/opening-record-templates', cookies['rt.staff.city']!)).json() as RecordTemplateView[];
    expect(list.filter((x) => x.regionCode === '150600' && x.isDefault).map((x) => x.id)).toEqual([second.json.id]);

    // Deleted: gone from the list, the published record unchanged; every change is in the log.
    expect((await o.call('DELETE', `/api/v1/opening-record-templates/${city.id}`, cookies['rt.staff.city']!)).statusCode).toBe(200);
    expect((await o.call('GET', `/api/v1/opening-record-templates/${city.id}`, cookies['rt.staff.city']!)).json()).toMatchObject({ code: 'RECORD_TEMPLATE_NOT_FOUND' });
    expect(await portal()).toBe(html);
    const logged = await d.t.database.db.selectFrom('platform.audit_event').select(['action', 'log_index']).where('target_id', '=', city.id).orderBy('log_index').execute();
    expect(logged.map((l) => l.action)).toEqual(['opening.recordTemplate.created', 'opening.recordTemplate.updated', 'opening.recordTemplate.deleted']);
    expect(logged.every((l) => l.log_index !== null)).toBe(true);
  }, 240_000);

  it('a template must keep what the law puts in every record, name only known placeholders, and be kept by its own region’s staff', async () => {
    // The first test moved the clock weeks on: log in again.
    for (const u of Object.keys(cookies)) await relogin(u);
    const refused = async (body: unknown, username = 'rt.staff.city') => {
      const res = await o.call('POST', '/api/v1/opening-record-templates', cookies[username]!, body as object);
      return { status: res.statusCode, code: (res.json() as { code?: string }).code };
    };
    const base = { ...CITY, name: '校验用模板', isDefault: false };
    // Signatures, the readout, the bidders and the objections are always in the record.
    expect(await refused({ ...base, content: { ...base.content, blocks: base.content.blocks.filter((b) => b.block !== 'signatures') } })).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await refused({ ...base, content: { ...base.content, blocks: [...base.content.blocks, base.content.blocks[0]] } })).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await refused({ ...base, content: { ...base.content, title: '{{price}} 开标记录' } })).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await refused({ ...base, name: '模板\u0007' })).toEqual({ status: 400, code: 'INPUT_CONTROL_CHARACTER' });
    expect(await refused({ ...base, regionCode: '15060' })).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    // Another region's, or the whole platform's, is not a district's to keep; a supervisor only reads.
    expect(await refused({ ...base, regionCode: '150600' }, 'rt.staff.kbs')).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });
    expect(await refused({ ...base, regionCode: null }, 'rt.staff.kbs')).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });
    expect((await refused(base, 'rt.supervisor.city')).status).toBe(403);
    // One name per region.
    expect((await refused(base)).status).toBe(201);
    expect(await refused(base)).toEqual({ status: 409, code: 'RECORD_TEMPLATE_NAME_TAKEN' });

    // The city's template is out of 康巴什区's reach: not found, not listed; the supervisor of the city reads it.
    const cityOnes = ((await o.call('GET', '/api/v1/opening-record-templates', cookies['rt.supervisor.city']!)).json() as RecordTemplateView[]).filter((x) => x.regionCode === '150600');
    expect(cityOnes.length).toBeGreaterThan(0);
    const id = cityOnes[0]!.id;
    expect((await o.call('GET', `/api/v1/opening-record-templates/${id}`, cookies['rt.supervisor.city']!)).statusCode).toBe(200);
    const kbsCookie = await relogin('rt.staff.kbs');
    expect((await o.call('GET', `/api/v1/opening-record-templates/${id}`, kbsCookie)).json()).toMatchObject({ code: 'RECORD_TEMPLATE_NOT_FOUND' });
    expect((await o.call('PUT', `/api/v1/opening-record-templates/${id}`, kbsCookie, { ...base, regionCode: '150603' })).statusCode).toBe(404);
    expect(((await o.call('GET', '/api/v1/opening-record-templates', kbsCookie)).json() as RecordTemplateView[]).some((x) => x.regionCode === '150600')).toBe(false);
  }, 120_000);
});
