import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwardStandingView, PublicityView, ResultObjectionView } from '@bidhall/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBJECTION_OVERDUE_JOB } from '../../apps/server/src/modules/award/index.ts';
import { completedDemoReport, type DemoEvaluation, submittedDemoEvaluation } from '../support/demo-evaluation.ts';
import { demoLogin } from '../support/demo-login.ts';
import { bidder } from '../support/documents-fixtures.ts';

/**
 * Award (issue 13 §1, decision 0034) on the demo's evaluated section: once the evaluation report is
 * signed by every member, the tenderer drafts the candidates' publicity, staff verify and publish it;
 * a bidder objects during it, the award waits until the tenderer answers; an unanswered objection past
 * its 3 days is reported to the supervisors.
 */
const dir = mkdtempSync(join(tmpdir(), 'bidhall-award-'));
let e: DemoEvaluation;
const DAY = 86_400_000;
const codeOf = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { code?: string }).code];
const url = (rest = '') => `/api/v1/sections/${e.sectionId}/award${rest}`;
const standing = async () => (await e.call('GET', url(), e.c['staff.dongsheng'])).json() as AwardStandingView;
const at = (ms: number) => new Date(e.t.clock.now().getTime() + ms).toISOString();
let reportSm3: string;

beforeAll(async () => {
  e = await submittedDemoEvaluation(dir);
}, 600_000);
afterAll(async () => e?.t.close());

