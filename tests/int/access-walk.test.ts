import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../apps/server/src/demo/demo-data.ts';
import { loadDemo } from '../../apps/server/src/demo/load-demo.ts';
import type { BiddingRequirements } from '@bidhall/contracts';
import { parseCertificate, privateKeyFromPem } from '@bidhall/crypto';
import { readFileSync } from 'node:fs';
import { requirements, sealBid, submitBid } from '../support/bidding-fixtures.ts';
import type { Access, Role } from '../../apps/server/src/platform/auth/principal.ts';
import type { Scope, ScopeFacts } from '../../apps/server/src/platform/auth/scope.ts';
import type { RegisteredRoute } from '../../apps/server/src/platform/http/access.ts';
import { registrationBody } from '../support/registration-fixtures.ts';
import { lawfulTimetable, registeredSection, setTimetable } from '../support/tendering-fixtures.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';

/**
 * The access walk of issue 9: every route, as every role, and as a caller of the same role in another
 * region or of another party. The demo's tendering (东胜区, 150602) is the world; the outsiders are
 * accounts of 达拉特旗 (150621) and entities that take part in nothing.
 */
const OTHER_REGION = '150621';
const dir = mkdtempSync(join(tmpdir(), 'bidhall-walk-'));
let t: TestApp;

interface Session {
  name: string;
  cookie: string;
  kind: string;
  roles: Role[];
  userId: string;
  entityId: string | null;
  /** Region codes its account reaches (staff, supervisors, auditors). */
  reach: string[];
}
const insiders: Session[] = [];
const outsiders: Session[] = [];
/** Instances of each resource kind, by the kind's name in route scopes. */
const samples: Record<string, string[]> = {};

async function session(name: string, cookie: string): Promise<Session> {
  const me = (await t.built.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).json();
  const entityRoles: Role[] = me.entity ? ['entityMember', 'activeEntity', ...me.entity.roles] : [];
  const reach = ['staff', 'supervisor', 'auditor'].includes(me.kind) ? t.built.catalog.codesWithin(me.regionCode) : [];
  return { name, cookie, kind: me.kind, roles: me.kind === 'entity' ? entityRoles : [me.kind], userId: me.id, entityId: me.entity?.id ?? null, reach };
}

async function demoLogin(username: string): Promise<Session> {
  const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
  const cookie = `bh_session=${res.cookies.find((c) => c.name === 'bh_session')!.value}`;
  if (res.json().stage !== 'active') {
    t.clock.advance(30_000);
    const code = generateSync({ secret: DEMO_TOTP_SECRET, epoch: Math.floor(t.clock.now().getTime() / 1000) });
    const second = await t.built.app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers: { cookie }, payload: { code } });
    expect(second.statusCode, `${username} TOTP: ${second.body}`).toBe(200);
  }
  return session(username, cookie);
}

