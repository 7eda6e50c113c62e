/**
 * The public portal on PostgreSQL: publishing a notice (one transaction each: the portal's copy, its
 * search document, the log entry, the audit event and the outbox message) against a plain INSERT of the
 * same row (baseline); how long after the publishing transaction commits the notice is in the public
 * list (issue 4: within one second); and Chinese full-text search over every notice against a
 * sequential ILIKE scan of the same texts (baseline). DISCLOSURE_BENCH_NOTICES sets the number of
 * notices (default 5,000); DATABASE_URL the server (default the local PostgreSQL). Prints figures and
 * ratios; never fails on a time.
 */
import { ManualClock } from '@bidhall/rules';
import pino from 'pino';
import { buildApp } from '../apps/server/src/app.ts';
import { createJobQueue } from '../apps/server/src/platform/jobs/job-queue.ts';
import { ephemeralSigningKey } from '../apps/server/src/platform/keys/signing-key.ts';

process.env.DATABASE_URL ??= 'postgres://root@127.0.0.1:5432/test';
const { createTestDatabase } = await import('../tests/support/test-database.ts');

const TOTAL = Number(process.env.DISCLOSURE_BENCH_NOTICES ?? 5_000);
const PLACES = ['东胜区', '康巴什区', '达拉特旗', '准格尔旗', '伊金霍洛旗', '鄂托克旗', '杭锦旗', '乌审旗', '鄂托克前旗'];
const WORKS = ['道路改造', '污水管网', '学校教学楼', '医院门诊楼', '供热管网', '路灯节能', '河道治理', '公园绿化', '农田水利', '老旧小区改造'];
const KINDS = ['施工', '监理', '设计', '货物采购', '运维服务'];
const REGIONS = ['150602', '150603', '150621', '150622', '150627', '150624', '150625', '150626', '150623'];

/** A deterministic sequence (the benchmark must be repeatable; Math.random is not used in this code base). */
function sequence(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    return x % n;
  };
}

const pick = sequence(20_261_126);
function notice(i: number) {
  const p = pick(PLACES.length);
  const title = `${PLACES[p]}${WORKS[pick(WORKS.length)]}工程${KINDS[pick(KINDS.length)]}招标公告（第${i}号）`;
  const body = `<h2>1. 招标条件</h2><p>本招标项目${title.replace('招标公告', '')}已具备招标条件，现对该项目进行公开招标。</p>` +
    `<h2>2. 项目概况与招标范围</h2><p>建设地点：内蒙古自治区鄂尔多斯市${PLACES[p]}。计划工期${90 + pick(300)}日历天。</p>` +
    `<h2>3. 投标人资格要求</h2><p>具有相应资质、业绩，并在人员、设备、资金等方面具有相应的能力。</p>`;
  return { title, body, regionCode: REGIONS[p]! };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

const database = await createTestDatabase();
const db = database.db;
const clock = new ManualClock('2026-11-26T02:00:00Z');
const jobs = createJobQueue(database, pino({ level: 'silent' }));
const built = await buildApp({
  config: { bodyLimit: 1 << 20, sessionTtlHours: 1, cookieSecure: false, logLevel: 'silent', webDist: undefined },
  database,
  clock,
  jobs,
  signingKey: ephemeralSigningKey(),
  logger: false,
});
await built.app.ready();

try {
  const notices = Array.from({ length: TOTAL }, (_, i) => notice(i + 1));

  // Baseline: the same title and body inserted one row per transaction, with nothing else.
  await db.schema.createTable('bench_notice').addColumn('i', 'integer', (c) => c.primaryKey()).addColumn('title', 'text').addColumn('body', 'text').execute();
  let t0 = performance.now();
  for (const [i, n] of notices.entries()) {
    await db.transaction().execute((trx) => trx.insertInto('bench_notice').values({ i, title: n.title, body: n.body }).execute());
  }
  const plainRate = TOTAL / ((performance.now() - t0) / 1000);

  t0 = performance.now();
  const visibleAfter: number[] = [];
  for (const [i, n] of notices.entries()) {
    const published = await db.transaction().execute((trx) =>
      built.publish(trx, {
        type: 'tenderNotice',
        sourceId: `bench-${i}`,
        sectionIds: [`bench-section-${i}`],
        regionCode: n.regionCode,
        category: 'works',
        title: n.title,
        bodyHtml: n.body,
        prominent: false,
        publishedAt: clock.now().toISOString(),
        round: 1,
        links: {},
      }),
    );
    // Every 500th: how long until an anonymous reader finds it in the public list.
    if (i % 500 === 0) {
      const committed = performance.now();
      const res = await built.app.inject({ method: 'GET', url: `/api/v1/public/notices?regionCode=${n.regionCode}&limit=5` });
      const ids = (res.json() as { items: { id: string }[] }).items.map((x) => x.id);
      if (!ids.includes(published.publicationId)) throw new Error(`notice ${i} not listed right after its transaction committed`);
      visibleAfter.push(performance.now() - committed);
    }
  }
  const publishRate = TOTAL / ((performance.now() - t0) / 1000);

  // Search: two-character words and a phrase, through the public route, against ILIKE over the plain table.
  const queries = ['道路', '污水管网', '伊金霍洛旗', '教学楼', '节能', '监理'];
  const searchTimes: number[] = [];
  const scanTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      let s = performance.now();
      const res = await built.app.inject({ method: 'GET', url: `/api/v1/public/notices?q=${encodeURIComponent(q)}&limit=20` });
      if (res.statusCode !== 200) throw new Error(`search ${q}: ${res.statusCode} ${res.body}`);
      searchTimes.push(performance.now() - s);
      s = performance.now();
      await db
        .selectFrom('bench_notice')
        .select(['i', 'title'])
        .where((eb) => eb.or([eb('title', 'ilike', `%${q}%`), eb('body', 'ilike', `%${q}%`)]))
        .orderBy('i', 'desc')
        .limit(20)
        .execute();
      scanTimes.push(performance.now() - s);
    }
  }

  console.log(`disclosure on PostgreSQL, ${TOTAL.toLocaleString('en')} notices`);
  console.log(`  publish (portal + search + log + audit + outbox, one transaction each): ${publishRate.toFixed(0)} notices/s`);
  console.log(`  baseline plain INSERT of the same rows, one transaction each:          ${plainRate.toFixed(0)} rows/s   ratio ${(publishRate / plainRate).toFixed(2)}`);
  console.log(`  in the public list after commit: median ${ms(median(visibleAfter))}, max ${ms(Math.max(...visibleAfter))} (target < 1000 ms)`);
  console.log(`  Chinese search through the API (bigram tsvector): median ${ms(median(searchTimes))}`);
  console.log(`  baseline ILIKE scan of the same texts (no API):   median ${ms(median(scanTimes))}   ratio ${(median(searchTimes) / median(scanTimes)).toFixed(2)}`);
} finally {
  await built.app.close();
  await jobs.stop(1000);
  await database.close();
}
