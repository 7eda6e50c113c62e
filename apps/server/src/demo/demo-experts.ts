import type { ExpertApplication, SpecialtyNode } from '@bidhall/contracts';
import { residentIdCheckChar } from '@bidhall/contracts';
import { addDays, type Clock, toBusinessDate } from '@bidhall/rules';
import { sql } from 'kysely';
import type { BuiltApp } from '../app.ts';
import type { Db } from '../platform/db/database.ts';
import { DEMO_ENTITIES, DEMO_STAFF } from './demo-data.ts';

type Caller = Parameters<BuiltApp['experts']['pool']['nominate']>[1];
type Seed = { name: string; specialties: SpecialtyNode['code'][]; level?: ExpertApplication['level']; regionCode?: string; employer?: string; title?: string };

/** A valid, fictional identity number per demo expert (birth dates spread over 1960–1985). */
export function demoIdNumber(i: number): string {
  const birth = `${1960 + (i % 26)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 27) + 1).padStart(2, '0')}`;
  const first17 = `150602${birth}${String(300 + i).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

const BIDDER = DEMO_ENTITIES.find((e) => e.username === 'bidder.demo')!.name;
const BIDDER4 = DEMO_ENTITIES.find((e) => e.username === 'bidder4.demo')!.name;

/** 东胜区's pool and the city's, with one expert tied to a demo bidder in each specialty the committee needs. */
const DONGSHENG: Seed[] = [
  { name: '韩志刚', specialties: ['A01'] },
  { name: '马丽娟', specialties: ['A01', 'A02'] },
  { name: '高建军', specialties: ['A01'] },
  { name: '杜文华', specialties: ['A01'], level: 'professorSenior' },
  { name: '白云飞', specialties: ['A01'], employer: BIDDER },
  { name: '侯晓东', specialties: ['A01', 'C02'] },
  { name: '冯秀英', specialties: ['A02'] },
  { name: '乔永刚', specialties: ['A02', 'A03'] },
  { name: '贺丽萍', specialties: ['A05'], employer: BIDDER4 },
  { name: '邢海燕', specialties: ['C02'] },
  { name: '康建平', specialties: ['A03'], level: 'intermediate' },
];
const CITY: Seed[] = [
  { name: '郑涛', specialties: ['A05'], regionCode: '150600' },
  { name: '钱志远', specialties: ['A04'], regionCode: '150600' },
  { name: '段晓光', specialties: ['B02'], regionCode: '150600' },
];

/** The identity number the demo gives an expert of its pool, by name (tests link accounts to the drawn experts with it). */
export function demoExpertIdNumber(name: string): string {
  if (name === '郑涛') return DEMO_STAFF.find((s) => s.username === 'expert.demo')!.personIdNumber;
  const i = [...DONGSHENG, ...CITY].findIndex((s) => s.name === name);
  if (i < 0) throw new Error(`no demo expert ${name}`);
  return demoIdNumber(i);
}

export function application(seed: Seed, i: number): ExpertApplication {
  return {
    name: seed.name,
    idNumber: seed.name === '郑涛' ? DEMO_STAFF.find((s) => s.username === 'expert.demo')!.personIdNumber : demoIdNumber(i),
    phone: `1394770${String(1000 + i).slice(-4)}`,
    employer: { name: seed.employer ?? `鄂尔多斯市第${i + 1}建筑设计研究院` },
    title: seed.title ?? '高级工程师',
    level: seed.level ?? 'senior',
    regionCode: seed.regionCode ?? '150602',
    specialties: seed.specialties,
    conflicts: { employers: [], relativesEmployers: [] },
  };
}

export async function callerOf(built: BuiltApp, db: Db, username: string): Promise<Caller> {
  const u = await db.selectFrom('identity.user_account').select(['id', 'display_name', 'region_code', 'kind']).where('username', '=', username).executeTakeFirstOrThrow();
  return {
    actor: { kind: 'user', id: u.id as string, label: `${username} (demo)` },
    userId: u.id as string,
    displayName: u.display_name as string,
    kind: u.kind as string,
    entityId: null,
    reach: built.catalog.codesWithin(u.region_code as string),
  };
}

/**
 * The expert pool (issue 12): experts of 东胜区 and of the city admitted by their staff, 郑涛 (expert.demo)
 * shared with the other districts and linked to his account, two applications waiting, one suspended,
 * one removed for a violation; and the committee of the demo's opened section drawn: 郑涛 is invited.
 */
export async function loadDemoExperts(built: BuiltApp, db: Db, options: { clock: Clock; onSkipped?: (stage: string, reason: string) => void }) {
  // The whole loop admits its own road experts earlier (demo-loop-experts.ts): the pool is these seeds'.
  const existing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM experts.expert WHERE name = ${CITY[0]!.name}`.execute(db);
  if ((existing.rows[0]?.n ?? 0) > 0) return { experts: 0 };
  const { pool, committee } = built.experts;
  const dongsheng = await callerOf(built, db, 'staff.dongsheng');
  const city = await callerOf(built, db, 'staff.city');
  const ids = new Map<string, string>();
  for (const [i, seed] of [...DONGSHENG, ...CITY].entries()) {
    const staff = seed.regionCode === '150600' ? city : dongsheng;
    const made = await pool.nominate({ ...application(seed, i), reason: '所在单位推荐入库' }, staff);
    await pool.decide(made.id, { decision: 'admit', reason: '资格审核通过，准予入库' }, staff);
    ids.set(seed.name, made.id);
  }
  await pool.share(ids.get('郑涛')!, { shared: true, reason: '纳入全市跨区域共享专家库' }, city);
  await pool.linkAccount(ids.get('郑涛')!, { username: 'expert.demo' }, city);
  await pool.addRecord(ids.get('郑涛')!, { kind: 'training', date: toBusinessDate(addDaysAt(options.clock, -30)), description: '参加2026年度评标专家继续教育培训（24学时）' }, city);
  await pool.addRecord(ids.get('杜文华')!, { kind: 'reward', date: toBusinessDate(addDaysAt(options.clock, -60)), description: '2025年度优秀评标专家' }, dongsheng);
  await pool.decide(ids.get('康建平')!, { decision: 'suspend', reason: '本人申请暂停（出国访学一年）' }, dongsheng);
  await pool.addRecord(ids.get('乔永刚')!, { kind: 'violation', date: toBusinessDate(addDaysAt(options.clock, -10)), description: '评标过程中私下接触投标人，经查属实' }, dongsheng);
  await pool.decide(ids.get('乔永刚')!, { decision: 'remove', reason: '严重违规，清退出库' }, dongsheng);
  for (const [i, name] of ['樊立新', '孟晓红'].entries()) {
    await pool.apply({ ...application({ name, specialties: ['A02'] }, 40 + i) }, { kind: 'anonymous' });
  }

  // The committee of the opened section (东胜区): four experts and the tenderer's representative.
  const opened = await sql<{ id: string }>`SELECT h.section_id AS id FROM opening.hall h JOIN projects.section s ON s.id = h.section_id WHERE h.sitting = 'bid' AND h.readout_at IS NOT NULL AND s.stage = 'opened' AND NOT EXISTS (SELECT 1 FROM experts.committee_plan p WHERE p.section_id = s.id) ORDER BY h.opened_at LIMIT 1`.execute(db);
  const sectionId = opened.rows[0]?.id;
  if (!sectionId) {
    options.onSkipped?.('experts', 'no opened section to draw a committee for');
    return { experts: ids.size };
  }
  const tomorrow = addDaysAt(options.clock, 1);
  await committee.setPlan(
    sectionId,
    {
      size: 5,
      tendererRepresentatives: 1,
      specialties: [
        { code: 'A01', count: 3 },
        { code: 'A05', count: 1 },
      ],
      levels: ['senior', 'professorSenior'],
      regionCodes: ['150602', '150600'],
      mandatory: true,
      waterProject: false,
      evaluationStartsAt: `${toBusinessDate(tomorrow)}T09:00:00+08:00`,
      venue: '鄂尔多斯市公共资源交易中心 东胜区分中心 第2评标室（主场）',
      answerWithinMinutes: 1440,
      avoidUnits: [],
    },
    dongsheng,
  );
  await committee.draw(sectionId, '评标前一日随机抽取', dongsheng);
  return { experts: ids.size };
}

function addDaysAt(clock: Clock, days: number): Date {
  const today = toBusinessDate(clock.now());
  return new Date(`${addDays(today, days)}T04:00:00Z`);
}
