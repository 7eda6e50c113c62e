import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BondForfeitureList, BondForfeitureView, BondRefundFigure, BondRefundView } from '@bidhall/contracts';
import { parseCertificates, privateKeyFromPem, signCmsDetached, toBase64 } from '@bidhall/crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTITIES } from '../../apps/server/src/demo/demo-data.ts';
import { REFUND_SWEEP_JOB } from '../../apps/server/src/modules/finance/index.ts';
import { type AwardedDemo, awardNotices, enter2027Holidays, payDemoDeposits, publicityOver } from '../support/demo-award.ts';
import { completedDemoReport, submittedDemoEvaluation } from '../support/demo-evaluation.ts';
import { demoLogin } from '../support/demo-login.ts';

/**
 * Forfeiting bid deposits on the demo's evaluated section (issue 13 §5, task 10; decision 0042). Every
 * bidder paid a 5,000-yuan deposit. The first-ranked candidate declines the award and the tenderer
 * passes it over; a third bidder revokes its bid in writing after the deadline; the winner does not sign
 * the contract within Law 46's 30 days. Each deposit is kept only on the ground the record supports, is
 * paid once to the tenderer's account, and is never refunded as well.
 */
const DAY = 86_400_000;
const DEPOSIT = '500000';
const TENDERER_ACCOUNT = '15050171550800009999';
const dir = mkdtempSync(join(tmpdir(), 'bidhall-forfeit-'));
let e: AwardedDemo;
let declined: { entityId: string; username: string; bidId: string };
let revoking: { entityId: string; username: string };
const codeOf = (res: { statusCode: number; body: string }) => {
  const body = JSON.parse(res.body) as { code?: string; details?: { reason?: string } };
  return [res.statusCode, body.code, body.details?.reason];
};
const url = () => `/api/v1/sections/${e.sectionId}/bond-forfeitures`;
const usernameOf = (name: string) => DEMO_ENTITIES.find((x) => x.name === name)!.username;
const entityIdOf = async (name: string) =>
  (await sql<{ id: string }>`SELECT id FROM identity.market_entity WHERE name = ${name}`.execute(e.t.database.db)).rows[0]!.id;
const forfeit = (entityId: string, ground: string, extra: object = {}) =>
  e.call('POST', url(), e.c['tenderer.demo'], {
    entityId,
    ground,
    statement: '招标人依法决定不予退还投标保证金。',
    payeeAccount: TENDERER_ACCOUNT,
    ...extra,
  });
const list = async () => (await e.call('GET', url(), e.c['tenderer.demo'])).json() as BondForfeitureList;
const refundsOf = async (entityId: string) =>
  (
    await sql<{ id: string; reason: string; state: string; payee_account: string; principal_fen: string }>`
      SELECT id, reason, state, payee_account, principal_fen::text FROM finance.refund WHERE entity_id = ${entityId} AND section_id = ${e.sectionId} ORDER BY seq`.execute(
      e.t.database.db,
    )
  ).rows;
async function relogin() {
  for (const u of [
    'staff.dongsheng',
    'tenderer.demo',
    'supervisor.works',
    'bidder.demo',
    'bidder2.demo',
    'bidder3.demo',
    'bidder4.demo',
  ])
    e.c[u] = await demoLogin(e.t, u);
}
/** The bidder's written revocation, signed with its demo certificate (a detached CMS, as its signing tool makes it). */
function revocation(username: string, text: string) {
  const [cert, ...chain] = parseCertificates(readFileSync(join(dir, 'demo-ca', 'entities', `${username}.cert.pem`), 'utf8'));
  const key = privateKeyFromPem(readFileSync(join(dir, 'demo-ca', 'entities', `${username}.key.pem`), 'utf8'));
  return {
    text,
    signature: toBase64(
      signCmsDetached(Buffer.from(text, 'utf8'), { key, cert: cert!, chain }, { signingTime: e.t.clock.now() }),
    ),
  };
}

