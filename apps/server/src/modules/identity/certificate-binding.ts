/**
 * What binding a certificate asks, whoever binds it — an entity's account or an evaluator's own
 * account (decision 0026): the certificate read from what the client sent and validated now (a chain
 * to a recognised CA, validity, key usage, the CRLs and the OCSP responder it names); the columns both
 * bindings keep; and who holds a live binding of it already, among entities and accounts alike (one
 * live binding per certificate). What each binding asks besides — the entity's name, the holder's
 * proof of possession — stays with its service.
 */
import type { Certificate, ChainResult, OcspChecker } from '@bidhall/crypto';
import type { Db } from '../../platform/db/database.ts';
import { certificateKeyId, fingerprintSha256, readCertificate, validateCertificate } from './certificate-check.ts';
import type { CertificateTrust } from './certificate-trust.ts';
import { tables } from './identity.deps.ts';
import { personalTables } from './personal-certificate.tables.ts';

export interface CertificateToBind {
  leaf: Certificate;
  chain: ChainResult;
  /** Hex SHA-256 of the certificate, as bindings are keyed. */
  fingerprint: string;
}

/** CERTIFICATE_MALFORMED, CERTIFICATE_UNTRUSTED, CERTIFICATE_EXPIRED, CERTIFICATE_REVOKED …: the certificate as both bindings take it. */
export async function certificateToBind(deps: { trust: CertificateTrust; ocsp?: OcspChecker }, input: string, now: Date): Promise<CertificateToBind> {
  const received = readCertificate(input);
  const chain = await validateCertificate(deps.trust, received, now, deps.ocsp);
  return { leaf: received.leaf, chain, fingerprint: fingerprintSha256(received.leaf) };
}

/** The certificate's columns, the same in `identity.certificate` and `identity.personal_certificate`. */
export function boundColumns({ leaf, fingerprint }: CertificateToBind) {
  return {
    fingerprint_sha256: fingerprint,
    serial_number: leaf.serialNumber,
    issuer: leaf.issuer.text,
    subject_name: leaf.subject.text,
    not_before: leaf.notBefore,
    not_after: leaf.notAfter,
    key_id: certificateKeyId(leaf),
    key_alg: leaf.keyAlg,
    der: Buffer.from(leaf.der),
  };
}

/** The live binding of a certificate: to an entity, or to an account as a personal certificate. */
export type LiveBinding = { kind: 'entity'; id: string; entityId: string } | { kind: 'personal'; id: string; userId: string };

export async function liveBindingOf(trx: Db, fingerprint: string): Promise<LiveBinding | undefined> {
  const entity = await tables(trx).selectFrom('identity.certificate').select(['id', 'entity_id']).where('fingerprint_sha256', '=', fingerprint).where('unbound_at', 'is', null).executeTakeFirst();
  if (entity) return { kind: 'entity', id: entity.id, entityId: entity.entity_id };
  const personal = await personalTables(trx).selectFrom('identity.personal_certificate').select(['id', 'user_id']).where('fingerprint_sha256', '=', fingerprint).where('unbound_at', 'is', null).executeTakeFirst();
  return personal ? { kind: 'personal', id: personal.id, userId: personal.user_id } : undefined;
}

