import { randomUUID } from 'node:crypto';
import type { FeedPage, NoticeList, NoticePage, Publication } from '@bidhall/contracts';
import { sm3, toHex } from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNoticeHtml } from '../../apps/server/src/modules/disclosure/index.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  // Publishing enqueues a delivery job in its transaction, so the job queue runs.
  t = await createTestApp({ startJobs: true });
});
afterAll(async () => t.close());

const sm3Hex = (text: string) => toHex(sm3(new TextEncoder().encode(text)));
const get = (url: string) => t.built.app.inject({ method: 'GET', url });

function publication(over: Partial<Publication> = {}): Publication {
  t.clock.advance(60_000);
  return {
    type: 'tenderNotice',
    sourceId: randomUUID(),
    sectionIds: [`sec-${randomUUID()}`],
    regionCode: '150602',
    category: 'works',
    title: '东胜区天骄路道路改造工程施工招标公告',
    bodyHtml: '<h2>一、招标条件</h2><p>本招标项目已由鄂尔多斯市发展和改革委员会批准建设，项目代码 2026-150602-48-01-000123。</p><table><tr><td>标段</td><td>一标段</td></tr></table>',
    prominent: false,
    publishedAt: t.clock.now().toISOString(),
    round: 1,
    links: {},
    ...over,
  };
}

const publish = (p: Publication) => t.database.db.transaction().execute((trx) => t.built.publish(trx, p));

async function counts() {
  const db = t.database.db;
  const one = async (table: string) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { publications: await one('disclosure.publication'), events: await one('disclosure.feed_event'), outbox: await one('exchange.outbox_message') };
}

async function outboxFor(subjectId: string) {
  return t.database.db.selectFrom('exchange.outbox_message').selectAll().where('subject_id', '=', subjectId).execute();
}

