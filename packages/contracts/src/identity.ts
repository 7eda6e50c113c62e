import { z } from 'zod';
import { isoDateTime, regionCode, uuid } from './common.ts';
import { creditCodeProblem } from './credit-code.ts';
import { residentIdProblem } from './resident-id.ts';

export const entityRoles = ['tenderer', 'agency', 'bidder', 'guarantor'] as const;
export const entityRole = z.enum(entityRoles);
export type EntityRole = z.infer<typeof entityRole>;

export const entityStatuses = ['draft', 'pending', 'active', 'rejected', 'suspended', 'cancelled'] as const;
export const entityStatus = z.enum(entityStatuses);
export type EntityStatus = z.infer<typeof entityStatus>;

/** `admin` is the system administrator (系统管理员), `securityAdmin` the security administrator (安全管理员). */
export const userKinds = ['entity', 'staff', 'supervisor', 'expert', 'auditor', 'admin', 'securityAdmin'] as const;
export const userKind = z.enum(userKinds);
export type UserKind = z.infer<typeof userKind>;

const creditCodeMessages = {
  length: 'a unified social credit code has 18 characters',
  characters: 'a unified social credit code uses digits and capital letters other than I, O, S, V, Z',
  checkCharacter: 'the check character (last character) does not match the code',
} as const;

export const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = creditCodeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: creditCodeMessages[problem] });
  });

const residentIdMessages = {
  shape: 'a citizen identity number has 17 digits and a check digit or X',
  birthDate: 'the birth date in the number does not exist',
  checkCharacter: 'the check character (last character) does not match the number',
} as const;

/** A citizen identity number (公民身份号码, GB 11643-1999); a lower-case x is read as X. */
export const residentIdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = residentIdProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: residentIdMessages[problem] });
  });

const phone = z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'a mobile or landline number');
const text = (max: number) => z.string().trim().min(1).max(max);

/** The entity's own data; what a change request proposes. */
export const entityProfile = z.strictObject({
  name: text(100),
  creditCode,
  roles: z.array(entityRole).min(1).max(4).refine((r) => new Set(r).size === r.length, 'roles repeat'),
  regionCode,
  legalRepresentative: text(50),
  contactName: text(50),
  contactPhone: phone,
  contactEmail: z.email().max(120).optional(),
  address: text(200),
});
export type EntityProfile = z.infer<typeof entityProfile>;

/** Part of a profile, as a change proposes it; a change may clear the e-mail. */
export const entityProfilePatch = entityProfile.extend({ contactEmail: z.email().max(120).nullable() }).partial();

export const password = z
  .string()
  .min(10, 'at least 10 characters')
  .max(128)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), 'letters and digits');

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, '3–40 letters, digits, dot, dash or underscore');

export const registerEntityRequest = z.strictObject({
  agreement: z.strictObject({ version: text(20), accepted: z.literal(true) }),
  entity: entityProfile,
  account: z.strictObject({ username, displayName: text(50), password }),
  /** A signed integrity commitment admits the entity at once (task 9); without it, staff verify first. */
  commitment: z.strictObject({ version: text(20), accepted: z.boolean() }),
  /** Save as a draft instead of submitting. */
  draft: z.boolean().default(false),
});
export type RegisterEntityRequest = z.input<typeof registerEntityRequest>;

