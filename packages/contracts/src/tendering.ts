import { z } from 'zod';
import { isoDateTime, listOffset, regionCode, removedMarkup, uuid } from './common.ts';

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
  removedMarkup,
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
  offset: listOffset,
});

/** The staff verification queue: the caller's region and below, filtered and sorted. */
export const verificationQueueQuery = z.strictObject({
  type: noticeType.optional(),
  regionCode: regionCode.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(['submittedAt', 'title', 'regionCode']).default('submittedAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: listOffset,
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

/**
 * Where the qualified suppliers come from (政府采购货物和服务招标投标管理办法 第14条): a prequalification
 * (after its applications closed), a supplier database, or the purchaser's written recommendation —
 * the last two need at least twice as many qualified as are drawn.
 */
export const invitationDrawSource = z.enum(['prequalification', 'supplierDatabase', 'recommendation']);
export type InvitationDrawSource = z.infer<typeof invitationDrawSource>;

/** B-007: the invitees are drawn at random among the qualified suppliers the tenderer names. */
export const invitationDrawRequest = z.strictObject({
  source: invitationDrawSource,
  /** How many are invited: at least three (B-006, B-007). */
  count: z.number().int().min(3).max(50),
  qualified: z
    .array(
      z.strictObject({
        entityId: uuid,
        /** Why the supplier is qualified, e.g. the number of its prequalification result notice. */
        evidence: z.string().trim().min(1).max(500),
      }),
    )
    .min(3)
    .max(200)
    .refine((q) => new Set(q.map((s) => s.entityId)).size === q.length, 'a qualified supplier is named twice'),
});
export type InvitationDrawRequest = z.infer<typeof invitationDrawRequest>;

export const invitationCreateRequest = z
  .strictObject({
    sectionIds,
    title: title.optional(),
    bodyHtml: bodyHtml.optional(),
    /** Invitees accept or decline before this instant. */
    replyDeadline: isoDateTime,
    /** At least three, from the bidder database (B-006, A-56); fewer is refused with INVITEES_TOO_FEW. */
    inviteeIds: inviteeIds.optional(),
    /** Instead of `inviteeIds`: draw them (B-007; required for government procurement by invitation). */
    draw: invitationDrawRequest.optional(),
  })
  .refine((r) => (r.inviteeIds === undefined) !== (r.draw === undefined), 'name the invitees, or the qualified suppliers to draw them from');
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

/** A qualified supplier of a B-007 draw, as the tenderer, its agency, staff and supervisors see it. */
export const qualifiedSupplierView = z.object({
  entityId: uuid,
  name: z.string(),
  creditCode: z.string(),
  regionCode,
  evidence: z.string(),
  /** Its id in the public draw's pool: the public draw names no supplier. */
  label: z.string(),
  drawn: z.boolean(),
});
export type QualifiedSupplierView = z.infer<typeof qualifiedSupplierView>;

export const invitationDrawView = z.object({
  /** Re-checkable by anyone once drawn: `bidhall draw verify --id`, or the portal's verify page. */
  drawId: uuid,
  source: invitationDrawSource,
  count: z.number().int(),
  committedAt: isoDateTime,
  /** When the drawn invitees were recorded; null until the tenderer draws. */
  drawnAt: isoDateTime.nullable(),
  qualified: z.array(qualifiedSupplierView),
});
export type InvitationDrawView = z.infer<typeof invitationDrawView>;

export const invitationView = z.object({
  removedMarkup,
  ...reviewedDraft,
  status: invitationStatus,
  replyDeadline: isoDateTime,
  sentAt: isoDateTime.nullable(),
  invitees: z.array(inviteeView),
  /** B-007: the draw the invitees come from; null when they were picked by name. */
  draw: invitationDrawView.nullable(),
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
  offset: listOffset,
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
