import type { Clock } from '@bidhall/rules';
import type { BuiltApp } from '../app.ts';
import type { Db } from '../platform/db/database.ts';
import { loadDemoBidding } from './demo-bidding.ts';
import { DEMO_STAFF, loadDemoData } from './demo-data.ts';
import { loadDemoExperts } from './demo-experts.ts';
import { loadDemoFinance } from './demo-finance.ts';
import { hasDemoLoop, loadDemoLoop, LOOP_LEAD_MS } from './demo-loop.ts';
import { hasDemoOpening, loadDemoOpening, OPENING_LEAD_MS } from './demo-opening.ts';
import { loadDemoTendering } from './demo-tendering.ts';

export interface DemoOptions {
  clock: Clock;
  demoCaDir: string;
  /** The demo CAs' OCSP responders, named in their certificates. */
  ocspBaseUrl?: string;
  /** Told about a demo certificate that could not be bound (e.g. expired), with the refusal's code. */
  onUnbound?: (file: string, code: string) => void;
  /** Told about each part of the demo that was left out, and why. */
  onSkipped?: (stage: string, reason: string) => void;
  /** Told as each part of the demo starts loading (its first load takes a while). */
  onStage?: (stage: string) => void;
  /**
   * The whole loop to signed contracts (demo-loop.ts), on by default. Tests that carry the opening
   * stage's section on themselves leave it out: it costs some seconds of API calls at every load.
   */
  loop?: boolean;
}

/**
 * The whole demo, in order: accounts, entities and certificates; the opening custodians' keys; the
 * whole loop's two sections carried to signed contracts and refunded bonds; two sections opened
 * remotely; sections at each stage of tendering; bond sub-accounts, deposits through the sandbox bank
 * and an e-guarantee; the expert pool and a drawn committee. Each part adds only what is missing.
 *
 * The loop and the opening stage need bids sealed before deadlines that have passed: on a first load
 * with a clock that can move, the first parts run LOOP_LEAD_MS back (OPENING_LEAD_MS without the loop)
 * and the clock then comes forward to where it was, so that the log and the audit trail stay in time order.
 */
export async function loadDemo(built: BuiltApp, db: Db, options: DemoOptions) {
  const { clock, demoCaDir, onSkipped } = options;
  const stage = options.onStage ?? (() => undefined);
  const home = clock.now();
  const movable = isMovable(clock) && !(await hasDemoOpening(db)) ? clock : null;
  const loop = movable !== null && options.loop !== false && !(await hasDemoLoop(db));
  let moved = 0;
  const move = (ms: number) => {
    movable!.advance(ms);
    moved += ms;
  };
  const moveTo = (at: number) => {
    if (at < clock.now().getTime()) throw new Error('the demo moves its clock forward only');
    move(at - clock.now().getTime());
  };
  if (movable) move(-(loop ? LOOP_LEAD_MS : OPENING_LEAD_MS));
  stage('accounts, entities and certificates');
  const summary = await loadDemoData(built, db, {
    demoCaDir,
    now: home,
    ...(options.ocspBaseUrl ? { ocspBaseUrl: options.ocspBaseUrl } : {}),
    ...(options.onUnbound ? { onSkipped: options.onUnbound } : {}),
  });
  const bidding = await loadDemoBidding(built, { clock, demoCaDir, ...(onSkipped ? { onSkipped } : {}) });
  let halls = 0;
  let loopSections = 0;
  try {
    if (loop) {
      stage('the whole loop: notice to signed contract');
      loopSections = (await loadDemoLoop(built, db, { clock, moveTo, demoCaDir, ...(onSkipped ? { onSkipped } : {}) })).sections;
    }
    if (movable) {
      moveTo(home.getTime() - OPENING_LEAD_MS);
      stage('remote openings');
      halls = (await loadDemoOpening(built, { clock, move, home, demoCaDir, ...(onSkipped ? { onSkipped } : {}) })).halls;
    } else if (!(await hasDemoOpening(db))) onSkipped?.('opening', 'the clock cannot be moved back to seal bids before a deadline');
  } finally {
    if (movable) move(-moved);
  }
  stage('tendering, bonds and the expert pool');
  const tendering = await loadDemoTendering(built, { clock, demoCaDir, ...(onSkipped ? { onSkipped } : {}) });
  const bonds = await loadDemoFinance(built, db, { clock, demoCaDir, ...(onSkipped ? { onSkipped } : {}) });
  const { experts } = await loadDemoExperts(built, db, { clock, ...(onSkipped ? { onSkipped } : {}) });
  await releaseDemoTotpSteps(db);
  return { ...summary, sections: tendering.sections, loopSections, custodianKeys: bidding.registered, halls, bonds, experts };
}

/** A clock the demo may move (the demo's own, a test's). */
function isMovable(clock: Clock): clock is Clock & { advance(ms: number): void } {
  return typeof (clock as { advance?: unknown }).advance === 'function';
}

/**
 * The loads above sign staff in through the TOTP step; a person who opens the demo and types the
 * documented code within the same 30 s would otherwise be refused as a replay of it.
 */
export async function releaseDemoTotpSteps(db: Db): Promise<void> {
  const usernames = DEMO_STAFF.filter((s) => s.kind !== 'expert').map((s) => s.username);
  await db.updateTable('identity.user_account').set({ totp_last_step: null }).where('username', 'in', usernames).execute();
}
