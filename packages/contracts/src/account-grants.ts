import { z } from 'zod';
import { isoDateTime, regionCode, uuid } from './common.ts';
import { password, residentIdNumber, userKind, username } from './identity.ts';

/** The three duties of MLPS 2.0 level 3 (三员): nobody holds two, and each needs dual control to grant. */
export const dutyKinds = ['admin', 'securityAdmin', 'auditor'] as const;
/** Kinds whose grant needs a second security administrator's approval (decision 0012). */
export const privilegedKinds = [...dutyKinds, 'staff', 'supervisor'] as const;
/** Kinds a security administrator grants; entity accounts come from registration. */
export const platformKinds = ['staff', 'supervisor', 'expert', 'auditor', 'admin', 'securityAdmin'] as const;
export const platformKind = z.enum(platformKinds);
export type PlatformKind = z.infer<typeof platformKind>;

export function isDutyKind(kind: string): boolean {
  return (dutyKinds as readonly string[]).includes(kind);
}
export function isPrivilegedKind(kind: string): boolean {
  return (privilegedKinds as readonly string[]).includes(kind);
}

const reason = z.string().trim().min(1).max(500);
const terms = {
  kind: platformKind,
  regionCode,
  department: z.string().trim().min(1).max(100).optional(),
  categories: z.array(z.string().min(1).max(40)).max(20).default([]),
};

/**
 * What a security administrator proposes: a new account, new terms for an account (kind, region,
 * department, categories; optionally the person it is bound to), or a disabled account enabled again.
 */
export const accountGrantRequest = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('create'),
    username,
    displayName: z.string().trim().min(1).max(50),
    ...terms,
    personIdNumber: residentIdNumber,
    password,
    reason,
  }),
  z.strictObject({ action: z.literal('change'), userId: uuid, ...terms, personIdNumber: residentIdNumber.optional(), reason }),
  z.strictObject({ action: z.literal('enable'), userId: uuid, reason }),
]);
export type AccountGrantRequest = z.input<typeof accountGrantRequest>;

export const accountGrantStatuses = ['pending', 'approved', 'rejected'] as const;

const accountTerms = z.object({ kind: userKind, regionCode: z.string(), department: z.string().nullable(), categories: z.array(z.string()) });

export const accountGrantView = z.object({
  id: uuid,
  action: z.enum(['create', 'change', 'enable']),
  status: z.enum(accountGrantStatuses),
  /** The account granted to; for a create, set once approved. */
  userId: uuid.nullable(),
  username: z.string(),
  displayName: z.string(),
  ...accountTerms.shape,
  /** `****123X` of the person the grant binds, or null when it binds none. */
  personHint: z.string().nullable(),
  /** The account's terms before a change or enable. */
  previous: accountTerms.nullable(),
  /** Needs a second security administrator's approval. */
  privileged: z.boolean(),
  reason: z.string(),
  proposedBy: uuid,
  proposedAt: isoDateTime,
  decidedBy: uuid.nullable(),
  decidedAt: isoDateTime.nullable(),
  decisionNote: z.string().nullable(),
});
export type AccountGrantView = z.infer<typeof accountGrantView>;

export const accountGrantQuery = z.strictObject({
  status: z.enum(accountGrantStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const grantDecisionRequest = z.strictObject({ note: z.string().trim().min(1).max(500).optional() });
export const grantRejectionRequest = z.strictObject({ note: reason });
export const disableAccountRequest = z.strictObject({ reason });