const call = (method: string, url: string, cookie: string, payload?: unknown) =>
  t.built.app.inject({ method: method as 'GET', url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
/** Status and problem code of a response (a body that is not JSON has no code). */
const outcome = (res: { statusCode: number; body: string }) => {
  let code: unknown;
  try {
    code = (JSON.parse(res.body) as { code?: unknown }).code;
  } catch {
    code = `(not JSON: ${res.body.slice(0, 60)})`;
  }
  return { status: res.statusCode, code };
};

/** Instances of every kind, found in the database the demo and the setup filled. */
const SAMPLE_QUERIES: Record<string, string> = {
  section: 'SELECT id FROM projects.section ORDER BY created_at',
  tenderingProject: 'SELECT id FROM projects.tendering_project',
  project: 'SELECT id FROM projects.project',
  entryForm: 'SELECT id FROM projects.entry_form',
  agencyContract: 'SELECT id FROM projects.agency_contract',
  tenderingPlan: 'SELECT id FROM projects.tendering_plan',
  notice: 'SELECT id FROM tendering.notice',
  invitation: 'SELECT id FROM tendering.invitation',
  tenderDocument: 'SELECT id FROM documents.document',
  clarification: 'SELECT id FROM documents.clarification',
  question: 'SELECT id FROM documents.question',
  siteVisit: "SELECT id FROM documents.site_visit WHERE status <> 'deleted'",
  siteVisitRecord: 'SELECT id FROM documents.site_visit_record',
  entity: 'SELECT id FROM identity.market_entity',
  entityChange: 'SELECT id FROM identity.entity_change',
  certificate: 'SELECT id FROM identity.certificate',
  personalCertificate: 'SELECT id FROM identity.personal_certificate',
  outboxMessage: 'SELECT id FROM exchange.outbox_message ORDER BY seq',
  notification: 'SELECT id FROM notifications.message',
  draw: 'SELECT id FROM trust.draw',
  bid: 'SELECT id FROM bidding.bid',
  custodianKey: 'SELECT id FROM bidding.custodian_key',
  bidUpload: 'SELECT id FROM bidding.upload',
  hall: "SELECT section_id AS id FROM opening.hall WHERE sitting = 'bid' ORDER BY bid_deadline DESC",
  applicationHall: "SELECT section_id AS id FROM opening.hall WHERE sitting = 'application' ORDER BY bid_deadline DESC",
  recordTemplate: 'SELECT id FROM opening.record_template',
  methodTemplate: 'SELECT id FROM documents.method_template',
  expert: 'SELECT id FROM experts.expert ORDER BY seq',
  committee: 'SELECT section_id AS id FROM experts.committee_plan',
  expertInvitation: 'SELECT id FROM experts.committee_seat ORDER BY seat',
  // A section's evaluation is known by its section: those with a committee (the demo's read-out section).
  evaluation: "SELECT section_id AS id FROM experts.committee_plan WHERE sitting = 'bid'",
  // A prequalification review is known by its section: the demo's section whose applications were opened.
  applicationReview: "SELECT section_id AS id FROM opening.hall WHERE sitting = 'application' ORDER BY bid_deadline DESC",
  evaluationVenue: 'SELECT id FROM evaluation.venue',
  // A section's award is known by its section: the demo's evaluated section.
  award: "SELECT section_id AS id FROM experts.committee_plan WHERE sitting = 'bid'",
  awardObjection: 'SELECT id FROM award.objection',
  // E-guarantees one-stop (decision 0037): the sample on a section whose deadline has passed first (its tenderer may claim).
  guaranteeApplication: 'SELECT id FROM finance.guarantee_application ORDER BY bid_deadline',
  guarantee: 'SELECT g.id FROM finance.guarantee g LEFT JOIN finance.guarantee_application a ON a.guarantee_id = g.id ORDER BY a.bid_deadline NULLS LAST',
  // A section's contract is known by its section (decision 0036): the demo's evaluated section.
  contract: "SELECT section_id AS id FROM experts.committee_plan WHERE sitting = 'bid'",
  awardLetter: 'SELECT id FROM award.letter',
  evaluationClarification: 'SELECT id FROM evaluation.clarification',
  // A section's performance bond is known by its section (decision 0038): the demo's evaluated section, awarded to bidder.demo.
  performanceBond: "SELECT section_id AS id FROM experts.committee_plan WHERE sitting = 'bid'",
  feeCharge: 'SELECT id FROM finance.fee_charge',
  // A section's deposit forfeitures are known by its section (decision 0042): the demo's evaluated section.
  bondForfeiture: "SELECT section_id AS id FROM experts.committee_plan WHERE sitting = 'bid'",
  // A section's prequalification results are known by its section: the demo's section whose applications were opened.
  prequalification: "SELECT section_id AS id FROM opening.hall WHERE sitting = 'application' ORDER BY bid_deadline DESC",
  prequalificationLetter: 'SELECT id FROM prequalification.letter',
  // A section's agency ratings are known by its section (decision 0044): the demo's evaluated section, then the sections agency.demo runs.
  agencyRating:
    "SELECT id FROM (SELECT section_id AS id, 0 AS o FROM experts.committee_plan WHERE sitting = 'bid' UNION ALL SELECT s.id, 1 FROM projects.section s JOIN projects.tendering_project tp ON tp.id = s.tendering_project_id WHERE tp.agency_entity_id IS NOT NULL) x ORDER BY o",
  // An agency (decision 0044): a market entity with the agency role (agency.demo first, and the walk's own).
  agency: "SELECT id FROM identity.market_entity WHERE 'agency' = ANY(roles) ORDER BY created_at",
};

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z', config: { trustStoreDir: join(dir, 'trust') } });
  // The whole demo: its opening halls give the hall routes their parties (bidders, tenderer).
  await loadDemo(t.built, t.database.db, { clock: t.clock, demoCaDir: join(dir, 'demo-ca'), loop: false });
  for (const u of ['staff.dongsheng', 'staff.city', 'supervisor.works', 'auditor', 'admin', 'security.a', 'tenderer.demo', 'agency.demo', 'bidder.demo', 'expert.demo']) insiders.push(await demoLogin(u));
  const [staff, , , , , , tenderer, agency, bidder] = insiders;

  // What the demo lacks: a draw, a change request, a site visit with its record, an agency contract and plan, an invitation.
  const section = (await sql<{ id: string }>`SELECT s.id FROM projects.section s WHERE s.stage = 'tendering' ORDER BY s.created_at LIMIT 1`.execute(t.database.db)).rows[0]!.id;
  const drawn = await call('POST', '/api/v1/draws', staff!.cookie, { purpose: 'expert.committee', subjectType: 'section', subjectId: section, pool: ['e1', 'e2', 'e3'], count: 1 });
  expect(drawn.statusCode, drawn.body).toBe(201);
  expect((await call('POST', '/api/v1/my/entity/changes', bidder!.cookie, { proposed: { contactName: '张伟' }, submit: false })).statusCode).toBe(201);
  const documentId = (await sql<{ id: string }>`SELECT id FROM documents.document WHERE status = 'issued' ORDER BY created_at LIMIT 1`.execute(t.database.db)).rows[0]!.id;
  const visit = await call('POST', `/api/v1/tender-documents/${documentId}/site-visits`, tenderer!.cookie, {
    visitAt: new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString(),
    meetingPlace: '项目部',
    contact: '王建国 13800000000',
    remindMinutesBefore: 60,
  });
  expect(visit.statusCode, visit.body).toBe(201);
  const venue = await call('POST', '/api/v1/evaluation-venues', staff!.cookie, { regionCode: '150602', name: '东胜区评标主场', address: '天骄路1号', kind: 'main', shared: false });
  expect(venue.statusCode, venue.body).toBe(201);
  await clarificationSample(bidder!.entityId!, staff!.userId, insiders.find((s) => s.name === 'expert.demo')!.userId);
  await awardObjectionSample(bidder!.entityId!, staff!.userId);
  await guaranteeSample(bidder!.entityId!, tenderer!.entityId!, bidder!.userId);
  await feeSample(bidder!.entityId!);
  await prequalificationLetterSample(bidder!.entityId!, staff!.userId);
  const record = await call('POST', `/api/v1/site-visits/${visit.json().id}/records`, tenderer!.cookie, { summary: '踏勘完成', attendees: [] });
  expect(record.statusCode, record.body).toBe(201);
  // A sealed bid of bidder.demo on the section whose document it obtained, with its demo certificate.
  const obtained = (await call('GET', '/api/v1/downloads/mine', bidder!.cookie)).json() as { sectionId: string }[];
  const entities = join(dir, 'demo-ca', 'entities');
  const certificatePem = readFileSync(join(entities, 'bidder.demo.cert.pem'), 'utf8');
  const demoBidder = {
    entityId: bidder!.entityId!,
    name: 'bidder.demo',
    username: 'bidder.demo',
    cookie: bidder!.cookie,
    cert: parseCertificate(certificatePem),
    key: privateKeyFromPem(readFileSync(join(entities, 'bidder.demo.key.pem'), 'utf8')),
    certificatePem,
    relogin: async () => bidder!.cookie,
  };
  // The section still taking bids (the others' deadlines, and the applications', have passed).
  let open: BiddingRequirements | undefined;
  for (const { sectionId } of obtained) {
    const req = await requirements(t, sectionId, bidder!.cookie);
    if (req.open && req.sitting === 'bid') open = req;
  }
  const bid = await submitBid(t, demoBidder, open!.sectionId, await sealBid(open!, demoBidder));
  expect(bid.statusCode, bid.body).toBe(201);
  const tp = (await sql<{ id: string }>`SELECT tendering_project_id AS id FROM projects.section WHERE id = ${section}`.execute(t.database.db)).rows[0]!.id;
  const mandated = (await sql<{ id: string }>`SELECT id FROM projects.tendering_project WHERE agency_entity_id IS NOT NULL LIMIT 1`.execute(t.database.db)).rows[0]!.id;
  const contract = await call('POST', '/api/v1/agency-contracts', agency!.cookie, { tenderingProjectId: mandated, title: '委托代理合同', text: '甲乙双方约定……' });
  expect(contract.statusCode, contract.body).toBe(201);
  const plan = await call('POST', '/api/v1/tendering-plans', tenderer!.cookie, { tenderingProjectId: tp, ...PLAN });
  expect(plan.statusCode, plan.body).toBe(201);

  // An invitation to three bidders, from a tenderer of the fixtures; its tenderer and an invitee are insiders too.
  const invited = await registeredSection(t, { method: 'invitation' });
  await setTimetable(t, invited.sectionId, lawfulTimetable(t));
  const invitees: Session[] = [];
  for (let i = 0; i < 3; i++) {
    const body = registrationBody({ roles: ['bidder'] });
    await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
    invitees.push(await session(`invitee${i}`, await login(t, body.account.username)));
  }
  const invitation = await call('POST', '/api/v1/invitations', invited.managerCookie, {
    sectionIds: [invited.sectionId],
    replyDeadline: new Date(t.clock.now().getTime() + 48 * 3_600_000).toISOString(),
    inviteeIds: invitees.map((i) => i.entityId),
  });
  expect(invitation.statusCode, invitation.body).toBe(201);
  const id = invitation.json().id;
  const submitted = await call('POST', `/api/v1/invitations/${id}/submit`, invited.managerCookie, {});
  if (submitted.json().status === 'pendingReview') await call('POST', `/api/v1/invitations/${id}/review`, invited.managerCookie, { decision: 'approve' });
  expect((await call('POST', `/api/v1/invitations/${id}/verification`, invited.staffCookie, { decision: 'approve' })).statusCode).toBe(200);
  insiders.push(await session('fixture.tenderer', invited.managerCookie), invitees[0]!);

  // The same roles elsewhere: accounts of another banner, entities that take part in nothing.
  for (const kind of ['staff', 'supervisor', 'auditor', 'expert'] as const) {
    await createPlatformUser(t, { username: `walk.${kind}`, kind, regionCode: OTHER_REGION });
    outsiders.push(await session(`${kind} of ${OTHER_REGION}`, await login(t, `walk.${kind}`)));
  }
  for (const role of ['tenderer', 'agency', 'bidder', 'guarantor'] as const) {
    const body = registrationBody({ roles: [role], region: OTHER_REGION });
    await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
    outsiders.push(await session(`another ${role}`, await login(t, body.account.username)));
  }

  for (const [kind, query] of Object.entries(SAMPLE_QUERIES)) {
    samples[kind] = (await sql<{ id: string }>`${sql.raw(query)}`.execute(t.database.db)).rows.map((r) => r.id);
  }
}, 300_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A clarification request to bidder.demo on the demo's read-out section (decision 0029). The walk needs
 * only an instance, not the committee's way to it (tests/int/evaluation-clarifications.test.ts walks that):
 * the evaluation as staff would open it, from the issued method and the submitted bids, with one member.
 */
/**
 * An objection by bidder.demo to the result of the demo's evaluated section (decision 0034): the walk
 * needs an instance; tests/int/award.test.ts walks the way to it (report, publicity, verification).
 */
/**
 * An e-guarantee of bidder.demo issued through the one-stop in favour of tenderer.demo on a demo section
 * whose deadline has passed (decision 0037): the walk needs an instance; tests/int/guarantee-issuance.test.ts
 * walks the way to it (apply, pay, issue, claim).
 */
async function guaranteeSample(entityId: string, tendererEntityId: string, userId: string) {
  const db = t.database.db;
  const now = t.clock.now();
  const issuer = (await sql<{ id: string }>`SELECT id FROM identity.market_entity WHERE 'guarantor' = ANY(roles) ORDER BY created_at LIMIT 1`.execute(db)).rows[0]!.id;
  const hall = (await sql<{ section_id: string; round: number; region_code: string; bid_deadline: Date }>`SELECT section_id, round, region_code, bid_deadline FROM opening.hall WHERE sitting = 'bid' ORDER BY bid_deadline LIMIT 1`.execute(db)).rows[0]!;
  const guaranteeId = (
    await sql<{ id: string }>`INSERT INTO finance.guarantee (id, guarantee_number, issuer_entity_id, principal_entity_id, beneficiary_entity_id, section_id, amount_fen, valid_from, valid_until, content, signature, signer_subject, signer_fingerprint, registered_by, registered_at)
      VALUES (gen_random_uuid(), 'WALK-GUARANTEE-1', ${issuer}, ${entityId}, ${tendererEntityId}, ${hall.section_id}, 8000000, ${new Date(hall.bid_deadline.getTime() - 86_400_000)}, ${new Date(now.getTime() + 90 * 86_400_000)}, '{}', 'c2lnbmF0dXJl', 'CN=walk', 'walk', ${userId}, ${now}) RETURNING id`.execute(db)
  ).rows[0]!.id;
  await sql`INSERT INTO finance.guarantee_application (id, section_id, round, region_code, entity_id, issuer_entity_id, beneficiary_entity_id, amount_fen, valid_from, valid_until, bid_deadline, rate_bp, premium_fen, issuer_reference, state, applied_by, applied_at, paid_by, paid_at, payment_serial, guarantee_id, issued_at, invoice_number, invoice_content, invoice_signature)
    VALUES (gen_random_uuid(), ${hall.section_id}, ${hall.round}, ${hall.region_code}, ${entityId}, ${issuer}, ${tendererEntityId}, 8000000, ${new Date(hall.bid_deadline.getTime() - 86_400_000)}, ${new Date(now.getTime() + 90 * 86_400_000)}, ${hall.bid_deadline}, 50, 40000, 'WALK', 'issued', ${userId}, ${now}, ${userId}, ${now}, 'WALK-PAY', ${guaranteeId}, ${now}, 'WALK-INVOICE', '{}', 'c2lnbmF0dXJl')`.execute(db);
}

/**
 * Decision 0038: bidder.demo made the winner of the award notice awardObjectionSample issued (its award
 * letter), so the performance bond's winner routes have a party; and a fee charge it pays on that section.
 * tests/int/fees.test.ts walks the way to them (schedule, award, settlement, bond).
 */
async function feeSample(entityId: string) {
  const db = t.database.db;
  const now = t.clock.now();
  await sql`UPDATE award.decision SET entity_id = ${entityId}, entity_name = '鄂尔多斯市示范建筑工程有限公司'`.execute(db);
  await sql`INSERT INTO award.letter (id, notice_id, section_id, bid_id, entity_id, entity_name, kind, rank, reason, issued_at)
    SELECT gen_random_uuid(), id, section_id, gen_random_uuid(), ${entityId}, '鄂尔多斯市示范建筑工程有限公司', 'award', 1, '中标', ${now} FROM award.notice`.execute(db);
  await sql`INSERT INTO finance.fee_charge (id, section_id, round, region_code, kind, basis, rate_ppm, base_fen, amount_fen, payer_role, payer_entity_id, payer_name, schedule_version, state, charged_at)
    SELECT gen_random_uuid(), section_id, round, region_code, 'transactionService', 'fixed', NULL, 100, 100, 'winner', ${entityId}, '鄂尔多斯市示范建筑工程有限公司', 1, 'due', ${now} FROM award.decision`.execute(db);
}

async function awardObjectionSample(entityId: string, userId: string) {
  const db = t.database.db;
  const now = t.clock.now();
  await sql`INSERT INTO award.publicity (id, section_id, round, region_code, tenderer_entity_id, state, report_sm3, report_completed_at, candidates, starts_at, ends_at, remarks, drafted_by, drafted_at, publication_id, updated_at)
    SELECT gen_random_uuid(), s.id, s.round, p.region_code, tp.tenderer_entity_id, 'published', ${'0'.repeat(64)}, ${now}, '[]'::jsonb, ${now}, ${new Date(now.getTime() + 3 * 86_400_000)}, '', ${userId}, ${now}, gen_random_uuid(), ${now}
    FROM projects.section s JOIN projects.tendering_project tp ON tp.id = s.tendering_project_id JOIN projects.project p ON p.id = tp.project_id
    WHERE s.id = (SELECT section_id FROM experts.committee_plan WHERE sitting = 'bid' LIMIT 1)`.execute(db);
  await sql`INSERT INTO award.objection (id, publicity_id, section_id, region_code, entity_id, entity_name, user_id, content, received_at, late, answer_due)
    SELECT gen_random_uuid(), id, section_id, region_code, ${entityId}, '鄂尔多斯市示范建筑工程有限公司', ${userId}, '异议', ${now}, false, '2099-01-01' FROM award.publicity`.execute(db);
  // An issued result letter to bidder.demo (decision 0035); tests/int/award-decision.test.ts walks the way to it.
  await sql`INSERT INTO award.decision (id, section_id, round, region_code, tenderer_entity_id, publicity_id, authority, bid_id, entity_id, entity_name, rank, price_fen, reason, decided_by, decided_at, report_due)
    SELECT gen_random_uuid(), section_id, round, region_code, tenderer_entity_id, id, 'tenderer', gen_random_uuid(), gen_random_uuid(), '中标人', 1, '100', '', ${userId}, ${now}, '2099-01-01' FROM award.publicity`.execute(db);
  await sql`INSERT INTO award.notice (id, decision_id, section_id, round, region_code, state, remarks, content_sm3, signature, signed_at, verified_by, verified_at, publication_id, drafted_by, drafted_at, updated_at)
    SELECT gen_random_uuid(), id, section_id, round, region_code, 'issued', '', ${'0'.repeat(64)}, '{}'::jsonb, ${now}, ${userId}, ${now}, gen_random_uuid(), ${userId}, ${now}, ${now} FROM award.decision`.execute(db);
  await sql`INSERT INTO award.letter (id, notice_id, section_id, bid_id, entity_id, entity_name, kind, rank, reason, issued_at)
    SELECT gen_random_uuid(), id, section_id, gen_random_uuid(), ${entityId}, '鄂尔多斯市示范建筑工程有限公司', 'result', 2, '未中标', ${now} FROM award.notice`.execute(db);
}

/**
 * An issued prequalification result letter to bidder.demo on the demo's prequalification section
 * (decision 0039); tests/int/prequalification-results.test.ts walks the way to it.
 */
async function prequalificationLetterSample(entityId: string, userId: string) {
  const db = t.database.db;
  const now = t.clock.now();
  await sql`INSERT INTO prequalification.result (id, section_id, round, region_code, tenderer_entity_id, authority, review_completed_at, state, remarks, content_sm3, signature, signed_at, verified_by, verified_at, publication_id, drafted_by, drafted_at, updated_at)
    SELECT gen_random_uuid(), s.id, s.round, p.region_code, tp.tenderer_entity_id, 'committee', ${now}, 'issued', '', ${'0'.repeat(64)}, '{}'::jsonb, ${now}, ${userId}, ${now}, gen_random_uuid(), ${userId}, ${now}, ${now}
    FROM projects.section s JOIN projects.tendering_project tp ON tp.id = s.tendering_project_id JOIN projects.project p ON p.id = tp.project_id
    WHERE s.id = (SELECT section_id FROM opening.hall WHERE sitting = 'application' LIMIT 1)`.execute(db);
  await sql`INSERT INTO prequalification.letter (id, result_id, section_id, bid_id, entity_id, entity_name, review_passed, failing, outcome, basis, reason, issued_at)
    SELECT gen_random_uuid(), id, section_id, gen_random_uuid(), ${entityId}, '鄂尔多斯市示范建筑工程有限公司', true, '[]'::jsonb, 'passed', 'qualified', '通过', ${now} FROM prequalification.result`.execute(db);
}

async function clarificationSample(entityId: string, staffId: string, expertId: string) {
  const db = t.database.db;
  await sql`INSERT INTO evaluation.evaluation (section_id, sitting, region_code, starts_at, ends_at, method, bids, coefficient, representatives_needed, opened_by, opened_at)
    SELECT s.id, 'bid', p.region_code, ${t.clock.now()}, ${new Date(t.clock.now().getTime() + 86_400_000)},
      (SELECT d.method FROM documents.document d WHERE d.section_id = s.id AND d.status = 'issued' AND d.method IS NOT NULL LIMIT 1),
      (SELECT jsonb_agg(jsonb_build_object('bidId', b.id, 'entityId', b.entity_id, 'entityName', b.entity_name, 'receivedAt', ${t.clock.now().toISOString()}::text, 'priceFen', '100')) FROM bidding.bid b WHERE b.section_id = s.id AND b.status = 'submitted'),
      NULL, 1, ${staffId}, ${t.clock.now()}
    FROM projects.section s JOIN projects.tendering_project tp ON tp.id = s.tendering_project_id JOIN projects.project p ON p.id = tp.project_id
    WHERE s.id = (SELECT section_id FROM experts.committee_plan LIMIT 1)`.execute(db);
  // expert.demo sits on it: the chair's routes have a member to admit.
  await sql`INSERT INTO evaluation.member (id, section_id, sitting, role, seat, user_id, name, added_at)
    SELECT gen_random_uuid(), section_id, sitting, 'expert', 1, ${expertId}, '郑涛', ${t.clock.now()} FROM evaluation.evaluation`.execute(db);
  await sql`INSERT INTO evaluation.clarification (id, section_id, region_code, bid_id, entity_id, entity_name, items, deadline, requested_by, requested_at)
    SELECT gen_random_uuid(), b.section_id, e.region_code, b.id, b.entity_id, b.entity_name, '[{"number":1,"text":"请澄清工期。"}]'::jsonb, e.ends_at, ${staffId}, ${t.clock.now()}
    FROM bidding.bid b JOIN evaluation.evaluation e ON e.section_id = b.section_id WHERE b.entity_id = ${entityId} AND b.status = 'submitted'`.execute(db);
}

const PLAN = {
  items: [{ milestone: '发布招标公告', plannedDate: '2026-12-10' }],
  team: [{ name: '王建国', role: '项目负责人', duties: '组织招标' }],
};

/** HEAD answers as GET without a body: the GET is walked. */
const walked = () => t.built.routes.filter((r) => r.method !== 'HEAD');
const scopeOf = (r: RegisteredRoute): Scope | undefined => (r.access && !('public' in r.access) ? r.access.scope : undefined);
const rolesOf = (a: Access): Role[] | 'any' => ('roles' in a ? [...a.roles] : 'any');
const holds = (s: Session, a: Access) => {
  const roles = rolesOf(a);
  return roles === 'any' || s.roles.some((r) => roles.includes(r));
};
const resolver = (kind: string) => t.built.scopes[kind]!;
const notFoundCode = (kind: string) => (resolver(kind).notFound('x') as Error & { code: string }).code;

/** The request a route gets in the walk: the sample in the place the scope names, a body that validation refuses. */
function request(route: RegisteredRoute, scope: Extract<Scope, { resource: string }>, id: string) {
  const [where, key] = (scope.from ?? 'params.id').split('.') as [string, string];
  let url = route.url.replace(/:(\w+)/g, (_, name: string) => (where === 'params' && name === key ? id : '00000000-0000-4000-8000-000000000000'));
  if (where === 'query') url += `?${key}=${id}`;
  if (route.method === 'GET' || route.method === 'DELETE') return { url, payload: undefined };
  const named = where === 'body' ? { [key]: key.endsWith('Ids') ? [id] : id } : {};
  return { url, payload: { ...named, walkProbe: true } };
}

describe('the access walk: every route as every role, and as the same role elsewhere', () => {
  it('every route declares its scope beside its roles; own-scoped routes name nothing in their path', () => {
    const routes = t.built.routes.filter((r) => r.method !== 'HEAD');
    expect(routes.filter((r) => !r.access).map((r) => r.url)).toEqual([]);
    expect(routes.filter((r) => r.access && !('public' in r.access) && !scopeOf(r)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const ownWithIds = routes.filter((r) => { const s = scopeOf(r); return s && 'own' in s && r.url.includes(':'); });
    expect(ownWithIds.map((r) => r.url)).toEqual([]);
  });

  it('[F-28] [task-2] a resource of another region or another party is refused as if it did not exist; its own parties and region get past the scope', async () => {
    const resourceRoutes = walked().filter((r) => { const s = scopeOf(r); return s && 'resource' in s; });
    expect(resourceRoutes.length).toBeGreaterThan(80);
    const unproven: string[] = [];
    for (const route of resourceRoutes) {
      const scope = scopeOf(route) as Extract<Scope, { resource: string }>;
      const ids = samples[scope.resource];
      expect(ids?.length, `the walk has no instance of '${scope.resource}'`).toBeGreaterThan(0);
      const code = notFoundCode(scope.resource);
      let admitted = false;
      for (const id of ids!.slice(0, 6)) {
        const facts = (await resolver(scope.resource).resolve(id, { userId: '-', entityId: null }))!;
        const { url, payload } = request(route, scope, id);
        for (const outsider of outsiders.filter((o) => holds(o, route.access!))) {
          if (facts.relations.has('published') && scope.parties.includes('published')) continue;
          const res = await call(route.method, url, outsider.cookie, payload);
          // A published resource may tell a caller what it lacks (download first); anything else is not found.
          const known = facts.relations.has('published') && resolver(scope.resource).refusal;
          const expected = known ? (resolver(scope.resource).refusal!(id, scope.parties, outsider) as Error & { code: string }).code : code;
          const got = outcome(res);
          expect({ refused: got.status >= 400 && got.status < 500, code: got.code }, `${outsider.name} ${route.method} ${route.url} (${id})`).toEqual({ refused: true, code: expected });
        }
        if (route.method === 'DELETE') continue;
        for (const insider of insiders.filter((s) => holds(s, route.access!))) {
          const res = await call(route.method, url, insider.cookie, payload);
          if (res.statusCode === 404 && outcome(res).code === code) continue;
          admitted = true;
          // The probe body is refused by validation: the walk changes nothing.
          if (route.method !== 'GET') expect(res.statusCode, `${insider.name} ${route.method} ${url} changed something: ${res.body}`).toBeGreaterThanOrEqual(400);
        }
      }
      if (!admitted && route.method !== 'DELETE') unproven.push(`${route.method} ${route.url}`);
    }
    expect(unproven, 'routes none of whose parties got past the scope on any instance').toEqual([]);
  });

  it('[F-28] data of the whole platform is changed only by accounts that answer for it, not by a district officer', async () => {
    const district = insiders.find((s) => s.name === 'staff.dongsheng')!;
    const platformRoutes = walked().filter((r) => { const s = scopeOf(r); return s && 'platform' in s && holds(district, r.access!); });
    expect(platformRoutes.length).toBeGreaterThan(0);
    for (const route of platformRoutes) {
      const url = route.url.replace(/:year/, '2027').replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await call(route.method, url, district.cookie, route.method === 'GET' ? undefined : {});
      expect(outcome(res), `${route.method} ${route.url}`).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });
    }
  });

  it('[F-28] [task-2] no list shows a caller of another region or party anything it could not open', async () => {
    const lists = walked().filter((r) => { const s = scopeOf(r); return r.method === 'GET' && s && !('resource' in s) && !r.url.includes(':'); });
    expect(lists.length).toBeGreaterThan(15);
    const kinds = Object.keys(t.built.scopes);
    const leaks: string[] = [];
    let checked = 0;
    for (const route of lists) {
      for (const outsider of outsiders.filter((o) => holds(o, route.access!))) {
        const res = await call('GET', route.url, outsider.cookie);
        if (res.statusCode !== 200) continue;
        checked++;
        const ids = new Set(res.body.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []);
        for (const id of ids) {
          for (const kind of kinds) {
            const facts = await resolver(kind).resolve(id, { userId: outsider.userId, entityId: outsider.entityId });
            if (facts && !mayOpen(outsider, facts)) leaks.push(`${outsider.name} ${route.url}: ${kind} ${id}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(leaks).toEqual([]);
  });

  it('the outsiders are real: as insiders the lists do show the demo world', async () => {
    const staff = insiders.find((s) => s.name === 'staff.dongsheng')!;
    const outbox = (await call('GET', '/api/v1/exchange/outbox', staff.cookie)).json();
    expect(outbox.items.length).toBeGreaterThan(0);
    expect(outbox.items.map((m: { regionCode: string }) => m.regionCode)).toContain('150602');
    const other = outsiders.find((s) => s.kind === 'staff')!;
    const theirs = (await call('GET', '/api/v1/exchange/outbox', other.cookie)).json().items as { regionCode: string }[];
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.filter((m) => m.regionCode !== OTHER_REGION)).toEqual([]);
  });
});

function mayOpen(s: Session, facts: ScopeFacts): boolean {
  if (facts.relations.has('published') || facts.relations.size > 0) return true;
  if (s.kind === 'entity' || facts.personal) return false;
  return facts.regionCode !== null && s.reach.includes(facts.regionCode);
}
