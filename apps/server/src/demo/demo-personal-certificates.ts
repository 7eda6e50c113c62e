import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { personalCertificateBindingPayload } from '@bidhall/contracts';
import { privateKeyFromPem, signJson } from '@bidhall/crypto';
import type { BuiltApp } from '../app.ts';
import { systemActor } from '../platform/audit/audit-trail.ts';
import type { Db } from '../platform/db/database.ts';
import { DomainError } from '../platform/errors/domain-error.ts';
import type { DemoPkiPerson } from './demo-ca.ts';

/**
 * The road experts (公路, A03) of the demo's whole loop (demo-loop.ts): admitted with it, the only ones
 * of their specialty, so its committees draw from them alone; each has an account and a certificate.
 */
export const LOOP_EXPERTS: readonly DemoPkiPerson[] = [
  { username: 'expert.lu', name: '路建华' },
  { username: 'expert.shi', name: '石振东' },
  { username: 'expert.yan', name: '闫卫国' },
  { username: 'expert.wu', name: '武海波' },
  { username: 'expert.qin', name: '秦海鹰' },
];

/** Demo persons with a personal certificate: the evaluators sign their sign-in and the evaluation report with it. */
export const DEMO_PERSONS: readonly DemoPkiPerson[] = [{ username: 'expert.demo', name: '郑涛' }, ...LOOP_EXPERTS];

/**
 * Binds each demo person's certificate (`entities/<username>.cert.pem`) to its account through the
 * binding service, as the expert would on its page: a challenge signed with `<username>.key.pem`.
 */
export async function bindDemoPersonalCertificates(built: BuiltApp, db: Db, options: { demoCaDir: string; onSkipped?: (file: string, code: string) => void }): Promise<number> {
  const service = built.identity.services.personalCertificates;
  let bound = 0;
  for (const { username } of DEMO_PERSONS) {
    let pem: string;
    let keyPem: string;
    try {
      pem = await readFile(join(options.demoCaDir, 'entities', `${username}.cert.pem`), 'utf8');
      keyPem = await readFile(join(options.demoCaDir, 'entities', `${username}.key.pem`), 'utf8');
    } catch {
      continue;
    }
    const user = await db.selectFrom('identity.user_account').select(['id', 'region_code']).where('username', '=', username).executeTakeFirst();
    if (!user) continue;
    const userId = user.id as string;
    if ((await service.list(userId)).some((c) => !c.unboundAt)) continue;
    try {
      const { nonce } = await service.challenge(userId);
      const signature = signJson(personalCertificateBindingPayload(userId, nonce), privateKeyFromPem(keyPem));
      await service.bind({ userId, regionCode: user.region_code as string }, { certificate: pem, nonce, signature }, systemActor);
      bound++;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      options.onSkipped?.(username, err.code);
    }
  }
  return bound;
}