export const entityView = z.object({
  id: uuid,
  name: z.string(),
  creditCode: z.string(),
  roles: z.array(entityRole),
  regionCode: z.string(),
  legalRepresentative: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string().nullable(),
  address: z.string(),
  status: entityStatus,
  admission: z.enum(['commitment', 'review']),
  postCheck: z.enum(['pending', 'passed', 'failed']).nullable(),
  agreementVersion: z.string(),
  agreementAcceptedAt: isoDateTime,
  commitmentVersion: z.string().nullable(),
  commitmentSignedAt: isoDateTime.nullable(),
  applicantUserId: uuid.nullable(),
  submittedAt: isoDateTime.nullable(),
  verifiedBy: uuid.nullable(),
  verifiedAt: isoDateTime.nullable(),
  verificationNote: z.string().nullable(),
  statusReason: z.string().nullable(),
  statusChangedBy: uuid.nullable(),
  statusChangedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type EntityView = z.infer<typeof entityView>;

export const entityChangeView = z.object({
  id: uuid,
  entityId: uuid,
  status: z.enum(['draft', 'pending', 'approved', 'rejected', 'withdrawn']),
  proposed: entityProfilePatch,
  previous: entityProfilePatch,
  createdBy: uuid,
  createdAt: isoDateTime,
  submittedAt: isoDateTime.nullable(),
  verifiedBy: uuid.nullable(),
  verifiedAt: isoDateTime.nullable(),
  verificationNote: z.string().nullable(),
});
export type EntityChangeView = z.infer<typeof entityChangeView>;

export const proposeChangeRequest = z.strictObject({
  proposed: entityProfilePatch
    .omit({ creditCode: true })
    .strict()
    .refine((p) => Object.keys(p).length > 0, 'nothing to change'),
  submit: z.boolean().default(true),
});

export const verifyDecision = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(500).default(''),
}).refine((d) => d.decision === 'approve' || d.note.length > 0, { message: 'a rejection needs a reason', path: ['note'] });

export const statusChangeRequest = z.strictObject({
  action: z.enum(['suspend', 'reinstate', 'cancel']),
  reason: z.string().trim().min(2).max(500),
});

export const postCheckRequest = z.strictObject({
  checkKind: z.enum(['creditCode', 'businessLicence', 'creditBlacklist', 'qualification', 'other']),
  result: z.enum(['passed', 'failed']),
  note: z.string().trim().min(2).max(500),
  suspendOnFailure: z.boolean().default(true),
});

export const postCheckView = z.object({
  id: uuid,
  entityId: uuid,
  checkKind: z.string(),
  result: z.enum(['passed', 'failed']),
  note: z.string(),
  checkedBy: uuid,
  checkedAt: isoDateTime,
});

export const entityListQuery = z.strictObject({
  status: entityStatus.optional(),
  postCheck: z.enum(['pending', 'passed', 'failed']).optional(),
  regionCode: regionCode.optional(),
  role: entityRole.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['name', 'regionCode', 'status', 'submittedAt', 'createdAt']).default('submittedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const loginRequest = z.strictObject({ username, password: z.string().min(1).max(128) });
export const totpRequest = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'six digits') });

export const sessionUser = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  kind: userKind,
  regionCode: z.string(),
  department: z.string().nullable(),
  categories: z.array(z.string()),
  entity: z
    .object({ id: uuid, name: z.string(), status: entityStatus, roles: z.array(entityRole) })
    .nullable(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const loginResponse = z.object({
  stage: z.enum(['active', 'mfa', 'enrol']),
  user: sessionUser.optional(),
  enrolment: z.object({ secret: z.string(), otpauthUri: z.string() }).optional(),
});
export type LoginResponse = z.infer<typeof loginResponse>;

export const createUserRequest = z.strictObject({
  username,
  displayName: text(50),
  kind: z.enum(['staff', 'supervisor', 'expert', 'auditor', 'admin', 'securityAdmin']),
  regionCode,
  department: z.string().trim().min(1).max(100).optional(),
  categories: z.array(z.string().min(1).max(40)).max(20).default([]),
  password,
  /** The person the account is for (GB 11643 number); required for the three duties (decision 0012). */
  personIdNumber: residentIdNumber.optional(),
});

export const userView = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  kind: userKind,
  entityId: uuid.nullable(),
  regionCode: z.string(),
  department: z.string().nullable(),
  categories: z.array(z.string()),
  status: z.enum(['active', 'disabled']),
  /** The last characters of the bound person's identity number (`****123X`), null when none is bound. */
  personHint: z.string().nullable(),
  totpEnabled: z.boolean(),
  createdAt: isoDateTime,
  lastLoginAt: isoDateTime.nullable(),
});
