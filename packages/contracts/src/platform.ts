import { z } from 'zod';
import { entityChangeView } from './identity.ts';

export const messageView = z.object({
  id: z.uuid(),
  topic: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type MessageView = z.infer<typeof messageView>;

export const auditEventView = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  regionCode: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** Index of the public log entry that commits to this event. */
  logIndex: z.number().int().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

/**
 * An audit row as its auditor reads it (decision 0014): with the salt and the canonical JSON its log
 * entry's commitment is computed over, so the auditor's browser can recompute the commitment.
 */
export const auditEvidenceView = auditEventView.extend({
  commitmentSalt: z.string().nullable(),
  committedJson: z.string().nullable(),
});
export type AuditEvidenceView = z.infer<typeof auditEvidenceView>;

export const pendingChangeView = entityChangeView.extend({ entityName: z.string(), creditCode: z.string() });
export type PendingChangeView = z.infer<typeof pendingChangeView>;

export const accountName = z.object({ id: z.uuid(), displayName: z.string(), kind: z.string() });
export type AccountName = z.infer<typeof accountName>;
