import {
  awardNoticesSigningPayload,
  type AwardNoticeView,
  type AwardStandingView,
  contractSigningPayload,
  type ContractStandingView,
  type ContractView,
} from '@bidhall/contracts';
import { signJson } from '@bidhall/crypto';
import { durationEnd, ruleInForce, toBusinessDate } from '@bidhall/rules';
import { DEMO_ENTITIES } from './demo-data.ts';
import type { LoopContext, LoopSections } from './demo-loop-bids.ts';
import { demoBidderKeys } from './demo-sealed-bid.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** The tenderer's award committee under the separated award (定标委员会). */
const AWARD_COMMITTEE = ['王建国', '高玉兰', '李振华', '张海军', '刘晓燕'];

const usernameOf = (entityName: string) => DEMO_ENTITIES.find((e) => e.name === entityName)!.username;

/**
 * Both candidate publicities the day after the reports, for four days, verified by staff; during the
 * first, bidder3.demo objects to the result and the tenderer answers the next morning (B-030, B-031).
 */
export async function publicityLoop(c: LoopContext, s: LoopSections): Promise<void> {
  c.moveTo(c.now() + 18 * HOUR);
  for (const id of [s.ranked, s.separated]) await publiciseLoopSection(c, id);
  c.moveTo(c.now() + 3 * HOUR);
  const objector = await c.as('bidder3.demo');
  const objection = (await objector.call('POST', `/api/v1/sections/${s.ranked}/award/objections`, {
    content: '第一中标候选人拟派项目经理是否有在建项目，请招标人核实。',
  })) as { id: string };
  c.moveTo(c.now() + 20 * HOUR);
  await (
    await c.as('tenderer.demo')
  ).call('POST', `/api/v1/award-objections/${objection.id}/answer`, {
    answer: '经核实，该项目经理原任职项目已于本年6月竣工验收，无在建项目，异议不成立。',
  });
}

/** The candidate publicity from the next minute for the least lawful period, submitted and verified by staff. */
export async function publiciseLoopSection(c: LoopContext, sectionId: string): Promise<void> {
  const tenderer = await c.as('tenderer.demo');
  const staff = await c.as('staff.dongsheng');
  // At least 3 days on the working-day calendar (B-028): past a holiday it runs longer.
  const startDay = toBusinessDate(new Date(c.now() + MINUTE));
  const endsAt = `${durationEnd(c.built.calendar.current(), startDay, ruleInForce('PUBLICITY_DURATION_MIN', startDay))}T17:00:00+08:00`;
  await tenderer.call('PUT', `/api/v1/sections/${sectionId}/award/publicity`, {
    startsAt: new Date(c.now() + MINUTE).toISOString(),
    endsAt,
    remarks: '',
  });
  await tenderer.call('POST', `/api/v1/sections/${sectionId}/award/publicity/submit`);
  await staff.call('POST', `/api/v1/sections/${sectionId}/award/publicity/verification`, { decision: 'approve' });
}

/**
 * After the publicities: section 一 awarded to its first-ranked candidate; section 二 by the tenderer's
 * award committee, which votes and draws the lot between the two most voted (the draw is verifiable).
 * Both sets of notices signed by the tenderer, verified by staff and issued; the losers' deposits go back.
 */
