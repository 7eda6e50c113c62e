import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { IdentityTables } from './identity.tables.ts';

/** A personal certificate bound to a platform account (migration 0030). */
export interface PersonalCertificateTable {
  id: string;
  user_id: string;
  fingerprint_sha256: string;
  serial_number: string;
  issuer: string;
  subject_name: string;
  not_before: Date;
  not_after: Date;
  key_id: string;
  key_alg: string;
  der: Uint8Array;
  bound_at: Date;
  unbound_at: Date | null;
  unbound_by: string | null;
  /** When the revocation sweep found the certificate revoked by its CA (migration 0036); it signs nothing since. */
  revoked_at: Date | null;
  revocation_reason: string | null;
}

export interface PersonalCertificateChallengeTable {
  nonce: string;
  user_id: string;
  issued_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface PersonalCertificateTables extends IdentityTables {
  'identity.personal_certificate': PersonalCertificateTable;
  'identity.personal_certificate_challenge': PersonalCertificateChallengeTable;
}

export function personalTables(db: Db): Kysely<PersonalCertificateTables> {
  return db as unknown as Kysely<PersonalCertificateTables>;
}
