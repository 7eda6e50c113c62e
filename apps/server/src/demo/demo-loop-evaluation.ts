import {
  evaluationReportSigningPayload,
  evaluationSignInPayload,
  type EvaluationSheetInput,
  type EvaluationView,
  type ExpertSelfView,
} from '@bidhall/contracts';
import { signJson } from '@bidhall/crypto';
import { addDays, toBusinessDate } from '@bidhall/rules';
import { callerOf } from './demo-experts.ts';
import type { LoopContext } from './demo-loop-bids.ts';
import { LOOP_EXPERTS } from './demo-personal-certificates.ts';
import { DEMO_BIDDERS, DEMO_ENTITIES } from './demo-data.ts';
import { demoBidderKeys, type DemoBidderKeys } from './demo-sealed-bid.ts';
import type { DemoSession } from './demo-tendering.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;

interface Member {
  username: string;
  keys: DemoBidderKeys;
}

/**
 * The section's committee drawn the afternoon of the opening from the loop's road experts (four
 * experts and the tenderer's representative); the drawn experts accept. Returns them, with their keys.
 */
async function drawCommittee(c: LoopContext, sectionId: string): Promise<Member[]> {
  const staff = await callerOf(c.built, c.db, 'staff.dongsheng');
  const tomorrow = addDays(toBusinessDate(new Date(c.now())), 1);
  await c.built.experts.committee.setPlan(
    sectionId,
    {
      size: 5,
      tendererRepresentatives: 1,
      specialties: [{ code: 'A03', count: 4 }],
      levels: ['senior', 'professorSenior'],
      regionCodes: ['150602', '150600'],
      mandatory: true,
      waterProject: false,
      evaluationStartsAt: `${tomorrow}T09:00:00+08:00`,
      venue: '鄂尔多斯市公共资源交易中心 东胜区分中心 第1评标室',
      answerWithinMinutes: 1440,
      avoidUnits: [],
    },
    staff,
  );
  await c.built.experts.committee.draw(sectionId, '评标前一日随机抽取', staff);
  const members: Member[] = [];
  for (const p of LOOP_EXPERTS) {
    const session = await c.as(p.username);
    const invitation = ((await session.call('GET', '/api/v1/experts/me')) as ExpertSelfView).invitations.find(
      (i) => i.sectionId === sectionId && i.sitting === 'bid',
    );
    if (!invitation) continue;
    await session.call('POST', `/api/v1/expert-invitations/${invitation.id}/answer`, { accept: true, noConflict: true });
    members.push({ username: p.username, keys: demoBidderKeys(c.demoCaDir, p.username) });
  }
  return members;
}

/**
 * The committee evaluates the next morning: staff open the window, the tenderer names itself its
 * representative, every member signs in with its certificate, the first expert chairs, each submits a
 * sheet (bidder.demo's bid scored best in every sheet), the chair summarises and every member signs the report.
 */
export async function evaluateLoopSection(c: LoopContext, sectionId: string): Promise<void> {
  const members = await drawCommittee(c, sectionId);
  const url = (rest = '') => `/api/v1/sections/${sectionId}/evaluation${rest}`;
  const tomorrow = addDays(toBusinessDate(new Date(c.now())), 1);
  c.moveTo(Date.parse(`${tomorrow}T08:50:00+08:00`));
  const staff = await c.as('staff.dongsheng');
  const tenderer = await c.as('tenderer.demo');
  await staff.call('POST', url(), {
    startsAt: new Date(c.now() + 10 * MINUTE).toISOString(),
    endsAt: new Date(c.now() + 10 * HOUR).toISOString(),
  });
  const me = (await tenderer.call('GET', '/api/v1/me')) as { id: string };
  await tenderer.call('PUT', url('/representatives'), { userIds: [me.id] });
  c.moveTo(c.now() + 12 * MINUTE);
  members.push({ username: 'tenderer.demo', keys: demoBidderKeys(c.demoCaDir, 'tenderer.demo') });
  // Sessions end when idle: each member works in a session of its own at each step.
  const sessions = new Map<string, DemoSession>();
  for (const m of members) sessions.set(m.username, await c.as(m.username));
  for (const m of members) {
    const session = sessions.get(m.username)!;
    const { nonce } = (await session.call('GET', url('/sign-in/challenge'))) as { nonce: string };
    const signature = signJson(evaluationSignInPayload(sectionId, nonce), m.keys.key);
    await session.call('POST', url('/sign-in'), {
      confirmIdentity: true,
      noConflict: true,
      certificate: { certificatePem: m.keys.certificatePem, nonce, signature },
    });
  }
  const view = (await staff.call('GET', url())) as EvaluationView;
  const chairId = ((await sessions.get(members[0]!.username)!.call('GET', url())) as EvaluationView).members.find(
    (x) => x.self,
  )!.id;
  await staff.call('PUT', url('/chair'), { memberId: chairId });

  const order = (name: string) => DEMO_BIDDERS.findIndex((u) => DEMO_ENTITIES.find((e) => e.username === u)!.name === name);
  const pass = Object.fromEntries(['1.1', '1.2', '2.1', '2.2'].map((n) => [n, 'pass' as const]));
  for (const [i, m] of members.entries()) {
    c.moveTo(c.now() + 20 * MINUTE);
    const sheet: EvaluationSheetInput = {
      verdicts: Object.fromEntries(view.bids.map((b) => [b.bidId, pass])),
      scores: Object.fromEntries(
        view.bids.map((b) => [
          b.bidId,
          { '3.1': [27, 23, 21][order(b.entityName)]! - (i % 2), '3.2': [18, 15, 13][order(b.entityName)]! },
        ]),
      ),
      submit: true,
    };
    await (await c.as(m.username)).call('PUT', url('/sheets/mine'), sheet);
  }
  c.moveTo(c.now() + 30 * MINUTE);
  const chair = await c.as(members[0]!.username);
  await chair.call('POST', url('/summary'), {});
  const { reportSm3 } = (await chair.call('POST', url('/report'), {})) as { reportSm3: string };
  for (const m of members) {
    await (
      await c.as(m.username)
    ).call('POST', url('/report/signatures'), {
      certificatePem: m.keys.certificatePem,
      signature: signJson(evaluationReportSigningPayload(sectionId, reportSm3), m.keys.key),
    });
  }
}
