import type { Updateable } from 'kysely';
import type { Actor } from '../../platform/audit/audit-trail.ts';
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

/**
 * Opens a session for an account, however it authenticated: one live session per account (F-12), so
 * every other live session of the account ends; the session, the account update and the audit record
 * commit together. Returns the token (only its hash is stored).
 */
export async function openSession(deps: IdentityDeps, p: OpenSessionParams): Promise<{ token: string; expiresAt: Date }> {
  const now = deps.clock.now();
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + deps.sessionTtlHours * 3_600_000);
  await deps.db.transaction().execute(async (trx) => {
    const t = tables(trx);
    const superseded = await t
      .updateTable('identity.session')
      .set({ revoked_at: now, revoked_reason: 'superseded' })
      .where('user_id', '=', p.user.id)
      .where('revoked_at', 'is', null)
      .returning('token_hash')
      .execute();
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
