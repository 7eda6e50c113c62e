// Government procurement under its own law (CTS-EBS01-2016 B-024, B-025, decision 0045): the tender
// document's evaluation method fits MOF Order 87 — the price weight, the low-price-first ratio, no
// separated award — and an evaluation leaving fewer than three compliant suppliers fails the tender (废标),
// which goes to its next round with every bidder told why.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  methodRegulationIssues,
  type DocumentView,
  type EvaluationMethod,
  type EvaluationReportView,
  type EvaluationView,
  type MethodTemplateView,
  type SectionDetail,
} from '@bidhall/contracts';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../apps/server/src/demo/load-demo.ts';
import { demoLogin } from '../support/demo-login.ts';
import {
  completedDemoReport,
  demoCommitteeSectionId,
  type DemoEvaluation,
  evaluateDemoSection,
  signedDemoReport,
} from '../support/demo-evaluation.ts';
import { api, scoringMethod, worksValues } from '../support/documents-fixtures.ts';
import { lawfulTimetable, registeredSection, setTimetable, type RegisteredSection } from '../support/tendering-fixtures.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

type Scoring = Extract<EvaluationMethod, { type: 'scoring' }>;
const codeOf = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { code?: string }).code];

/** The demo's scoring method (technical 3.1, commercial 3.2 weighing 20, price 3.3) with the price weighing `weight`, by the given formula. */
function method(weight: number, scoring: 'ratio' | 'deviation'): Scoring {
  const m = scoringMethod() as Scoring;
  return {
    ...m,
    factors: m.factors.map((f) =>
      f.category === 'price'
        ? { ...f, weight, scoreRange: { min: 0, max: weight } }
        : f.category === 'technical'
          ? { ...f, weight: 80 - weight }
          : f,
    ),
    priceFormula:
      scoring === 'ratio'
        ? {
            scoring: 'ratio',
            benchmark: {
              base: 'lowestValidBid',
              dropHighest: 0,
              dropLowest: 0,
              dropWhenAtLeast: 1,
              coefficient: { min: 1, max: 1, step: 0.01 },
            },
            deduction: { abovePerPercent: 0, belowPerPercent: 0 },
          }
        : m.priceFormula,
  };
}

