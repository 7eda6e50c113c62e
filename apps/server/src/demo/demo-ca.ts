/**
 * `bidhall demo-ca` and the demo's first start: three fictional CAs side by side (CA 全区通) — an SM2
 * root with an issuing intermediate, a second SM2 CA, a P-256 CA — their certificates and CRLs in
 * the trust folder, and a signing certificate with its PKCS#8 key for every demo entity. The CAs'
 * private keys are discarded: nobody can issue further certificates under the demo CAs.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createDemoPki,
  encodePem,
  issueDemoCrl,
  issueEntityCertificate,
  privateKeyToPem,
  type Certificate,
  type DemoCa,
} from '@bidhall/crypto';

import { writeDemoOcspResponder } from './demo-ocsp.ts';

const DAY = 86_400_000;

export interface DemoCertificateFile {
  /** File stem under entities/: `<username>` or `<username>.<variant>`. */
  name: string;
  username: string;
  entityName: string;
  ca: string;
  keyAlg: 'sm2' | 'p256';
  certFile: string;
  keyFile: string;
  notAfter: string;
  /** What the file is for in the demo. */
  note: 'login' | 'expiring' | 'revoked' | 'personal';
}

export interface DemoCaResult {
  trustDir: string;
  entitiesDir: string;
  authorities: { id: string; organisation: string; alg: 'sm2' | 'p256'; files: string[] }[];
  certificates: DemoCertificateFile[];
}

/** A demo entity as its certificate names it. */
export interface DemoPkiEntity {
  username: string;
  /** The registered name (subject O and CN). */
  name: string;
  /** The unified social credit code (subject serialNumber). */
  creditCode: string;
}

/** A demo person with a personal certificate (an evaluator: no entity, the subject names the person). */
export interface DemoPkiPerson {
  username: string;
  name: string;
}

/** Which demo CA issues each entity's certificate: all three CAs are in use. */
const CA_OF: Record<string, DemoCa['id']> = {
  'tenderer.demo': 'gm-a',
  'agency.demo': 'gm-b',
  'bidder.demo': 'gm-a',
  'bidder2.demo': 'gm-b',
  'bidder3.demo': 'gm-a',
  'bidder4.demo': 'gm-b',
  'guarantor.demo': 'intl-c',
};

const pem = (c: Certificate) => encodePem('CERTIFICATE', c.der);

/**
 * Writes the demo PKI: CA certificates and CRLs into `trustDir` (default `<outDir>/trust`), entity
 * certificates and keys into `<outDir>/entities`. Certificates are valid from a day before `now`
 * for a year, except bidder.demo's second certificate (expires in 20 days: the A-13 reminder) and a
 * revoked one (listed in the CRL of its CA: F-04).
 */
