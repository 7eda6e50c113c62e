import { z } from 'zod';

// Exchange with outside systems: the investment approval platform (项目审批监管平台) and the public
// service platform (公共服务平台). Server, web and CLI share these shapes.

/**
 * The national project code (项目代码): year, GB/T 2260 region, industry, approval type
 * (01 审批, 02 核准, 03 备案) and a serial number, e.g. `2026-150602-48-01-000123`.
 */
export const APPROVAL_CODE_PATTERN = /^(20\d{2})-([1-9]\d{5})-(\d{2})-(0[1-3])-(\d{6})$/;
export const approvalCode = z.string().regex(APPROVAL_CODE_PATTERN, 'a project code like 2026-150602-48-01-000123');

export const approvalKind = z.enum(['works', 'goods', 'services', 'governmentGoods', 'governmentServices']);

/** A project as the investment approval platform knows it; the one entry form is pre-filled from it. */
export const approvalRecord = z.object({
  approvalCode: z.string(),
  name: z.string(),
  regionCode: z.string(),
  category: z.string().optional(),
  kind: approvalKind.optional(),
  /** Approved total investment, integer fen as a decimal string. */
  investmentFen: z.string().regex(/^\d+$/),
  fundingSource: z.string(),
  owner: z.object({ name: z.string(), creditCode: z.string() }),
  location: z.string(),
  /** The approval date (Asia/Shanghai business date, YYYY-MM-DD). */
  approvedAt: z.string(),
  approvalAuthority: z.string(),
});
export type ApprovalRecord = z.infer<typeof approvalRecord>;

export const outboxStatus = z.enum(['pending', 'retrying', 'delivered', 'failed']);
export type OutboxStatus = z.infer<typeof outboxStatus>;

/** What the platform pushes: a publication, tendering project data, documents … */
export const outboxKind = z.string().regex(/^[a-z][a-zA-Z]{2,40}$/);

/**
 * Where an outbox message goes: the public service platform (公共服务平台), or the national designated
 * media for notices of mandatory projects (指定媒介, NDRC Order 10: 中国招标投标公共服务平台; B-001, B-037), or the
 * administrative supervision platform (行政监督平台) for evaluation reports (A-153, decision 0026).
 */
export const outboxDestination = z.enum(['publicService', 'designatedMedia', 'supervision']);
export type OutboxDestination = z.infer<typeof outboxDestination>;

/** One message to an outside platform as staff see it. */
export const outboxMessageView = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  destination: outboxDestination,
  kind: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  regionCode: z.string().nullable(),
  contentSm3: z.string(),
  status: outboxStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  receipt: z.string().nullable(),
});
export type OutboxMessageView = z.infer<typeof outboxMessageView>;

export const outboxQuery = z.strictObject({
  destination: outboxDestination.optional(),
  status: outboxStatus.optional(),
  kind: outboxKind.optional(),
  subjectId: z.string().max(80).optional(),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type OutboxQuery = z.infer<typeof outboxQuery>;

export const outboxPage = z.object({ items: z.array(outboxMessageView), nextCursor: z.string().nullable() });
export type OutboxPage = z.infer<typeof outboxPage>;

/**
 * The envelope posted to the public service platform (and, by the same protocol, the designated media). `content` is the RFC 8785 canonical JSON text
 * exactly as the portal stores it, so SM3(content) is the same number everywhere (B-003).
 */
export const publicServiceMessage = z.strictObject({
  messageId: z.uuid(),
  kind: outboxKind,
  subjectType: z.string().min(1).max(40),
  subjectId: z.string().min(1).max(80),
  regionCode: z.string().regex(/^\d{6}$/).nullable(),
  contentSm3: z.string().regex(/^[0-9a-f]{64}$/),
  content: z.string().min(2).max(4_000_000),
  sentAt: z.string(),
});
export type PublicServiceMessage = z.infer<typeof publicServiceMessage>;

/** The public service platform's acknowledgement. */
export const publicServiceAck = z.object({ receiptId: z.string(), messageId: z.string(), contentSm3: z.string(), receivedAt: z.string() });
export type PublicServiceAck = z.infer<typeof publicServiceAck>;
