import { type IdentityDeps, tables } from './identity.deps.ts';
import { systemActor } from '../../platform/audit/audit-trail.ts';

export const CERTIFICATE_REMINDER_JOB = 'identity.certificate-expiry-reminder';
const WINDOW_DAYS = 30;

/** The CN (else O) of a distinguished name as the certificate parser prints it, for people to read. */
export function displayName(dn: string): string {
  for (const attr of ['CN', 'O']) {
    const m = new RegExp(`(?:^|, )${attr}=(.+?)(?=, [A-Za-z]+=|$)`).exec(dn);
    if (m?.[1]) return m[1];
  }
  return dn;
}

/**
 * every day, remind each entity whose bound certificates expire within 30 days, once per
 * certificate and expiry date. Returns how many reminders were written.
 */
export function createCertificateReminder(deps: IdentityDeps) {
  return async function remindExpiringCertificates(): Promise<number> {
    const now = deps.clock.now();
    const horizon = new Date(now.getTime() + WINDOW_DAYS * 86_400_000);
    const certificates = await tables(deps.db)
      .selectFrom('identity.certificate')
      .select(['id', 'entity_id', 'subject_name', 'serial_number', 'issuer', 'not_after'])
      .where('unbound_at', 'is', null)
      .where('not_after', '>', now)
      .where('not_after', '<=', horizon)
      .execute();
    let written = 0;
    for (const cert of certificates) {
      const days = Math.ceil((cert.not_after.getTime() - now.getTime()) / 86_400_000);
      const reminded = await deps.db.transaction().execute(async (trx) => {
        const inserted = await deps.notify(trx, {
          recipientKind: 'entity',
          recipientId: cert.entity_id,
          topic: 'certificateExpiry',
          title: `数字证书将于 ${days} 天后到期`,
          body: `证书 ${displayName(cert.subject_name)}（序列号 ${cert.serial_number}，${displayName(cert.issuer)}）将于 ${cert.not_after.toISOString().slice(0, 10)} 到期，请及时办理更新，到期后将无法使用该证书登录和签章。`,
          link: '/workspace',
          dedupeKey: `certificate-expiry:${cert.id}:${cert.not_after.toISOString()}`,
        });
        if (!inserted) return false;
        await deps.audit.record(trx, systemActor, {
          action: 'identity.certificate.expiryReminded',
          targetType: 'certificate',
          targetId: cert.id,
          details: { entityId: cert.entity_id, notAfter: cert.not_after.toISOString(), daysLeft: days },
        });
        return true;
      });
      if (reminded) written++;
    }
    return written;
  };
}
