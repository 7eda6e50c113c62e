import { awardNoticesSigningPayload, type AwardStandingView } from '@bidhall/contracts';
import { signJson } from '@bidhall/crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { DEMO_ENTITIES } from '../../apps/server/src/demo/demo-data.ts';
import { completedDemoReport, type DemoEvaluation, demoSigner, submittedDemoEvaluation } from './demo-evaluation.ts';
import { demoLogin } from './demo-login.ts';

const DAY = 86_400_000;

export interface AwardedDemo extends DemoEvaluation {
  /** The first-ranked candidate, who won. */
  winner: { entityId: string; bidId: string; username: string; entityName: string };
  /** The demo's other bidders on the section. */
  losers: { username: string; entityName: string }[];
  standing(): Promise<AwardStandingView>;
}

const usernameOf = (entityName: string) => DEMO_ENTITIES.find((x) => x.name === entityName)!.username;

/** Sessions of every demo bidder and the staff, refreshed (the clock moved on by days). */
async function relogin(e: DemoEvaluation) {
  for (const u of ['staff.dongsheng', 'tenderer.demo', 'supervisor.works', 'bidder.demo', 'bidder2.demo', 'bidder3.demo', 'bidder4.demo']) e.c[u] = await demoLogin(e.t, u);
}

/**
 * The demo's evaluated section up to a published candidate publicity whose period is over, with no
 * objection: the winner may be decided. `dir` holds the demo PKI (for the tenderer's signature later).
 */
export async function decidableDemoSection(dir: string): Promise<AwardedDemo> {
  const e = await submittedDemoEvaluation(dir);
  await completedDemoReport(e);
  return publicityOver(e);
}

/**
 * The same from a completed evaluation report on an app whose demo is loaded already (the browser
 * tests' server, with its shifted clock): the publicity published, its period over, nothing open.
 */
export async function publicityOver(e: DemoEvaluation): Promise<AwardedDemo> {
  await relogin(e);
  const url = `/api/v1/sections/${e.sectionId}/award`;
  const at = (ms: number) => new Date(e.t.clock.now().getTime() + ms).toISOString();
  const saved = await e.call('PUT', `${url}/publicity`, e.c['tenderer.demo'], { startsAt: at(60_000), endsAt: at(4 * DAY), remarks: '' });
  expect(saved.statusCode, saved.body).toBe(200);
  expect((await e.call('POST', `${url}/publicity/submit`, e.c['tenderer.demo'], {})).statusCode).toBe(200);
  const published = await e.call('POST', `${url}/publicity/verification`, e.c['staff.dongsheng'], { decision: 'approve' });
  expect(published.statusCode, published.body).toBe(200);
  e.t.clock.advance(5 * DAY);
  await relogin(e);
  const standing = async () => (await e.call('GET', url, e.c['staff.dongsheng'])).json() as AwardStandingView;
  const first = (await standing()).publicity!.candidates.find((c) => c.rank === 1)!;
  const bids = ((await e.call('GET', `/api/v1/sections/${e.sectionId}/evaluation`, e.c['staff.dongsheng'])).json() as { bids: { bidId: string; entityName: string }[] }).bids;
  const entity = await sql<{ id: string }>`SELECT id FROM identity.market_entity WHERE name = ${first.entityName}`.execute(e.t.database.db);
  return {
    ...e,
    standing,
    winner: { entityId: entity.rows[0]!.id, bidId: first.bidId, username: usernameOf(first.entityName), entityName: first.entityName },
    losers: bids.filter((b) => b.bidId !== first.bidId).map((b) => ({ username: usernameOf(b.entityName), entityName: b.entityName })),
  };
}

/**
 * The demo's evaluated section awarded: the first-ranked candidate decided, the notices signed by the
 * tenderer with its demo certificate, verified by staff and issued (the award notice's time is now).
 */
export async function awardedDemoSection(dir: string): Promise<AwardedDemo> {
  const e = await decidableDemoSection(dir);
  const url = `/api/v1/sections/${e.sectionId}/award`;
  const decided = await e.call('POST', `${url}/decision`, e.c['tenderer.demo'], { bidId: e.winner.bidId, reason: '' });
  expect(decided.statusCode, decided.body).toBe(201);
  const drafted = await e.call('PUT', `${url}/notices`, e.c['tenderer.demo'], { remarks: '', letters: [] });
  expect(drafted.statusCode, drafted.body).toBe(200);
  const { contentSm3, round } = drafted.json() as { contentSm3: string; round: number };
  const signer = demoSigner(dir, 'tenderer.demo');
  const submitted = await e.call('POST', `${url}/notices/submit`, e.c['tenderer.demo'], {
    certificatePem: signer.certificatePem,
    signature: signJson(awardNoticesSigningPayload(e.sectionId, round, contentSm3), signer.key),
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const issued = await e.call('POST', `${url}/notices/verification`, e.c['staff.dongsheng'], { decision: 'approve' });
  expect(issued.statusCode, issued.body).toBe(200);
  return e;
}
