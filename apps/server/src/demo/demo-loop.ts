import { sql } from 'kysely';
import type { Clock } from '@bidhall/rules';
import type { BuiltApp } from '../app.ts';
import type { Db } from '../platform/db/database.ts';
import { enrolDemoIssuer } from './demo-finance.ts';
import { awardLoop, contractLoop, publicityLoop } from './demo-loop-award.ts';
import { bidLoop, LOOP_APPROVAL_CODE, openLoop, tenderLoop, type LoopContext } from './demo-loop-bids.ts';
import { evaluateLoopSection } from './demo-loop-evaluation.ts';
import { admitLoopExperts } from './demo-loop-experts.ts';
import { demoSigner, userSessions } from './demo-tendering.ts';

/** How far back the whole loop starts: documents issued then, the contracts signed some 45 days later. */
export const LOOP_LEAD_MS = 100 * 86_400_000;

/** Whether the loop's project exists (read directly, like the opening stage's). */
export async function hasDemoLoop(db: Db): Promise<boolean> {
  const row = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM projects.project WHERE approval_code = ${LOOP_APPROVAL_CODE}`.execute(db);
  return (row.rows[0]?.n ?? 0) > 0;
}

/**
 * The whole trading loop (issue 13 §8), made through the routes as the users would, on a clock the
 * caller has moved back by LOOP_LEAD_MS and that `moveTo` carries forward: a project of two sections
 * tendered, bid with deposits and an e-guarantee, opened remotely, evaluated by drawn committees,
 * publicised with an objection answered, awarded — one to the first-ranked, one by the separated award's
 * vote and lot — its contracts signed by both sides and every deposit refunded with interest.
 */
export async function loadDemoLoop(
  built: BuiltApp,
  db: Db,
  options: { clock: Clock; moveTo(at: number): void; demoCaDir: string; onSkipped?: (stage: string, reason: string) => void },
): Promise<{ sections: number }> {
  const { clock } = options;
  const signer = demoSigner(options.demoCaDir, 'tenderer.demo', clock);
  if (!signer || !built.finance.sandboxBank || !(await enrolDemoIssuer(built, db, options))) {
    options.onSkipped?.('loop', 'the whole loop needs the demo PKI and the sandbox bank and issuer');
    return { sections: 0 };
  }
  await admitLoopExperts(built, db, options.demoCaDir);
  const c = loopContext(built, db, { clock, moveTo: options.moveTo, demoCaDir: options.demoCaDir, signer });
  const sections = await tenderLoop(c);
  await bidLoop(c, sections);
  await openLoop(c, sections);
  await evaluateLoopSection(c, sections.ranked);
  c.moveTo(c.now() + 2 * 3_600_000);
  await evaluateLoopSection(c, sections.separated);
  await publicityLoop(c, sections);
  const winners = await awardLoop(c, sections);
  await contractLoop(c, sections, winners);
  return { sections: 2 };
}

/** What the loop's stages work with: the app, its database, the users' sessions and the clock. */
export function loopContext(
  built: BuiltApp,
  db: Db,
  o: { clock: Clock; moveTo(at: number): void; demoCaDir: string; signer: LoopContext['signer'] },
): LoopContext {
  const now = () => o.clock.now().getTime();
  return {
    built,
    db,
    as: reusedSessions(userSessions(built, o.clock), now),
    now,
    moveTo: o.moveTo,
    demoCaDir: o.demoCaDir,
    signer: o.signer,
  };
}

/**
 * A user's session reused while it is younger than an hour on the demo's clock (sessions last 12 hours
 * from login): the loop's dozens of steps would otherwise meet the login limit of 20 a minute per address.
 */
function reusedSessions(as: LoopContext['as'], now: () => number): LoopContext['as'] {
  const cache = new Map<string, { session: Awaited<ReturnType<LoopContext['as']>>; at: number }>();
  return async (username) => {
    const hit = cache.get(username);
    if (hit && now() - hit.at >= 0 && now() - hit.at < 3_600_000) return hit.session;
    const session = await as(username);
    cache.set(username, { session, at: now() });
    return session;
  };
}