export async function awardLoop(c: LoopContext, s: LoopSections): Promise<Record<string, string>> {
  const before = await c.as('tenderer.demo');
  const ends = await Promise.all(
    [s.ranked, s.separated].map(async (id) =>
      Date.parse(((await before.call('GET', `/api/v1/sections/${id}/award`)) as AwardStandingView).publicity!.endsAt),
    ),
  );
  c.moveTo(Math.max(...ends) + 16 * HOUR);
  const tenderer = await c.as('tenderer.demo');
  const staff = await c.as('staff.dongsheng');
  const standing = async (id: string) => (await tenderer.call('GET', `/api/v1/sections/${id}/award`)) as AwardStandingView;
  const ranked = (await standing(s.ranked)).publicity!.candidates.find((x) => x.rank === 1)!;
  await tenderer.call('POST', `/api/v1/sections/${s.ranked}/award/decision`, { bidId: ranked.bidId, reason: '' });
  const [a, b, x] = (await standing(s.separated)).publicity!.candidates.map((k) => k.bidId) as [string, string, string];
  const ballots = [a, b, a, b, x].map((bidId, i) => ({ voter: AWARD_COMMITTEE[i]!, bidId }));
  await tenderer.call('POST', `/api/v1/sections/${s.separated}/award/separated`, {
    members: AWARD_COMMITTEE,
    rounds: [ballots],
    reason: '按招标文件规定的票决抽签法：定标委员会记名投票，得票最多的两家进入抽签，由平台随机抽签确定中标人。',
  });
  const keys = demoBidderKeys(c.demoCaDir, 'tenderer.demo');
  const winners: Record<string, string> = {};
  for (const id of [s.ranked, s.separated]) {
    c.moveTo(c.now() + HOUR);
    const { contentSm3, round } = (await tenderer.call('PUT', `/api/v1/sections/${id}/award/notices`, {
      remarks: '',
      letters: [],
    })) as AwardNoticeView;
    await tenderer.call('POST', `/api/v1/sections/${id}/award/notices/submit`, {
      certificatePem: keys.certificatePem,
      signature: signJson(awardNoticesSigningPayload(id, round, contentSm3), keys.key),
    });
    await staff.call('POST', `/api/v1/sections/${id}/award/notices/verification`, { decision: 'approve' });
    winners[id] = usernameOf((await standing(id)).decision!.entityName);
  }
  await c.built.finance.services.refunds.sweep();
  return winners;
}

/**
 * A week after the notices each contract is drafted from the award, verified by staff and e-signed by
 * both sides; concluded, it is published and the winner's deposit is requested back and paid the next
 * hour. A week later both sides record section 一's start.
 */
export async function contractLoop(c: LoopContext, s: LoopSections, winners: Record<string, string>): Promise<void> {
  c.moveTo(c.now() + 7 * DAY);
  const tenderer = await c.as('tenderer.demo');
  const staff = await c.as('staff.dongsheng');
  const tendererKeys = demoBidderKeys(c.demoCaDir, 'tenderer.demo');
  for (const [i, id] of [s.ranked, s.separated].entries()) {
    const url = `/api/v1/sections/${id}/contract`;
    await tenderer.call('PUT', url, {
      title: `东胜区吉劳庆南路道路改造工程施工${'一二'[i]}标段施工合同`,
      projectManager: ['张立军', '王海涛'][i]!,
      clauses: [
        { title: '第一条 工程概况', text: '工程名称、地点与承包范围见专用合同条款及招标文件所附工程量清单。' },
        { title: '第二条 合同工期', text: '计划开工日期以监理人发出的开工通知为准，工期按中标工期执行。' },
      ],
    });
    await tenderer.call('POST', `${url}/submit`);
    c.moveTo(c.now() + 2 * HOUR);
    await staff.call('POST', `${url}/verification`, { decision: 'approve' });
    const contract = ((await tenderer.call('GET', url)) as ContractStandingView).contract as ContractView;
    const sign = (keys: typeof tendererKeys) => ({
      certificatePem: keys.certificatePem,
      signature: signJson(contractSigningPayload(id, contract.id, contract.contentSm3), keys.key),
    });
    await tenderer.call('POST', `${url}/signatures`, sign(tendererKeys));
    c.moveTo(c.now() + 3 * HOUR);
    const winner = await c.as(winners[id]!);
    await winner.call('POST', `${url}/signatures`, sign(demoBidderKeys(c.demoCaDir, winners[id]!)));
  }
  c.moveTo(c.now() + HOUR);
  await c.built.finance.services.refunds.sweep();
  // Work starts on section 一 a week later: both sides record it, published as recorded.
  c.moveTo(c.now() + 7 * DAY);
  const day = toBusinessDate(new Date(c.now()));
  await (
    await c.as('tenderer.demo')
  ).call('POST', `/api/v1/sections/${s.ranked}/contract/performance`, {
    day,
    milestone: '预付款支付',
    content: '已按合同约定支付预付款（合同价款的10%）。',
  });
  await (
    await c.as(winners[s.ranked]!)
  ).call('POST', `/api/v1/sections/${s.ranked}/contract/performance`, {
    day,
    milestone: '开工',
    content: '施工队伍与机械设备已进场，工程开工。',
  });
}
