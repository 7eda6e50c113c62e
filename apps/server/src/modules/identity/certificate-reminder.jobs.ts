import { systemActor } from '../../platform/audit/audit-trail.ts';
import { EXPIRY_WINDOW_DAYS } from './certificate.service.ts';
import { type IdentityDeps, tables } from './identity.deps.ts';
import { personalTables } from './personal-certificate.tables.ts';

export const CERTIFICATE_REMINDER_JOB = 'identity.certificate-expiry-reminder';
const DAY = 86_400_000;

/** The CN (else O) of a distinguished name as the certificate parser prints it, for people to read. */
export function displayName(dn: string): string {
  for (const attr of ['CN', 'O']) {
    const m = new RegExp(`(?:^|, )${attr}=(.+?)(?=, [A-Za-z]+=|$)`).exec(dn);
    if (m?.[1]) return m[1];
  }
  return dn;
}

/** A bound certificate about to expire, and whom to remind of it. */
interface Expiring {
  id: string;
  subject_name: string;
  serial_number: string;
  issuer: string;
  not_after: Date;
}

interface ReminderKind<R extends Expiring> {
  recipient(cert: R): { recipientKind: 'entity' | 'user'; recipientId: string };
  /** The message's name for the certificate. */
  title: string;
  /** What its holder can no longer do with it once it expires. */
  useLost: string;
  link: string;
  dedupePrefix: string;
  audit(cert: R, daysLeft: number): { action: string; targetType: string; regionCode: string | null; details: Record<string, unknown> };
}

/**
 * Every day, remind the holder of each bound certificate that expires within EXPIRY_WINDOW_DAYS (the
 * window in which the certificate shows as expiring): entities of theirs, evaluators of their
 * personal certificates (decision 0026). Once per certificate and expiry date. Returns how many
 * reminders were written.
 */
export function createCertificateReminder(deps: IdentityDeps) {
  async function remind<R extends Expiring>(certificates: R[], kind: ReminderKind<R>, now: Date): Promise<number> {
    let written = 0;
    for (const cert of certificates) {
      const days = Math.ceil((cert.not_after.getTime() - now.getTime()) / DAY);
      const reminded = await deps.db.transaction().execute(async (trx) => {
        const inserted = await deps.notify(trx, {
          ...kind.recipient(cert),
          topic: 'certificateExpiry',
          title: `${kind.title}将于 ${days} 天后到期`,
          body: `证书 ${displayName(cert.subject_name)}（序列号 ${cert.serial_number}，${displayName(cert.issuer)}）将于 ${cert.not_after.toISOString().slice(0, 10)} 到期，请及时办理更新，到期后将无法使用该证书${kind.useLost}。`,
          link: kind.link,
          dedupeKey: `${kind.dedupePrefix}:${cert.id}:${cert.not_after.toISOString()}`,
        });
        if (!inserted) return false;
        const entry = kind.audit(cert, days);
        await deps.audit.record(trx, systemActor, { ...entry, targetId: cert.id, details: { ...entry.details, notAfter: cert.not_after.toISOString(), daysLeft: days } });
        return true;
      });
      if (reminded) written++;
    }
    return written;
  }

  return async function remindExpiringCertificates(): Promise<number> {
    const now = deps.clock.now();
    const horizon = new Date(now.getTime() + EXPIRY_WINDOW_DAYS * DAY);
    const entityCertificates = await tables(deps.db)
      .selectFrom('identity.certificate')
      .select(['id', 'entity_id', 'subject_name', 'serial_number', 'issuer', 'not_after'])
      .where('unbound_at', 'is', null)
      .where('not_after', '>', now)
      .where('not_after', '<=', horizon)
      .execute();
    const personalCertificates = await personalTables(deps.db)
      .selectFrom('identity.personal_certificate as c')
      .innerJoin('identity.user_account as u', 'u.id', 'c.user_id')
      .select(['c.id', 'c.user_id', 'c.subject_name', 'c.serial_number', 'c.issuer', 'c.not_after', 'u.region_code'])
      .where('c.unbound_at', 'is', null)
      // One its CA revoked is not renewed by a reminder: its holder binds a new one.
      .where('c.revoked_at', 'is', null)
      .where('c.not_after', '>', now)
      .where('c.not_after', '<=', horizon)
      .execute();
    const entities = await remind(entityCertificates, {
      recipient: (c) => ({ recipientKind: 'entity', recipientId: c.entity_id }),
      title: '数字证书',
      useLost: '登录和签章',
      link: '/workspace',
      dedupePrefix: 'certificate-expiry',
      audit: (c) => ({ action: 'identity.certificate.expiryReminded', targetType: 'certificate', regionCode: null, details: { entityId: c.entity_id } }),
    }, now);
    const persons = await remind(personalCertificates, {
      recipient: (c) => ({ recipientKind: 'user', recipientId: c.user_id }),
      title: '个人数字证书',
      useLost: '签到评标和签署评标报告',
      link: '/expert/invitations',
      dedupePrefix: 'personal-certificate-expiry',
      audit: (c) => ({ action: 'identity.personalCertificate.expiryReminded', targetType: 'personalCertificate', regionCode: c.region_code, details: { userId: c.user_id } }),
    }, now);
    return entities + persons;
  };
}
