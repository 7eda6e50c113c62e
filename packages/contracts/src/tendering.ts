import { z } from 'zod';
import { isoDateTime, regionCode, uuid } from './common.ts';

/**
 * Tendering (decision 0008): notices (A-50…A-54), invitations (A-55…A-58, B-006, B-008), their
 * review and platform verification, and section exceptions.
 */

export const noticeTypes = ['tenderNotice', 'prequalificationNotice'] as const;
export const noticeType = z.enum(noticeTypes);
export type NoticeType = z.infer<typeof noticeType>;

export const noticeStatuses = ['draft', 'pendingReview', 'pendingVerification', 'published', 'withdrawn'] as const;
export const noticeStatus = z.enum(noticeStatuses);
export type NoticeStatus = z.infer<typeof noticeStatus>;

export const invitationStatuses = ['draft', 'pendingReview', 'pendingVerification', 'sent', 'withdrawn'] as const;
export const invitationStatus = z.enum(invitationStatuses);
export type InvitationStatus = z.infer<typeof invitationStatus>;

const title = z.string().trim().min(1).max(200);
/** Rich text from the notice editor; checked for unsafe markup on the server before it is stored. */
const bodyHtml = z.string().min(1).max(60_000);
const reason = z.string().trim().min(1).max(1000);
const sectionIds = z
  .array(uuid)
  .min(1)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'sections repeat');

export const noticeCreateRequest = z.strictObject({
  type: noticeType,
  sectionIds,
  /** Omitted: the standard title. */
  title: title.optional(),
  /** Omitted: the standard text (《标准招标公告》) filled from the sections and their timetable. */
  bodyHtml: bodyHtml.optional(),
});
export type NoticeCreateRequest = z.infer<typeof noticeCreateRequest>;

export const noticeUpdateRequest = z
  .strictObject({ title: title.optional(), bodyHtml: bodyHtml.optional() })
  .refine((r) => r.title !== undefined || r.bodyHtml !== undefined, 'nothing to change');
export type NoticeUpdateRequest = z.infer<typeof noticeUpdateRequest>;

/** The tenderer's review and the platform's verification take the same decision. */
export const reviewDecision = z
  .strictObject({ decision: z.enum(['approve', 'reject']), reason: reason.optional() })
  .refine((r) => r.decision === 'approve' || r.reason !== undefined, { message: 'a rejection states its reasons', path: ['reason'] });
export type ReviewDecision = z.infer<typeof reviewDecision>;

export const reviewEventView = z.object({
  action: z.enum(['created', 'submitted', 'reviewApproved', 'reviewRejected', 'verified', 'verificationRejected', 'published', 'sent', 'withdrawn']),
  actorUserId: uuid.nullable(),
  actorName: z.string().nullable(),
  actorEntityId: uuid.nullable(),
  reason: z.string().nullable(),
  occurredAt: isoDateTime,
});
export type ReviewEventView = z.infer<typeof reviewEventView>;

export const coveredSection = z.object({ id: uuid, code: z.string(), name: z.string(), round: z.number().int() });

/** What notices and invitations share: the sections, the parties and the review trail. */
const reviewedDraft = {
  id: uuid,
  title: z.string(),
  bodyHtml: z.string(),
  sections: z.array(coveredSection),
  tenderingProjectId: uuid,
  regionCode,
  category: z.string(),
  round: z.number().int(),
  tendererEntityId: uuid,
  agencyEntityId: uuid.nullable(),
  draftedBy: z.enum(['tenderer', 'agency']),
  createdBy: uuid,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  submittedBy: uuid.nullable(),
  submittedAt: isoDateTime.nullable(),
  reviewedBy: uuid.nullable(),
  reviewedAt: isoDateTime.nullable(),
  verifiedBy: uuid.nullable(),
  verifiedAt: isoDateTime.nullable(),
  withdrawnAt: isoDateTime.nullable(),
};

export const noticeView = z.object({
  ...reviewedDraft,
  type: noticeType,
  status: noticeStatus,
  publishedAt: isoDateTime.nullable(),
  publicationId: z.string().nullable(),
  contentSm3: z.string().nullable(),
  logIndex: z.number().int().nullable(),
});
export type NoticeView = z.infer<typeof noticeView>;

export const noticeDetail = noticeView.extend({ history: z.array(reviewEventView) });
export type NoticeDetail = z.infer<typeof noticeDetail>;

