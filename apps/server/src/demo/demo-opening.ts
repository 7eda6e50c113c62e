import type { EntryFormView, SectionDetail } from '@bidhall/contracts';
import { sql } from 'kysely';
import type { Clock } from '@bidhall/rules';
import type { BuiltApp } from '../app.ts';
import type { Db } from '../platform/db/database.ts';
import { openDemoApplications, prepareDemoApplications } from './demo-applications.ts';
import { DEMO_BIDDERS } from './demo-data.ts';
import { demoBidderKeys, demoUnseal, submitDemoBid } from './demo-sealed-bid.ts';
import { demoSigner, form, issueDocument, lawfulTimetable, publishNotice, userSessions, type DemoSession } from './demo-tendering.ts';

export const OPENING_APPROVAL_CODE = '2026-150602-48-01-000231';
/** How far back the opening stage starts: documents issued then, bids due 31 days later, past by now. */
export const OPENING_LEAD_MS = 40 * 86_400_000;
const MINUTE = 60_000;
/** bidder2.demo has not signed the integrity commitment: its entity is pending and cannot bid. */
const BIDDERS = DEMO_BIDDERS;

/** Whether the opening stage's project exists (read directly: a failed login would itself be logged). */
export async function hasDemoOpening(db: Db): Promise<boolean> {
  const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM projects.project WHERE approval_code = ${OPENING_APPROVAL_CODE}`.execute(db);
  return (row.rows[0]?.n ?? 0) > 0;
}

/**
 * Two sections opened remotely (issue 11), made through the routes as the users would, on a clock the
 * caller has moved back by OPENING_LEAD_MS and that `move` carries forward: three demo bidders seal and
 * submit bids on both. Section 一 is opened, signed in, unsealed by every bidder, read out, and an
 * objection answered; section 二's deadline passes just before `home`: its hall is open with two
 * bidders signed in, waiting for bidder.demo to sign in and the tenderer to start the unsealing.
 * Beside them, a section tendered with prequalification whose applications were opened at their
 * deadline and their record published (decision 0023).
 */
export async function loadDemoOpening(
  built: BuiltApp,
  options: { clock: Clock; move(ms: number): void; home: Date; demoCaDir: string; onSkipped?: (stage: string, reason: string) => void },
): Promise<{ halls: number }> {
  const { clock } = options;
  const moveTo = (at: number) => options.move(at - clock.now().getTime());
  const signer = demoSigner(options.demoCaDir, 'tenderer.demo', clock);
  if (!signer) {
    options.onSkipped?.('opening', 'tenderer.demo has no demo certificate to sign the tender documents');
    return { halls: 0 };
  }
  const as = userSessions(built, clock);
  let tenderer = await as('tenderer.demo');
  const staff = await as('staff.dongsheng');
  const created = (await tenderer.call('POST', '/api/v1/entry-forms', form(OPENING_APPROVAL_CODE, '东胜区文化路（伊金霍洛西街至宝日陶亥东街段）改造工程', '施工', '150602', { sections: 2 }))) as EntryFormView;
  const entry = (await staff.call('POST', `/api/v1/entry-forms/${created.id}/review`, { decision: 'approve', comment: '材料齐全，同意进场' })) as EntryFormView;
  const [readOut, waiting] = entry.sections.map((s) => s.id) as [string, string];
  const timetable = lawfulTimetable(clock.now());
  await tenderer.call('PUT', `/api/v1/sections/${readOut}/timetable`, timetable);
  // Section 二 closes two hours before the demo is shown: its hall is freshly open.
  await tenderer.call('PUT', `/api/v1/sections/${waiting}/timetable`, { ...timetable, bidDeadline: new Date(options.home.getTime() - 120 * MINUTE).toISOString() });
  const documents = [await issueDocument(tenderer, readOut, signer), await issueDocument(tenderer, waiting, signer)];
  await publishNotice(tenderer, staff, [readOut, waiting]);
  // Section 一's document is clarified at once, a month before its deadline: its committee evaluates
  // against the document and this clarification together.
  const clarification = (await tenderer.call('POST', `/api/v1/tender-documents/${documents[0]}/clarifications`, {
    kind: 'clarification',
    title: '关于工期与质量标准的澄清',
    bodyHtml: '<p>本标段计划工期以日历天计，自开工令载明的开工日期起算；质量标准“合格”指符合现行《城镇道路工程施工与质量验收规范》（CJJ 1）的合格标准。</p>',
  })) as { id: string };
  await tenderer.call('POST', `/api/v1/clarifications/${clarification.id}/issue`);
  const applications = await prepareDemoApplications(built, { clock, as, signer, demoCaDir: options.demoCaDir, tenderer, staff });

  // A day later the bidders obtain the documents and, over the following days, seal and submit their bids.
  moveTo(clock.now().getTime() + 86_400_000);
  const bidders: DemoSession[] = [];
  for (const [i, username] of BIDDERS.entries()) {
    const bidder = await as(username);
    bidders.push(bidder);
    const keys = demoBidderKeys(options.demoCaDir, username);
    for (const doc of documents) await bidder.call('POST', `/api/v1/tender-documents/${doc}/downloads`);
    for (const [j, sectionId] of [readOut, waiting].entries()) {
      // bidder3 and bidder4 prepare their bids on one computer: the committee sees the red flag.
      const device = i === 0 ? undefined : 'demo-shared-laptop';
      await submitDemoBid(built, bidder, keys, sectionId, { price: String([3_712_400_000, 3_655_980_000, 3_798_120_000][i]! + j * 400_000_000), durationDays: [175, 180, 168][i]!, quality: '合格' }, device, i);
    }
    moveTo(clock.now().getTime() + 2 * 86_400_000);
  }

  // The prequalification applications are opened at their deadline, before section 一's bids.
  await openDemoApplications({ as, moveTo, demoCaDir: options.demoCaDir, ...applications });

  // Section 一: the hall at its deadline, everyone signed in and unsealed, the readout, an objection answered.
  tenderer = await as('tenderer.demo');
  const deadline = Date.parse(((await tenderer.call('GET', `/api/v1/sections/${readOut}`)) as SectionDetail).timetable.bidDeadline!);
  moveTo(deadline + MINUTE);
  tenderer = await as('tenderer.demo');
  const again = await Promise.all(BIDDERS.map((u) => as(u)));
  await tenderer.call('GET', `/api/v1/sections/${readOut}/hall`);
  for (const b of again) await b.call('POST', `/api/v1/sections/${readOut}/hall/sign-in`);
  moveTo(deadline + 10 * MINUTE);
  await tenderer.call('POST', `/api/v1/sections/${readOut}/hall/unsealing`);
  for (const [i, b] of again.entries()) {
    moveTo(clock.now().getTime() + 2 * MINUTE);
    await demoUnseal(b, demoBidderKeys(options.demoCaDir, BIDDERS[i]!), readOut);
  }
  const objection = (await again[1]!.call('POST', `/api/v1/sections/${readOut}/hall/objections`, { text: '请核实第3名投标人的工期是否满足招标文件要求。' })) as { id: string };
  await tenderer.call('POST', `/api/v1/sections/${readOut}/hall/objections/${objection.id}/answer`, { answer: '招标文件要求工期不超过180日历天，168日历天满足要求，异议不成立。' });

  // Section 二: its hall opens at its deadline; bidder3 and bidder4 sign in, bidder.demo has not yet.
  moveTo(options.home.getTime() - 119 * MINUTE);
  const late = await Promise.all(BIDDERS.map((u) => as(u)));
  tenderer = await as('tenderer.demo');
  await tenderer.call('GET', `/api/v1/sections/${waiting}/hall`);
  for (const b of late.slice(1)) await b.call('POST', `/api/v1/sections/${waiting}/hall/sign-in`);
  return { halls: 3 };
}
