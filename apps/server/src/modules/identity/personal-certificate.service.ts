import { randomBytes, randomUUID } from 'node:crypto';
import { personalCertificateBindingPayload, type BindPersonalCertificateRequest, type PersonalCertificateChallenge, type PersonalCertificateView } from '@bidhall/contracts';
import { verifyJson, type JsonSignature, type OcspChecker } from '@bidhall/crypto';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { boundColumns, certificateToBind, liveBindingOf } from './certificate-binding.ts';
import type { CertificateTrust } from './certificate-trust.ts';
import { EXPIRY_WINDOW_DAYS } from './certificate.service.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { personalTables, type PersonalCertificateTable } from './personal-certificate.tables.ts';

const DAY = 86_400_000;
/** A binding challenge lives this long; a user has at most this many unanswered. */
const CHALLENGE_TTL_MS = 5 * 60_000;
const MAX_OPEN_CHALLENGES = 5;

export function toPersonalCertificateView(c: PersonalCertificateTable, now: Date): PersonalCertificateView {
  const days = Math.ceil((c.not_after.getTime() - now.getTime()) / DAY);
  const status: PersonalCertificateView['status'] = c.unbound_at
    ? 'unbound'
    : c.revoked_at
      ? 'revoked'
      : c.not_after <= now
        ? 'expired'
        : c.not_before > now
          ? 'notYetValid'
          : days <= EXPIRY_WINDOW_DAYS
            ? 'expiring'
            : 'valid';
  return {
    id: c.id,
    userId: c.user_id,
    serialNumber: c.serial_number,
    issuer: c.issuer,
    subjectName: c.subject_name,
    notBefore: c.not_before.toISOString(),
    notAfter: c.not_after.toISOString(),
    fingerprintSha256: c.fingerprint_sha256,
    keyAlg: c.key_alg,
    boundAt: c.bound_at.toISOString(),
    unboundAt: c.unbound_at?.toISOString() ?? null,
    status,
  };
}

/** Who binds: a platform account of its own (an expert); the audit names its region. */
export interface PersonalBinder {
  userId: string;
  regionCode: string | null;
}

/**
 * Personal certificates of evaluators (decision 0026): the account asks for a nonce, signs
 * {action: 'bindPersonalCertificate', userId, nonce} with the certificate's key, and the platform binds
 * the certificate when it chains to a recognised CA, is valid now, unrevoked, fit for signing, and bound
 * to nobody (no account, no entity). No entity name to match: the holder's key is the proof.
 */