export const myNoticeListQuery = z.strictObject({
  status: noticeStatus.optional(),
  type: noticeType.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The staff verification queue: the caller's region and below, filtered and sorted. */
export const verificationQueueQuery = z.strictObject({
  type: noticeType.optional(),
  regionCode: regionCode.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(['submittedAt', 'title', 'regionCode']).default('submittedAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const myNoticeList = z.object({ items: z.array(noticeView), total: z.number().int() });

export const standardTextQuery = z.strictObject({
  type: z.enum(['tenderNotice', 'prequalificationNotice', 'invitation']),
  /** Comma-separated section ids. */
  sectionIds: z.string().min(36).max(50 * 37),
  replyDeadline: isoDateTime.optional(),
});
export const standardText = z.object({ title: z.string(), bodyHtml: z.string() });
export type StandardText = z.infer<typeof standardText>;

// ---- the bidder database (identity, A-56) ----

export const bidderSearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  regionCode: regionCode.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const bidderView = z.object({ entityId: uuid, name: z.string(), creditCode: z.string(), regionCode });
export type BidderView = z.infer<typeof bidderView>;

// ---- invitations ----

const inviteeIds = z
  .array(uuid)
  .max(200)
  .refine((ids) => new Set(ids).size === ids.length, 'invitees repeat');

export const invitationCreateRequest = z.strictObject({
  sectionIds,
  title: title.optional(),
  bodyHtml: bodyHtml.optional(),
  /** Invitees accept or decline before this instant. */
  replyDeadline: isoDateTime,
  /** At least three, from the bidder database (B-006, A-56); fewer is refused with INVITEES_TOO_FEW. */
  inviteeIds,
});
export type InvitationCreateRequest = z.infer<typeof invitationCreateRequest>;

export const invitationUpdateRequest = z
  .strictObject({ title: title.optional(), bodyHtml: bodyHtml.optional(), replyDeadline: isoDateTime.optional(), inviteeIds: inviteeIds.optional() })
  .refine((r) => Object.values(r).some((v) => v !== undefined), 'nothing to change');
export type InvitationUpdateRequest = z.infer<typeof invitationUpdateRequest>;

export const inviteeReply = z.enum(['pending', 'accepted', 'declined']);
export const inviteeView = z.object({
  entityId: uuid,
  name: z.string(),
  creditCode: z.string(),
  regionCode,
  reply: inviteeReply,
  replyNote: z.string().nullable(),
  repliedAt: isoDateTime.nullable(),
});
export type InviteeView = z.infer<typeof inviteeView>;

export const invitationView = z.object({
  ...reviewedDraft,
  status: invitationStatus,
  replyDeadline: isoDateTime,
  sentAt: isoDateTime.nullable(),
  invitees: z.array(inviteeView),
  replies: z.object({ accepted: z.number().int(), declined: z.number().int(), pending: z.number().int() }),
  resultPublicationId: z.string().nullable(),
  resultPublishedAt: isoDateTime.nullable(),
});
export type InvitationView = z.infer<typeof invitationView>;

export const invitationDetail = invitationView.extend({ history: z.array(reviewEventView) });
export type InvitationDetail = z.infer<typeof invitationDetail>;

export const myInvitationListQuery = z.strictObject({
  status: invitationStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const myInvitationList = z.object({ items: z.array(invitationView), total: z.number().int() });

/** What an invitee sees: the invitation and its own reply, never the other invitees. */
export const receivedInvitationView = z.object({
  id: uuid,
  title: z.string(),
  bodyHtml: z.string(),
  sections: z.array(coveredSection),
  tenderingProjectId: uuid,
  regionCode,
  replyDeadline: isoDateTime,
  sentAt: isoDateTime.nullable(),
  reply: inviteeReply,
  replyNote: z.string().nullable(),
  repliedAt: isoDateTime.nullable(),
  open: z.boolean(),
});
export type ReceivedInvitationView = z.infer<typeof receivedInvitationView>;

export const invitationReplyRequest = z.strictObject({
  decision: z.enum(['accept', 'decline']),
  note: z.string().trim().min(1).max(500).optional(),
});
export type InvitationReplyRequest = z.infer<typeof invitationReplyRequest>;

// ---- exceptions ----

export const sectionExceptionKind = z.enum(['termination', 'retender']);
export const sectionExceptionRequest = z.strictObject({ kind: sectionExceptionKind, reason });
export type SectionExceptionRequest = z.infer<typeof sectionExceptionRequest>;

export const sectionExceptionView = z.object({
  id: uuid,
  sectionId: uuid,
  kind: sectionExceptionKind,
  reason: z.string(),
  /** The round that ended. */
  round: z.number().int(),
  regionCode,
  createdBy: uuid,
  createdAt: isoDateTime,
  publicationId: z.string(),
  /** Entities notified (tenderer, agency, invitees of the round). */
  notified: z.number().int(),
});
export type SectionExceptionView = z.infer<typeof sectionExceptionView>;
