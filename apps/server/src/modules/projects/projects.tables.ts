import type { Kysely, Transaction } from 'kysely';

/** The `projects` schema (migration 0009). bigint columns read as number (or bigint beyond 2^53). */
export interface ProjectTable {
  id: string;
  approval_code: string;
  name: string;
  region_code: string;
  category: string;
  must_enter: boolean;
  kind: string;
  mandatory: boolean;
  state_funded: boolean;
  investment_fen: string | number | bigint;
  funding_source: string;
  location: string;
  owner_entity_id: string;
  owner_name: string;
  status: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface TenderingProjectTable {
  id: string;
  project_id: string;
  name: string;
  method: string;
  organisation: string;
  international_me: boolean;
  tenderer_entity_id: string;
  tenderer_name: string;
  agency_entity_id: string | null;
  agency_name: string | null;
  created_by: string;
  created_at: Date;
}

export interface MandateTable {
  tendering_project_id: string;
  agency_entity_id: string;
  duties: string[];
  other: string;
  set_by: string;
  set_at: Date;
}

export interface EntryFormTable {
  id: string;
  tendering_project_id: string;
  status: string;
  prefilled: boolean;
  submitter_entity_id: string;
  submitted_by: string | null;
  submitted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface SectionTable {
  id: string;
  tendering_project_id: string;
  code: string;
  name: string;
  budget_fen: string | number | bigint;
  content: string;
  stage: string;
  round: number;
  timetable: Record<string, string> | string;
  created_on: string;
  terminated_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ReviewTable {
  id: string;
  subject_type: 'entryForm' | 'tenderingPlan';
  subject_id: string;
  round: number;
  submitted_by: string;
  submitted_at: Date;
  decision: 'approve' | 'reject' | null;
  comment: string;
  reviewed_by: string | null;
  reviewer_name: string | null;
  reviewed_at: Date | null;
}

export interface AgencyContractTable {
  id: string;
  tendering_project_id: string;
  tenderer_entity_id: string;
  agency_entity_id: string;
  title: string;
  status: string;
  created_by_side: string;
  draft_text: string;
  agreed_round: number | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface AgencyContractRoundTable {
  contract_id: string;
  round: number;
  proposed_by_side: string;
  text: string;
  text_sm3: string;
  note: string;
  proposed_by: string;
  proposed_at: Date;
}

export interface AgencyContractSignatureTable {
  id: string;
  contract_id: string;
  round: number;
  purpose: 'opinion' | 'contract';
  side: string;
  entity_id: string;
  accept: boolean | null;
  opinion: string | null;
  cms: string;
  subject: string;
  fingerprint: string;
  serial_number: string;
  signing_time: Date | null;
  signed_by: string;
  signed_at: Date;
}

export interface TenderingPlanTable {
  id: string;
  tendering_project_id: string;
  status: string;
  description: string;
  items: unknown;
  team: unknown;
  submitted_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface ProjectsTables {
  'projects.project': ProjectTable;
  'projects.tendering_project': TenderingProjectTable;
  'projects.mandate': MandateTable;
  'projects.entry_form': EntryFormTable;
  'projects.section': SectionTable;
  'projects.review': ReviewTable;
  'projects.agency_contract': AgencyContractTable;
  'projects.agency_contract_round': AgencyContractRoundTable;
  'projects.agency_contract_signature': AgencyContractSignatureTable;
  'projects.tendering_plan': TenderingPlanTable;
}

export type ProjectsDb = Kysely<ProjectsTables> | Transaction<ProjectsTables>;