export async function writeDemoCa(options: {
  outDir: string;
  trustDir?: string;
  now: Date;
  entities: readonly DemoPkiEntity[];
  /**
   * Where the CAs' OCSP responders are reached (`<base>/<ca id>`), named in every entity certificate;
   * their keys and revocation lists go to `<outDir>/ocsp` (demo-ocsp.ts answers from there).
   */
  ocspBaseUrl?: string;
  /** Persons who get a personal certificate (written as `entities/<username>.cert.pem|.key.pem`, like the entities'). */
  persons?: readonly DemoPkiPerson[];
}): Promise<DemoCaResult> {
  const { now, entities } = options;
  const trustDir = options.trustDir ?? join(options.outDir, 'trust');
  const entitiesDir = join(options.outDir, 'entities');
  await mkdir(trustDir, { recursive: true });
  await mkdir(entitiesDir, { recursive: true });
  if (options.ocspBaseUrl) await mkdir(join(options.outDir, 'ocsp'), { recursive: true });
  const cas = await createDemoPki(now);
  const caById = new Map(cas.map((c) => [c.id, c]));
  // Valid from 120 days back: the demo's whole loop signs from 100 days before `now` (load-demo.ts).
  const notBefore = new Date(now.getTime() - 120 * DAY);
  const certificates: DemoCertificateFile[] = [];
  const revoked = new Map<string, Certificate[]>();

  async function issue(username: string, name: string, caId: string, notAfter: Date, note: DemoCertificateFile['note']) {
    const person = options.persons?.find((p) => p.username === username);
    // A person's certificate names the person only: no organisation's credit code.
    const entity: { name: string; creditCode?: string } = person ? { name: person.name } : entities.find((e) => e.username === username)!;
    const ca = caById.get(caId)!;
    const { cert, key } = await issueEntityCertificate(ca, {
      entityName: entity.name,
      ...(entity.creditCode ? { creditCode: entity.creditCode } : {}),
      notBefore,
      notAfter,
      ...(options.ocspBaseUrl ? { ocspUrl: `${options.ocspBaseUrl}/${caId}` } : {}),
    });
    const certFile = join(entitiesDir, `${name}.cert.pem`);
    const keyFile = join(entitiesDir, `${name}.key.pem`);
    // The chain follows the certificate, as CAs deliver it; the server needs only the first block.
    await writeFile(
      certFile,
      pem(cert) +
        ca.chain
          .filter((c) => c !== ca.root)
          .map(pem)
          .join(''),
    );
    await writeFile(keyFile, privateKeyToPem(key), { mode: 0o600 });
    await chmod(keyFile, 0o600);
    certificates.push({
      name,
      username,
      entityName: entity.name,
      ca: caId,
      keyAlg: key.alg,
      certFile,
      keyFile,
      notAfter: notAfter.toISOString(),
      note,
    });
    return cert;
  }

  for (const e of entities) {
    await issue(e.username, e.username, CA_OF[e.username] ?? 'gm-a', new Date(now.getTime() + 365 * DAY), 'login');
  }
  if (entities.some((e) => e.username === 'bidder.demo')) {
    // A second certificate from another CA (one entity, several certificates), and a revoked one.
    await issue('bidder.demo', 'bidder.demo.expiring', 'gm-b', new Date(now.getTime() + 20 * DAY), 'expiring');
    const lost = await issue('bidder.demo', 'bidder.demo.revoked', 'gm-a', new Date(now.getTime() + 365 * DAY), 'revoked');
    revoked.set('gm-a', [lost]);
  }
  for (const p of options.persons ?? []) await issue(p.username, p.username, 'gm-a', new Date(now.getTime() + 365 * DAY), 'personal');

  const authorities: DemoCaResult['authorities'] = [];
  for (const ca of cas) {
    const files: string[] = [];
    const write = async (name: string, text: string) => {
      await writeFile(join(trustDir, name), text);
      files.push(name);
    };
    await write(`demo-${ca.id}-root.pem`, pem(ca.root));
    if (ca.issuing !== ca.root) await write(`demo-${ca.id}-issuing.pem`, pem(ca.issuing));
    // A CRL from every issuing CA; valid as long as the CA, so the demo never runs on a stale one.
    const crl = await issueDemoCrl(
      ca,
      (revoked.get(ca.id) ?? []).map((cert) => ({
        cert,
        at: new Date(now.getTime() - 60_000),
        reason: 'keyCompromise' as const,
      })),
      new Date(now.getTime() - 60_000),
      ca.root.notAfter,
    );
    await write(`demo-${ca.id}.crl`, encodePem('X509 CRL', crl.der));
    if (options.ocspBaseUrl) {
      // The responder says what the CRL says; revoking more later is revokeDemoCertificate's.
      await writeDemoOcspResponder(
        options.outDir,
        ca,
        [...crl.revoked.values()].map((r) => ({ serialNumber: r.serialNumber, revokedAt: r.revocationDate.toISOString(), ...(r.reason ? { reason: r.reason } : {}) })),
        { notBefore, notAfter: ca.root.notAfter },
      );
    }
    authorities.push({
      id: ca.id,
      organisation: ca.root.subject.attributes.find((a) => a.short === 'O')?.value ?? ca.id,
      alg: ca.rootKey.alg,
      files,
    });
  }
  return { trustDir, entitiesDir, authorities, certificates };
}
