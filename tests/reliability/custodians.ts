/**
 * The section's opening custodians (the trading centre, the supervising department, the tenderer):
 * key pairs made here — the private keys stay with the test, as they stay with the custodians — and
 * the public keys registered with the platform through its route.
 */
import { gmSuite, publicKeyToPem, type PrivateKey } from '@bidhall/crypto';
import { createPlatformUser, login, type TestApp } from '../support/test-app.ts';
import type { World } from './world.ts';

export interface HeldCustodian {
  holder: 'centre' | 'supervisor' | 'tenderer';
  key: PrivateKey;
}

export async function registerCustodians(t: TestApp, world: Pick<World, 'registered'>): Promise<HeldCustodian[]> {
  const r = world.registered;
  const supervisorName = `supervisor.rel.${Math.floor(Math.random() * 1e6)}`;
  await createPlatformUser(t, { username: supervisorName, kind: 'supervisor', regionCode: r.regionCode });
  const supervisorCookie = await login(t, supervisorName);
  const staffName = `staff.rel.${Math.floor(Math.random() * 1e6)}`;
  await createPlatformUser(t, { username: staffName, kind: 'staff', regionCode: r.regionCode });
  const staffCookie = await login(t, staffName);
  const tendererCookie = await r.tenderer.relogin();
  const held: HeldCustodian[] = [];
  for (const [holder, cookie] of [
    ['centre', staffCookie],
    ['supervisor', supervisorCookie],
    ['tenderer', tendererCookie],
  ] as const) {
    const key = gmSuite.generateKeyPair();
    const res = await t.built.app.inject({
      method: 'POST',
      url: '/api/v1/custodian-keys',
      headers: { cookie },
      payload: { publicKeyPem: publicKeyToPem(key.publicKey), label: `${holder} custodian` },
    });
    if (res.statusCode !== 201 && res.statusCode !== 200)
      throw new Error(`custodian key (${holder}): ${res.statusCode} ${res.body}`);
    held.push({ holder, key });
  }
  return held;
}
