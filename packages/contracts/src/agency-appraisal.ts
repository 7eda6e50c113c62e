import { z } from 'zod';
import { businessDate, listOffset, plainText, regionCode, uuid } from './common.ts';

/**
 * The daily appraisal of agencies (中介机构日常评价, action plan task 26; decision 0044): after a
 * section's award is decided, its tenderer and the staff of its region rate the section's agency on
 * three items; staff record an agency's commendations, violations and penalties; the means and the
 * records are public.
 */

/** The items rated, 1 (poor) … 5 (excellent): 执业规范, 服务质量, 工作效率. */
export const AGENCY_RATING_ITEMS = ['compliance', 'service', 'efficiency'] as const;
export type AgencyRatingItem = (typeof AGENCY_RATING_ITEMS)[number];

const score = z.number().int().min(1).max(5);

export const agencyRatingInput = z.strictObject({
  compliance: score,
  service: score,
  efficiency: score,
  comment: plainText(0, 500).default(''),
});
export type AgencyRatingInput = z.infer<typeof agencyRatingInput>;

/** Who rated: the section's tenderer (one rating, whichever of its users gives it) or a staff member of its region. */
export const AGENCY_RATER_KINDS = ['tenderer', 'staff'] as const;
export type AgencyRaterKind = (typeof AGENCY_RATER_KINDS)[number];

export const agencyRatingView = z.object({
  id: uuid,
  sectionId: uuid,
  round: z.number().int(),
  /** The section's name (for the agency's own list); null where the reader has the section already. */
  sectionName: z.string().nullable(),
  agencyEntityId: uuid,
  agencyName: z.string(),
  regionCode: z.string(),
  raterKind: z.enum(AGENCY_RATER_KINDS),
  /** The account's name (a staff member, or the tenderer's user). */
  raterName: z.string(),
  /** The tenderer's name for a tenderer's rating. */
  raterEntityName: z.string().nullable(),
  compliance: z.number().int(),
  service: z.number().int(),
  efficiency: z.number().int(),
  comment: z.string(),
  ratedAt: z.string(),
});
export type AgencyRatingView = z.infer<typeof agencyRatingView>;

/** Means of each item and of the three together (rounded to 2 places); null without ratings. */
export const agencyMeans = z.object({
  compliance: z.number().nullable(),
  service: z.number().nullable(),
  efficiency: z.number().nullable(),
  overall: z.number().nullable(),
  count: z.number().int(),
});
export type AgencyMeans = z.infer<typeof agencyMeans>;

/** Why the caller may not rate the section's agency now (null when it may). */
export const AGENCY_RATING_CLOSED = ['noAgency', 'notDecided', 'rated', 'notRater'] as const;
export type AgencyRatingClosed = (typeof AGENCY_RATING_CLOSED)[number];

/** A section's agency ratings, as its tenderer, agency and region's officers see them. */
export const sectionAgencyRatings = z.object({
  sectionId: uuid,
  agency: z.object({ entityId: uuid, name: z.string() }).nullable(),
  /** The section's award is decided: its agency may be rated. */
  awardDecided: z.boolean(),
  canRate: z.boolean(),
  closedReason: z.enum(AGENCY_RATING_CLOSED).nullable(),
  means: agencyMeans,
  ratings: z.array(agencyRatingView),
});
export type SectionAgencyRatings = z.infer<typeof sectionAgencyRatings>;

/** Behaviour records staff keep of an agency (良好行为 / 不良行为 / 行政处罚). */
export const AGENCY_RECORD_KINDS = ['commendation', 'violation', 'penalty'] as const;
export type AgencyRecordKind = (typeof AGENCY_RECORD_KINDS)[number];

export const agencyRecordInput = z.strictObject({
  kind: z.enum(AGENCY_RECORD_KINDS),
  /** The day it happened or was decided; not after today. */
  date: businessDate,
  description: plainText(1, 2000),
  /** The section it concerns, which the agency ran: the record is then that section's region's. */
  sectionId: uuid.optional(),
});
export type AgencyRecordInput = z.infer<typeof agencyRecordInput>;

export const agencyRecordView = z.object({
  id: uuid,
  agencyEntityId: uuid,
  agencyName: z.string(),
  kind: z.enum(AGENCY_RECORD_KINDS),
  date: z.string(),
  description: z.string(),
  regionCode: z.string(),
  sectionId: uuid.nullable(),
  recorderName: z.string(),
  recordedAt: z.string(),
});
export type AgencyRecordView = z.infer<typeof agencyRecordView>;

/** The agency's own appraisal (GET /api/v1/agency-ratings/mine). */
export const agencyOwnAppraisal = z.object({
  entityId: uuid,
  name: z.string(),
  means: agencyMeans,
  ratings: z.array(agencyRatingView),
  records: z.array(agencyRecordView),
});
export type AgencyOwnAppraisal = z.infer<typeof agencyOwnAppraisal>;

/** The public record (中介机构评价公示): no rater, no comment, no section — the means and the records. */
export const agencyPublicRecord = z.object({
  kind: z.enum(AGENCY_RECORD_KINDS),
  date: z.string(),
  description: z.string(),
  regionCode: z.string(),
});
export type AgencyPublicRecord = z.infer<typeof agencyPublicRecord>;

export const agencyPublicEntry = z.object({
  entityId: uuid,
  name: z.string(),
  means: agencyMeans,
  /** Newest first. */
  records: z.array(agencyPublicRecord),
});
export type AgencyPublicEntry = z.infer<typeof agencyPublicEntry>;

export const agencyPublicQuery = z.strictObject({
  /** Only ratings and records of this region and the regions below it. */
  regionCode: regionCode.optional(),
  offset: listOffset,
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type AgencyPublicQuery = z.infer<typeof agencyPublicQuery>;

export const agencyPublicPage = z.object({
  items: z.array(agencyPublicEntry),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type AgencyPublicPage = z.infer<typeof agencyPublicPage>;
