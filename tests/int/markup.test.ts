import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';
import { lawfulTimetable, registeredSection, setTimetable } from '../support/tendering-fixtures.ts';

let t: TestApp;
const BASE = 'https://ggzy.example.cn';
const bidders: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ config: { publicBaseUrl: BASE } });
  for (let i = 0; i < 3; i++) {
    const body = registrationBody({ roles: ['bidder'] });
    bidders.push(((await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body })).json() as { entity: { id: string } }).entity.id);
  }
});
afterAll(async () => t.close());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.built.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : method === 'POST' ? { payload: {} } : {}) });

/** Plain text that looks like markup: a name a tenderer may well type. */
const SECTION_NAME = '<b>一标段</b> & "东区"';
/** As HTML text (the sanitiser that every published text passes writes quotes in text as they are). */
const SECTION_NAME_HTML = '&lt;b&gt;一标段&lt;/b&gt; &amp; ';
const PROJECT_NAME = '<i>道路</i>改造';
const PROJECT_NAME_HTML = '&lt;i&gt;道路&lt;/i&gt;改造';

/** A registered section whose section and tendering project carry those names. */
async function namedSection(method: 'open' | 'invitation' = 'open') {
  const s = await registeredSection(t, { method });
  await setTimetable(t, s.sectionId, lawfulTimetable(t));
  await sql`UPDATE projects.section SET name = ${SECTION_NAME} WHERE id = ${s.sectionId}`.execute(t.database.db);
  await sql`UPDATE projects.tendering_project SET name = ${PROJECT_NAME} WHERE id = ${s.tenderingProjectId}`.execute(t.database.db);
  return s;
}

describe('plain text is text in every output', () => {
  it('a name with markup in it is encoded in the notice HTML and the Atom feed, and carried as the same text in the outbox JSON', async () => {
    const s = await namedSection();
    const created = (await call('POST', '/api/v1/notices', s.managerCookie, { type: 'tenderNotice', sectionIds: [s.sectionId] })).json() as { id: string; title: string; bodyHtml: string };
    expect(created.bodyHtml).toContain(PROJECT_NAME_HTML);
    expect(created.bodyHtml).not.toContain('<i>道路');
    expect(created.title).toContain(PROJECT_NAME);
    expect(created.title).toContain(SECTION_NAME);

    expect((await call('POST', `/api/v1/notices/${created.id}/submit`, s.managerCookie)).statusCode).toBe(200);
    const published = (await call('POST', `/api/v1/notices/${created.id}/verification`, s.staffCookie, { decision: 'approve' })).json() as { publicationId: string };

    // JSON: the same text, neither stripped nor turned into entities.
    const message = await t.database.db
      .selectFrom('exchange.outbox_message')
      .select('content')
      .where('subject_id', '=', published.publicationId)
      .where('kind', '=', 'publication')
      .executeTakeFirstOrThrow();
    const content = JSON.parse(message.content) as { title: string; bodyHtml: string };
    expect(content.title).toBe(created.title);
    expect(content.title).toContain(PROJECT_NAME);
    expect(content.bodyHtml).toContain(PROJECT_NAME_HTML);
    const portal = (await t.built.app.inject({ method: 'GET', url: `/api/v1/public/notices/${published.publicationId}` })).json() as { title: string };
    expect(portal.title).toBe(created.title);

    // XML: escaped, so the feed stays well-formed and the name is not read as markup.
    const atom = (await t.built.app.inject({ method: 'GET', url: '/feeds/notices.atom' })).body;
    expect(atom).toContain(PROJECT_NAME_HTML);
    expect(atom).toContain('&lt;b&gt;一标段&lt;/b&gt; &amp; &quot;东区&quot;');
    expect(atom).not.toContain('<i>道路');
  });

  it('the published result of an invitation names its sections as text (it put them into the HTML raw)', async () => {
    const s = await namedSection('invitation');
    const inv = (await call('POST', '/api/v1/invitations', s.managerCookie, {
      sectionIds: [s.sectionId],
      replyDeadline: new Date(t.clock.now().getTime() + 48 * 3_600_000).toISOString(),
      inviteeIds: bidders,
    })).json() as { id: string };
    expect((await call('POST', `/api/v1/invitations/${inv.id}/submit`, s.managerCookie)).statusCode).toBe(200);
    const sent = await call('POST', `/api/v1/invitations/${inv.id}/verification`, s.staffCookie, { decision: 'approve' });
    expect(sent.statusCode, sent.body).toBe(200);
    t.clock.advance(49 * 3_600_000);
    const result = await call('POST', `/api/v1/invitations/${inv.id}/result`, await s.tenderer.relogin());
    expect(result.statusCode, result.body).toBe(200);
    const publicationId = (result.json() as { resultPublicationId: string }).resultPublicationId;
    const page = (await t.built.app.inject({ method: 'GET', url: `/api/v1/public/notices/${publicationId}` })).json() as { bodyHtml: string };
    expect(page.bodyHtml).toContain(SECTION_NAME_HTML);
    expect(page.bodyHtml).not.toContain('<b>一标段');
    const message = await t.database.db.selectFrom('exchange.outbox_message').select('content').where('subject_id', '=', publicationId).executeTakeFirstOrThrow();
    expect((JSON.parse(message.content) as { bodyHtml: string }).bodyHtml).toBe(page.bodyHtml);
  });
});

