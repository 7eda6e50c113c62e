import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gmSuite, privateKeyFromPem, privateKeyToPem, publicKeyToPem } from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';
import type { BuiltApp } from '../app.ts';
import { DEMO_ENTITIES } from './demo-data.ts';
import { loadDemoRecordTemplate } from './demo-record-template.ts';
import { userSessions } from './demo-tendering.ts';
import { loadDemoMethodTemplate } from './demo-method-template.ts';

/** Where the demo keeps the opening custodians' private keys (the platform never holds them). */
export const custodianKeyFile = (demoCaDir: string, username: string) => join(demoCaDir, 'custodians', `${username}.key.pem`);

/**
 * The demo's opening custodians (decision 0019), so that bidder.demo can seal and submit a bid on the
 * section in tendering: SM2 key pairs for the city's trading centre (staff.city) and the works
 * supervisor (supervisor.works), their private keys written under `<demoCaDir>/custodians/` (mode
 * 0600) for the opening, and tenderer.demo's entity certificate as the tenderer's key. Registered
 * through the routes as those users would; nothing is done for a holder that has a key already.
 */
export async function loadDemoBidding(built: BuiltApp, options: { clock: Clock; demoCaDir?: string; onSkipped?: (stage: string, reason: string) => void }): Promise<{ registered: number }> {
  if (!options.demoCaDir) {
    options.onSkipped?.('custodians', 'no demo PKI: the custodian keys need a folder to keep their private keys');
    return { registered: 0 };
  }
  const dir = options.demoCaDir;
  const as = userSessions(built, options.clock);
  let registered = 0;
  const hasKey = async (session: Awaited<ReturnType<typeof as>>, holder: string) =>
    ((await session.call('GET', '/api/v1/custodian-keys')) as { holder: string }[]).some((k) => k.holder === holder);

  for (const [username, holder, label] of [
    ['staff.city', 'centre', '鄂尔多斯市公共资源交易中心'],
    ['supervisor.works', 'supervisor', '鄂尔多斯市住房和城乡建设局'],
  ] as const) {
    const session = await as(username);
    // The trading centre also keeps the city's opening record template (one login: TOTP codes are single-use).
    if (holder === 'centre') {
      await loadDemoRecordTemplate(session);
      await loadDemoMethodTemplate(session);
    }
    if (await hasKey(session, holder)) continue;
    const file = custodianKeyFile(dir, username);
    // A key file kept from an earlier run (a fresh database over the same demo PKI) is used again.
    const key = existsSync(file) ? privateKeyFromPem(readFileSync(file, 'utf8')) : gmSuite.generateKeyPair();
    if (!existsSync(file)) {
      mkdirSync(join(dir, 'custodians'), { recursive: true, mode: 0o700 });
      writeFileSync(file, privateKeyToPem(key), { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    await session.call('POST', '/api/v1/custodian-keys', { label, publicKeyPem: publicKeyToPem(key.publicKey) });
    registered++;
  }

  const certFile = join(dir, 'entities', 'tenderer.demo.cert.pem');
  if (!existsSync(certFile)) {
    options.onSkipped?.('custodians', 'tenderer.demo has no demo certificate');
    return { registered };
  }
  const tenderer = await as('tenderer.demo');
  if (!(await hasKey(tenderer, 'tenderer'))) {
    await tenderer.call('POST', '/api/v1/custodian-keys', { label: DEMO_ENTITIES.find((e) => e.username === 'tenderer.demo')?.name ?? 'tenderer.demo', certificatePem: readFileSync(certFile, 'utf8') });
    registered++;
  }
  return { registered };
}
