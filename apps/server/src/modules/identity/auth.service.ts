import type { LoginResponse, SessionUser, UserKind } from '@bidhall/contracts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { tables } from './identity.deps.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { hashSessionToken } from './session-token.ts';
import { openSession } from './session-open.ts';
import { checkTotp, newTotpSecret, totpUri } from './totp.ts';
import { loadSessionUser } from './session-user.ts';

/** Accounts that may act for the platform or over others need a second factor. */
const TOTP_REQUIRED: ReadonlySet<UserKind> = new Set(['staff', 'supervisor', 'auditor', 'admin']);
const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;
// Compared against when the username is unknown, so both paths cost the same.
const DECOY_HASH = hashPassword('decoy-password-never-matches-1');

export interface LoginResult extends LoginResponse {
  token: string;
  expiresAt: Date;
}

export function createAuthService(deps: IdentityDeps) {
  const db = tables(deps.db);

  async function login(username: string, password: string, meta: Actor & { userAgent?: string }): Promise<LoginResult> {
    const now = deps.clock.now();
    const user = await db.selectFrom('identity.user_account').selectAll().where('username', '=', username).executeTakeFirst();
    if (!user) {
      await verifyPassword(password, await DECOY_HASH);
      throw new DomainError('INVALID_CREDENTIALS', 'wrong username or password');
    }
    if (user.locked_until && user.locked_until > now) {
      throw new DomainError('ACCOUNT_LOCKED', 'too many failed attempts; try again later', {
        lockedUntil: user.locked_until.toISOString(),
      });
    }
    if (!(await verifyPassword(password, user.password_hash))) {
      await recordFailure(user.id, user.failed_logins + 1, meta);
      throw new DomainError('INVALID_CREDENTIALS', 'wrong username or password');
    }
    if (user.status !== 'active') throw new DomainError('ACCOUNT_DISABLED', 'this account is disabled');

    const needsTotp = TOTP_REQUIRED.has(user.kind as UserKind) || user.totp_enabled;
    const stage = !needsTotp ? 'active' : user.totp_enabled ? 'mfa' : 'enrol';
    const enrolSecret = stage === 'enrol' ? newTotpSecret() : undefined;
    const { token, expiresAt } = await openSession(deps, {
      user,
      stage,
      meta,
      action: 'identity.login.passwordAccepted',
      accountUpdate: { failed_logins: 0, locked_until: null, ...(enrolSecret ? { totp_secret: enrolSecret } : {}) },
    });

    const response: LoginResult = { stage, token, expiresAt };
    if (stage === 'active') response.user = await loadSessionUser(deps.db, user.id);
    if (enrolSecret) response.enrolment = { secret: enrolSecret, otpauthUri: totpUri(enrolSecret, user.username) };
    return response;
  }

  async function recordFailure(userId: string, failures: number, meta: Actor) {
    const now = deps.clock.now();
    const lockedUntil = failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await deps.db.transaction().execute(async (trx) => {
      await tables(trx)
        .updateTable('identity.user_account')
        .set({ failed_logins: lockedUntil ? 0 : failures, locked_until: lockedUntil })
        .where('id', '=', userId)
        .execute();
      await deps.audit.record(trx, meta, {
        action: lockedUntil ? 'identity.login.locked' : 'identity.login.failed',
        targetType: 'user',
        targetId: userId,
        details: { failures },
      });
    });
  }

  /** Second step: the six-digit code completes a session in stage `mfa` or `enrol`. */
  async function completeTotp(token: string, code: string, meta: Actor): Promise<SessionUser> {
    const now = deps.clock.now();
    const hash = hashSessionToken(token);
    const row = await db
      .selectFrom('identity.session as s')
      .innerJoin('identity.user_account as u', 'u.id', 's.user_id')
      .select(['s.stage', 's.expires_at', 's.revoked_at', 'u.id as userId', 'u.username', 'u.kind', 'u.totp_secret', 'u.totp_last_step', 'u.region_code'])
      .where('s.token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.revoked_at || row.expires_at <= now || row.stage === 'active' || !row.totp_secret) {
      throw new DomainError('LOGIN_STAGE_INVALID', 'no login is waiting for a code; log in again');
    }
    const step = checkTotp(row.totp_secret, code, now, row.totp_last_step === null ? null : Number(row.totp_last_step));
    const actor = { ...meta, kind: 'user' as const, id: row.userId, label: `${row.username} (${row.kind})` };
    if (step === null) {
      await deps.db.transaction().execute((trx) =>
        deps.audit.record(trx, actor, { action: 'identity.login.totpRejected', targetType: 'user', targetId: row.userId }),
      );
      throw new DomainError('TOTP_INVALID', 'the code is wrong, expired or already used');
    }
    await deps.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      await t
        .updateTable('identity.user_account')
        .set({ totp_enabled: true, totp_last_step: step, last_login_at: now })
        .where('id', '=', row.userId)
        .execute();
      await t.updateTable('identity.session').set({ stage: 'active', last_seen_at: now }).where('token_hash', '=', hash).execute();
      await deps.audit.record(trx, actor, {
        action: row.stage === 'enrol' ? 'identity.totp.enrolled' : 'identity.login.succeeded',
        targetType: 'user',
        targetId: row.userId,
        regionCode: row.region_code,
      });
    });
    return loadSessionUser(deps.db, row.userId);
  }

  async function logout(token: string, meta: Actor): Promise<void> {
    const hash = hashSessionToken(token);
    await deps.db.transaction().execute(async (trx) => {
      const revoked = await tables(trx)
        .updateTable('identity.session')
        .set({ revoked_at: deps.clock.now(), revoked_reason: 'logout' })
        .where('token_hash', '=', hash)
        .where('revoked_at', 'is', null)
        .returning('user_id')
        .executeTakeFirst();
      if (revoked) {
        await deps.audit.record(trx, meta, { action: 'identity.logout', targetType: 'user', targetId: revoked.user_id });
      }
    });
  }

  /** The principal of a live, fully authenticated session (for the access plugin). */
  async function resolve(token: string): Promise<Principal | null> {
    const now = deps.clock.now();
    const hash = hashSessionToken(token);
    const row = await db
      .selectFrom('identity.session as s')
      .innerJoin('identity.user_account as u', 'u.id', 's.user_id')
      .select(['s.stage', 's.expires_at', 's.revoked_at', 's.last_seen_at', 'u.id as userId', 'u.status'])
      .where('s.token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.stage !== 'active' || row.revoked_at || row.expires_at <= now || row.status !== 'active') return null;
    if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
      await db.updateTable('identity.session').set({ last_seen_at: now }).where('token_hash', '=', hash).execute();
    }
    const user = await loadSessionUser(deps.db, row.userId);
    return { ...user, userId: user.id, sessionHash: hash };
  }

  return { login, completeTotp, logout, resolve };
}

export type AuthService = ReturnType<typeof createAuthService>;
