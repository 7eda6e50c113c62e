import type { Generated } from 'kysely';
import type { AgencyRaterKind, AgencyRecordKind } from '@bidhall/contracts';

export interface AgencyRatingTable {
  id: string;
  seq: Generated<string>;
  section_id: string;
  round: number;
  agency_entity_id: string;
  agency_name: string;
  region_code: string;
  rater_kind: AgencyRaterKind;
  rater_entity_id: string | null;
  rater_entity_name: string | null;
  rated_by: string;
  rater_name: string;
  compliance: number;
  service: number;
  efficiency: number;
  comment: string;
  rated_at: Date;
}

export interface AgencyRecordTable {
  id: string;
  seq: Generated<string>;
  agency_entity_id: string;
  agency_name: string;
  kind: AgencyRecordKind;
  date: string;
  description: string;
  region_code: string;
  section_id: string | null;
  recorded_by: string;
  recorder_name: string;
  recorded_at: Date;
}

export interface AppraisalTables {
  'appraisal.agency_rating': AgencyRatingTable;
  'appraisal.agency_record': AgencyRecordTable;
}
