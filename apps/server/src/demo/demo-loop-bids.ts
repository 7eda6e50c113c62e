import type { EntryFormView, GuaranteeApplicationView, GuaranteeIssuerView, SectionDetail } from '@bidhall/contracts';
import type { BuiltApp } from '../app.ts';
import type { Db } from '../platform/db/database.ts';
import { DEMO_BIDDERS, DEMO_ENTITIES } from './demo-data.ts';
import { DEMO_PAYER_ACCOUNT } from './demo-finance.ts';
import { demoBidderKeys, demoUnseal, submitDemoBid } from './demo-sealed-bid.ts';
import {
  DEMO_BID_BOND_FEN,
  form,
  issueDocument,
  lawfulTimetable,
  publishNotice,
  SCORING_METHOD,
  type DemoSession,
  type userSessions,
} from './demo-tendering.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
export const LOOP_APPROVAL_CODE = '2026-150602-48-01-000318';
export const LOOP_PROJECT = { approvalCode: LOOP_APPROVAL_CODE, name: '东胜区吉劳庆南路（乌审街至准格尔南路段）道路改造工程' };
/** Each bidder's own basic account at the sandbox bank (bidder.demo's the one it pays its other deposits from). */
const PAYER_ACCOUNTS: Record<string, string> = {
  'bidder.demo': DEMO_PAYER_ACCOUNT,
  'bidder3.demo': '6222021205000023456',
  'bidder4.demo': '6222021205000034567',
};

export interface LoopContext {
  built: BuiltApp;
  db: Db;
  as: ReturnType<typeof userSessions>;
  now(): number;
  moveTo(at: number): void;
  demoCaDir: string;
  signer: (bytes: Uint8Array) => string;
}

export interface LoopSections {
  /** Awarded to the first-ranked candidate. */
  ranked: string;
  /** Awarded by the tenderer's committee under the separated award (评定分离, 票决抽签). */
  separated: string;
  /** The two tender documents, in the sections' order. */
  documents: [string, string];
  deadline: number;
}

const nameOf = (username: string) => DEMO_ENTITIES.find((e) => e.username === username)!.name;

/**
 * The loop's project entered, approved and tendered: section 一 asks an 80,000-yuan bid bond and awards
 * the first-ranked; section 二 fixes the separated award in its document. The notice is published.
 */
export async function tenderLoop(c: LoopContext, project = LOOP_PROJECT): Promise<LoopSections> {
  const tenderer = await c.as('tenderer.demo');
  const staff = await c.as('staff.dongsheng');
  const created = (await tenderer.call(
    'POST',
    '/api/v1/entry-forms',
    form(project.approvalCode, project.name, '施工', '150602', { sections: 2 }),
  )) as EntryFormView;
  const entry = (await staff.call('POST', `/api/v1/entry-forms/${created.id}/review`, {
    decision: 'approve',
    comment: '材料齐全，同意进场',
  })) as EntryFormView;
  const [ranked, separated] = entry.sections.map((s) => s.id) as [string, string];
  const timetable = lawfulTimetable(new Date(c.now()));
  for (const id of [ranked, separated]) await tenderer.call('PUT', `/api/v1/sections/${id}/timetable`, timetable);
  const documents: [string, string] = [
    await issueDocument(tenderer, ranked, c.signer, { bidBondFen: DEMO_BID_BOND_FEN }),
    await issueDocument(
      tenderer,
      separated,
      c.signer,
      {},
      { ...SCORING_METHOD, separatedAward: { method: 'voteThenLot', shortlist: 2 } },
    ),
  ];
  await publishNotice(tenderer, staff, [ranked, separated]);
  return { ranked, separated, documents, deadline: Date.parse(timetable.bidDeadline!) };
}

/**
 * A day later each bidder obtains both documents and meets section 一's bond — bidder.demo and
 * bidder4.demo by a deposit at the sandbox bank (the centre imports the bank's statement), bidder3.demo
 * by an e-guarantee bought through the one-stop from guarantor.demo — then seals and submits both bids.
 */
