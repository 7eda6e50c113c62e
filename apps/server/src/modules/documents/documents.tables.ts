import type { ColumnType, Generated } from 'kysely';

/** JSON columns: written as a JSON string, read back parsed (PGlite and pg both parse jsonb). */
type Json<T> = ColumnType<T, string, string>;

export interface TemplateTable {
  code: string;
  name: string;
  document_kind: string;
  scope: string;
  version: string;
  requires_bill_of_quantities: boolean;
  chapters: Json<unknown>;
  default_parts: Json<unknown>;
  default_bid_summary_fields: Json<unknown>;
  updated_at: Date;
}

export interface DocumentTable {
  id: string;
  section_id: string;
  round: number;
  kind: string;
  template_code: string;
  region_code: string;
  tenderer_entity_id: string;
  status: string;
  chapters: Json<unknown>;
  chapter_values: Json<unknown>;
  method: Json<unknown> | null;
  /** The method template the method started from (standard code or template id), and its version. */
  method_template: Generated<string | null>;
  method_template_version: Generated<number | null>;
  parts: Json<unknown>;
  bid_summary_fields: Json<unknown>;
  requires_bill_of_quantities: boolean;
  version: number;
  content_sm3: string | null;
  signed_at: Date | null;
  signed_by: string | null;
  signer_subject: string | null;
  signer_fingerprint: string | null;
  signature: string | null;
  commitment_version: string | null;
  commitment_sm3: string | null;
  issued_at: Date | null;
  issued_by: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface AttachmentTable {
  id: string;
  document_id: string;
  name: string;
  kind: string;
  media_type: string;
  sm3: string;
  size: ColumnType<number | string, number, number>;
  uploaded_by: string;
  uploaded_at: Date;
}

export interface DocumentVersionTable {
  document_id: string;
  version: number;
  manifest: string;
  content_sm3: string;
  clarification_id: string | null;
  created_at: Date;
}

export interface ClarificationTable {
  id: string;
  document_id: string;
  section_id: string;
  round: number;
  kind: string;
  number: number | null;
  title: string;
  body_html: string;
  question_ids: Json<string[]>;
  status: string;
  content: string | null;
  content_sm3: string | null;
  document_version: number | null;
  deadline_status: string | null;
  previous_deadline: Date | null;
  current_deadline: Date | null;
  publication_id: string | null;
  log_index: ColumnType<number | string | null, number | null, number | null>;
  issued_at: Date | null;
  issued_by: string | null;
  created_by: string;
  created_at: Date;
}

export interface DownloadTable {
  id: string;
  document_id: string;
  clarification_id: string | null;
  section_id: string;
  round: number;
  version: number;
  content_sm3: string;
  entity_id: string;
  entity_name: string;
  user_id: string;
  downloaded_at: Date;
  log_index: ColumnType<number | string, number, number>;
  receipt: Json<unknown>;
}

export interface QuestionTable {
  id: string;
  document_id: string;
  number: number;
  text: string;
  asked_by_entity_id: string;
  asked_by_entity_name: string;
  asked_by_user_id: string;
  asked_at: Date;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
}

export interface SiteVisitTable {
  id: string;
  document_id: string;
  section_id: string;
  visit_at: Date;
  meeting_place: string;
  contact: string;
  notes: string | null;
  remind_minutes_before: number;
  status: string;
  sent_at: Date | null;
  reminded_at: Date | null;
  created_by: string;
  created_at: Date;
}

export interface SiteVisitRecordTable {
  id: string;
  site_visit_id: string;
  summary: string;
  attendees: Json<string[]>;
  status: string;
  sent_at: Date | null;
  created_by: string;
  created_at: Date;
}

export interface BillOfQuantitiesTable {
  document_id: string;
  version: number;
  source_encoding: string;
  source_name: string | null;
  source_sm3: string;
  source_size: ColumnType<number | string, number, number>;
  /** The normalised bill's exact canonical JSON text (not jsonb, which would reorder it). */
  bill: string;
  bill_sm3: string;
  unit_count: number;
  division_count: number;
  item_count: number;
  unit_price_measure_count: number;
  lump_sum_measure_count: number;
  other_item_count: number;
  fee_count: number;
  tax_count: number;
  provisional_sum_fen: ColumnType<string | number | bigint, string, string>;
  imported_by: string;
  imported_by_name: string;
  imported_at: Date;
}

export interface MethodTemplateTable {
  id: string;
  region_code: string;
  name: string;
  scope: string;
  method_type: string;
  method: Json<unknown>;
  version: Generated<number>;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string;
}

export interface DocumentsTables {
  'documents.template': TemplateTable;
  'documents.document': DocumentTable;
  'documents.attachment': AttachmentTable;
  'documents.document_version': DocumentVersionTable;
  'documents.clarification': ClarificationTable;
  'documents.download': DownloadTable;
  'documents.question': QuestionTable;
  'documents.site_visit': SiteVisitTable;
  'documents.site_visit_record': SiteVisitRecordTable;
  'documents.bill_of_quantities': BillOfQuantitiesTable;
  'documents.method_template': MethodTemplateTable;
}
