import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BondRefundView,
  CONTRACT_ARCHIVE_FORMAT,
  type ContractArchive,
  type ContractChangeView,
  type PerformanceBondView,
  contractSigningPayload,
  type ContractStandingView,
  type ContractView,
  type MyContractItem,
  type PerformanceView,
} from '@bidhall/contracts';
import { canonicalJson, parseCertificates, signJson, sm3, toHex, verifyJson } from '@bidhall/crypto';
import { toBusinessDate } from '@bidhall/rules';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_DEADLINE_JOB } from '../../apps/server/src/modules/contract/index.ts';
import { REFUND_SWEEP_JOB } from '../../apps/server/src/modules/finance/index.ts';
import { signingDueDate } from '../../apps/server/src/modules/contract/signing-deadline.ts';
import { type AwardedDemo, awardedDemoSection, enter2027Holidays } from '../support/demo-award.ts';
import { demoSigner } from '../support/demo-evaluation.ts';
import { demoLogin } from '../support/demo-login.ts';

/**
 * The contract (issue 13 §4, decision 0036) on the demo's awarded section: the tenderer drafts it from
 * the award, the winning bid and the document; staff verify it; the tenderer and the winner e-sign the
 * verified SM3; concluded, it is published and pushed and the winner's bond goes back; both sides record
 * the performance, and changes with their reasons are verified and published. Law 46's timer warns.
 */
const dir = mkdtempSync(join(tmpdir(), 'bidhall-contract-'));
let e: AwardedDemo;
const DAY = 86_400_000;
const codeOf = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { code?: string }).code];
const url = (rest = '') => `/api/v1/sections/${e.sectionId}/contract${rest}`;
const count = async (q: ReturnType<typeof sql<{ n: number }>>) => (await q.execute(e.t.database.db)).rows[0]!.n;
const draft = {
  title: '示范道路工程施工合同',
  projectManager: '张三',
  clauses: [{ title: '第一条 工程概况', text: '工程名称、地点与承包范围见专用合同条款。' }],
};
const winnerCookie = () => e.c[e.winner.username]!;
const loserCookie = () => e.c[e.losers[0]!.username]!;
const signBody = (username: string, contractId: string, contentSm3: string) => {
  const signer = demoSigner(dir, username);
  return {
    certificatePem: signer.certificatePem,
    signature: signJson(contractSigningPayload(e.sectionId, contractId, contentSm3), signer.key),
  };
};
const staffId = async () =>
  (await sql<{ id: string }>`SELECT id FROM identity.user_account WHERE username = 'staff.dongsheng'`.execute(e.t.database.db))
    .rows[0]!.id;
async function relogin() {
  for (const u of [
    'staff.dongsheng',
    'tenderer.demo',
    'supervisor.works',
    ...new Set([e.winner.username, ...e.losers.map((l) => l.username)]),
  ])
    e.c[u] = await demoLogin(e.t, u);
}
let awardNoticeAt: Date;

