/**
 * `bidhall demo-ca`: three fictional CAs and the demo entities' certificates and keys.
 * `bidhall cert-login`: certificate login against a running server with a certificate and key file.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { certificateChallengeResponse, loginResponse, signCertificateChallenge } from '@bidhall/contracts';
import { CryptoError } from '@bidhall/crypto';
import type { Command } from './command.ts';
import { fileKeyProvider } from './key-provider.ts';

const DEMO_CA_USAGE = `bidhall demo-ca --out DIR [--trust-dir DIR] [--force]

  Creates three fictional CAs side by side — an SM2 root with an issuing intermediate, a second SM2
  CA and a P-256 CA — and writes:
    <trust-dir>/demo-*.pem   their root and intermediate certificates (default trust-dir: DIR/trust;
                             point TRUST_STORE_DIR at it)
    <trust-dir>/demo-*.crl   a CRL from each issuing CA
    DIR/entities/<username>.cert.pem, .key.pem
                             a signing certificate (followed by its chain) and PKCS#8 key for each
                             demo entity, named exactly as registered; bidder.demo also gets
                             bidder.demo.expiring (20 days left) and bidder.demo.revoked (in the CRL).
  The CAs' private keys are discarded. Refuses to overwrite DIR/entities unless --force.`;

const CERT_LOGIN_USAGE = `bidhall cert-login --url URL --cert CERT.pem --key KEY.pem

  Logs in to a running bidhall server with a bound certificate by challenge–response (the same
  exchange the web login makes) and prints who is logged in. Exit 0 logged in, 1 refused (with the
  problem code), 2 unusable input.`;

async function hasFiles(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length > 0;
  } catch {
    return false;
  }
}

async function demoCa(values: Record<string, string | boolean | undefined>): Promise<number> {
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (!out) {
    console.error(`bidhall demo-ca: --out is required\n\n${DEMO_CA_USAGE}`);
    return 2;
  }
  const trustDir = typeof values['trust-dir'] === 'string' ? values['trust-dir'] : undefined;
  if (!values.force && (await hasFiles(join(out, 'entities')))) {
    console.error(`bidhall demo-ca: ${join(out, 'entities')} is not empty; give --force to replace the demo certificates`);
    return 2;
  }
  const { demoPkiEntities, DEMO_PERSONS, writeDemoCa } = await import('./server-runtime.ts');
  const result = await writeDemoCa({
    outDir: out,
    ...(trustDir ? { trustDir } : {}),
    now: new Date(),
    entities: demoPkiEntities(),
    persons: DEMO_PERSONS,
  });
  const rel = (p: string) => relative(process.cwd(), p) || '.';
  console.log(`trust folder ${rel(result.trustDir)}:`);
  for (const ca of result.authorities)
    console.log(`  ${ca.id.padEnd(7)} ${ca.alg.padEnd(5)} ${ca.organisation}: ${ca.files.join(', ')}`);
  console.log(`entity and personal certificates and keys in ${rel(result.entitiesDir)}:`);
  for (const c of result.certificates) {
    console.log(
      `  ${`${c.name}.cert.pem`.padEnd(34)} ${c.ca.padEnd(7)} ${c.keyAlg.padEnd(5)} until ${c.notAfter.slice(0, 10)}  ${c.entityName}${c.note === 'login' ? '' : ` (${c.note})`}`,
    );
  }
  return 0;
}

async function certLogin(values: Record<string, string | boolean | undefined>): Promise<number> {
  const [url, cert, key] = [values.url, values.cert, values.key];
  if (typeof url !== 'string' || typeof cert !== 'string' || typeof key !== 'string') {
    console.error(`bidhall cert-login: --url, --cert and --key are required\n\n${CERT_LOGIN_USAGE}`);
    return 2;
  }
  let provider;
  try {
    provider = await fileKeyProvider(cert, key);
  } catch (err) {
    console.error(`bidhall cert-login: ${err instanceof CryptoError ? `${err.code}: ${err.reason}` : (err as Error).message}`);
    return 2;
  }
  const base = url.replace(/\/+$/, '');
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const challengeRes = await post('/api/v1/auth/certificate/challenge', {});
  if (!challengeRes.ok) {
    console.error(`bidhall cert-login: challenge refused: HTTP ${challengeRes.status}`);
    return 1;
  }
  const challenge = certificateChallengeResponse.parse(await challengeRes.json());
  const res = await post('/api/v1/auth/certificate/login', await signCertificateChallenge(provider, challenge));
  const body = (await res.json()) as { code?: string; detail?: string };
  if (!res.ok) {
    console.error(`bidhall cert-login: ${body.code ?? res.status}: ${body.detail ?? ''}`);
    return 1;
  }
  const user = loginResponse.parse(body).user;
  console.log(
    `logged in as ${user?.username} (${user?.displayName}${user?.entity ? `, ${user.entity.name}` : ''}) with ${provider.label}`,
  );
  return 0;
}

export const demoCaCommands: Record<string, Command> = {
  'demo-ca': {
    summary: "create three fictional CAs and the demo entities' certificates and keys",
    usage: DEMO_CA_USAGE,
    options: { out: { type: 'string' }, 'trust-dir': { type: 'string' }, force: { type: 'boolean' } },
    run: (values) => demoCa(values),
  },
  'cert-login': {
    summary: 'log in to a server with a certificate and key file (challenge–response)',
    usage: CERT_LOGIN_USAGE,
    options: { url: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' } },
    run: (values) => certLogin(values),
  },
};
