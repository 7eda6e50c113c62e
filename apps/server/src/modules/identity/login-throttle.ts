/**
 * Failed attempts and the waits they earn (decision 0013): after `maxFailures` within `windowMs` the
 * key waits `firstWaitMs`, and each later wait is twice the one before, up to `maxWaitMs`; a success
 * clears the key. Keys are hashed, so a typed username (or a password typed into that field) is
 * never stored.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { tables } from './identity.deps.ts';

export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  firstWaitMs: number;
  maxWaitMs: number;
  /** After this long without a failure, the key starts afresh (its doubling too). */
  forgetAfterMs: number;
}

const MINUTE = 60_000;

/** Password attempts, by typed username and client address. */
export const PASSWORD_POLICY: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  firstWaitMs: 5 * MINUTE,
  maxWaitMs: 24 * 60 * MINUTE,
  forgetAfterMs: 24 * 60 * MINUTE,
};

/** TOTP codes, by account: only someone who knew the password reaches this step. */
export const TOTP_POLICY: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  firstWaitMs: 1 * MINUTE,
  maxWaitMs: 24 * 60 * MINUTE,
  forgetAfterMs: 24 * 60 * MINUTE,
};

export function passwordKey(username: string, ip: string | undefined): string {
  return hashKey(`password\n${username.trim().toLowerCase()}\n${ip ?? ''}`);
}

export function totpKey(userId: string): string {
  return hashKey(`totp\n${userId}`);
}

function hashKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** When the key may try again, or null when it may now. */
export async function waitingUntil(db: Db, key: string, now: Date): Promise<Date | null> {
  const row = await tables(db).selectFrom('identity.login_throttle').select('locked_until').where('key', '=', key).executeTakeFirst();
  return row?.locked_until && row.locked_until > now ? row.locked_until : null;
}

/**
 * Counts one failure in the caller's transaction; returns the wait it starts, if any. The row is
 * locked while it is read so that concurrent failures all count.
 */
export async function recordFailure(trx: Db, key: string, now: Date, policy: ThrottlePolicy): Promise<{ failures: number; lockedUntil: Date | null }> {
  const t = tables(trx);
  await t
    .insertInto('identity.login_throttle')
    .values({ key, failures: 0, window_started_at: now, locked_until: null, locks: 0, last_failure_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await t.selectFrom('identity.login_throttle').selectAll().where('key', '=', key).forUpdate().executeTakeFirstOrThrow();
  const forgotten = now.getTime() - row.last_failure_at.getTime() > policy.forgetAfterMs;
  const windowOver = now.getTime() - row.window_started_at.getTime() > policy.windowMs || (row.locked_until !== null && row.locked_until <= now);
  const locks = forgotten ? 0 : row.locks;
  const failures = forgotten || windowOver ? 1 : row.failures + 1;
  const windowStart = forgotten || windowOver ? now : row.window_started_at;
  let lockedUntil: Date | null = null;
  if (failures >= policy.maxFailures) {
    lockedUntil = new Date(now.getTime() + Math.min(policy.maxWaitMs, policy.firstWaitMs * 2 ** Math.min(locks, 30)));
  }
  await t
    .updateTable('identity.login_throttle')
    .set({
      failures: lockedUntil ? 0 : failures,
      window_started_at: windowStart,
      locked_until: lockedUntil,
      locks: lockedUntil ? locks + 1 : locks,
      last_failure_at: now,
    })
    .where('key', '=', key)
    .execute();
  return { failures, lockedUntil };
}

export async function clearFailures(trx: Db, key: string): Promise<void> {
  await tables(trx).deleteFrom('identity.login_throttle').where('key', '=', key).execute();
}

/** Removes keys nobody failed with for longer than any policy remembers. */
export async function purgeForgotten(db: Db, now: Date): Promise<number> {
  const horizon = new Date(now.getTime() - Math.max(PASSWORD_POLICY.forgetAfterMs, TOTP_POLICY.forgetAfterMs, PASSWORD_POLICY.maxWaitMs));
  const result = await tables(db)
    .deleteFrom('identity.login_throttle')
    .where('last_failure_at', '<', horizon)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
