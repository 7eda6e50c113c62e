import type { Clock } from '@bidhall/rules';
import type { BuiltApp } from '../app.ts';
import type { Db } from '../platform/db/database.ts';
import { loadDemoBidding } from './demo-bidding.ts';
import { DEMO_STAFF, loadDemoData } from './demo-data.ts';
import { loadDemoFinance } from './demo-finance.ts';
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
}

/**
 * The whole demo, in order: accounts, entities and certificates; sections at each stage of tendering;
 * the opening custodians' keys (so bidder.demo can seal a bid); bond sub-accounts, deposits through the
 * sandbox bank and an e-guarantee. Each part adds only what is missing.
 */
export async function loadDemo(built: BuiltApp, db: Db, options: DemoOptions) {
  const { clock, demoCaDir, onSkipped } = options;
  const summary = await loadDemoData(built, db, {
    demoCaDir,
    now: clock.now(),
    ...(options.ocspBaseUrl ? { ocspBaseUrl: options.ocspBaseUrl } : {}),
    ...(options.onUnbound ? { onSkipped: options.onUnbound } : {}),
  });
  const tendering = await loadDemoTendering(built, { clock, demoCaDir, ...(onSkipped ? { onSkipped } : {}) });
  const bidding = await loadDemoBidding(built, { clock, demoCaDir, ...(onSkipped ? { onSkipped } : {}) });
  const bonds = await loadDemoFinance(built, db, { clock, demoCaDir, ...(onSkipped ? { onSkipped } : {}) });
  await releaseDemoTotpSteps(db);
  return { ...summary, sections: tendering.sections, custodianKeys: bidding.registered, bonds };
}

/**
 * The loads above sign staff in through the TOTP step; a person who opens the demo and types the
 * documented code within the same 30 s would otherwise be refused as a replay of it.
 */
export async function releaseDemoTotpSteps(db: Db): Promise<void> {
  const usernames = DEMO_STAFF.filter((s) => s.kind !== 'expert').map((s) => s.username);
  await db.updateTable('identity.user_account').set({ totp_last_step: null }).where('username', 'in', usernames).execute();
}
