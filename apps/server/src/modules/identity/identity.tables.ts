import type { Generated, Kysely, Transaction } from 'kysely';

export interface MarketEntityTable {
  id: string;
  name: string;
  credit_code: string;
  roles: string[];
  region_code: string;
  legal_representative: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string | null;
  address: string;
  status: string;
  admission: string;
  post_check: string | null;
  agreement_version: string;
  agreement_accepted_at: Date;
  commitment_version: string | null;
  commitment_sha256: string | null;
  commitment_signed_at: Date | null;
  applicant_user_id: string | null;
  submitted_at: Date | null;
  verified_by: string | null;
  verified_at: Date | null;
  verification_note: string | null;
  status_reason: string | null;
  status_changed_by: string | null;
  status_changed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface EntityChangeTable {
  id: string;
  entity_id: string;
  status: string;
  proposed: Record<string, unknown> | string;
  previous: Record<string, unknown> | string;
  created_by: string;
  created_at: Date;
  submitted_at: Date | null;
  verified_by: string | null;
  verified_at: Date | null;
  verification_note: string | null;
}

export interface PostCheckTable {
  id: string;
  entity_id: string;
  check_kind: string;
  result: string;
  note: string;
  checked_by: string;
  checked_at: Date;
}

export interface UserAccountTable {
  id: string;
  username: string;
  display_name: string;
  kind: string;
  entity_id: string | null;
  region_code: string;
  department: Generated<string | null>;
  categories: string[];
  phone: Generated<string | null>;
  email: Generated<string | null>;
  password_hash: string;
  totp_secret: Generated<string | null>;
  totp_enabled: Generated<boolean>;
  totp_last_step: number | null;
  status: Generated<string>;
  failed_logins: Generated<number>;
  locked_until: Generated<Date | null>;
  created_at: Date;
  created_by: Generated<string | null>;
  last_login_at: Generated<Date | null>;
  /** Keyed SM3 of the person's identity number (decision 0012); required for the three duties. */
  person_ref: Generated<string | null>;
  person_hint: Generated<string | null>;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  stage: string;
  created_at: Date;
  expires_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
  ip: string | null;
  user_agent: string | null;
  /** The bound certificate a certificate login opened this session with. */
  certificate_id: Generated<string | null>;
}

export interface CertificateTable {
  id: string;
  entity_id: string;
  fingerprint_sha256: string;
  serial_number: string;
  issuer: string;
  subject_name: string;
  not_before: Date;
  not_after: Date;
  bound_at: Date;
  bound_by: string;
  unbound_at: Date | null;
  unbound_by: string | null;
  /** The account a certificate login opens (null only on rows closed by migration 0007). */
  user_id: string | null;
  /** Hex SM3 of the SubjectPublicKeyInfo. */
  key_id: string | null;
  key_alg: string | null;
  der: Uint8Array | null;
}

/** Certificate login nonces: single use, short-lived. */
export interface CertificateChallengeTable {
  nonce: string;
  issued_at: Date;
  expires_at: Date;
  used_at: Date | null;
  ip: string | null;
}

/** A proposed grant of an account's kind and terms, applied on a second security administrator's approval. */
export interface AccountGrantTable {
  id: string;
  action: string;
  status: string;
  user_id: string | null;
  username: string;
  display_name: string;
  kind: string;
  region_code: string;
  department: string | null;
  categories: string[];
  person_ref: string | null;
  person_hint: string | null;
  password_hash: string | null;
  previous: Record<string, unknown> | string | null;
  privileged: boolean;
  reason: string;
  proposed_by: string;
  proposed_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

/** Failed login attempts and their waits, by hashed key (login-throttle.ts). */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: Date;
  locked_until: Date | null;
  locks: number;
  last_failure_at: Date;
}

export interface IdentityTables {
  'identity.market_entity': MarketEntityTable;
  'identity.entity_change': EntityChangeTable;
  'identity.post_check': PostCheckTable;
  'identity.user_account': UserAccountTable;
  'identity.account_grant': AccountGrantTable;
  'identity.session': SessionTable;
  'identity.certificate': CertificateTable;
  'identity.certificate_challenge': CertificateChallengeTable;
  'identity.login_throttle': LoginThrottleTable;
}

export type IdentityDb = Kysely<IdentityTables> | Transaction<IdentityTables>;
