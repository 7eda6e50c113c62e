import { randomBytes } from 'node:crypto';
import {
  CERTIFICATE_LOGIN_SIGNER_ID,
  certificateLoginChallengeText,
  type CertificateChallengeResponse,
  type CertificateLoginRequest,
} from '@bidhall/contracts';
import { fromBase64, utf8 } from '@bidhall/crypto';
import type { OcspChecker } from '@bidhall/crypto';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { LoginResult } from './auth.service.ts';
import {
  assertMatchesEntity,
  fingerprintSha256,
  readCertificate,
  validateCertificate,
  verifyKeySignature,
} from './certificate-check.ts';
import type { CertificateTrust } from './certificate-trust.ts';
import { type IdentityDeps, tables } from './identity.deps.ts';
import { openSession } from './session-open.ts';
import { loadSessionUser } from './session-user.ts';

/** How many challenges may wait for an answer (decision 0013): per client address, and in all. */
export interface ChallengeBounds {
  perClient: number;
  total: number;
}

export const DEFAULT_CHALLENGE_BOUNDS: ChallengeBounds = { perClient: 20, total: 10_000 };

export const CERTIFICATE_SIGNING = {
  sm2: `SM2 with SM3, signer ID ${CERTIFICATE_LOGIN_SIGNER_ID}, DER signature`,
  p256: 'ECDSA P-256 with SHA-256, DER signature',
  rsa: 'RSASSA-PKCS1-v1_5 with SHA-256',
} as const;

/**
 * Certificate login by challenge–response (F-04/F-05/F-09, A-12, A-13): the server issues a fresh
 * single-use nonce; the holder of a bound certificate signs the challenge text with its key; the
 * server checks the nonce, the signature, the certificate now (chain, validity, revocation) and the
 * binding, then opens a session exactly as a password login does (one per account, F-12).
 */
