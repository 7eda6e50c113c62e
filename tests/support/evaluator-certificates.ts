import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluationSignInPayload, personalCertificateBindingPayload } from '@bidhall/contracts';
import { createDemoCa, encodePem, issueEntityCertificate, signJson, type DemoCa, type PrivateKey } from '@bidhall/crypto';
import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';

/** A certificate and its key, as a member holds them. */
export interface Signer {
  certificatePem: string;
  key: PrivateKey;
}

const DAY = 86_400_000;

/**
 * Personal certificates for evaluators in tests (decision 0026): a CA of the test's own, added to the
 * app's trust folder, issues a certificate naming a person; the account binds it by signing the
 * platform's challenge, as the expert's page does.
 */
export async function evaluatorCa(t: TestApp, trustDir: string): Promise<{ ca: DemoCa; issue(name: string): Promise<Signer> }> {
  const now = t.clock.now();
  const ca = await createDemoCa({ id: 'eval-test', organisation: '评标测试认证机构（虚构）', alg: 'sm2', withIntermediate: false, now });
  writeFileSync(join(trustDir, 'eval-test-root.pem'), encodePem('CERTIFICATE', ca.root.der));
  await t.built.identity.trust.reload();
  return {
    ca,
    async issue(name) {
      const { cert, key } = await issueEntityCertificate(ca, { entityName: name, notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 365 * DAY) });
      return { certificatePem: encodePem('CERTIFICATE', cert.der), key };
    },
  };
}

const inject = (t: TestApp, method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
  t.built.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** Binds the signer's certificate to the account of `cookie` with proof of possession; returns the response. */
export async function bindPersonal(t: TestApp, cookie: string, signer: Signer) {
  const me = (await inject(t, 'GET', '/api/v1/me', cookie)).json() as { id: string };
  const challenge = await inject(t, 'POST', '/api/v1/my/personal-certificates/challenge', cookie, {});
  expect(challenge.statusCode, challenge.body).toBe(200);
  const { nonce } = challenge.json() as { nonce: string };
  return inject(t, 'POST', '/api/v1/my/personal-certificates', cookie, { certificate: signer.certificatePem, nonce, signature: signJson(personalCertificateBindingPayload(me.id, nonce), signer.key) });
}

/** The sign-in body: a fresh nonce signed with the member's certificate; a prequalification review's under `application-review`. */
export async function signInBody(t: TestApp, sectionId: string, cookie: string, signer: Signer, segment: 'evaluation' | 'application-review' = 'evaluation') {
  const challenge = await inject(t, 'GET', `/api/v1/sections/${sectionId}/${segment}/sign-in/challenge`, cookie);
  if (challenge.statusCode !== 200) return { confirmIdentity: true, noConflict: true, certificate: { certificatePem: signer.certificatePem, nonce: 'x'.repeat(32), signature: signJson({}, signer.key) } };
  const { nonce } = challenge.json() as { nonce: string };
  return { confirmIdentity: true, noConflict: true, certificate: { certificatePem: signer.certificatePem, nonce, signature: signJson(evaluationSignInPayload(sectionId, nonce), signer.key) } };
}
