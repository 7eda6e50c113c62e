import type { Generated, Selectable } from 'kysely';

/** Columns notices and invitations share: parties, sections' project, and the review trail (A-52, A-53). */
export interface ReviewedDraftColumns {
  id: string;
  tendering_project_id: string;
  region_code: string;
  category: string;
  round: number;
  tenderer_entity_id: string;
  agency_entity_id: string | null;
  drafted_by: 'tenderer' | 'agency';
  title: string;
  body_html: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  submitted_by: string | null;
  submitted_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  verified_by: string | null;
  verified_at: Date | null;
  withdrawn_at: Date | null;
}

export interface NoticeTable extends ReviewedDraftColumns {
  type: 'tenderNotice' | 'prequalificationNotice';
  status: 'draft' | 'pendingReview' | 'pendingVerification' | 'published' | 'withdrawn';
  published_at: Date | null;
  publication_id: string | null;
  content_sm3: string | null;
  log_index: number | string | null;
}

export interface InvitationTable extends ReviewedDraftColumns {
  status: 'draft' | 'pendingReview' | 'pendingVerification' | 'sent' | 'withdrawn';
  reply_deadline: Date;
  sent_at: Date | null;
  result_publication_id: string | null;
  result_published_at: Date | null;
}

export interface CoveredSectionColumns {
  section_id: string;
  round: number;
  code: string;
  name: string;
}

export interface NoticeSectionTable extends CoveredSectionColumns {
  notice_id: string;
}

export interface InvitationSectionTable extends CoveredSectionColumns {
  invitation_id: string;
}

export interface InviteeTable {
  invitation_id: string;
  entity_id: string;
  name: string;
  credit_code: string;
  region_code: string;
  reply: Generated<'pending' | 'accepted' | 'declined'>;
  reply_note: string | null;
  replied_by: string | null;
  replied_at: Date | null;
}

export type InviteeRow = Selectable<InviteeTable>;

export type InvitationDrawSource = 'prequalification' | 'supplierDatabase' | 'recommendation';

/** B-007: the draw an invitation's invitees come from (0018_invitation_draws.sql). */
export interface InvitationDrawTable {
  invitation_id: string;
  draw_id: string;
  section_id: string;
  round: number;
  source: InvitationDrawSource;
  count: number;
  committed_at: Date;
  drawn_at: Date | null;
}

/** A qualified supplier named for the draw, with its evidence and its label in the draw's pool. */
export interface InvitationCandidateTable {
  invitation_id: string;
  entity_id: string;
  label: string;
  name: string;
  credit_code: string;
  region_code: string;
  evidence: string;
}

/** One draw per section and round, taken before the draw is performed. */
export interface SectionDrawTable {
  section_id: string;
  round: number;
  invitation_id: string;
  claimed_at: Date;
}

export type ReviewAction =
  'created' | 'submitted' | 'reviewApproved' | 'reviewRejected' | 'verified' | 'verificationRejected' | 'published' | 'sent' | 'withdrawn';

export interface ReviewEventTable {
  id: Generated<number>;
  subject_kind: 'notice' | 'invitation';
  subject_id: string;
  action: ReviewAction;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_entity_id: string | null;
  reason: string | null;
  occurred_at: Date;
}

export interface SectionExceptionTable {
  id: string;
  section_id: string;
  kind: 'termination' | 'retender';
  reason: string;
  round: number;
  region_code: string;
  created_by: string;
  created_by_entity: string | null;
  created_at: Date;
  publication_id: string;
  notified: Generated<number>;
}

export interface TenderingTables {
  'tendering.notice': NoticeTable;
  'tendering.notice_section': NoticeSectionTable;
  'tendering.invitation': InvitationTable;
  'tendering.invitation_section': InvitationSectionTable;
  'tendering.invitee': InviteeTable;
  'tendering.invitation_draw': InvitationDrawTable;
  'tendering.invitation_candidate': InvitationCandidateTable;
  'tendering.section_draw': SectionDrawTable;
  'tendering.review_event': ReviewEventTable;
  'tendering.section_exception': SectionExceptionTable;
}
