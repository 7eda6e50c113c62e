import type { LoginResponse, SessionUser, UserKind } from '@bidhall/contracts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { tables } from './identity.deps.ts';
import type { PasswordHasher } from './password.ts';
import { hashSessionToken } from './session-token.ts';
import { clearFailures, PASSWORD_POLICY, passwordKey, recordFailure, TOTP_POLICY, totpKey, waitingUntil } from './login-throttle.ts';
import { activateSession, openSession } from './session-open.ts';
import { checkTotp, newTotpSecret, totpUri } from './totp.ts';
import { loadSessionUser, sessionUserQuery, toSessionUser } from './session-user.ts';

/** Accounts that may act for the platform or over others need a second factor. */
const TOTP_REQUIRED: ReadonlySet<UserKind> = new Set(['staff', 'supervisor', 'auditor', 'admin', 'securityAdmin']);

function waitError(code: 'ACCOUNT_LOCKED' | 'TOTP_LOCKED', until: Date, now: Date): DomainError {
  const message = code === 'ACCOUNT_LOCKED' ? 'too many failed attempts from this address; try again later' : 'too many wrong codes; wait before the next one';
  return new DomainError(code, message, {
    lockedUntil: until.toISOString(),
    retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000),
  });
}

export interface LoginResult extends LoginResponse {
  token: string;
  expiresAt: Date;
}

export function createAuthService(deps: IdentityDeps & { passwords: PasswordHasher }) {
  const db = tables(deps.db);

  /**
   * First step. Failures count by typed username and client address (decision 0013): nobody elsewhere
   * can lock the account's holder out, and an unknown username answers, waits and costs exactly as a
   * known one does, so no answer tells which usernames exist.
   */
  async function login(username: string, password: string, meta: Actor & { userAgent?: string }): Promise<LoginResult> {
    const now = deps.clock.now();
    const key = passwordKey(username, meta.ip);
    const waiting = await waitingUntil(deps.db, key, now);
    if (waiting) throw waitError('ACCOUNT_LOCKED', waiting, now);
    const user = await db.selectFrom('identity.user_account').selectAll().where('username', '=', username).executeTakeFirst();
    const matches = await deps.passwords.verify(password, user?.password_hash ?? undefined);
    if (!user || !matches) {
      await recordPasswordFailure(key, user?.id ?? null, meta);
      throw new DomainError('INVALID_CREDENTIALS', 'wrong username or password');
    }
    if (user.status !== 'active') throw new DomainError('ACCOUNT_DISABLED', 'this account is disabled');
    await clearFailures(deps.db, key);

    const needsTotp = TOTP_REQUIRED.has(user.kind as UserKind) || user.totp_enabled;
    const stage = !needsTotp ? 'active' : user.totp_enabled ? 'mfa' : 'enrol';
    const enrolSecret = stage === 'enrol' ? newTotpSecret() : undefined;
    const { token, expiresAt } = await openSession(deps, {
      user,
      stage,
      meta,
      action: 'identity.login.passwordAccepted',
      ...(enrolSecret ? { accountUpdate: { totp_secret: enrolSecret } } : {}),
    });

    const response: LoginResult = { stage, token, expiresAt };
    if (stage === 'active') response.user = await loadSessionUser(deps.db, user.id);
    if (enrolSecret) response.enrolment = { secret: enrolSecret, otpauthUri: totpUri(enrolSecret, user.username) };
    return response;
  }

  /**
   * The public log sees the same entry whether the username exists or not (target `login`/`password`);
   * the audit row says which account, for the auditor.
   */
  async function recordPasswordFailure(key: string, userId: string | null, meta: Actor) {
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      const { failures, lockedUntil } = await recordFailure(trx, key, now, PASSWORD_POLICY);
      await deps.audit.record(trx, meta, {
        action: lockedUntil ? 'identity.login.locked' : 'identity.login.failed',
        targetType: 'login',
        targetId: 'password',
        details: { failures, userId, ...(lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {}) },
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
    // Wrong codes count by account, whichever waiting session sent them (decision 0013).
    const key = totpKey(row.userId);
    const waiting = await waitingUntil(deps.db, key, now);
    if (waiting) throw waitError('TOTP_LOCKED', waiting, now);
    const step = checkTotp(row.totp_secret, code, now, row.totp_last_step === null ? null : Number(row.totp_last_step));
    const actor = { ...meta, kind: 'user' as const, id: row.userId, label: `${row.username} (${row.kind})` };
    if (step === null) {
      await deps.db.transaction().execute(async (trx) => {
        const { failures, lockedUntil } = await recordFailure(trx, key, now, TOTP_POLICY);
        await deps.audit.record(trx, actor, {
          action: 'identity.login.totpRejected',
          targetType: 'user',
          targetId: row.userId,
          details: { failures, ...(lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {}) },
        });
      });
      throw new DomainError('TOTP_INVALID', 'the code is wrong, expired or already used');
    }
    await deps.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      // A time step is accepted once: of two requests with the same code, the second finds it taken.
      const claimed = await t
        .updateTable('identity.user_account')
        .set({ totp_enabled: true, totp_last_step: step, last_login_at: now })
        .where('id', '=', row.userId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .returning('id')
        .executeTakeFirst();
      if (!claimed) throw new DomainError('TOTP_INVALID', 'the code is wrong, expired or already used');
      const superseded = await activateSession(trx, hash, row.userId, now, deps.sessionTtlHours);
      if (superseded === null) throw new DomainError('LOGIN_STAGE_INVALID', 'no login is waiting for a code; log in again');
      await clearFailures(trx, key);
      await deps.audit.record(trx, actor, {
        action: row.stage === 'enrol' ? 'identity.totp.enrolled' : 'identity.login.succeeded',
        targetType: 'user',
        targetId: row.userId,
        regionCode: row.region_code,
        details: { supersededSessions: superseded },
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
    // One round trip on every signed-in request: the session, its account and the account's entity.
    const row = await sessionUserQuery(db)
      .innerJoin('identity.session as s', 's.user_id', 'u.id')
      .select(['s.stage', 's.expires_at', 's.revoked_at', 's.last_seen_at', 'u.status'])
      .where('s.token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.stage !== 'active' || row.revoked_at || row.expires_at <= now || row.status !== 'active') return null;
    if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
      await db.updateTable('identity.session').set({ last_seen_at: now }).where('token_hash', '=', hash).execute();
    }
    const user = toSessionUser(row);
    return { ...user, userId: user.id, sessionHash: hash };
  }

  return { login, completeTotp, logout, resolve };
}

export type AuthService = ReturnType<typeof createAuthService>;