describe('rich text is cleaned to an allow-list, and the author is told what was removed', () => {
  it('a notice keeps its allowed markup; removed elements and attributes are named in the answer; script is still refused', async () => {
    const s = await registeredSection(t);
    await setTimetable(t, s.sectionId, lawfulTimetable(t));
    const n = (await call('POST', '/api/v1/notices', s.managerCookie, { type: 'tenderNotice', sectionIds: [s.sectionId] })).json() as { id: string; removedMarkup?: string[] };
    expect(n.removedMarkup).toBeUndefined();

    const html = `<div class="box"><p style="color:red">平台：<a href="${BASE}" target="_blank">${BASE}</a></p><img src="${BASE}/x.png"><p><font color="red">注意</font></p></div>`;
    const edited = await call('PUT', `/api/v1/notices/${n.id}`, s.managerCookie, { bodyHtml: html });
    expect(edited.statusCode, edited.body).toBe(200);
    const view = edited.json() as { bodyHtml: string; removedMarkup: string[] };
    expect(view.removedMarkup.sort()).toEqual(['<div> element', '<font> element', '<img> element', 'style attribute on <p>'].sort());
    expect(view.bodyHtml).toContain('注意');
    expect(view.bodyHtml).not.toMatch(/<div|<img|<font|style=/);
    // Reading it later carries no report: the report belongs to the write.
    expect((await call('GET', `/api/v1/notices/${n.id}`, s.managerCookie)).json()).not.toHaveProperty('removedMarkup');

    const script = await call('PUT', `/api/v1/notices/${n.id}`, s.managerCookie, { bodyHtml: `<p>${BASE}</p><script>alert(1)</script>` });
    expect(script.statusCode).toBe(422);
    expect((script.json() as { code: string }).code).toBe('NOTICE_HTML_UNSAFE');
  });

  it('a rich-text field of a tender document is cleaned the same way, and the answer names the field and what left it', async () => {
    const s = await registeredSection(t);
    const doc = (await call('POST', '/api/v1/tender-documents', s.managerCookie, { sectionId: s.sectionId, kind: 'tender' })).json() as { id: string };
    const res = await call('PUT', `/api/v1/tender-documents/${doc.id}/chapters`, s.managerCookie, {
      values: { technical: { technicalRequirements: '<div><p class="x">执行现行规范</p></div>' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as { removedMarkup: string[]; chapters: { key: string; fields: { key: string; value: string | null }[] }[] };
    expect(view.removedMarkup.sort()).toEqual(['technical.technicalRequirements: <div> element', 'technical.technicalRequirements: class attribute on <p>']);
    expect(view.chapters.find((c) => c.key === 'technical')!.fields.find((f) => f.key === 'technicalRequirements')!.value).toBe('<p>执行现行规范</p>');
  });
});