beforeAll(async () => {
  const evaluated = await submittedDemoEvaluation(dir);
  await completedDemoReport(evaluated);
  await payDemoDeposits(evaluated, DEPOSIT);
  e = await publicityOver(evaluated);
  const candidates = (await e.standing()).publicity!.candidates;
  const first = candidates.find((c) => c.rank === 1)!;
  const second = candidates.find((c) => c.rank === 2)!;
  const third = candidates.find((c) => c.rank === 3) ?? candidates.find((c) => c.rank === null)!;
  declined = { entityId: await entityIdOf(first.entityName), username: usernameOf(first.entityName), bidId: first.bidId };
  revoking = { entityId: await entityIdOf(third.entityName), username: usernameOf(third.entityName) };
  // The first-ranked declines in writing; the tenderer passes it over and awards the second (Reg. 55).
  const decided = await e.call('POST', `/api/v1/sections/${e.sectionId}/award/decision`, e.c['tenderer.demo'], {
    bidId: second.bidId,
    reason: '第一中标候选人书面放弃中标',
    passedOver: 'declined',
  });
  expect(decided.statusCode, decided.body).toBe(201);
  e.winner = {
    entityId: await entityIdOf(second.entityName),
    bidId: second.bidId,
    username: usernameOf(second.entityName),
    entityName: second.entityName,
  };
}, 600_000);
afterAll(async () => {
  await e?.t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('forfeiting a deposit where the award and the contract say so (decision 0042)', () => {
  it('[task-10] the record decides the ground: the tenderer sees each bidder’s held deposit with the grounds that hold, and a ground the record does not support is refused, naming the fact', async () => {
    const before = await list();
    expect(before.forfeitures).toEqual([]);
    const byEntity = new Map(before.candidates.map((c) => [c.entityId, c]));
    expect(byEntity.get(declined.entityId)).toMatchObject({
      heldFen: DEPOSIT,
      grounds: expect.arrayContaining(['declinedAward']),
    });
    expect(byEntity.get(declined.entityId)!.grounds).not.toContain('refusedContract');
    expect(byEntity.get(e.winner.entityId)!.grounds).not.toContain('declinedAward');

    // Not passed over, not the winner, nothing failed at the opening, no revocation: each refused with its fact.
    expect(codeOf(await forfeit(revoking.entityId, 'declinedAward'))).toEqual([422, 'BOND_FORFEITURE_UNLAWFUL', 'notPassedOver']);
    expect(codeOf(await forfeit(declined.entityId, 'noPerformanceSecurity'))).toEqual([
      422,
      'BOND_FORFEITURE_UNLAWFUL',
      'notPassedOver',
    ]);
    expect(codeOf(await forfeit(declined.entityId, 'refusedContract'))).toEqual([422, 'BOND_FORFEITURE_UNLAWFUL', 'notWinner']);
    expect(codeOf(await forfeit(declined.entityId, 'decryptionFailed'))).toEqual([
      422,
      'BOND_FORFEITURE_UNLAWFUL',
      'notRevokedAtOpening',
    ]);
    expect(codeOf(await forfeit(revoking.entityId, 'withdrawnAfterDeadline'))).toEqual([
      422,
      'BOND_FORFEITURE_UNLAWFUL',
      'noRevocation',
    ]);
    // A revocation signed by another bidder's certificate is not this bidder's.
    const forged = revocation(declined.username, '本单位撤销在本标段的投标文件。');
    expect(codeOf(await forfeit(revoking.entityId, 'withdrawnAfterDeadline', { revocation: forged }))).toEqual([
      422,
      'BOND_FORFEITURE_UNLAWFUL',
      'revocationNotSigned',
    ]);
    // Only the tenderer (or its agency) decides; a bidder and staff cannot.
    const asBidder = await e.call('POST', url(), e.c['bidder.demo'], {
      entityId: declined.entityId,
      ground: 'declinedAward',
      statement: '投标人自行决定没收。',
      payeeAccount: TENDERER_ACCOUNT,
    });
    expect(asBidder.statusCode).toBe(403);
    expect(
      (
        await e.call('POST', url(), e.c['staff.dongsheng'], {
          entityId: declined.entityId,
          ground: 'declinedAward',
          statement: '工作人员决定没收。',
          payeeAccount: TENDERER_ACCOUNT,
        })
      ).statusCode,
    ).toBe(403);
    expect(await refundsOf(declined.entityId)).toEqual([]);
  });

  it('[task-10] the first-ranked candidate declined the award: its deposit is forfeited and paid once to the tenderer with its interest; it is told why and cannot ask for it back', async () => {
    const made = await forfeit(declined.entityId, 'declinedAward', {
      statement: '第一中标候选人于公示期满后书面放弃中标，依据《招标投标法实施条例》第七十四条不予退还投标保证金。',
    });
    expect(made.statusCode, made.body).toBe(201);
    const decided = (made.json() as BondForfeitureList).forfeitures;
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({
      entityId: declined.entityId,
      ground: 'declinedAward',
      principalFen: DEPOSIT,
      payeeAccount: TENDERER_ACCOUNT,
      facts: { passedOver: 'declined' },
    });
    expect(codeOf(await forfeit(declined.entityId, 'declinedAward'))).toEqual([409, 'BOND_FORFEITED', undefined]);

    // Paid through the refund workflow, to the tenderer, once however often the sweep runs.
    await e.t.jobs.runNow(REFUND_SWEEP_JOB);
    await e.t.jobs.runNow(REFUND_SWEEP_JOB);
    const rows = await refundsOf(declined.entityId);
    expect(rows.map((r) => [r.reason, r.state, r.payee_account, r.principal_fen])).toEqual([
      ['forfeited', 'paid', TENDERER_ACCOUNT, DEPOSIT],
    ]);
    const paid = await sql<{
      n: number;
      memo: string;
    }>`SELECT count(*)::int AS n, min(memo) AS memo FROM finance.sandbox_payment WHERE instruction_id = ${rows[0]!.id}`.execute(
      e.t.database.db,
    );
    expect(paid.rows[0]).toMatchObject({ n: 1, memo: expect.stringContaining('投标保证金没收') });

    // The bidder reads the decision and its ground, is notified, and its own request is refused.
    await relogin();
    const cookie = e.c[declined.username]!;
    const mine = (await e.call('GET', '/api/v1/bond-forfeitures/mine', cookie)).json() as BondForfeitureView[];
    expect(mine.map((f) => [f.ground, f.principalFen, f.statement.includes('第七十四条')])).toEqual([
      ['declinedAward', DEPOSIT, true],
    ]);
    const asked = await e.call('POST', '/api/v1/bond-refunds/mine', cookie, { sectionId: e.sectionId });
    expect(codeOf(asked)).toEqual([409, 'BOND_FORFEITED', undefined]);
    const told = await sql<{
      title: string;
    }>`SELECT title FROM notifications.message WHERE topic = 'finance.bondForfeited' AND recipient_id = ${declined.entityId}`.execute(
      e.t.database.db,
    );
    expect(told.rows.map((r) => r.title)).toEqual([expect.stringContaining('投标保证金不予退还')]);
    // Audited and in the public log with its ground.
    const audit = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'finance.bondForfeiture.decided' AND log_index IS NOT NULL AND details->>'ground' = 'declinedAward'`.execute(
      e.t.database.db,
    );
    expect(audit.rows[0]!.n).toBe(1);
    // Another bidder does not see it; staff of the region do.
    const other = (await e.call('GET', '/api/v1/bond-forfeitures/mine', e.c[revoking.username]!)).json() as BondForfeitureView[];
    expect(other).toEqual([]);
    expect(((await e.call('GET', url(), e.c['staff.dongsheng'])).json() as BondForfeitureList).forfeitures).toHaveLength(1);
  });

  it('[task-10] a bid revoked in writing after the deadline: the bidder’s signed revocation is verified and kept with the decision', async () => {
    const letter = revocation(revoking.username, '本单位因自身原因，撤销在本标段递交的投标文件，并知悉投标保证金不予退还。');
    const made = await forfeit(revoking.entityId, 'withdrawnAfterDeadline', { revocation: letter });
    expect(made.statusCode, made.body).toBe(201);
    const f = (made.json() as BondForfeitureList).forfeitures.find((x) => x.entityId === revoking.entityId)!;
    expect(f.facts).toMatchObject({
      revocation: { text: letter.text, signature: letter.signature, sm3: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });

  it('[task-10] the winner that does not sign within Law 46’s 30 days forfeits its deposit; the others come back with the letters, and the dashboard counts forfeitures apart from refunds', async () => {
    await awardNotices(e, dir);
    await relogin();
    // The losers' deposits are refunded with the letters — but not a forfeited one.
    await e.t.jobs.runNow(REFUND_SWEEP_JOB);
    expect((await refundsOf(declined.entityId)).map((r) => r.reason)).toEqual(['forfeited']);
    expect((await refundsOf(revoking.entityId)).map((r) => r.reason)).toEqual(['forfeited']);
    // The award notice is today: the contract is not due yet (2027's holidays entered by staff, as each November).
    await enter2027Holidays(e);
    const early = await forfeit(e.winner.entityId, 'refusedContract');
    expect(codeOf(early)).toEqual([422, 'BOND_FORFEITURE_UNLAWFUL', 'contractNotDue']);
    const due = (early.json() as { details: { dueDate: string } }).details.dueDate;
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The day after the due day, with no contract signed.
    e.t.clock.set(new Date(Date.parse(`${due}T16:30:00Z`) + DAY));
    await relogin();
    const made = await forfeit(e.winner.entityId, 'refusedContract', {
      statement: '中标人自中标通知书发出之日起三十日内无正当理由未签订合同。',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect((made.json() as BondForfeitureList).forfeitures.find((x) => x.entityId === e.winner.entityId)).toMatchObject({
      facts: { contractDueDate: due },
    });
    await e.t.jobs.runNow(REFUND_SWEEP_JOB);
    expect((await refundsOf(e.winner.entityId)).map((r) => [r.reason, r.state])).toEqual([['forfeited', 'paid']]);

    const from = new Date(e.t.clock.now().getTime() - 90 * DAY).toISOString();
    const to = new Date(e.t.clock.now().getTime() + DAY).toISOString();
    const figure = (
      await e.call('GET', `/api/v1/bond-refunds/figure?from=${from}&to=${to}`, e.c['staff.dongsheng'])
    ).json() as BondRefundFigure;
    expect(figure.forfeited).toBe(3);
    const listed = (await e.call('GET', '/api/v1/bond-refunds?limit=1000', e.c['staff.dongsheng'])).json() as BondRefundView[];
    const inPeriod = listed.filter((r) => r.requestedAt >= from && r.requestedAt < to);
    expect(inPeriod.filter((r) => r.reason === 'forfeited')).toHaveLength(3);
    expect(figure.requested).toBe(inPeriod.filter((r) => r.reason !== 'forfeited').length);
    expect(figure.paidOnTime + figure.paidLate + figure.overdue + figure.pending).toBe(figure.requested);
  });
});
