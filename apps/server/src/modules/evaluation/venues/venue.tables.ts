import type { Sitting } from '@bidhall/contracts';
import type { Kysely } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { EvaluationTables } from '../evaluation.tables.ts';

export interface VenueTable {
  id: string;
  region_code: string;
  name: string;
  address: string;
  kind: 'main' | 'secondary';
  shared: boolean;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface WorkstationTable {
  id: string;
  venue_id: string;
  label: string;
  seats: number;
  /** The P-256 public key as a JWK (WorkstationPublicKey). */
  public_key: unknown;
  thumbprint: string;
  registered_by: string;
  registered_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoked_reason: string | null;
}

export interface VenueAssignmentTable {
  section_id: string;
  sitting: Sitting;
  venue_id: string;
  role: 'main' | 'secondary';
  assigned_by: string;
  assigned_at: Date;
}

export interface SignInChallengeTable {
  nonce: string;
  section_id: string;
  sitting: Sitting;
  user_id: string;
  issued_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface MemberWorkstationTable {
  member_id: string;
  section_id: string;
  sitting: Sitting;
  workstation_id: string;
  venue_id: string;
  signed_in_at: Date;
}

export interface VenueTables extends EvaluationTables {
  'evaluation.venue': VenueTable;
  'evaluation.workstation': WorkstationTable;
  'evaluation.venue_assignment': VenueAssignmentTable;
  'evaluation.sign_in_challenge': SignInChallengeTable;
  'evaluation.member_workstation': MemberWorkstationTable;
}

export function venueTables(db: Db): Kysely<VenueTables> {
  return db as unknown as Kysely<VenueTables>;
}
