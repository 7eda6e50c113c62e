/**
 * Fictional certificate authorities for tests, demos and `bidhall demo-ca`: SM2 roots with and
 * without an intermediate, and a P-256 CA, side by side as several recognised CAs would be. Every
 * name says it is fictional; nothing here is a real CA.
 */
import type { PrivateKey } from '../keys/key-types.ts';
import { encodeSpki } from '../keys/pkcs8.ts';
import { gmSuite, intlSuite } from '../suite/suite.ts';
import type { Certificate, KeyUsageName } from './certificate.ts';
import { issueCertificate, issueCrl, type NameSpec } from './issue.ts';
import type { Crl, CrlReason } from './crl.ts';
import { keySigner } from './signer.ts';

const DAY = 86_400_000;

export interface DemoCa {
  id: string;
  root: Certificate;
  rootKey: PrivateKey;
  /** The CA that issues end-entity certificates (an intermediate, or the root itself). */
  issuing: Certificate;
  issuingKey: PrivateKey;
  /** Issuing CA up to the root. */
  chain: Certificate[];
}

export interface DemoCaSpec {
  id: string;
  /** Organisation name of the CA, e.g. "演示数字认证有限公司（虚构）". */
  organisation: string;
  alg: 'sm2' | 'p256';
  withIntermediate: boolean;
  now: Date;
  /** Root validity in days (default 3650). */
  days?: number;
}

function suiteFor(alg: 'sm2' | 'p256') {
  return alg === 'sm2' ? gmSuite : intlSuite;
}

export async function createDemoCa(spec: DemoCaSpec): Promise<DemoCa> {
  const s = suiteFor(spec.alg);
  // A year back: a CA exists long before the certificates it issues (the demo seals bids weeks back).
  const notBefore = new Date(spec.now.getTime() - 365 * DAY);
  const notAfter = new Date(spec.now.getTime() + (spec.days ?? 3650) * DAY);
  const rootKey = s.generateKeyPair();
  const root = await issueCertificate({
    subject: { C: 'CN', O: spec.organisation, CN: `${spec.organisation} Root CA` },
    subjectSpki: encodeSpki(rootKey.publicKey),
    signer: keySigner(rootKey),
    notBefore,
    notAfter,
    ca: {},
    keyUsage: ['keyCertSign', 'cRLSign'],
  });
  if (!spec.withIntermediate) return { id: spec.id, root, rootKey, issuing: root, issuingKey: rootKey, chain: [root] };
  const issuingKey = s.generateKeyPair();
  const issuing = await issueCertificate({
    subject: { C: 'CN', O: spec.organisation, CN: `${spec.organisation} Issuing CA` },
    subjectSpki: encodeSpki(issuingKey.publicKey),
    issuer: root,
    signer: keySigner(rootKey),
    notBefore,
    notAfter,
    ca: { pathLen: 0 },
    keyUsage: ['keyCertSign', 'cRLSign'],
  });
  return { id: spec.id, root, rootKey, issuing, issuingKey, chain: [issuing, root] };
}

export interface EntityCertSpec {
  /** Registered entity name, written as O and CN. */
  entityName: string;
  /** Unified social credit code, written as the subject serialNumber. */
  creditCode?: string;
  /** Person or unit within the entity, written as OU. */
  unit?: string;
  /** Use an existing key (else a new one of the CA's algorithm). */
  key?: PrivateKey;
  purpose?: 'sign' | 'encrypt';
  notBefore: Date;
  notAfter: Date;
  /** Override the key usages (to make deliberately wrong certificates in tests). */
  keyUsage?: KeyUsageName[];
  /** The CA's OCSP responder, named in the certificate (authority information access). */
  ocspUrl?: string;
}

export async function issueEntityCertificate(ca: DemoCa, spec: EntityCertSpec): Promise<{ cert: Certificate; key: PrivateKey }> {
  const key = spec.key ?? suiteFor(ca.issuingKey.alg).generateKeyPair();
  const subject: NameSpec = { C: 'CN', O: spec.entityName, CN: spec.entityName };
  if (spec.unit) subject.OU = spec.unit;
  if (spec.creditCode) subject.serialNumber = spec.creditCode;
  const keyUsage: KeyUsageName[] = spec.keyUsage ?? (spec.purpose === 'encrypt' ? ['keyEncipherment', 'dataEncipherment'] : ['digitalSignature', 'nonRepudiation']);
  const cert = await issueCertificate({
    subject,
    subjectSpki: encodeSpki(key.publicKey),
    issuer: ca.issuing,
    signer: keySigner(ca.issuingKey),
    notBefore: spec.notBefore,
    notAfter: spec.notAfter,
    keyUsage,
    // emailProtection lets `openssl cms -verify` accept the certificate for signed documents.
    extKeyUsage: spec.purpose === 'encrypt' ? [] : ['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.4'],
    ...(spec.ocspUrl ? { ocspUrl: spec.ocspUrl } : {}),
  });
  return { cert, key };
}

/**
 * A delegated OCSP responder of the CA (id-kp-OCSPSigning, id-pkix-ocsp-nocheck): its key signs
 * answers, and can issue no certificate, so the demo keeps it while the CA's own key is discarded.
 */
export async function issueOcspResponderCertificate(ca: DemoCa, validity: { notBefore: Date; notAfter: Date }): Promise<{ cert: Certificate; key: PrivateKey }> {
  const key = suiteFor(ca.issuingKey.alg).generateKeyPair();
  const organisation = ca.issuing.subject.attributes.find((a) => a.short === 'O')?.value ?? ca.id;
  const cert = await issueCertificate({
    subject: { C: 'CN', O: organisation, CN: `${organisation} OCSP Responder` },
    subjectSpki: encodeSpki(key.publicKey),
    issuer: ca.issuing,
    signer: keySigner(ca.issuingKey),
    notBefore: validity.notBefore,
    notAfter: validity.notAfter,
    keyUsage: ['digitalSignature'],
    extKeyUsage: ['1.3.6.1.5.5.7.3.9'],
    ocspNoCheck: true,
  });
  return { cert, key };
}

export async function issueDemoCrl(
  ca: DemoCa,
  revoked: { cert: Certificate; at: Date; reason?: CrlReason }[],
  thisUpdate: Date,
  nextUpdate: Date,
): Promise<Crl> {
  return issueCrl({
    issuer: ca.issuing,
    signer: keySigner(ca.issuingKey),
    thisUpdate,
    nextUpdate,
    revoked: revoked.map((r) => ({ serialNumber: r.cert.serialNumber, revocationDate: r.at, ...(r.reason ? { reason: r.reason } : {}) })),
  });
}

/** Three fictional CAs: two SM2 (one with an intermediate) and one P-256. */
export async function createDemoPki(now: Date): Promise<DemoCa[]> {
  return Promise.all([
    createDemoCa({ id: 'gm-a', organisation: '华夏演示数字认证中心（虚构）', alg: 'sm2', withIntermediate: true, now }),
    createDemoCa({ id: 'gm-b', organisation: '东方演示电子认证服务有限公司（虚构）', alg: 'sm2', withIntermediate: false, now }),
    createDemoCa({ id: 'intl-c', organisation: 'Bidhall Demo International CA (fictional)', alg: 'p256', withIntermediate: true, now }),
  ]);
}
