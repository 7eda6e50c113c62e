// Evaluation method templates: the platform's standard ones per project type and method, a
// region's own kept by its staff, and a document's method set from one and kept as a copy.
import { evaluationMethodIssues, type DocumentView, type EvaluationMethod, type MethodTemplateRequest, type MethodTemplateView } from '@bidhall/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createDocumentsTestApp, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { registeredSection, type RegisteredSection } from '../support/tendering-fixtures.ts';
import { createPlatformUser, login, type TestApp } from '../support/test-app.ts';

let d: DocumentsTestApp;
let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  d = await createDocumentsTestApp();
  t = d.t;
  for (const [username, regionCode] of [
    ['mt.staff.city', '150600'],
    ['mt.staff.kbs', '150603'],
  ] as const) {
    await createPlatformUser(t, { username, kind: 'staff', regionCode });
    cookies[username] = await login(t, username);
  }
}, 180_000);
afterAll(async () => d?.close());

const call = (...args: Parameters<ReturnType<typeof api>['call']>) => api(t).call(...args);
const code = (res: { json(): unknown }) => (res.json() as { code: string }).code;
const templates = async (cookie: string, query = '') => (await call('GET', `/api/v1/method-templates${query}`, cookie)).json() as MethodTemplateView[];

async function draft(r: RegisteredSection): Promise<DocumentView> {
  const res = await call('POST', '/api/v1/tender-documents', r.managerCookie, { sectionId: r.sectionId, kind: 'tender' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as DocumentView;
}

/** The city's own: the standard works method with the technical part weighted up and price down. */
function cityMethod(standard: EvaluationMethod): EvaluationMethod {
  if (standard.type !== 'scoring') throw new Error('a scoring method expected');
  return {
    ...standard,
    factors: standard.factors.map((f) => (f.category === 'price' ? { ...f, weight: 50, scoreRange: { min: 0, max: 50 } } : f.number === '4.1' ? { ...f, weight: 35, scoreRange: { min: 0, max: 35 }, points: f.points.map((p) => (p.number === '4.1.2' ? { ...p, maxScore: p.maxScore + 5 } : p)) } : f)),
  };
}

describe('evaluation method templates', () => {
  it('[A-147] a tenderer picks the template for its project type and method; the region’s staff keep their own; the document keeps its copy', async () => {
    const r = await registeredSection(t, { organisation: 'agency' });
    const all = await templates(r.managerCookie);
    expect(all.filter((x) => x.regionCode === null).map((x) => `${x.scope}/${x.methodType}`)).toEqual([
      'works/scoring',
      'works/lowestEvaluatedPrice',
      'goods/scoring',
      'goods/lowestEvaluatedPrice',
      'services/scoring',
    ]);
    // Every standard template is itself a sound method.
    for (const x of all) expect(evaluationMethodIssues(x.method), x.name).toEqual([]);
    const works = await templates(r.managerCookie, '?scope=works&methodType=scoring');
    expect(works.map((x) => x.id)).toEqual(['works-scoring-2007']);
    const standard = works[0]!;

    // The city's staff add their own; a broken method is refused naming the clause, a name once per region.
    const body: MethodTemplateRequest = { name: '鄂尔多斯市施工综合评估法', regionCode: '150600', scope: 'works', method: cityMethod(standard.method) };
    const bad = await call('POST', '/api/v1/method-templates', cookies['mt.staff.city']!, { ...body, method: standard.method.type === 'scoring' ? { ...standard.method, factors: standard.method.factors.slice(1) } : standard.method });
    expect([bad.statusCode, code(bad)]).toEqual([400, 'VALIDATION_FAILED']);
    expect(bad.body).toContain('add up to 70, not 100');
    const created = await call('POST', '/api/v1/method-templates', cookies['mt.staff.city']!, body);
    expect(created.statusCode, created.body).toBe(201);
    const city = created.json() as MethodTemplateView;
    expect(city).toMatchObject({ regionCode: '150600', scope: 'works', methodType: 'scoring', version: 1, documents: 0 });
    expect(code(await call('POST', '/api/v1/method-templates', cookies['mt.staff.city']!, body))).toBe('METHOD_TEMPLATE_NAME_TAKEN');
    // A district's staff neither add one for the city nor change the city's; a tenderer keeps none.
    expect((await call('POST', '/api/v1/method-templates', cookies['mt.staff.kbs']!, body)).statusCode).toBe(403);
    expect(code(await call('PUT', `/api/v1/method-templates/${city.id}`, cookies['mt.staff.kbs']!, { ...body, name: '改' }))).toBe('METHOD_TEMPLATE_NOT_FOUND');
    expect((await call('POST', '/api/v1/method-templates', r.managerCookie, { ...body, name: '招标人自己的' })).statusCode).toBe(403);
    expect((await templates(r.managerCookie, '?scope=works&methodType=scoring')).map((x) => x.name)).toEqual([standard.name, body.name]);

    // The agency sets the document's method from the city's template: the document holds that method.
    const doc = await draft(r);
    const goods = await call('POST', `/api/v1/tender-documents/${doc.id}/method/from-template`, r.managerCookie, { templateId: 'goods-scoring-2017' });
    expect([goods.statusCode, code(goods)]).toEqual([422, 'TEMPLATE_NOT_APPLICABLE']);
    expect(code(await call('POST', `/api/v1/tender-documents/${doc.id}/method/from-template`, r.managerCookie, { templateId: '00000000-0000-4000-8000-000000000000' }))).toBe('METHOD_TEMPLATE_NOT_FOUND');
    const set = await call('POST', `/api/v1/tender-documents/${doc.id}/method/from-template`, r.managerCookie, { templateId: city.id });
    expect(set.statusCode, set.body).toBe(200);
    const withMethod = set.json() as DocumentView;
    expect(withMethod.method).toEqual(body.method);
    expect(withMethod.methodTemplate).toEqual({ id: city.id, version: 1 });
    expect((await templates(r.managerCookie, '?scope=works')).find((x) => x.id === city.id)!.documents).toBe(1);
    const audited = await t.database.db.selectFrom('platform.audit_event').select('details').where('action', '=', 'documents.document.methodFromTemplate').where('target_id', '=', doc.id).execute();
    expect(audited.map((a) => (typeof a.details === 'string' ? JSON.parse(a.details) : a.details))).toMatchObject([{ templateId: city.id, version: 1, type: 'scoring' }]);

    // Changing or deleting the template changes no document: it kept its copy.
    const changed = await call('PUT', `/api/v1/method-templates/${city.id}`, cookies['mt.staff.city']!, { ...body, method: standard.method });
    expect((changed.json() as MethodTemplateView).version).toBe(2);
    expect((await call('DELETE', `/api/v1/method-templates/${city.id}`, cookies['mt.staff.city']!)).statusCode).toBe(200);
    const after = (await call('GET', `/api/v1/tender-documents/${doc.id}`, r.managerCookie)).json() as DocumentView;
    expect(after.method).toEqual(body.method);
    expect(after.methodTemplate).toEqual({ id: city.id, version: 1 });

    // The standard template sets the document's method as well.
    const std = await call('POST', `/api/v1/tender-documents/${doc.id}/method/from-template`, r.managerCookie, { templateId: standard.id });
    expect((std.json() as DocumentView).method).toEqual(standard.method);
  });
});