describe('[B-025] the evaluation method fits the regulation of the section’s procurement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-02T02:00:00Z' });
  }, 120_000);
  afterAll(async () => t?.close());
  const call = (...args: Parameters<ReturnType<typeof api>['call']>) => api(t).call(...args);

  async function draft(r: RegisteredSection): Promise<DocumentView> {
    const res = await call('POST', '/api/v1/tender-documents', r.managerCookie, { sectionId: r.sectionId, kind: 'tender' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as DocumentView;
  }
  const government = (kind: 'governmentGoods' | 'governmentServices') =>
    registeredSection(t, { kind, category: 'governmentProcurement', mandatory: false });

  it('[B-025] a government goods section’s tender document is refused a price weight of 20 % and the deviation formula, naming clause, rule and MOF Order 87 art. 55; weight 30 with the ratio is lawful; a works section keeps 20 %', async () => {
    const gp = await government('governmentGoods');
    const doc = await draft(gp);
    const put = (m: EvaluationMethod, r = gp, id = doc.id) =>
      call('PUT', `/api/v1/tender-documents/${id}/method`, r.managerCookie, { method: m });

    const light = await put(method(20, 'ratio'));
    expect(codeOf(light)).toEqual([422, 'EVALUATION_METHOD_UNLAWFUL']);
    expect(light.json()).toMatchObject({
      details: {
        procurementKind: 'governmentGoods',
        issues: [{ rule: 'GP_PRICE_WEIGHT_MIN', source: '财政部令第87号 第五十五条', clause: '3.3', path: 'factors.2.weight' }],
      },
    });
    expect(light.body).toContain('below the 30 %');

    const deviation = await put(method(30, 'deviation'));
    expect(codeOf(deviation)).toEqual([422, 'EVALUATION_METHOD_UNLAWFUL']);
    expect(
      (deviation.json() as { details: { issues: { rule: string; path: string }[] } }).details.issues.map(
        (i) => `${i.rule} ${i.path}`,
      ),
    ).toEqual([
      'GP_PRICE_SCORE_RATIO priceFormula.scoring',
      'GP_BENCHMARK_LOWEST priceFormula.benchmark.base',
      'GP_BENCHMARK_LOWEST priceFormula.benchmark.coefficient',
      'GP_BENCHMARK_LOWEST priceFormula.benchmark.dropHighest',
    ]);
    const separated = await put({ ...method(30, 'ratio'), separatedAward: { method: 'vote', shortlist: null } });
    expect((separated.json() as { details: { issues: { rule: string; source: string }[] } }).details.issues).toMatchObject([
      { rule: 'GP_RANKED_CANDIDATES', source: '财政部令第87号 第六十八条' },
    ]);
    // Nothing refused was kept.
    expect(
      ((await call('GET', `/api/v1/tender-documents/${doc.id}`, gp.managerCookie)).json() as DocumentView).method,
    ).toBeNull();

    const lawful = await put(method(30, 'ratio'));
    expect(lawful.statusCode, lawful.body).toBe(200);
    expect(((await call('GET', `/api/v1/tender-documents/${doc.id}`, gp.managerCookie)).json() as DocumentView).method).toEqual(
      method(30, 'ratio'),
    );

    // Government services need 10 %; the Tendering Law's works section takes 20 % and the deviation formula.
    const services = await government('governmentServices');
    const servicesDoc = await draft(services);
    expect((await put(method(10, 'ratio'), services, servicesDoc.id)).statusCode).toBe(200);
    expect(codeOf(await put(method(9, 'ratio'), services, servicesDoc.id))).toEqual([422, 'EVALUATION_METHOD_UNLAWFUL']);
    const works = await registeredSection(t);
    const worksDoc = await draft(works);
    const worksMethod = await put(
      { ...method(20, 'deviation'), separatedAward: { method: 'vote', shortlist: null } },
      works,
      worksDoc.id,
    );
    expect(worksMethod.statusCode, worksMethod.body).toBe(200);
  });

  it('[B-025] the standard goods and services templates are lawful for government procurement, and a method stored unlawful is held back at packaging', async () => {
    const standard = (
      (
        await call('GET', '/api/v1/method-templates', (await government('governmentGoods')).managerCookie)
      ).json() as MethodTemplateView[]
    ).filter((x) => x.regionCode === null);
    for (const x of standard.filter((s) => s.scope !== 'works')) {
      const kind = x.scope === 'goods' ? 'governmentGoods' : 'governmentServices';
      expect(methodRegulationIssues(x.method, kind), x.name).toEqual([]);
    }

    const gp = await government('governmentGoods');
    await setTimetable(t, gp.sectionId, lawfulTimetable(t));
    const doc = await draft(gp);
    const applied = await call('POST', `/api/v1/tender-documents/${doc.id}/method/from-template`, gp.managerCookie, {
      templateId: 'goods-scoring-2017',
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect((applied.json() as DocumentView).method).toMatchObject({
      type: 'scoring',
      priceFormula: { scoring: 'ratio', benchmark: { base: 'lowestValidBid' } },
    });
    const values = {
      notice: worksValues.notice,
      instructions: worksValues.instructions,
      contract: worksValues.contract,
      supply: { supplyRequirements: '<p>服务器 20 台，技术参数见附件。</p>', deliveryPlace: '鄂尔多斯市东胜区' },
    };
    const filled = await call('PUT', `/api/v1/tender-documents/${doc.id}/chapters`, gp.managerCookie, { values });
    expect(filled.statusCode, filled.body).toBe(200);

    // A method stored before the rule (the deviation formula of the standard goods template as it was) is refused at packaging.
    await sql`UPDATE documents.document SET method = ${JSON.stringify(method(50, 'deviation'))}::jsonb WHERE id = ${doc.id}`.execute(
      t.database.db,
    );
    const held = await call('POST', `/api/v1/tender-documents/${doc.id}/package`, gp.managerCookie);
    expect(codeOf(held)).toEqual([422, 'EVALUATION_METHOD_UNLAWFUL']);
    expect(held.body).toContain('GP_PRICE_SCORE_RATIO');
    expect(
      (await call('PUT', `/api/v1/tender-documents/${doc.id}/method`, gp.managerCookie, { method: method(50, 'ratio') }))
        .statusCode,
    ).toBe(200);
    const packaged = await call('POST', `/api/v1/tender-documents/${doc.id}/package`, gp.managerCookie);
    expect(packaged.statusCode, packaged.body).toBe(200);
  });
});

/**
 * The demo's read-out section (three bids, its committee drawn) entered as government goods procurement.
 * The kind is fixed when a project is entered, and the demo tenders works: the project's kind is set in
 * the database before the evaluation, as tests/support/demo-award.ts fixes a separated award in the method.
 */
async function asGovernmentGoods(db: Kysely<unknown>): Promise<string> {
  const sectionId = await demoCommitteeSectionId(db);
  const r = await sql`
    UPDATE projects.project p SET kind = 'governmentGoods'
    FROM projects.tendering_project tp, projects.section s
    WHERE s.id = ${sectionId} AND tp.id = s.tendering_project_id AND p.id = tp.project_id`.execute(db);
  expect(Number(r.numAffectedRows)).toBe(1);
  return sectionId;
}

async function governmentDemo(dir: string, failBids: number[]): Promise<DemoEvaluation> {
  const t = await createTestApp({ now: '2026-11-26T02:00:00Z', config: { trustStoreDir: join(dir, 'trust') } });
  await loadDemo(t.built, t.database.db, { clock: t.clock, demoCaDir: join(dir, 'demo-ca'), loop: false });
  await asGovernmentGoods(t.database.db);
  return evaluateDemoSection(t, dir, { failBids });
}

describe('[B-024] government procurement: fewer than three compliant suppliers fail the tender', () => {
  let e: DemoEvaluation;
  beforeAll(async () => {
    e = await governmentDemo(mkdtempSync(join(tmpdir(), 'bidhall-gp-failed-')), [2]);
  }, 300_000);
  afterAll(async () => e?.t.close());
  const url = (rest = '') => `/api/v1/sections/${e.sectionId}/evaluation${rest}`;

  it('[B-024] two of three compliant: the summary records 废标 with the law, no candidates; the section is re-tendered (round + 1); the tenderer and every bidder are told; the report says so; the award refuses', async () => {
    const section = async () =>
      (await e.call('GET', `/api/v1/sections/${e.sectionId}`, e.c['tenderer.demo'])).json() as SectionDetail;
    const before = await section();
    expect([before.kind, before.stage]).toEqual(['governmentGoods', 'opened']);

    const summarised = await e.call('POST', url('/summary'), e.chair.cookie, {});
    expect(summarised.statusCode, summarised.body).toBe(200);
    const summary = (summarised.json() as EvaluationView).summary!;
    expect(summary.compliance.filter((c) => c.passed)).toHaveLength(2);
    expect(summary.compliance.filter((c) => !c.passed).map((c) => c.failing.map((f) => f.number))).toEqual([['2.2']]);
    expect(summary.failure).toMatchObject({
      code: 'GP_FEWER_THAN_THREE_COMPLIANT',
      source: '中华人民共和国政府采购法 第三十六条第一款第（一）项',
      compliant: 2,
      required: 3,
    });
    expect(summary.failure!.reason).toContain('应予废标');
    expect([summary.candidates, summary.ranking]).toEqual([[], []]);

    const after = await section();
    expect([after.stage, after.round]).toEqual(['registered', before.round + 1]);
    const retendered = await sql<{
      details: unknown;
    }>`SELECT details FROM platform.audit_event WHERE action = 'projects.section.retendered' AND target_id = ${e.sectionId}`.execute(
      e.t.database.db,
    );
    expect(JSON.stringify(retendered.rows)).toContain('应予废标');

    // The committee signs its report, which states the finding (before anyone logs in again: a login ends the members' sessions).
    await signedDemoReport(e);
    const report = (await e.call('GET', url('/report'), e.c['staff.dongsheng'])).json() as EvaluationReportView;
    expect(report.state).toBe('complete');
    expect(report.html).toContain('评标结论：废标。');
    expect(report.html).toContain('推荐的中标候选人：无');

    for (const username of ['tenderer.demo', 'bidder.demo', 'bidder3.demo', 'bidder4.demo']) {
      const messages = (await e.call('GET', '/api/v1/notifications', await demoLogin(e.t, username))).json() as {
        items: { title: string; body: string }[];
      };
      const told = messages.items.find((m) => m.title.startsWith('废标通知'));
      expect(told?.body, username).toContain('不足3家');
      expect(told!.body).toContain(`第${before.round + 1}轮`);
    }

    const tenderer = await demoLogin(e.t, 'tenderer.demo');
    const at = (ms: number) => new Date(e.t.clock.now().getTime() + ms).toISOString();
    const publicity = await e.call('PUT', `/api/v1/sections/${e.sectionId}/award/publicity`, tenderer, {
      startsAt: at(60_000),
      endsAt: at(4 * 86_400_000),
      remarks: '',
    });
    expect(codeOf(publicity)).toEqual([409, 'AWARD_TENDER_FAILED']);
  });
});

describe('[B-024] government procurement with three compliant suppliers', () => {
  let e: DemoEvaluation;
  beforeAll(async () => {
    e = await governmentDemo(mkdtempSync(join(tmpdir(), 'bidhall-gp-ranked-')), []);
  }, 300_000);
  afterAll(async () => e?.t.close());

  it('[B-024] three compliant: ranked and recommended as usual; the section stays opened for the award', async () => {
    await completedDemoReport(e);
    const summary = (
      (await e.call('GET', `/api/v1/sections/${e.sectionId}/evaluation`, e.c['staff.dongsheng'])).json() as EvaluationView
    ).summary!;
    expect(summary.failure).toBeUndefined();
    expect(summary.ranking.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(summary.candidates).toHaveLength(3);
    const section = (
      await e.call('GET', `/api/v1/sections/${e.sectionId}`, await demoLogin(e.t, 'tenderer.demo'))
    ).json() as SectionDetail;
    expect([section.kind, section.stage]).toEqual(['governmentGoods', 'opened']);
  });
});
