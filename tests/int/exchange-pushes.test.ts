import type { OutboxMessageView } from '@bidhall/contracts';
import { canonicalJson, sm3, toHex } from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentsTestApp, issuedDocument, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { lawfulTimetable, registeredSection, setTimetable } from '../support/tendering-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

let d: DocumentsTestApp;
let t: TestApp;

beforeAll(async () => {
  d = await createDocumentsTestApp();
  t = d.t;
}, 120_000);
afterAll(async () => d?.close());

async function outbox(cookie: string, subjectId: string): Promise<(OutboxMessageView & { content: string })[]> {
  const res = await t.built.app.inject({ method: 'GET', url: `/api/v1/exchange/outbox?subjectId=${subjectId}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  const items = (res.json() as { items: OutboxMessageView[] }).items;
  return Promise.all(
    items.map(async (m) => (await t.built.app.inject({ method: 'GET', url: `/api/v1/exchange/outbox/${m.id}`, headers: { cookie } })).json() as OutboxMessageView & { content: string }),
  );
}

describe('pushes to the public service platform', () => {
  it('[A-45] a tendering project and its sections are pushed when staff register it, not before', async () => {
    const pending = await registeredSection(t, { approve: false });
    expect(await outbox(pending.staffCookie, pending.tenderingProjectId)).toEqual([]);

    const r = await registeredSection(t, { sections: 2 });
    const [message, ...more] = await outbox(r.staffCookie, r.tenderingProjectId);
    expect(more).toEqual([]);
    expect(message!.kind).toBe('tenderingProject');
    expect(message!.contentSm3).toBe(toHex(sm3(new TextEncoder().encode(message!.content))));
    const content = JSON.parse(message!.content) as { project: { approvalCode: string }; sections: { id: string }[] };
    expect(content.project.approvalCode).toBe(r.approvalCode);
    expect(content.sections.map((s) => s.id).sort()).toEqual([...r.sectionIds].sort());
  });

  it('[A-70] an issued tender document is pushed as the signed package bidders download', async () => {
    const r = await registeredSection(t, { organisation: 'agency' });
    await d.bindCertificate(r.tenderer);
    await setTimetable(t, r.sectionId, lawfulTimetable(t));
    const unissued = await issuedDocument(d, r, { issue: false });
    expect(await outbox(r.staffCookie, unissued.doc.id)).toEqual([]);

    const { doc, pkg, manifest } = await issuedDocument(d, await (async () => {
      const s = await registeredSection(t, { organisation: 'agency', tenderer: r.tenderer });
      await setTimetable(t, s.sectionId, lawfulTimetable(t));
      return s;
    })());
    const [message] = await outbox(r.staffCookie, doc.id);
    expect(message!.kind).toBe('tenderDocument');
    const content = JSON.parse(message!.content) as { contentSm3: string; manifest: unknown };
    expect(content.contentSm3).toBe(pkg.contentSm3);
    expect(toHex(sm3(canonicalJson(content.manifest)))).toBe(toHex(sm3(manifest)));
  });
});
