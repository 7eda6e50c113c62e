import type { Updateable } from 'kysely';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { UserAccountTable } from './identity.tables.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { tables } from './identity.deps.ts';
import { hashSessionToken, newSessionToken } from './session-token.ts';

export type SessionStage = 'active' | 'mfa' | 'enrol';

export interface OpenSessionParams {
  user: { id: string; username: string; kind: string; region_code: string };
  stage: SessionStage;
  meta: Actor & { userAgent?: string };
  /** The audit action that records the login, e.g. `identity.login.passwordAccepted`. */
  action: string;
  details?: Record<string, unknown>;
  /** Extra columns of the account to set in the same transaction. */
  accountUpdate?: Updateable<UserAccountTable>;
  /** The bound certificate a certificate login used. */
  certificateId?: string;
}

/** A password step waiting for its code lasts this long. */
export const PENDING_SESSION_MS = 10 * 60_000;

/**
 * Opens a session for an account, however it authenticated. A completed login is the account's one
 * live session (F-12): every other session of the account ends. A password step that still waits for
 * its code ends only an earlier waiting step, never the live session (decision 0013): knowing the
 * password alone must not throw the account's holder out. The session, the account update and the
 * audit record commit together. Returns the token (only its hash is stored).
 */
export async function openSession(deps: IdentityDeps, p: OpenSessionParams): Promise<{ token: string; expiresAt: Date }> {
  const now = deps.clock.now();
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + (p.stage === 'active' ? deps.sessionTtlHours * 3_600_000 : PENDING_SESSION_MS));
  await deps.db.transaction().execute(async (trx) => {
    const t = tables(trx);
    let others = t
      .updateTable('identity.session')
      .set({ revoked_at: now, revoked_reason: 'superseded' })
      .where('user_id', '=', p.user.id)
      .where('revoked_at', 'is', null);
    if (p.stage !== 'active') others = others.where('stage', '<>', 'active');
    const superseded = await others.returning('token_hash').execute();
    await t
      .insertInto('identity.session')
      .values({
        token_hash: hashSessionToken(token),
        user_id: p.user.id,
        stage: p.stage,
        created_at: now,
        expires_at: expiresAt,
        last_seen_at: now,
        revoked_at: null,
        revoked_reason: null,
        ip: p.meta.ip ?? null,
        user_agent: p.meta.userAgent?.slice(0, 300) ?? null,
        certificate_id: p.certificateId ?? null,
      })
      .execute();
    const update: Updateable<UserAccountTable> = { ...(p.stage === 'active' ? { last_login_at: now } : {}), ...p.accountUpdate };
    if (Object.keys(update).length > 0) {
      await t.updateTable('identity.user_account').set(update).where('id', '=', p.user.id).execute();
    }
    const actor = { ...p.meta, kind: 'user' as const, id: p.user.id, label: `${p.user.username} (${p.user.kind})` };
    await deps.audit.record(trx, actor, {
      action: p.action,
      targetType: 'user',
      targetId: p.user.id,
      regionCode: p.user.region_code,
      details: { stage: p.stage, ...p.details, supersededSessions: superseded.length },
    });
  });
  return { token, expiresAt };
}

/**
 * Completes a waiting login in the caller's transaction: it becomes the account's one live session
 * (F-12), every other session of the account ends. Returns how many ended, or null when the
 * waiting session is no longer there (ended meanwhile).
 */
export async function activateSession(trx: Db, tokenHash: string, userId: string, now: Date, ttlHours: number): Promise<number | null> {
  const t = tables(trx);
  const pending = await t
    .selectFrom('identity.session')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('stage', '<>', 'active')
    .forUpdate()
    .executeTakeFirst();
  if (!pending) return null;
  const superseded = await t
    .updateTable('identity.session')
    .set({ revoked_at: now, revoked_reason: 'superseded' })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('token_hash', '<>', tokenHash)
    .returning('token_hash')
    .execute();
  await t
    .updateTable('identity.session')
    .set({ stage: 'active', last_seen_at: now, expires_at: new Date(now.getTime() + ttlHours * 3_600_000) })
    .where('token_hash', '=', tokenHash)
    .execute();
  return superseded.length;
}
