import type { Sitting } from '@bidhall/contracts';
import type { Generated } from 'kysely';

export interface ExpertTable {
  id: string;
  seq: Generated<string>;
  name: string;
  person_ref: string;
  id_hint: string;
  phone: string;
  employer: unknown;
  title: string;
  level: string;
  region_code: string;
  specialties: string[];
  conflicts: unknown;
  state: string;
  source: string;
  shared: Generated<boolean>;
  user_id: string | null;
  username: string | null;
  duplicate_of: string | null;
  status_token_sm3: string | null;
  applied_at: Date;
  decided_at: Date | null;
  decision_note: string | null;
  updated_at: Date;
}

export interface ExpertEventTable {
  id: string;
  seq: Generated<string>;
  expert_id: string;
  action: string;
  at: Date;
  by_user_id: string | null;
  by_name: string | null;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  changes: unknown;
}

export interface ExpertRecordTable {
  id: string;
  seq: Generated<string>;
  expert_id: string;
  kind: string;
  date: string;
  description: string;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Date;
}

export interface ExpertRatingTable {
  id: string;
  seq: Generated<string>;
  expert_id: string;
  section_id: string;
  punctuality: number;
  competence: number;
  fairness: number;
  comment: string;
  rated_by: string;
  rated_at: Date;
}

export interface CommitteePlanTable {
  /** The sitting the committee is for: 'application' (资格审查委员会) or 'bid' (评标委员会), decision 0023. */
  sitting: Sitting;
  section_id: string;
  region_code: string;
  plan: unknown;
  set_by: string;
  set_at: Date;
}

export interface CommitteeDrawTable {
  /** The sitting the committee is for: 'application' (资格审查委员会) or 'bid' (评标委员会), decision 0023. */
  sitting: Sitting;
  draw_id: string;
  seq: Generated<string>;
  section_id: string;
  specialty: string;
  count: number;
  eligible: number;
  avoided: number;
  replacement: boolean;
  reason: string;
  drawn_by: string;
  drawn_at: Date;
}

export interface CommitteeSeatTable {
  /** The sitting the committee is for: 'application' (资格审查委员会) or 'bid' (评标委员会), decision 0023. */
  sitting: Sitting;
  id: string;
  section_id: string;
  seat: number;
  draw_id: string;
  specialty: string;
  expert_id: string;
  notified_at: Date;
  channels: string[];
  answer_by: Date;
  state: string;
  answered_at: Date | null;
  decline_reason: string | null;
  replaced_by: number | null;
}

export interface SandboxMessageTable {
  id: string;
  seq: Generated<string>;
  channel: string;
  phone: string;
  text: string;
  sent_at: Date;
}

export interface ExpertsTables {
  'experts.expert': ExpertTable;
  'experts.expert_event': ExpertEventTable;
  'experts.expert_record': ExpertRecordTable;
  'experts.expert_rating': ExpertRatingTable;
  'experts.committee_plan': CommitteePlanTable;
  'experts.committee_draw': CommitteeDrawTable;
  'experts.committee_seat': CommitteeSeatTable;
  'experts.sandbox_message': SandboxMessageTable;
}
