import { z } from 'zod';
import { businessDate, isoDateTime } from './common.ts';
import { outboxDestination } from './exchange.ts';

// The public read model: publications (notices, clarifications, exceptions) as the portal, the
// feeds and the public service platform carry them.

export const publicationType = z.enum([
  'tenderNotice',
  'prequalificationNotice',
  'invitationResult',
  'clarification',
  'siteVisit',
  'termination',
  'retender',
  'openingRecord',
  'candidatePublicity',
  'prequalificationResult',
  'awardResult',
  'contractConclusion',
  'contractPerformance',
  'contractChange',
]);
export type PublicationType = z.infer<typeof publicationType>;

/** What a module hands to `publish` (decision 0008). The body HTML is re-checked before storing. */
export const publicationInput = z.strictObject({
  type: publicationType,
  sourceId: z.string().min(1).max(80),
  sectionIds: z.array(z.string().min(1).max(80)).max(200),
  regionCode: z.string().regex(/^[1-9]\d{5}$/),
  category: z.string().min(1).max(40),
  title: z.string().trim().min(1).max(300),
  bodyHtml: z.string().min(1).max(1_000_000),
  prominent: z.boolean(),
  publishedAt: z.iso.datetime({ offset: true }),
  round: z.number().int().min(1),
  links: z.strictObject({ documents: z.string().max(500).optional() }),
  /**
   * Whether any of the sections belongs to a mandatory project (依法必须招标). A tender or
   * prequalification notice of one also goes to the national designated media (B-001, B-037); later
   * publications of the same sections follow their notice's media whatever this says.
   */
  mandatory: z.boolean().optional(),
});
export type Publication = z.infer<typeof publicationInput>;

export const publicationStatus = z.enum(['published', 'withdrawn', 'terminated']);
export type PublicationStatus = z.infer<typeof publicationStatus>;

/** One row of a portal list or search result. */
export const noticeListItem = z.object({
  id: z.uuid(),
  type: publicationType,
  title: z.string(),
  regionCode: z.string(),
  category: z.string(),
  sectionIds: z.array(z.string()),
  round: z.number().int(),
  prominent: z.boolean(),
  status: publicationStatus,
  publishedAt: z.string(),
  excerpt: z.string(),
  contentSm3: z.string(),
  logIndex: z.number().int(),
  url: z.string(),
});
export type NoticeListItem = z.infer<typeof noticeListItem>;

export const noticeListQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  regionCode: z.string().regex(/^[1-9]\d{5}$/).optional(),
  category: z.string().min(1).max(40).optional(),
  type: publicationType.optional(),
  sectionId: z.string().min(1).max(80).optional(),
  prominent: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Published on or after this instant or Shanghai date (YYYY-MM-DD). */
  from: z.union([businessDate, isoDateTime]).optional(),
  /** Published before this instant, or on or before this Shanghai date. */
  to: z.union([businessDate, isoDateTime]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(300).optional(),
});
export type NoticeListQuery = z.infer<typeof noticeListQuery>;

export const noticeList = z.object({ items: z.array(noticeListItem), nextCursor: z.string().nullable() });
export type NoticeList = z.infer<typeof noticeList>;

/** A notice page: the publication, its proof in the public log, and related publications. */
export const noticePage = noticeListItem.extend({
  sourceId: z.string(),
  bodyHtml: z.string(),
  links: z.object({ documents: z.string().optional() }),
  statusChangedAt: z.string().nullable(),
  statusReason: z.string().nullable(),
  /** The exact RFC 8785 canonical JSON whose SM3 is `contentSm3` and which the log entry commits to. */
  content: z.string(),
  receipt: z.object({ logIndex: z.number().int(), url: z.string(), verify: z.string() }),
  /** The media besides this portal that carry the identical content (B-001, B-036). */
  media: z.array(outboxDestination),
  /** Other publications of the same sections: prominent ones (clarifications, B-014) first. */
  related: z.array(noticeListItem),
});
export type NoticePage = z.infer<typeof noticePage>;

export const feedEventKind = z.enum(['published', 'withdrawn', 'terminated']);

export const feedEvent = z.object({
  cursor: z.string(),
  event: feedEventKind,
  occurredAt: z.string(),
  reason: z.string().nullable(),
  publication: noticeListItem,
});
export type FeedEvent = z.infer<typeof feedEvent>;

export const feedQuery = z.strictObject({
  after: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The change feed: `nextCursor` is passed back as `after`; it never skips or repeats an event. */
export const feedPage = z.object({ events: z.array(feedEvent), nextCursor: z.string() });
export type FeedPage = z.infer<typeof feedPage>;

export const atomQuery = z.strictObject({
  regionCode: z.string().regex(/^[1-9]\d{5}$/).optional(),
  category: z.string().min(1).max(40).optional(),
  type: publicationType.optional(),
});