describe('candidate publicity and objections to the result (issue 13 §1)', () => {
  it('[A-163] [B-028] the tenderer drafts the publicity of the completed report’s candidates only, starting within 3 days and lasting at least 3', async () => {
    const early = await e.call('PUT', url('/publicity'), e.c['tenderer.demo'], {
      startsAt: at(DAY),
      endsAt: at(5 * DAY),
      remarks: '',
    });
    expect(codeOf(early)).toEqual([409, 'PUBLICITY_NOT_READY']);
    reportSm3 = await completedDemoReport(e);
    // Refreshed sessions: the report took the clock along.
    for (const u of ['staff.dongsheng', 'tenderer.demo', 'bidder.demo', 'supervisor.works']) e.c[u] = await demoLogin(e.t, u);

    const late = await e.call('PUT', url('/publicity'), e.c['tenderer.demo'], {
      startsAt: at(9 * DAY),
      endsAt: at(13 * DAY),
      remarks: '',
    });
    expect([...codeOf(late), late.json().details.reason]).toEqual([422, 'PUBLICITY_PERIOD_INVALID', 'lateStart']);
    const short = await e.call('PUT', url('/publicity'), e.c['tenderer.demo'], {
      startsAt: at(60_000),
      endsAt: at(DAY),
      remarks: '',
    });
    expect([...codeOf(short), short.json().details.reason]).toEqual([422, 'PUBLICITY_PERIOD_INVALID', 'tooShort']);
    expect(
      (await e.call('PUT', url('/publicity'), e.c['bidder.demo'], { startsAt: at(60_000), endsAt: at(4 * DAY), remarks: '' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await e.call('PUT', url('/publicity'), e.c['tenderer.demo'], {
          startsAt: at(60_000),
          endsAt: at(4 * DAY),
          remarks: '联系人\u0007',
        })
      ).statusCode,
    ).toBe(400);

    const drafted = await e.call('PUT', url('/publicity'), e.c['tenderer.demo'], {
      startsAt: at(60_000),
      endsAt: at(4 * DAY),
      remarks: '异议请通过平台提交。',
    });
    expect(drafted.statusCode, drafted.body).toBe(200);
    const p = drafted.json() as PublicityView;
    const summary = (await e.call('GET', `/api/v1/sections/${e.sectionId}/evaluation`, e.c['staff.dongsheng'])).json() as {
      summary: { candidates: { rank: number; bidId: string }[] };
    };
    expect(p).toMatchObject({ state: 'draft', reportSm3, running: false });
    expect(p.candidates.map((c) => [c.rank, c.bidId])).toEqual(summary.summary.candidates.map((c) => [c.rank, c.bidId]));
    expect(p.candidates.every((c) => /^\d+$/.test(c.priceFen))).toBe(true);
  });

  it('[A-164] [B-029] staff verify it — a rejection sends it back with the reason — and it is published on the portal and pushed', async () => {
    expect(codeOf(await e.call('POST', url('/publicity/verification'), e.c['staff.dongsheng'], { decision: 'approve' }))).toEqual(
      [409, 'PUBLICITY_STATE_CONFLICT'],
    );
    expect((await e.call('POST', url('/publicity/submit'), e.c['tenderer.demo'], {})).statusCode).toBe(200);
    expect((await e.call('POST', url('/publicity/verification'), e.c['tenderer.demo'], { decision: 'approve' })).statusCode).toBe(
      403,
    );
    const rejected = await e.call('POST', url('/publicity/verification'), e.c['staff.dongsheng'], {
      decision: 'reject',
      reason: '请补充异议受理联系方式',
    });
    expect(rejected.json()).toMatchObject({ state: 'draft', rejection: '请补充异议受理联系方式' });
    const p = (await standing()).publicity!;
    expect(
      (
        await e.call('PUT', url('/publicity'), e.c['tenderer.demo'], {
          startsAt: p.startsAt,
          endsAt: p.endsAt,
          remarks: '异议受理电话 0477-0000000。',
        })
      ).statusCode,
    ).toBe(200);
    expect((await e.call('POST', url('/publicity/submit'), e.c['tenderer.demo'], {})).statusCode).toBe(200);
    const published = await e.call('POST', url('/publicity/verification'), e.c['staff.dongsheng'], { decision: 'approve' });
    expect(published.statusCode, published.body).toBe(200);
    const v = published.json() as PublicityView;
    expect(v).toMatchObject({ state: 'published', rejection: null });
    // On the portal, and in the outbox to the public service platform with the same content.
    const notice = (await e.call('GET', `/api/v1/public/notices/${v.publicationId}`)).json() as {
      type: string;
      title: string;
      bodyHtml: string;
    };
    expect(notice.type).toBe('candidatePublicity');
    expect(notice.title).toContain('中标候选人公示');
    for (const c of v.candidates) expect(notice.bodyHtml).toContain(c.entityName);
    expect(notice.bodyHtml).toContain('异议受理电话 0477-0000000。');
    const pushed = (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM exchange.outbox_message WHERE kind = 'publication' AND content LIKE ${`%${v.publicationId}%`}`.execute(
        e.t.database.db,
      )
    ).rows[0]!.n;
    expect(pushed).toBeGreaterThanOrEqual(1);
    expect(
      codeOf(
        await e.call('PUT', url('/publicity'), e.c['tenderer.demo'], { startsAt: p.startsAt, endsAt: p.endsAt, remarks: '' }),
      ),
    ).toEqual([409, 'PUBLICITY_STATE_CONFLICT']);
  });

  let objectionId: string;

  it('[B-030] [B-031] a bidder objects during the publicity; the award waits until the tenderer answers within 3 days', async () => {
    e.t.clock.advance(120_000);
    // Only an entity that obtained the section's documents objects.
    const stranger = await bidder(e.t);
    expect(codeOf(await e.call('POST', url('/objections'), stranger.cookie, { content: '异议' }))).toEqual([
      404,
      'SECTION_NOT_FOUND',
    ]);
    const raised = await e.call('POST', url('/objections'), e.c['bidder.demo'], {
      content: '第一中标候选人项目经理有在建项目，请核实。',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const o = raised.json() as ResultObjectionView;
    objectionId = o.id;
    expect(o).toMatchObject({ state: 'open', late: false, overdue: false });
    expect(await standing()).toMatchObject({ suspended: true, openObjections: 1 });
    // The tenderer sees it; the objector sees its own; another bidder that obtained the documents sees none of it.
    expect(
      ((await e.call('GET', url('/objections'), e.c['tenderer.demo'])).json() as ResultObjectionView[]).map((x) => x.id),
    ).toEqual([o.id]);
    expect(
      ((await e.call('GET', url('/objections'), e.c['bidder.demo'])).json() as ResultObjectionView[]).map((x) => x.id),
    ).toEqual([o.id]);
    const other = await demoLogin(e.t, 'bidder3.demo');
    expect((await e.call('GET', url('/objections'), other)).json()).toEqual([]);
    expect((await e.call('POST', `/api/v1/award-objections/${o.id}/answer`, other, { answer: '无' })).statusCode).toBe(403);

    const answered = await e.call('POST', `/api/v1/award-objections/${o.id}/answer`, e.c['tenderer.demo'], {
      answer: '经核实，该项目经理在建项目已竣工，异议不成立。',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ state: 'answered', overdue: false });
    expect(
      codeOf(await e.call('POST', `/api/v1/award-objections/${o.id}/answer`, e.c['tenderer.demo'], { answer: '再答' })),
    ).toEqual([409, 'OBJECTION_ANSWERED']);
    expect(await standing()).toMatchObject({ suspended: false, openObjections: 0 });
    const told = (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM notifications.message WHERE topic = 'award.objectionAnswered'`.execute(e.t.database.db)
    ).rows[0]!.n;
    expect(told).toBe(1);
  });

  it('[B-031] an answer overdue past its 3 days raises a warning to the supervisors, once; an objection after the publicity is flagged late and holds nothing', async () => {
    const second = await e.call('POST', url('/objections'), e.c['bidder.demo'], { content: '第二项异议。' });
    expect(second.statusCode, second.body).toBe(201);
    e.t.clock.advance(5 * DAY);
    await e.t.jobs.runNow(OBJECTION_OVERDUE_JOB);
    await e.t.jobs.runNow(OBJECTION_OVERDUE_JOB);
    const warned = (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM notifications.message WHERE topic = 'award.objectionOverdue'`.execute(e.t.database.db)
    ).rows[0]!.n;
    expect(warned).toBeGreaterThanOrEqual(1);
    const audited = (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'award.objection.overdue'`.execute(e.t.database.db)
    ).rows[0]!.n;
    expect(audited).toBe(1);
    e.c['bidder.demo'] = await demoLogin(e.t, 'bidder.demo');
    e.c['staff.dongsheng'] = await demoLogin(e.t, 'staff.dongsheng');
    const late = await e.call('POST', url('/objections'), e.c['bidder.demo'], { content: '公示期后的异议。' });
    expect(late.json()).toMatchObject({ late: true, state: 'open' });
    expect((await standing()).openObjections).toBe(1);
    expect(objectionId).toBeDefined();
  });
});