beforeAll(async () => {
  // Every bidder paid a 5,000-yuan deposit at the bank before the publicity's days passed.
  e = await awardedDemoSection(dir, { depositFen: '500000' });
  // The losers' refunds, requested with the letters, are paid by the refunds job that the request queued.
  await e.t.jobs.runNow(REFUND_SWEEP_JOB);
  await relogin();
  awardNoticeAt = e.t.clock.now();
  // The demo runs into 2027, whose holidays staff enter each November.
  await enter2027Holidays(e);
}, 900_000);
afterAll(async () => {
  await e?.t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the contract (issue 13 §4)', () => {
  let contract: ContractView;

  it('[A-180] the tenderer drafts the contract linked to the section, from the award, the winning bid and the document — the price is never typed', async () => {
    const before = (await e.call('GET', url(), e.c['tenderer.demo'])).json() as ContractStandingView;
    expect(before).toMatchObject({ sectionId: e.sectionId, awarded: true, winnerName: e.winner.entityName, contract: null });
    expect(before.dueDate).toBe(signingDueDate(e.t.built.calendar.current(), new Date(before.awardNoticeAt!)));
    // Strict input: nobody retypes the price or the parties.
    expect((await e.call('PUT', url(), e.c['tenderer.demo'], { ...draft, priceFen: '1' })).statusCode).toBe(400);
    expect((await e.call('PUT', url(), e.c['tenderer.demo'], { ...draft, title: '合同\u0007' })).statusCode).toBe(400);
    // The winner does not draft; another bidder is told nothing of the section's contract.
    expect(codeOf(await e.call('PUT', url(), winnerCookie(), draft))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await e.call('GET', url(), loserCookie()))).toEqual([404, 'CONTRACT_NOT_FOUND']);

    const saved = await e.call('PUT', url(), e.c['tenderer.demo'], draft);
    expect(saved.statusCode, saved.body).toBe(200);
    contract = saved.json() as ContractView;
    const decision = (await e.standing()) as unknown as { decision?: { priceFen: string } };
    expect(contract).toMatchObject({ sectionId: e.sectionId, state: 'draft', version: 1, verifiedAt: null, signatures: [] });
    expect(contract.content).toMatchObject({
      sectionId: e.sectionId,
      title: draft.title,
      projectManager: '张三',
      winner: { entityId: e.winner.entityId, bidId: e.winner.bidId, name: e.winner.entityName },
      priceFen: before.priceFen,
      clauses: draft.clauses,
    });
    if (decision.decision) expect(contract.content.priceFen).toBe(decision.decision.priceFen);
    // The document's contract chapter and the tender document it came from, by its SM3.
    expect(contract.content.document?.contentSm3).toMatch(/^[0-9a-f]{64}$/);
    expect(contract.content.terms.paymentTerms).not.toBeNull();
    // The bid's duration and quality as read out at the opening.
    const readout = await sql<{
      readout: unknown;
    }>`SELECT readout FROM opening.hall WHERE section_id = ${e.sectionId} AND sitting = 'bid' ORDER BY round DESC LIMIT 1`.execute(
      e.t.database.db,
    );
    const rows = (
      typeof readout.rows[0]!.readout === 'string' ? JSON.parse(readout.rows[0]!.readout) : readout.rows[0]!.readout
    ) as { bidId: string; values: Record<string, unknown> }[];
    const values = rows.find((r) => r.bidId === e.winner.bidId)!.values;
    if (values.durationDays != null) expect(contract.content.durationDays).toBe(String(values.durationDays));
    if (values.quality != null) expect(contract.content.quality).toBe(String(values.quality));
    // The winner sees the draft of its own contract; a draft is not archived.
    expect(((await e.call('GET', url(), winnerCookie())).json() as ContractStandingView).contract?.id).toBe(contract.id);
    expect(codeOf(await e.call('GET', url('/archive'), e.c['tenderer.demo']))).toEqual([409, 'CONTRACT_STATE_CONFLICT']);
    expect(
      await count(
        sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'contract.drafted' AND target_id = ${e.sectionId}`,
      ),
    ).toBe(1);
  });

  it('[A-181] the tenderer edits the contract: each edit is a new version and a new SM3; not while staff verify it', async () => {
    const edited = await e.call('PUT', url(), e.c['tenderer.demo'], {
      ...draft,
      clauses: [...draft.clauses, { title: '第二条 合同工期', text: '计划开工日期以监理人发出的开工通知为准。' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const v = edited.json() as ContractView;
    expect(v.version).toBe(2);
    expect(v.contentSm3).not.toBe(contract.contentSm3);
    expect(v.content.clauses).toHaveLength(2);
    contract = v;
    expect((await e.call('POST', url('/submit'), e.c['tenderer.demo'], {})).json()).toMatchObject({
      state: 'pendingVerification',
    });
    expect(codeOf(await e.call('PUT', url(), e.c['tenderer.demo'], draft))).toEqual([409, 'CONTRACT_STATE_CONFLICT']);
  });

  it('[A-182] staff verify the contract; the verifier and the time are recorded', async () => {
    expect((await e.call('POST', url('/verification'), e.c['tenderer.demo'], { decision: 'approve' })).statusCode).toBe(403);
    const rejected = await e.call('POST', url('/verification'), e.c['staff.dongsheng'], {
      decision: 'reject',
      reason: '请补充合同工期条款',
    });
    expect(rejected.json()).toMatchObject({ state: 'draft', rejection: '请补充合同工期条款', verifiedAt: null });
    expect((await e.call('POST', url('/submit'), e.c['tenderer.demo'], {})).statusCode).toBe(200);
    e.t.clock.advance(60_000);
    const approved = await e.call('POST', url('/verification'), e.c['staff.dongsheng'], { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    const v = approved.json() as ContractView;
    expect(v).toMatchObject({
      state: 'verified',
      verifiedBy: await staffId(),
      verifiedAt: e.t.clock.now().toISOString(),
      contentSm3: contract.contentSm3,
    });
    expect(v.verifierName).toBeTruthy();
    const audit = await sql<{
      actor_id: string;
      occurred_at: Date;
    }>`SELECT actor_id, occurred_at FROM platform.audit_event WHERE action = 'contract.verified' AND target_id = ${e.sectionId}`.execute(
      e.t.database.db,
    );
    expect(audit.rows.map((r) => r.actor_id)).toEqual([await staffId()]);
    expect(codeOf(await e.call('POST', url('/verification'), e.c['staff.dongsheng'], { decision: 'approve' }))).toEqual([
      409,
      'CONTRACT_STATE_CONFLICT',
    ]);
    contract = v;
  });

  it('[A-183] both sides e-sign the verified SM3 with their bound certificates; an edit after a signature voids it and needs verifying again', async () => {
    // A signature over anything else, or by the wrong certificate, is refused; another bidder cannot sign.
    expect(
      codeOf(
        await e.call('POST', url('/signatures'), e.c['tenderer.demo'], signBody('tenderer.demo', contract.id, 'f'.repeat(64))),
      ),
    ).toEqual([422, 'CONTRACT_SIGNATURE_INVALID']);
    expect(
      codeOf(
        await e.call(
          'POST',
          url('/signatures'),
          e.c['tenderer.demo'],
          signBody(e.winner.username, contract.id, contract.contentSm3),
        ),
      ),
    ).toEqual([401, 'CERTIFICATE_NOT_BOUND']);
    expect(
      codeOf(
        await e.call(
          'POST',
          url('/signatures'),
          loserCookie(),
          signBody(e.losers[0]!.username, contract.id, contract.contentSm3),
        ),
      ),
    ).toEqual([404, 'CONTRACT_NOT_FOUND']);

    const signed = await e.call(
      'POST',
      url('/signatures'),
      e.c['tenderer.demo'],
      signBody('tenderer.demo', contract.id, contract.contentSm3),
    );
    expect(signed.statusCode, signed.body).toBe(200);
    expect((signed.json() as ContractView).signatures.map((s) => s.side)).toEqual(['tenderer']);
    // The tenderer edits after signing: its signature no longer counts, staff verify again.
    const edited = (
      await e.call('PUT', url(), e.c['tenderer.demo'], { ...draft, projectManager: '李四' })
    ).json() as ContractView;
    expect(edited).toMatchObject({ state: 'draft', version: 3, signatures: [], verifiedAt: null, verifiedBy: null });
    expect(
      codeOf(
        await e.call('POST', url('/signatures'), winnerCookie(), signBody(e.winner.username, contract.id, edited.contentSm3)),
      ),
    ).toEqual([409, 'CONTRACT_STATE_CONFLICT']);
    expect((await e.call('POST', url('/submit'), e.c['tenderer.demo'], {})).statusCode).toBe(200);
    expect((await e.call('POST', url('/verification'), e.c['staff.dongsheng'], { decision: 'approve' })).statusCode).toBe(200);
    // The old signature over the old SM3 cannot be replayed on the new content.
    expect(
      codeOf(
        await e.call(
          'POST',
          url('/signatures'),
          e.c['tenderer.demo'],
          signBody('tenderer.demo', contract.id, contract.contentSm3),
        ),
      ),
    ).toEqual([422, 'CONTRACT_SIGNATURE_INVALID']);
    contract = edited;
    const winnerSigned = await e.call(
      'POST',
      url('/signatures'),
      winnerCookie(),
      signBody(e.winner.username, contract.id, contract.contentSm3),
    );
    expect(winnerSigned.statusCode, winnerSigned.body).toBe(200);
    expect(winnerSigned.json()).toMatchObject({
      state: 'verified',
      signatures: [{ side: 'winner', entityName: e.winner.entityName }],
    });
    // The winner finds it in its workspace, signed by it.
    expect(
      ((await e.call('GET', '/api/v1/contracts/mine', winnerCookie())).json() as MyContractItem[]).map((c) => [
        c.contractId,
        c.signedByMe,
      ]),
    ).toEqual([[contract.id, true]]);
    expect((await e.call('GET', '/api/v1/contracts/mine', loserCookie())).json()).toEqual([]);
  });

  it('[law-46] Law 46’s 30 days from the award notice: a warning within 5 days of the due day and one once it passes, each once, to both sides and the supervisors', async () => {
    const due = contract.dueDate;
    expect(due).toBe(signingDueDate(e.t.built.calendar.current(), awardNoticeAt));
    const warned = () =>
      count(
        sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM notifications.message WHERE topic IN ('contract.dueSoon', 'contract.overdue')`,
      );
    await e.t.jobs.runNow(CONTRACT_DEADLINE_JOB);
    expect(await warned()).toBe(0);
    // Four days before the due day (noon in Shanghai).
    const at = (day: string, offsetDays: number) => Date.parse(`${day}T04:00:00Z`) + offsetDays * DAY;
    e.t.clock.advance(at(due, -4) - e.t.clock.now().getTime());
    await e.t.jobs.runNow(CONTRACT_DEADLINE_JOB);
    await e.t.jobs.runNow(CONTRACT_DEADLINE_JOB);
    const dueSoon = await sql<{
      recipient_kind: string;
      recipient_id: string;
    }>`SELECT recipient_kind, recipient_id FROM notifications.message WHERE topic = 'contract.dueSoon'`.execute(e.t.database.db);
    const ids = dueSoon.rows.map((r) => r.recipient_id);
    const tenderer = (
      await sql<{ id: string }>`SELECT tenderer_entity_id AS id FROM contract.contract WHERE id = ${contract.id}`.execute(
        e.t.database.db,
      )
    ).rows[0]!.id;
    expect(ids).toEqual(expect.arrayContaining([tenderer, e.winner.entityId]));
    expect(dueSoon.rows.filter((r) => r.recipient_kind === 'user').length).toBeGreaterThanOrEqual(1);
    expect(
      await count(
        sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'contract.signing.dueSoon'`,
      ),
    ).toBe(1);
    await relogin();
    expect(((await e.call('GET', url(), e.c['tenderer.demo'])).json() as ContractStandingView).contract).toMatchObject({
      dueSoon: true,
      overdue: false,
    });
    // The day after the due day.
    e.t.clock.advance(at(due, 1) - e.t.clock.now().getTime());
    await e.t.jobs.runNow(CONTRACT_DEADLINE_JOB);
    await e.t.jobs.runNow(CONTRACT_DEADLINE_JOB);
    expect(
      await count(
        sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'contract.signing.overdue'`,
      ),
    ).toBe(1);
    expect(
      await count(
        sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM notifications.message WHERE topic = 'contract.overdue' AND recipient_id = ${e.winner.entityId}`,
      ),
    ).toBe(1);
    await relogin();
    expect(((await e.call('GET', url(), e.c['tenderer.demo'])).json() as ContractStandingView).contract).toMatchObject({
      overdue: true,
    });
    expect(toBusinessDate(e.t.clock.now()) > due).toBe(true);
  });

  it('[A-184] signed by both, the contract is concluded: published on the portal, pushed to the public service platform, and the winner’s bid bond is requested back (Reg. 57)', async () => {
    const signed = await e.call(
      'POST',
      url('/signatures'),
      e.c['tenderer.demo'],
      signBody('tenderer.demo', contract.id, contract.contentSm3),
    );
    expect(signed.statusCode, signed.body).toBe(200);
    const v = signed.json() as ContractView;
    expect(v).toMatchObject({ state: 'concluded', concludedAt: e.t.clock.now().toISOString() });
    expect(v.signatures.map((s) => s.side).sort()).toEqual(['tenderer', 'winner']);
    const notice = (await e.call('GET', `/api/v1/public/notices/${v.publicationId}`)).json() as {
      type: string;
      title: string;
      bodyHtml: string;
      contentSm3: string;
    };
    expect(notice.type).toBe('contractConclusion');
    expect(notice.title).toContain('合同');
    expect(notice.bodyHtml).toContain(v.contentSm3);
    expect(notice.bodyHtml).toContain(e.winner.entityName);
    expect(
      await count(
        sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM exchange.outbox_message WHERE kind = 'publication' AND content LIKE ${`%${v.publicationId}%`}`,
      ),
    ).toBeGreaterThanOrEqual(1);
    // Reg. 57: the winner's deposit is requested back once the contract is signed.
    expect(
      await count(
        sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM finance.refund WHERE section_id = ${e.sectionId} AND entity_id = ${e.winner.entityId} AND reason = 'contractSigned'`,
      ),
    ).toBe(1);
    const concluded = await sql<{
      details: unknown;
    }>`SELECT details FROM platform.audit_event WHERE action = 'contract.concluded' AND target_id = ${e.sectionId}`.execute(
      e.t.database.db,
    );
    const details = (
      typeof concluded.rows[0]!.details === 'string' ? JSON.parse(concluded.rows[0]!.details) : concluded.rows[0]!.details
    ) as { late: boolean; bondRefundsRequested: number };
    expect(details).toMatchObject({ late: true, bondRefundsRequested: 1 });
    // Concluded: no more edits or signatures; the timer has stopped.
    expect(codeOf(await e.call('PUT', url(), e.c['tenderer.demo'], draft))).toEqual([409, 'CONTRACT_STATE_CONFLICT']);
    expect(
      await count(
        sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM contract.deadline WHERE section_id = ${e.sectionId} AND concluded_at IS NULL`,
      ),
    ).toBe(0);
    contract = v;
  });

  it('the concluded contract is archived with what both sides signed: its SM3 recomputes from the content and each signature verifies with the certificate it was made with', async () => {
    const res = await e.call('GET', url('/archive'), e.c['tenderer.demo']);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as ContractArchive;
    expect(a).toMatchObject({ format: CONTRACT_ARCHIVE_FORMAT, contractId: contract.id, contentSm3: contract.contentSm3, publicationId: contract.publicationId, concludedAt: contract.concludedAt });
    expect(toHex(sm3(canonicalJson(a.content)))).toBe(a.contentSm3);
    expect(toHex(sm3(canonicalJson({ ...a.content, priceFen: '1' })))).not.toBe(a.contentSm3);
    expect(a.signatures.map((s) => s.side).sort()).toEqual(['tenderer', 'winner']);
    for (const s of a.signatures) {
      expect(s.payload).toEqual(contractSigningPayload(e.sectionId, contract.id, a.contentSm3));
      const [cert] = parseCertificates(s.certificatePem!);
      expect(verifyJson(s.payload, s.signature, cert!.publicKey!)).toBe(true);
      // Not the other side's certificate.
      const other = a.signatures.find((x) => x.side !== s.side)!;
      expect(verifyJson(s.payload, s.signature, parseCertificates(other.certificatePem!)[0]!.publicKey!)).toBe(false);
    }
    // The winner reads it too; another bidder is told nothing of it.
    expect((await e.call('GET', url('/archive'), winnerCookie())).statusCode).toBe(200);
    expect(codeOf(await e.call('GET', url('/archive'), loserCookie()))).toEqual([404, 'CONTRACT_NOT_FOUND']);
  });

  it('[A-105] [B-047] every bid bond on the section comes back with bank interest within 5 days of the contract: the losers’ requested with the letters, the winner’s with the contract, each paid once', async () => {
    const requested = (
      await sql<{ entity_id: string; reason: string }>`SELECT entity_id, reason FROM finance.refund WHERE section_id = ${e.sectionId}`.execute(e.t.database.db)
    ).rows;
    expect(requested.filter((r) => r.reason === 'contractSigned').map((r) => r.entity_id)).toEqual([e.winner.entityId]);
    const losers = requested.filter((r) => r.reason === 'notAwarded');
    expect(losers.length, 'the demo’s losing bidders paid deposits').toBeGreaterThan(0);
    expect(losers.every((r) => r.entity_id !== e.winner.entityId)).toBe(true);

    // The refunds job pays the winner's, requested with the contract, through the sandbox bank the next hour.
    e.t.clock.advance(3_600_000);
    await e.t.jobs.runNow(REFUND_SWEEP_JOB);
    e.c['staff.dongsheng'] = await demoLogin(e.t, 'staff.dongsheng');
    const list = async () =>
      ((await e.call('GET', '/api/v1/bond-refunds', e.c['staff.dongsheng'])).json() as BondRefundView[]).filter((r) => r.sectionId === e.sectionId);
    const paid = await list();
    expect(paid).toHaveLength(requested.length);
    const concluded = Date.parse(contract.concludedAt!);
    for (const r of paid) {
      expect(r).toMatchObject({ state: 'paid', principalFen: '500000', onTime: true });
      // 银行同期存款利息: the deposits were booked days before.
      expect(BigInt(r.interestFen!)).toBeGreaterThan(0n);
      expect(Date.parse(r.paidAt!) - concluded).toBeLessThanOrEqual(5 * DAY);
    }
    expect(paid.filter((r) => r.reason === 'notAwarded').every((r) => Date.parse(r.paidAt!) < concluded)).toBe(true);
    // Once: the job again pays nothing more at the bank.
    const payments = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM finance.sandbox_payment`.execute(e.t.database.db)).rows[0]!.n;
    const before = await payments();
    await e.t.jobs.runNow(REFUND_SWEEP_JOB);
    expect(await payments()).toBe(before);
    expect((await list()).map((r) => r.bankSerial)).toEqual(paid.map((r) => r.bankSerial));
  });

  it('[A-185] the tenderer records the performance; it is published', async () => {
    const today = toBusinessDate(e.t.clock.now());
    const future = toBusinessDate(new Date(e.t.clock.now().getTime() + 3 * DAY));
    expect(
      codeOf(
        await e.call('POST', url('/performance'), e.c['tenderer.demo'], { day: future, milestone: '开工', content: '已开工' }),
      ),
    ).toEqual([422, 'PERFORMANCE_DAY_INVALID']);
    const recorded = await e.call('POST', url('/performance'), e.c['tenderer.demo'], {
      day: today,
      milestone: '预付款支付',
      content: '已按合同约定支付预付款。',
      attachmentSm3: 'a'.repeat(64),
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const p = recorded.json() as PerformanceView;
    expect(p).toMatchObject({ side: 'tenderer', milestone: '预付款支付', attachmentSm3: 'a'.repeat(64) });
    const notice = (await e.call('GET', `/api/v1/public/notices/${p.publicationId}`)).json() as {
      type: string;
      bodyHtml: string;
    };
    expect(notice.type).toBe('contractPerformance');
    expect(notice.bodyHtml).toContain('已按合同约定支付预付款。');
  });

  it('[A-186] the winner records the performance; it is published; another bidder cannot', async () => {
    const today = toBusinessDate(e.t.clock.now());
    expect(
      codeOf(await e.call('POST', url('/performance'), loserCookie(), { day: today, milestone: '开工', content: '已开工' })),
    ).toEqual([404, 'CONTRACT_NOT_FOUND']);
    const recorded = await e.call('POST', url('/performance'), winnerCookie(), {
      day: today,
      milestone: '开工',
      content: '施工队伍与机械已进场，工程开工。',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const p = recorded.json() as PerformanceView;
    expect(p).toMatchObject({ side: 'winner', entityName: e.winner.entityName });
    expect(((await e.call('GET', `/api/v1/public/notices/${p.publicationId}`)).json() as { type: string }).type).toBe(
      'contractPerformance',
    );
    const list = (await e.call('GET', url('/performance'), e.c['supervisor.works'])).json() as PerformanceView[];
    expect(list.map((x) => x.side)).toEqual(['tenderer', 'winner']);
  });

  it('a change to the contract carries its reason, is verified by staff and published', async () => {
    const proposed = await e.call('POST', url('/changes'), e.c['tenderer.demo'], {
      reason: '设计变更：增加人行道拓宽',
      content: '增加人行道拓宽工程 300 平方米。',
      newPriceFen: '130000000',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const ch = proposed.json() as ContractChangeView;
    expect(ch).toMatchObject({
      number: 1,
      state: 'pendingVerification',
      previousPriceFen: contract.content.priceFen,
      newPriceFen: '130000000',
    });
    expect(codeOf(await e.call('POST', url('/changes'), e.c['tenderer.demo'], { reason: '再变更', content: '……' }))).toEqual([
      409,
      'CONTRACT_CHANGE_CONFLICT',
    ]);
    expect((await e.call('POST', url('/changes'), winnerCookie(), { reason: '变更', content: '……' })).statusCode).toBe(403);
    expect(
      codeOf(await e.call('POST', url(`/changes/${randomUUID()}/verification`), e.c['staff.dongsheng'], { decision: 'approve' })),
    ).toEqual([404, 'CONTRACT_CHANGE_NOT_FOUND']);
    const approved = await e.call('POST', url(`/changes/${ch.id}/verification`), e.c['staff.dongsheng'], { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    const v = approved.json() as ContractChangeView;
    expect(v.state).toBe('approved');
    expect(v.verifiedAt).toBe(e.t.clock.now().toISOString());
    const notice = (await e.call('GET', `/api/v1/public/notices/${v.publicationId}`)).json() as {
      type: string;
      bodyHtml: string;
    };
    expect(notice.type).toBe('contractChange');
    expect(notice.bodyHtml).toContain('设计变更：增加人行道拓宽');
    const next = (
      await e.call('POST', url('/changes'), e.c['tenderer.demo'], { reason: '工期顺延', content: '因冬季停工顺延 30 日。' })
    ).json() as ContractChangeView;
    expect(next).toMatchObject({ number: 2, previousPriceFen: '130000000', newPriceFen: null });
    const rejected = await e.call('POST', url(`/changes/${next.id}/verification`), e.c['staff.dongsheng'], {
      decision: 'reject',
      reason: '请附停工证明',
    });
    expect(rejected.json()).toMatchObject({ state: 'rejected', rejection: '请附停工证明', publicationId: null });
    expect(((await e.call('GET', url('/changes'), winnerCookie())).json() as ContractChangeView[]).map((c) => c.state)).toEqual([
      'approved',
      'rejected',
    ]);
  });

  it('[A-189] the winner pays the performance bond at the bank; once the tenderer records the contract performed, the bond comes back once, with interest', async () => {
    const bondUrl = (rest = '') => `/api/v1/sections/${e.sectionId}/performance-bond${rest}`;
    await relogin();
    const bond = async () => ((await e.call('GET', bondUrl(), e.c['tenderer.demo'])).json() as PerformanceBondView).bond;
    expect((await e.call('PUT', bondUrl(), e.c['tenderer.demo'], { amountFen: '1000000' })).statusCode).toBe(200);
    const opened = await e.call('POST', bondUrl('/account'), winnerCookie(), {});
    expect(opened.statusCode, opened.body).toBe(200);
    await payInto((opened.json() as PerformanceBondView).bond!.accountNumber!, '1000000');
    expect(await bond()).toMatchObject({ state: 'paid', receivedFen: '1000000', refunds: [] });

    // Months later: the winner's record is not the completion; the tenderer's is.
    e.t.clock.advance(60 * DAY);
    await relogin();
    const today = toBusinessDate(e.t.clock.now());
    const byWinner = await e.call('POST', url('/performance'), winnerCookie(), { day: today, milestone: '竣工', content: '工程竣工。', completed: true });
    expect(codeOf(byWinner)).toEqual([403, 'PERFORMANCE_COMPLETION_TENDERER']);
    expect((await bond())!.state).toBe('paid');
    const done = await e.call('POST', url('/performance'), e.c['tenderer.demo'], { day: today, milestone: '竣工验收', content: '工程竣工验收合格，合同履行完毕。', completed: true });
    expect(done.statusCode, done.body).toBe(201);
    const released = (await bond())!;
    expect(released).toMatchObject({ state: 'released' });
    expect(released.refunds).toHaveLength(1);

    await e.t.jobs.runNow(REFUND_SWEEP_JOB);
    await e.t.jobs.runNow(REFUND_SWEEP_JOB);
    const [refund] = (await bond())!.refunds;
    expect(refund).toMatchObject({ state: 'paid', principalFen: '1000000' });
    expect(BigInt(refund!.interestFen!)).toBeGreaterThan(0n);
    const paidOut = await sql<{ n: number }>`SELECT count(*)::int AS n FROM finance.sandbox_payment WHERE instruction_id = ${refund!.id}`.execute(e.t.database.db);
    expect(paidOut.rows[0]!.n).toBe(1);
  });
});

/** A transfer from the winner's basic account into a sub-account, and the statement imported by staff. */
async function payInto(accountNumber: string, amountFen: string) {
  const paid = await e.t.built.app.inject({
    method: 'POST',
    url: '/sandbox/bank/transfers',
    payload: { payeeAccount: accountNumber, amountFen, payerAccount: '6222020200110077', payerName: e.winner.entityName },
  });
  expect(paid.statusCode, paid.body).toBe(201);
  const from = new Date(e.t.clock.now().getTime() - 30 * DAY).toISOString();
  const to = new Date(e.t.clock.now().getTime() + 1000).toISOString();
  const statement = (await e.t.built.app.inject({ method: 'GET', url: `/sandbox/bank/statements?from=${from}&to=${to}&format=camt053` })).body;
  const imported = await e.t.built.app.inject({
    method: 'POST',
    url: '/api/v1/bank-statements?name=stmt.xml',
    headers: { cookie: e.c['staff.dongsheng']!, 'content-type': 'application/xml' },
    payload: Buffer.from(statement),
  });
  expect(imported.statusCode, imported.body).toBe(201);
}