export async function bidLoop(c: LoopContext, s: LoopSections): Promise<void> {
  c.moveTo(c.now() + DAY);
  const sessions: DemoSession[] = [];
  for (const username of DEMO_BIDDERS) {
    const bidder = await c.as(username);
    sessions.push(bidder);
    for (const doc of s.documents) await bidder.call('POST', `/api/v1/tender-documents/${doc}/downloads`);
  }
  const bonds = new Map<string, { form: 'deposit' | 'guarantee'; reference?: string }>();
  for (const [i, username] of DEMO_BIDDERS.entries()) {
    bonds.set(
      username,
      username === 'bidder3.demo'
        ? { form: 'guarantee', reference: await buyGuarantee(sessions[i]!, s.ranked, username) }
        : { form: 'deposit' },
    );
    if (username !== 'bidder3.demo') await payDeposit(c, sessions[i]!, s.ranked, username);
  }
  await importStatement(c);
  const prices = [
    [3_712_400_000, 3_655_980_000, 3_798_120_000],
    [4_096_500_000, 4_127_300_000, 4_011_800_000],
  ] as const;
  for (const [i, username] of DEMO_BIDDERS.entries()) {
    c.moveTo(c.now() + 2 * DAY);
    const keys = demoBidderKeys(c.demoCaDir, username);
    const bidder = await c.as(username);
    for (const [j, id] of [s.ranked, s.separated].entries()) {
      const fields = { price: String(prices[j]![i]), durationDays: [175, 180, 168][i]!, quality: '合格' };
      await submitDemoBid(c.built, bidder, keys, id, fields, undefined, i, j === 0 ? bonds.get(username) : undefined);
    }
  }
}

async function payDeposit(c: LoopContext, bidder: DemoSession, sectionId: string, username: string): Promise<void> {
  const account = (await bidder.call('POST', `/api/v1/bond-accounts/mine?sectionId=${sectionId}`)) as { accountNumber: string };
  await c.built.finance.sandboxBank!.transfer(c.db, {
    payeeAccount: account.accountNumber,
    amountFen: DEMO_BID_BOND_FEN,
    payerAccount: PAYER_ACCOUNTS[username]!,
    payerName: nameOf(username),
  });
}

/** The centre's staff import the sandbox bank's camt.053 statement of the last days: the deposits reconcile to their sub-accounts. */
async function importStatement(c: LoopContext): Promise<void> {
  const xml = await c.built.finance.sandboxBank!.statement(c.db, {
    from: new Date(c.now() - 2 * DAY),
    to: new Date(c.now() + 1000),
    format: 'camt053',
  });
  const staff = await c.as('staff.dongsheng');
  const res = await c.built.app.inject({
    method: 'POST',
    url: '/api/v1/bank-statements?name=camt053-loop.xml',
    headers: { cookie: staff.cookie, 'content-type': 'application/xml' },
    payload: Buffer.from(xml, 'utf8'),
  });
  if (res.statusCode >= 300) throw new Error(`demo statement import: ${res.statusCode} ${res.body}`);
}

/** The e-guarantee one-stop: guarantor.demo's quote, the application, the premium paid at the sandbox bank; returns the guarantee's number. */
async function buyGuarantee(bidder: DemoSession, sectionId: string, username: string): Promise<string> {
  const offers = (await bidder.call('GET', `/api/v1/guarantee-issuers?sectionId=${sectionId}`)) as GuaranteeIssuerView[];
  const guarantor = DEMO_ENTITIES.find((e) => e.username === 'guarantor.demo')!;
  const offer = offers.find((o) => o.name === guarantor.name);
  if (!offer) throw new Error('demo e-guarantee: no issuer offers a guarantee for the section');
  const applied = (await bidder.call('POST', '/api/v1/guarantee-applications/mine', {
    sectionId,
    issuerEntityId: offer.entityId,
  })) as GuaranteeApplicationView;
  await bidder.call('POST', `/api/v1/guarantee-applications/${applied.id}/payment`, {
    payerAccount: PAYER_ACCOUNTS[username]!,
    payerName: nameOf(username),
  });
  const issued = (await bidder.call('GET', `/api/v1/guarantee-applications/${applied.id}`)) as GuaranteeApplicationView;
  if (!issued.guaranteeNumber) throw new Error(`demo e-guarantee not issued: ${issued.state}`);
  return issued.guaranteeNumber;
}

/** At the deadline both halls open: the bidders sign in remotely and each unseals its own bid; the readout follows. */
export async function openLoop(c: LoopContext, s: LoopSections): Promise<void> {
  c.moveTo(s.deadline + MINUTE);
  const tenderer = await c.as('tenderer.demo');
  const bidders = await Promise.all(DEMO_BIDDERS.map((u) => c.as(u)));
  for (const id of [s.ranked, s.separated]) {
    await tenderer.call('GET', `/api/v1/sections/${id}/hall`);
    for (const b of bidders) await b.call('POST', `/api/v1/sections/${id}/hall/sign-in`);
  }
  c.moveTo(s.deadline + 10 * MINUTE);
  for (const id of [s.ranked, s.separated]) {
    await tenderer.call('POST', `/api/v1/sections/${id}/hall/unsealing`);
    for (const [i, b] of bidders.entries()) {
      c.moveTo(c.now() + 2 * MINUTE);
      await demoUnseal(b, demoBidderKeys(c.demoCaDir, DEMO_BIDDERS[i]!), id);
    }
  }
  const section = (await tenderer.call('GET', `/api/v1/sections/${s.ranked}`)) as SectionDetail;
  if (section.stage !== 'opened') throw new Error(`demo loop: section 一 is ${section.stage} after its opening`);
}