export function createPersonalCertificateService(deps: IdentityDeps & { trust: CertificateTrust; ocsp?: OcspChecker }) {
  async function list(userId: string): Promise<PersonalCertificateView[]> {
    const rows = await personalTables(deps.db).selectFrom('identity.personal_certificate').selectAll().where('user_id', '=', userId).orderBy('bound_at', 'desc').orderBy('id').execute();
    const now = deps.clock.now();
    return rows.map((r) => toPersonalCertificateView(r, now));
  }

  async function challenge(userId: string): Promise<PersonalCertificateChallenge> {
    const now = deps.clock.now();
    const nonce = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
    await deps.db.transaction().execute(async (trx) => {
      const t = personalTables(trx);
      await t.deleteFrom('identity.personal_certificate_challenge').where('expires_at', '<', new Date(now.getTime() - CHALLENGE_TTL_MS)).execute();
      const open = await t
        .selectFrom('identity.personal_certificate_challenge')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirstOrThrow();
      if (Number(open.n) >= MAX_OPEN_CHALLENGES) throw new DomainError('RATE_LIMITED', 'too many unanswered challenges; answer one or wait', { retryAfterSeconds: CHALLENGE_TTL_MS / 1000 });
      await t.insertInto('identity.personal_certificate_challenge').values({ nonce, user_id: userId, issued_at: now, expires_at: expiresAt, used_at: null }).execute();
    });
    return { nonce, expiresAt: expiresAt.toISOString() };
  }

  async function bind(binder: PersonalBinder, body: BindPersonalCertificateRequest, actor: Actor): Promise<PersonalCertificateView> {
    const now = deps.clock.now();
    const cert = await certificateToBind(deps, body.certificate, now);
    const { leaf, chain, fingerprint } = cert;
    if (!leaf.publicKey) throw new DomainError('CERTIFICATE_UNSUPPORTED', `a personal certificate signs with SM2 or P-256, not ${leaf.keyAlg}`);
    // The nonce is spent before anything else, in its own statement: a challenge is answered once, whatever the outcome.
    const spent = await personalTables(deps.db)
      .updateTable('identity.personal_certificate_challenge')
      .set({ used_at: now })
      .where('nonce', '=', body.nonce)
      .where('user_id', '=', binder.userId)
      .where('used_at', 'is', null)
      .returning(['expires_at'])
      .executeTakeFirst();
    if (!spent) throw new DomainError('PERSONAL_CHALLENGE_INVALID', 'the challenge is unknown or answered already; ask for a new one', { reason: 'unknown' });
    if (spent.expires_at <= now) throw new DomainError('PERSONAL_CHALLENGE_INVALID', 'the challenge has expired; ask for a new one', { reason: 'expired' });
    if (!verifies(personalCertificateBindingPayload(binder.userId, body.nonce), body.signature, leaf.publicKey)) {
      throw new DomainError('PERSONAL_CERTIFICATE_SIGNATURE_INVALID', "the signature is not over this challenge by the certificate's key");
    }
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const t = personalTables(trx);
        const existing = await liveBindingOf(trx, fingerprint);
        if (existing?.kind === 'personal' && existing.userId === binder.userId) throw new DomainError('CERTIFICATE_ALREADY_BOUND', 'this certificate is already bound to your account', { certificateId: existing.id });
        if (existing) throw new DomainError('CERTIFICATE_BOUND_ELSEWHERE', 'this certificate is bound to another account');
        const row = await t
          .insertInto('identity.personal_certificate')
          .values({
            id: randomUUID(),
            user_id: binder.userId,
            ...boundColumns(cert),
            bound_at: now,
            unbound_at: null,
            unbound_by: null,
            revoked_at: null,
            revocation_reason: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await deps.audit.record(trx, actor, {
          action: 'identity.personalCertificate.bound',
          targetType: 'personalCertificate',
          targetId: row.id,
          regionCode: binder.regionCode,
          details: { userId: binder.userId, fingerprintSha256: fingerprint, serialNumber: leaf.serialNumber, issuer: leaf.issuer.text, subject: leaf.subject.text, notAfter: leaf.notAfter.toISOString(), anchor: chain.anchor.subject.text, revocation: chain.revocation },
        });
        return toPersonalCertificateView(row, now);
      });
    } catch (err) {
      const e = err as { code?: string; constraint?: string };
      if (e.code === '23505' && e.constraint === 'personal_certificate_live_fingerprint_key') throw new DomainError('CERTIFICATE_BOUND_ELSEWHERE', 'this certificate is bound to another account');
      throw err;
    }
  }

  async function unbind(binder: PersonalBinder, certificateId: string, actor: Actor): Promise<PersonalCertificateView> {
    const now = deps.clock.now();
    return deps.db.transaction().execute(async (trx) => {
      const row = await personalTables(trx)
        .updateTable('identity.personal_certificate')
        .set({ unbound_at: now, unbound_by: binder.userId })
        .where('id', '=', certificateId)
        .where('user_id', '=', binder.userId)
        .where('unbound_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new DomainError('CERTIFICATE_NOT_FOUND', 'no such bound certificate');
      await deps.audit.record(trx, actor, {
        action: 'identity.personalCertificate.unbound',
        targetType: 'personalCertificate',
        targetId: row.id,
        regionCode: binder.regionCode,
        details: { userId: binder.userId, fingerprintSha256: row.fingerprint_sha256, serialNumber: row.serial_number },
      });
      return toPersonalCertificateView(row, now);
    });
  }

  return { list, challenge, bind, unbind };
}

/** verifyJson, with an undecodable signature counted as a wrong one. */
export function verifies(payload: unknown, signature: JsonSignature, key: Parameters<typeof verifyJson>[2]): boolean {
  try {
    return verifyJson(payload, signature, key);
  } catch {
    return false;
  }
}

export type PersonalCertificateService = ReturnType<typeof createPersonalCertificateService>;