export function createCertificateLoginService(
  deps: IdentityDeps & {
    trust: CertificateTrust;
    challengeTtlSeconds: number;
    challengeBounds?: ChallengeBounds;
    /** Asks the responder a certificate names (AIA), besides the CRLs. */
    ocsp?: OcspChecker;
  },
) {
  const bounds = deps.challengeBounds ?? DEFAULT_CHALLENGE_BOUNDS;
  // An expired challenge is kept one more lifetime, so that a late answer hears "expired", then removed.
  const keepExpiredMs = deps.challengeTtlSeconds * 1000;

  /** Removes challenges past their lifetime and grace; also run by the housekeeping job. */
  async function purgeExpired(db = deps.db): Promise<number> {
    const now = deps.clock.now();
    const result = await tables(db)
      .deleteFrom('identity.certificate_challenge')
      .where('expires_at', '<', new Date(now.getTime() - keepExpiredMs))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * A challenge costs a stored row, so an anonymous caller gets a bounded number: at most
   * `perClient` unanswered ones per address, and the table never holds more than `total`.
   */
  async function challenge(meta: Actor): Promise<CertificateChallengeResponse> {
    const now = deps.clock.now();
    const nonce = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + deps.challengeTtlSeconds * 1000);
    await deps.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      await purgeExpired(trx);
      const waiting = await t
        .selectFrom('identity.certificate_challenge')
        .select([(eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.min('expires_at').as('first')])
        .where('ip', meta.ip ? '=' : 'is', meta.ip ?? null)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirstOrThrow();
      if (Number(waiting.n) >= bounds.perClient) {
        const first = waiting.first ? new Date(waiting.first as Date) : expiresAt;
        throw new DomainError('RATE_LIMITED', 'too many unanswered challenges from this address; answer one or wait', {
          retryAfterSeconds: Math.max(1, Math.ceil((first.getTime() - now.getTime()) / 1000)),
        });
      }
      // Live ones, answered or not; with the expired ones kept for their grace, the table holds at most twice this.
      const live = await t
        .selectFrom('identity.certificate_challenge')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('expires_at', '>', now)
        .executeTakeFirstOrThrow();
      if (Number(live.n) >= bounds.total) {
        throw new DomainError('SERVICE_UNAVAILABLE', 'certificate login is busy; try again shortly', {
          retryAfterSeconds: deps.challengeTtlSeconds,
        });
      }
      await t
        .insertInto('identity.certificate_challenge')
        .values({ nonce, issued_at: now, expires_at: expiresAt, used_at: null, ip: meta.ip ?? null })
        .execute();
    });
    const expires = expiresAt.toISOString();
    return {
      nonce,
      challenge: certificateLoginChallengeText(nonce, expires),
      expiresAt: expires,
      signing: { ...CERTIFICATE_SIGNING },
    };
  }

  /** Marks the nonce used whatever happens next: a challenge is answered once. */
  async function consume(nonce: string): Promise<Date> {
    const now = deps.clock.now();
    const row = await tables(deps.db)
      .updateTable('identity.certificate_challenge')
      .set({ used_at: now })
      .where('nonce', '=', nonce)
      .where('used_at', 'is', null)
      .returning('expires_at')
      .executeTakeFirst();
    if (!row) {
      const known = await tables(deps.db)
        .selectFrom('identity.certificate_challenge')
        .select('nonce')
        .where('nonce', '=', nonce)
        .executeTakeFirst();
      throw known
        ? new DomainError('CHALLENGE_USED', 'this challenge was already answered; ask for a new one')
        : new DomainError('CHALLENGE_UNKNOWN', 'no such challenge; ask for a new one');
    }
    if (row.expires_at.getTime() <= now.getTime())
      throw new DomainError('CHALLENGE_EXPIRED', 'the challenge expired; ask for a new one');
    return row.expires_at;
  }

  async function login(request: CertificateLoginRequest, meta: Actor & { userAgent?: string }): Promise<LoginResult> {
    const expiresAt = await consume(request.nonce);
    const received = readCertificate(request.certificate);
    const { leaf } = received;
    const signed = utf8(certificateLoginChallengeText(request.nonce, expiresAt.toISOString()));
    let signature: Uint8Array;
    try {
      signature = fromBase64(request.signature);
    } catch {
      throw new DomainError('SIGNATURE_INVALID', 'the signature is not base64');
    }
    if (!(await verifyKeySignature(leaf, signed, signature))) {
      throw new DomainError('SIGNATURE_INVALID', "the signature over the challenge does not verify with the certificate's key");
    }

    const fingerprint = fingerprintSha256(leaf);
    const bound = await tables(deps.db)
      .selectFrom('identity.certificate as c')
      .innerJoin('identity.market_entity as e', 'e.id', 'c.entity_id')
      .innerJoin('identity.user_account as u', 'u.id', 'c.user_id')
      .select([
        'c.id as certificateId',
        'c.entity_id as entityId',
        'e.name as entityName',
        'e.credit_code as creditCode',
        'u.id',
        'u.username',
        'u.kind',
        'u.region_code',
        'u.status',
        'u.entity_id as userEntityId',
      ])
      .where('c.fingerprint_sha256', '=', fingerprint)
      .where('c.unbound_at', 'is', null)
      .executeTakeFirst();

    // The key holder is proven; now the certificate itself, at this instant (A-13: an expired one is refused).
    try {
      await validateCertificate(deps.trust, received, deps.clock.now(), deps.ocsp);
      if (!bound || bound.userEntityId !== bound.entityId) {
        throw new DomainError(
          'CERTIFICATE_NOT_BOUND',
          'this certificate is not bound to an account; bind it in the workspace first',
        );
      }
      // The entity may have been renamed since binding: the certificate must still name it.
      assertMatchesEntity(leaf, { name: bound.entityName, creditCode: bound.creditCode });
      if (bound.status !== 'active') throw new DomainError('ACCOUNT_DISABLED', 'this account is disabled');
    } catch (err) {
      if (bound && err instanceof DomainError) await recordRefusal(bound.id, bound.certificateId, err.code, meta);
      throw err;
    }

    const { token, expiresAt: sessionExpiresAt } = await openSession(deps, {
      user: bound,
      stage: 'active',
      meta,
      action: 'identity.login.certificateAccepted',
      certificateId: bound.certificateId,
      details: {
        certificateId: bound.certificateId,
        fingerprintSha256: fingerprint,
        serialNumber: leaf.serialNumber,
        issuer: leaf.issuer.text,
      },
    });
    return { stage: 'active', token, expiresAt: sessionExpiresAt, user: await loadSessionUser(deps.db, bound.id) };
  }

  /** A refused login with a bound certificate is recorded against its account (the key holder was proven). */
  async function recordRefusal(userId: string, certificateId: string, code: string, meta: Actor) {
    await deps.db.transaction().execute((trx) =>
      deps.audit.record(trx, meta, {
        action: 'identity.login.certificateRefused',
        targetType: 'user',
        targetId: userId,
        details: { certificateId, code },
      }),
    );
  }

  return { challenge, login, purgeExpired };
}

export type CertificateLoginService = ReturnType<typeof createCertificateLoginService>;