/** Waits for the delivery job (pg-boss) to deliver the outbox message about `subjectId`. */
async function delivered(subjectId: string) {
  const until = performance.now() + 30_000;
  for (;;) {
    const [row] = await outboxFor(subjectId);
    if (row?.status === 'delivered') return row;
    if (performance.now() > until) throw new Error(`not delivered: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('publishing', () => {
  it('[A-54] a notice is readable the moment its publishing transaction commits, and the outbox carries identical content (B-003)', async () => {
    const result = await publish(publication());
    const page = await get(`/api/v1/public/notices/${result.publicationId}`);
    expect(page.statusCode).toBe(200);
    const notice = page.json<NoticePage>();
    expect(notice).toMatchObject({ id: result.publicationId, contentSm3: result.contentSm3, logIndex: result.logIndex, status: 'published' });
    expect(sm3Hex(notice.content)).toBe(result.contentSm3);
    expect(JSON.parse(notice.content)).toMatchObject({ publicationId: result.publicationId, bodyHtml: notice.bodyHtml, title: notice.title });

    const [message] = await outboxFor(result.publicationId);
    expect(message).toMatchObject({ kind: 'publication', content: notice.content, content_sm3: result.contentSm3 });

    // The public log entry commits to the same hash; the notice page says how to fetch its receipt.
    const receipt = await get(notice.receipt.url);
    expect(receipt.statusCode).toBe(200);
    expect(JSON.parse(receipt.json().entry)).toMatchObject({ type: 'publication', publicationId: result.publicationId, contentSm3: result.contentSm3, logIndex: result.logIndex });
  });

  it('[B-001] [B-003] delivered to the public service platform, which received content with the portal\'s SM3; also in both feeds', async () => {
    const result = await publish(publication({ title: '康巴什区第二中学教学综合楼施工招标公告', regionCode: '150603' }));
    // The delivery job enqueued with the publication delivers it; nobody calls anything.
    const message = await delivered(result.publicationId);
    expect(message).toMatchObject({ status: 'delivered', attempts: 1, content_sm3: result.contentSm3 });
    expect(message.receipt).toBeTruthy();

    const received = await get(`/sandbox/public-service/v1/messages?subjectId=${result.publicationId}`);
    const [got] = received.json() as { content: string; contentSm3: string }[];
    expect(sm3Hex(got!.content)).toBe(result.contentSm3);
    expect(got!.content).toBe(((await get(`/api/v1/public/notices/${result.publicationId}`)).json() as NoticePage).content);

    const feed = (await get('/api/v1/public/feed?limit=500')).json<FeedPage>();
    expect(feed.events.some((e) => e.event === 'published' && e.publication.id === result.publicationId && e.publication.contentSm3 === result.contentSm3)).toBe(true);
    const atom = await get('/feeds/notices.atom');
    expect(atom.body).toContain(`urn:uuid:${result.publicationId}`);
  });

  it('a rolled-back publish leaves no notice, no feed event and no outbox message', async () => {
    const before = await counts();
    const p = publication({ title: '回滚测试公告' });
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await t.built.publish(trx, p);
        throw new Error('the caller failed after publishing');
      }),
    ).rejects.toThrow('the caller failed');
    expect(await counts()).toEqual(before);
    const list = (await get(`/api/v1/public/notices?q=${encodeURIComponent('回滚')}`)).json<NoticeList>();
    expect(list.items).toHaveLength(0);
  });

  it('a notice with script, event handlers or a javascript: URL is refused naming each, and nothing is stored', async () => {
    const before = await counts();
    const unsafe = publication({
      bodyHtml: '<p>正文</p><script>alert(1)</script><img src="x" onerror="steal()"><a href="jav&#x61;script:alert(1)">点此</a>',
    });
    const err = await publish(unsafe).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NOTICE_HTML_UNSAFE' });
    const what = (err as { details: { problems: { what: string }[] } }).details.problems.map((p) => p.what);
    expect(what).toEqual(expect.arrayContaining(['<script> element', 'onerror attribute on <img>', 'javascript: URL in href of <a>']));
    expect(await counts()).toEqual(before);
  });

  it('checkNoticeHtml cleans harmless markup to the notice allowlist, keeps http(s) links only and names what it removed', () => {
    const ok = checkNoticeHtml('<div class="x"><h3>标题</h3><p style="color:red">正文 <a href="https://ggzy.ordos.gov.cn/">平台</a> <a href="ftp://x">ftp</a></p></div>');
    expect(ok).toEqual({
      ok: true,
      html: '<h3>标题</h3><p>正文 <a href="https://ggzy.ordos.gov.cn/" rel="noopener noreferrer">平台</a> <a rel="noopener noreferrer">ftp</a></p>',
      removed: ['<div> element', 'style attribute on <p>', 'ftp: URL in href of <a>'],
    });
    expect(checkNoticeHtml('<iframe src="https://x"></iframe>')).toMatchObject({ ok: false, problems: [{ kind: 'activeElement' }] });
  });

  it('a malformed publication is PUBLICATION_INVALID and nothing is stored', async () => {
    const before = await counts();
    await expect(publish({ ...publication(), regionCode: '12' })).rejects.toMatchObject({ code: 'PUBLICATION_INVALID' });
    expect(await counts()).toEqual(before);
  });

  it('[B-014] a clarification is announced prominently: first among the section\'s publications, and sent to the public service platform', async () => {
    const section = `sec-${randomUUID()}`;
    const notice = await publish(publication({ sectionIds: [section] }));
    const clarification = await publish(publication({ type: 'clarification', sectionIds: [section], title: '天骄路道路改造工程第1次澄清与修改', prominent: true }));
    const visit = await publish(publication({ type: 'siteVisit', sectionIds: [section], title: '天骄路道路改造工程踏勘现场通知', prominent: false }));
    const page = (await get(`/api/v1/public/notices/${notice.publicationId}`)).json<NoticePage>();
    expect(page.related.map((r) => r.id)).toEqual([clarification.publicationId, visit.publicationId]);
    expect(page.related[0]).toMatchObject({ type: 'clarification', prominent: true });
    const prominent = (await get(`/api/v1/public/notices?sectionId=${section}&prominent=true`)).json<NoticeList>();
    expect(prominent.items.map((i) => i.id)).toEqual([clarification.publicationId]);
    expect(await delivered(clarification.publicationId)).toMatchObject({ kind: 'publication', content_sm3: clarification.contentSm3 });
    const received = (await get(`/sandbox/public-service/v1/messages?subjectId=${clarification.publicationId}`)).json() as { content: string }[];
    expect(JSON.parse(received[0]!.content)).toMatchObject({ type: 'clarification', prominent: true });
  });
});

describe('portal lists and search', () => {
  it('Chinese full-text search finds a notice by a two-character word and not by unrelated text; phrases keep their order', async () => {
    const heating = await publish(publication({ title: '准格尔旗薛家湾镇集中供热管网改造项目招标公告', regionCode: '150622', bodyHtml: '<p>热力管网更换，DN300 管道。</p>' }));
    const search = async (q: string, extra = '') => (await get(`/api/v1/public/notices?q=${encodeURIComponent(q)}${extra}`)).json<NoticeList>().items.map((i) => i.id);
    expect(await search('供热')).toContain(heating.publicationId);
    expect(await search('管道')).toContain(heating.publicationId);
    expect(await search('dn300')).toContain(heating.publicationId);
    expect(await search('集中供热')).toContain(heating.publicationId);
    expect(await search('供热集中')).not.toContain(heating.publicationId);
    expect(await search('医院')).not.toContain(heating.publicationId);
    expect(await search('绿化')).toEqual([]);
    // The title outranks the body: a title match comes first.
    const inBody = await publish(publication({ title: '某工程招标公告', regionCode: '150622', bodyHtml: '<p>附近有供热站。</p>' }));
    const ranked = await search('供热', '&regionCode=150622');
    expect(ranked.indexOf(heating.publicationId)).toBeLessThan(ranked.indexOf(inBody.publicationId));
  });

  it('lists filter by region (a city covers its districts), category, type and Shanghai dates', async () => {
    const goods = await publish(publication({ regionCode: '150627', category: 'governmentProcurement', type: 'prequalificationNotice', title: '伊金霍洛旗医疗设备采购资格预审公告' }));
    const list = async (qs: string) => (await get(`/api/v1/public/notices?limit=100&${qs}`)).json<NoticeList>().items.map((i) => i.id);
    expect(await list('regionCode=150600')).toContain(goods.publicationId);
    expect(await list('regionCode=150627')).toContain(goods.publicationId);
    expect(await list('regionCode=150602')).not.toContain(goods.publicationId);
    expect(await list('category=governmentProcurement&type=prequalificationNotice')).toEqual([goods.publicationId]);
    const day = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(await list(`from=${day}&to=${day}&category=governmentProcurement`)).toEqual([goods.publicationId]);
    expect(await list(`to=2020-01-01`)).toEqual([]);
    const bad = await get('/api/v1/public/notices?cursor=garbage');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('CURSOR_INVALID');
  });

  it('list and search cursors neither skip nor repeat when notices are published between pages', async () => {
    const category = `cursor${randomUUID().slice(0, 4).replace(/\d/g, 'x')}`;
    const first: string[] = [];
    for (let i = 0; i < 5; i++) first.push((await publish(publication({ category, title: `分页测试道路公告${i}` }))).publicationId);
    for (const q of ['', `&q=${encodeURIComponent('道路')}`]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let page = 0;
      do {
        const res = await get(`/api/v1/public/notices?category=${category}&limit=2${q}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        const body = res.json<NoticeList>();
        seen.push(...body.items.map((i) => i.id));
        cursor = body.nextCursor;
        // New notices arrive while the reader is paging.
        if (page++ === 0) await publish(publication({ category, title: `分页期间新道路公告${page}` }));
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => first.includes(id)).sort()).toEqual([...first].sort());
    }
  });

  it('the JSON change feed is a monotonic cursor: events after it, once each, including withdrawals and terminations', async () => {
    const start = (await get('/api/v1/public/feed?limit=500')).json<FeedPage>();
    let cursor = start.nextCursor;
    while (true) {
      const more = (await get(`/api/v1/public/feed?after=${cursor}&limit=500`)).json<FeedPage>();
      if (!more.events.length) break;
      cursor = more.nextCursor;
    }
    const section = `sec-${randomUUID()}`;
    const notice = await publish(publication({ sectionIds: [section] }));
    const other = await publish(publication());
    await t.database.db.transaction().execute((trx) => t.built.disclosure.withdraw(trx, other.publicationId, '发布有误'));
    const termination = await publish(publication({ type: 'termination', sectionIds: [section], title: '天骄路道路改造工程招标终止公告' }));

    const seen: FeedPage['events'] = [];
    let after = cursor;
    for (;;) {
      const page = (await get(`/api/v1/public/feed?after=${after}&limit=2`)).json<FeedPage>();
      if (!page.events.length) {
        expect(page.nextCursor).toBe(after);
        break;
      }
      seen.push(...page.events);
      after = page.nextCursor;
    }
    expect(seen.map((e) => [e.event, e.publication.id])).toEqual([
      ['published', notice.publicationId],
      ['published', other.publicationId],
      ['withdrawn', other.publicationId],
      ['published', termination.publicationId],
      ['terminated', notice.publicationId],
    ]);
    const cursors = seen.map((e) => Number(e.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect((await get(`/api/v1/public/notices/${notice.publicationId}`)).json<NoticePage>()).toMatchObject({ status: 'terminated' });
    const withdrawn = (await get(`/api/v1/public/notices/${other.publicationId}`)).json<NoticePage>();
    expect(withdrawn).toMatchObject({ status: 'withdrawn', statusReason: '发布有误' });
    expect((await get('/api/v1/public/notices?limit=100')).json<NoticeList>().items.map((i) => i.id)).not.toContain(other.publicationId);
    const withdrawal = await t.database.db.selectFrom('exchange.outbox_message').selectAll().where('subject_id', '=', other.publicationId).where('kind', '=', 'publicationWithdrawal').execute();
    expect(withdrawal).toHaveLength(1);
  });

  it('the Atom feed is well-formed Atom 1.0 with id, title, updated, link and summary per entry, filterable by region', async () => {
    const p = await publish(publication({ regionCode: '150625', category: 'works', title: '杭锦旗农田水利 <灌溉> & 配套工程招标公告' }));
    const res = await get('/feeds/notices.atom?regionCode=150625');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const xml = res.body;
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    for (const tag of ['id', 'title', 'updated']) expect(xml).toMatch(new RegExp(`^  <${tag}>[^<]+</${tag}>$`, 'm'));
    expect(xml).toMatch(/<link rel="self" type="application\/atom\+xml" href="http:\/\/[^"]+\/feeds\/notices\.atom\?regionCode=150625"\/>/);
    const entries = xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];
    expect(entries.length).toBe(1);
    const entry = entries[0]!;
    expect(entry).toContain(`<id>urn:uuid:${p.publicationId}</id>`);
    expect(entry).toContain('<title>杭锦旗农田水利 &lt;灌溉&gt; &amp; 配套工程招标公告</title>');
    expect(entry).toMatch(/<updated>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z<\/updated>/);
    expect(entry).toMatch(new RegExp(`<link rel="alternate" type="text/html" href="http://[^"]+/notices/${p.publicationId}"/>`));
    expect(entry).toMatch(/<summary type="text">[^<]+<\/summary>/);
    // Well-formed: every element opened is closed in order, no stray ampersand.
    const stack: string[] = [];
    for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-zA-Z:]+)[^>]*?(\/?)>/g)) {
      if (m[3]) continue;
      if (m[1]) expect(stack.pop()).toBe(m[2]);
      else stack.push(m[2]!);
    }
    expect(stack).toEqual([]);
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  });
});
