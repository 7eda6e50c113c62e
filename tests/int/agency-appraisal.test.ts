import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgencyOwnAppraisal, AgencyPublicPage, AgencyRecordView, SectionAgencyRatings } from '@bidhall/contracts';
import { businessToday } from '@bidhall/rules';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCY, entrustDemoAgency } from '../support/demo-agency.ts';
import { type AwardedDemo, decidableDemoSection } from '../support/demo-award.ts';
import { demoLogin } from '../support/demo-login.ts';
import { registrationBody } from '../support/registration-fixtures.ts';
import { createPlatformUser, createTestApp, login } from '../support/test-app.ts';

/**
 * The daily appraisal of agencies (action plan task 26, decision 0044) on the demo's evaluated section,
 * handed to the demo's agency and carried to its award decision: who rates the agency and when, once per
 * rater, the behaviour records staff keep, the public record with the means, and the agency's own view.
 */
const dir = mkdtempSync(join(tmpdir(), 'bidhall-agency-appraisal-'));
let e: AwardedDemo;
let agencyId: string;
const c: Record<string, string> = {};
const codeOf = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { code?: string }).code];
const ratingsUrl = (id = e.sectionId) => `/api/v1/sections/${id}/agency-ratings`;
const recordsUrl = (id = agencyId) => `/api/v1/agencies/${id}/records`;
const good = { compliance: 5, service: 4, efficiency: 3, comment: '招标文件编制规范，答疑及时。' };
const publicRecord = async (query = '') => {
  const res = await e.call('GET', `/api/v1/agencies/record${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AgencyPublicPage;
};

beforeAll(async () => {
  e = await decidableDemoSection(dir);
  agencyId = await entrustDemoAgency(e.t.database.db, e.sectionId);
  for (const u of ['agency.demo', 'staff.city']) c[u] = await demoLogin(e.t, u);
  // The same roles elsewhere: staff of 达拉特旗, a tenderer and an agency that take part in nothing here.
  await createPlatformUser(e.t, { username: 'appraisal.staff.dlt', kind: 'staff', regionCode: '150621' });
  c.otherStaff = await login(e.t, 'appraisal.staff.dlt');
  for (const role of ['tenderer', 'agency'] as const) {
    const body = registrationBody({ roles: [role], region: '150621' });
    expect((await e.t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body })).statusCode).toBe(201);
    c[`other.${role}`] = await login(e.t, body.account.username);
  }
}, 600_000);
afterAll(async () => {
  await e?.t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('agencies rated after each section (task 26)', () => {
  it('the tenderer and the region’s staff rate the agency once the award is decided, each once; the agency, others and the other region may not', async () => {
    const tenderer = e.c['tenderer.demo']!;
    const staff = e.c['staff.dongsheng']!;
    // Before the award decision: shown, not open.
    const before = (await e.call('GET', ratingsUrl(), tenderer)).json() as SectionAgencyRatings;
    expect(before).toMatchObject({
      agency: { entityId: agencyId, name: DEMO_AGENCY.name },
      awardDecided: false,
      canRate: false,
      closedReason: 'notDecided',
      ratings: [],
    });
    const early = await e.call('POST', ratingsUrl(), tenderer, good);
    expect([...codeOf(early), early.json().details.reason]).toEqual([409, 'AGENCY_RATING_NOT_OPEN', 'notDecided']);
    expect(codeOf(await e.call('POST', ratingsUrl(), staff, good))).toEqual([409, 'AGENCY_RATING_NOT_OPEN']);

    // A section the tenderer ran itself has no agency to rate.
    const own = (
      await sql<{ id: string }>`
      SELECT s.id FROM projects.section s JOIN projects.tendering_project tp ON tp.id = s.tendering_project_id
       WHERE tp.agency_entity_id IS NULL AND tp.tenderer_entity_id = (SELECT tenderer_entity_id FROM projects.tendering_project WHERE agency_entity_id = ${agencyId} LIMIT 1)
       LIMIT 1`.execute(e.t.database.db)
    ).rows[0]!.id;
    const none = await e.call('POST', ratingsUrl(own), tenderer, good);
    expect([...codeOf(none), none.json().details.reason]).toEqual([409, 'AGENCY_RATING_NOT_OPEN', 'noAgency']);

    const decided = await e.call('POST', `/api/v1/sections/${e.sectionId}/award/decision`, tenderer, {
      bidId: e.winner.bidId,
      reason: '',
    });
    expect(decided.statusCode, decided.body).toBe(201);
    expect((await e.call('GET', ratingsUrl(), tenderer)).json()).toMatchObject({
      awardDecided: true,
      canRate: true,
      closedReason: null,
    });

    // Not the agency itself, a bidder or a supervisor (roles); not the other region's staff nor another tenderer (not found).
    expect(codeOf(await e.call('POST', ratingsUrl(), c['agency.demo'], good))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await e.call('POST', ratingsUrl(), e.c['bidder.demo'], good))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await e.call('POST', ratingsUrl(), e.c['supervisor.works'], good))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await e.call('POST', ratingsUrl(), c.otherStaff, good))).toEqual([404, 'SECTION_NOT_FOUND']);
    expect(codeOf(await e.call('POST', ratingsUrl(), c['other.tenderer'], good))).toEqual([404, 'SECTION_NOT_FOUND']);
    expect((await e.call('POST', ratingsUrl(), undefined, good)).statusCode).toBe(401);
    const agencyView = (await e.call('GET', ratingsUrl(), c['agency.demo'])).json() as SectionAgencyRatings;
    expect(agencyView).toMatchObject({ canRate: false, closedReason: 'notRater' });

    const rated = await e.call('POST', ratingsUrl(), tenderer, good);
    expect(rated.statusCode, rated.body).toBe(201);
    const afterTenderer = rated.json() as SectionAgencyRatings;
    expect(afterTenderer).toMatchObject({
      canRate: false,
      closedReason: 'rated',
      means: { compliance: 5, service: 4, efficiency: 3, overall: 4, count: 1 },
    });
    expect(afterTenderer.ratings).toEqual([
      expect.objectContaining({
        raterKind: 'tenderer',
        raterEntityName: '鄂尔多斯市示范城建投资有限公司',
        agencyEntityId: agencyId,
        ...good,
      }),
    ]);
    expect(codeOf(await e.call('POST', ratingsUrl(), tenderer, { ...good, compliance: 1 }))).toEqual([409, 'AGENCY_RATED']);

    // Each staff member of the region once: 东胜区's, and the city's above it.
    expect((await e.call('GET', ratingsUrl(), staff)).json()).toMatchObject({ canRate: true });
    expect((await e.call('POST', ratingsUrl(), staff, { compliance: 4, service: 4, efficiency: 5 })).statusCode).toBe(201);
    expect(codeOf(await e.call('POST', ratingsUrl(), staff, good))).toEqual([409, 'AGENCY_RATED']);
    const city = await e.call('POST', ratingsUrl(), c['staff.city'], { compliance: 3, service: 5, efficiency: 4, comment: '' });
    expect(city.statusCode, city.body).toBe(201);
    const all = city.json() as SectionAgencyRatings;
    expect(all.ratings.map((r) => r.raterKind)).toEqual(['tenderer', 'staff', 'staff']);
    expect(all.ratings.map((r) => r.raterName)).toEqual(['王建国', '东胜区分中心 孙磊', '市交易中心 赵敏']);
    expect(all.means).toEqual({ compliance: 4, service: 4.33, efficiency: 4, overall: 4.11, count: 3 });

    // The section's parties and officers read them; a bidder may not, another agency finds nothing.
    for (const reader of [c['agency.demo'], e.c['supervisor.works'], staff])
      expect((await e.call('GET', ratingsUrl(), reader)).json().ratings).toHaveLength(3);
    expect(codeOf(await e.call('GET', ratingsUrl(), e.c['bidder.demo']))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await e.call('GET', ratingsUrl(), c['other.agency']))).toEqual([404, 'SECTION_NOT_FOUND']);

    // Each rating is audited in its transaction, and the agency told.
    const audited = await sql<{ target_id: string; actor_id: string; details: { raterKind: string } }>`
      SELECT target_id, actor_id, details FROM platform.audit_event WHERE action = 'appraisal.agency.rated' ORDER BY id`.execute(
      e.t.database.db,
    );
    expect(audited.rows.map((r) => r.target_id)).toEqual(all.ratings.map((r) => r.id));
    expect(audited.rows.map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details).raterKind)).toEqual([
      'tenderer',
      'staff',
      'staff',
    ]);
    const told = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM notifications.message WHERE recipient_id = ${agencyId} AND topic = 'appraisal.agencyRated'`.execute(
      e.t.database.db,
    );
    expect(told.rows[0]!.n).toBe(3);
    // Kept as made.
    await expect(sql`UPDATE appraisal.agency_rating SET compliance = 5`.execute(e.t.database.db)).rejects.toThrow(/append-only/);
  });

  it('scores are whole numbers 1–5 and the comment plain text of at most 500 characters', async () => {
    await createPlatformUser(e.t, { username: 'appraisal.staff.ds', kind: 'staff', regionCode: '150602' });
    const staff = await login(e.t, 'appraisal.staff.ds');
    const bad = [
      { ...good, compliance: 0 },
      { ...good, service: 6 },
      { ...good, efficiency: 2.5 },
      { ...good, efficiency: '5' },
      { compliance: 5, service: 5 },
      { ...good, comment: 'x'.repeat(501) },
      { ...good, comment: '服务\u0007很好' },
      { ...good, comment: '服务\u2028很好' },
      { ...good, extra: true },
    ];
    for (const body of bad)
      expect((await e.call('POST', ratingsUrl(), e.c['tenderer.demo'], body)).statusCode, JSON.stringify(body)).toBe(400);
    // The same for a rater who has not rated yet: refused as input, not as a second rating.
    expect((await e.call('POST', ratingsUrl(), staff, { ...good, comment: '服务\u0000很好' })).statusCode).toBe(400);
  });

  it('staff record an agency’s conduct in their region, or on a section it ran; only agencies; never a day to come', async () => {
    const staff = e.c['staff.dongsheng']!;
    const today = businessToday(e.t.clock);
    const violation = {
      kind: 'violation',
      date: today,
      description: '未按规定时间发布澄清文件，责令改正。',
      sectionId: e.sectionId,
    };
    const made = await e.call('POST', recordsUrl(), staff, violation);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      agencyEntityId: agencyId,
      agencyName: DEMO_AGENCY.name,
      kind: 'violation',
      regionCode: '150602',
      sectionId: e.sectionId,
      recorderName: '东胜区分中心 孙磊',
    } satisfies Partial<AgencyRecordView>);
    // 达拉特旗's staff record in their own region; not on a section of another.
    const theirs = await e.call('POST', recordsUrl(), c.otherStaff, {
      kind: 'commendation',
      date: '2026-01-05',
      description: '代理服务规范，获年度通报表扬。',
    });
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.json()).toMatchObject({ regionCode: '150621', sectionId: null });
    expect(codeOf(await e.call('POST', recordsUrl(), c.otherStaff, violation))).toEqual([404, 'SECTION_NOT_FOUND']);

    const bidderEntity = (await e.call('GET', '/api/v1/me', e.c['bidder.demo'])).json().entity.id as string;
    expect(codeOf(await e.call('POST', recordsUrl(bidderEntity), staff, { ...violation, sectionId: undefined }))).toEqual([
      404,
      'AGENCY_NOT_FOUND',
    ]);
    expect(codeOf(await e.call('POST', recordsUrl('00000000-0000-4000-8000-000000000000'), staff, violation))).toEqual([
      404,
      'AGENCY_NOT_FOUND',
    ]);
    const otherAgency = (await e.call('GET', '/api/v1/me', c['other.agency'])).json().entity.id as string;
    expect(codeOf(await e.call('POST', recordsUrl(otherAgency), staff, violation))).toEqual([
      422,
      'AGENCY_RECORD_SECTION_MISMATCH',
    ]);
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(codeOf(await e.call('POST', recordsUrl(), staff, { ...violation, date: tomorrow }))).toEqual([
      422,
      'AGENCY_RECORD_DATE_INVALID',
    ]);
    expect((await e.call('POST', recordsUrl(), staff, { ...violation, kind: 'warning' })).statusCode).toBe(400);
    expect((await e.call('POST', recordsUrl(), staff, { ...violation, description: '违规\u001b记录' })).statusCode).toBe(400);
    expect(codeOf(await e.call('POST', recordsUrl(), e.c['tenderer.demo'], violation))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await e.call('POST', recordsUrl(), e.c['supervisor.works'], violation))).toEqual([403, 'FORBIDDEN']);

    const audited = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'appraisal.agency.recorded' AND target_id IN (${made.json().id}, ${theirs.json().id})`.execute(
      e.t.database.db,
    );
    expect(audited.rows[0]!.n).toBe(2);
    const told = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM notifications.message WHERE recipient_id = ${agencyId} AND topic = 'appraisal.agencyRecorded'`.execute(
      e.t.database.db,
    );
    expect(told.rows[0]!.n).toBe(2);
  });

  it('the public record shows each rated or recorded agency’s means and records, no rater or comment, nothing of an agency never rated; the agency sees its own', async () => {
    const page = await publicRecord();
    const otherAgency = (await e.call('GET', '/api/v1/me', c['other.agency'])).json().entity.id as string;
    expect(page.items.map((i) => i.entityId)).toEqual([agencyId]);
    expect(page.items.map((i) => i.entityId)).not.toContain(otherAgency);
    expect(page.total).toBe(1);
    const [entry] = page.items;
    expect(entry).toEqual({
      entityId: agencyId,
      name: DEMO_AGENCY.name,
      means: { compliance: 4, service: 4.33, efficiency: 4, overall: 4.11, count: 3 },
      records: [
        {
          kind: 'violation',
          date: businessToday(e.t.clock),
          description: '未按规定时间发布澄清文件，责令改正。',
          regionCode: '150602',
        },
        { kind: 'commendation', date: '2026-01-05', description: '代理服务规范，获年度通报表扬。', regionCode: '150621' },
      ],
    });
    const body = JSON.stringify(page);
    for (const secret of [good.comment, '孙磊', e.sectionId]) expect(body).not.toContain(secret);

    // By region: 达拉特旗 has only its record; the city covers 东胜区's ratings and both records.
    expect((await publicRecord('?regionCode=150621')).items).toEqual([
      expect.objectContaining({
        means: { compliance: null, service: null, efficiency: null, overall: null, count: 0 },
        records: [expect.objectContaining({ regionCode: '150621' })],
      }),
    ]);
    expect((await publicRecord('?regionCode=150600')).items[0]!.means.count).toBe(3);
    expect((await publicRecord('?regionCode=150622')).items).toEqual([]);
    expect((await publicRecord('?offset=1')).items).toEqual([]);
    expect((await e.call('GET', '/api/v1/agencies/record?limit=101')).statusCode).toBe(400);

    // The agency's own: the ratings with raters and comments, named by section, and its records.
    const mine = (await e.call('GET', '/api/v1/agency-ratings/mine', c['agency.demo'])).json() as AgencyOwnAppraisal;
    expect(mine).toMatchObject({ entityId: agencyId, means: { overall: 4.11, count: 3 } });
    expect(mine.ratings).toHaveLength(3);
    expect(mine.ratings.find((r) => r.raterKind === 'tenderer')).toMatchObject({
      comment: good.comment,
      sectionId: e.sectionId,
      sectionName: expect.stringContaining('标段'),
    });
    expect(mine.records.map((r) => r.kind)).toEqual(['violation', 'commendation']);
    const theirs = (await e.call('GET', '/api/v1/agency-ratings/mine', c['other.agency'])).json() as AgencyOwnAppraisal;
    expect(theirs).toMatchObject({ entityId: otherAgency, means: { count: 0, overall: null }, ratings: [], records: [] });
    expect(codeOf(await e.call('GET', '/api/v1/agency-ratings/mine', e.c['tenderer.demo']))).toEqual([403, 'FORBIDDEN']);
  });
});

describe('the agencies’ public record is rate limited like the expert pool’s', () => {
  it('an anonymous client gets 429 past 60 pages a minute, another client is served', async () => {
    const t = await createTestApp({ config: { rateLimitScale: 1 } });
    try {
      const get = (ip: string) => t.built.app.inject({ method: 'GET', url: '/api/v1/agencies/record', remoteAddress: ip });
      for (let i = 0; i < 60; i++) expect((await get('10.44.0.1')).statusCode).toBe(200);
      const refused = await get('10.44.0.1');
      expect([refused.statusCode, refused.json().code]).toEqual([429, 'RATE_LIMITED']);
      expect((await get('10.44.0.2')).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
