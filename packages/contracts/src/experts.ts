import { z } from 'zod';
import { sitting } from './bidding.ts';
import { businessDate, isoDateTime, regionCode } from './common.ts';
import { isValidCreditCode } from './credit-code.ts';
import { residentIdProblem } from './resident-id.ts';

/**
 * Evaluation expert pool (专家库, issue 12 §1) — contracts only so far.
 * A two-level subset of the national 评标专家专业分类: 工程 / 货物 / 服务 and their children.
 */
export interface SpecialtyNode {
  code: string;
  nameZh: string;
  nameEn: string;
  parent: string | null;
}

export const EXPERT_SPECIALTIES: readonly SpecialtyNode[] = [
  { code: 'A', nameZh: '工程', nameEn: 'Works', parent: null },
  { code: 'A01', nameZh: '房屋建筑', nameEn: 'Building construction', parent: 'A' },
  { code: 'A02', nameZh: '市政公用', nameEn: 'Municipal utilities', parent: 'A' },
  { code: 'A03', nameZh: '公路', nameEn: 'Highways', parent: 'A' },
  { code: 'A04', nameZh: '水利水电', nameEn: 'Water resources and hydropower', parent: 'A' },
  { code: 'A05', nameZh: '工程造价', nameEn: 'Construction cost', parent: 'A' },
  { code: 'B', nameZh: '货物', nameEn: 'Goods', parent: null },
  { code: 'B01', nameZh: '机电设备', nameEn: 'Mechanical and electrical equipment', parent: 'B' },
  { code: 'B02', nameZh: '信息技术设备', nameEn: 'IT equipment', parent: 'B' },
  { code: 'B03', nameZh: '医疗器械', nameEn: 'Medical devices', parent: 'B' },
  { code: 'B04', nameZh: '建筑材料', nameEn: 'Building materials', parent: 'B' },
  { code: 'C', nameZh: '服务', nameEn: 'Services', parent: null },
  { code: 'C01', nameZh: '工程勘察设计', nameEn: 'Survey and design', parent: 'C' },
  { code: 'C02', nameZh: '工程监理', nameEn: 'Construction supervision', parent: 'C' },
  { code: 'C03', nameZh: '信息技术服务', nameEn: 'IT services', parent: 'C' },
  { code: 'C04', nameZh: '法律财务', nameEn: 'Legal and financial services', parent: 'C' },
];

const SPECIALTY_CODES = new Set(EXPERT_SPECIALTIES.map((s) => s.code));
export function isKnownSpecialty(code: string): boolean {
  return SPECIALTY_CODES.has(code);
}

export const EXPERT_STATES = ['applied', 'admitted', 'rejected', 'suspended', 'removed'] as const;
export const expertState = z.enum(EXPERT_STATES);
export type ExpertState = z.infer<typeof expertState>;

export const EXPERT_LEVELS = ['junior', 'intermediate', 'senior', 'professorSenior'] as const; // 初级/中级/高级/正高级
export const expertLevel = z.enum(EXPERT_LEVELS);

const text = (max: number) => z.string().trim().min(1).max(max);

export const declaredEmployer = z.strictObject({
  creditCode: z.string().refine(isValidCreditCode, 'a unified social credit code').optional(),
  name: text(200),
  from: businessDate,
  until: businessDate.nullable(),
});

export const expertApplication = z.strictObject({
  name: text(50),
  idNumber: z.string().refine((s) => residentIdProblem(s) === null, 'a resident ID number'),
  phone: z.string().regex(/^1\d{10}$/, 'an 11-digit mobile number'),
  employer: z.strictObject({
    creditCode: z.string().refine(isValidCreditCode, 'a unified social credit code').optional(),
    name: text(200),
  }),
  title: text(50),
  level: expertLevel,
  regionCode,
  specialties: z.array(z.string().refine(isKnownSpecialty, 'a known specialty code')).min(1).max(10),
  conflicts: z.strictObject({
    employers: z.array(declaredEmployer).max(20),
    relativesEmployers: z.array(z.strictObject({ relation: text(20), name: text(200) })).max(20),
  }),
});
export type ExpertApplication = z.infer<typeof expertApplication>;

// ---------------------------------------------------------------------------------------------
// The pool as the API serves it

export const EXPERT_SOURCES = ['application', 'nomination'] as const;
export const expertSource = z.enum(EXPERT_SOURCES);

/** Staff decisions on an expert's state: each from the states named in `EXPERT_TRANSITIONS`. */
export const EXPERT_DECISIONS = ['admit', 'reject', 'suspend', 'reinstate', 'remove'] as const;
export const expertDecisionKind = z.enum(EXPERT_DECISIONS);
export type ExpertDecisionKind = z.infer<typeof expertDecisionKind>;

export const EXPERT_TRANSITIONS: Record<ExpertDecisionKind, { from: readonly ExpertState[]; to: ExpertState }> = {
  admit: { from: ['applied'], to: 'admitted' },
  reject: { from: ['applied'], to: 'rejected' },
  suspend: { from: ['admitted'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'admitted' },
  remove: { from: ['admitted', 'suspended'], to: 'removed' },
};

const reasonText = z.string().trim().min(1).max(500);

export const expertDecision = z.strictObject({ decision: expertDecisionKind, reason: reasonText });
export type ExpertDecision = z.infer<typeof expertDecision>;

/** A staff nomination (推荐入库) carries the same facts as an application. */
export const expertNomination = expertApplication.extend({ reason: reasonText });
export type ExpertNomination = z.infer<typeof expertNomination>;

/** What staff may correct after entry; every change is kept with who and when. */
export const expertEdit = z
  .strictObject({
    phone: expertApplication.shape.phone.optional(),
    employer: expertApplication.shape.employer.optional(),
    title: expertApplication.shape.title.optional(),
    level: expertLevel.optional(),
    regionCode: regionCode.optional(),
    specialties: expertApplication.shape.specialties.optional(),
    conflicts: expertApplication.shape.conflicts.optional(),
    reason: reasonText,
  })
  .refine((e) => Object.keys(e).length > 1, 'change at least one field');
export type ExpertEdit = z.infer<typeof expertEdit>;

export const expertSharing = z.strictObject({ shared: z.boolean(), reason: reasonText });
export const expertRecommendation = z.strictObject({ reason: reasonText });
export const expertAccountLink = z.strictObject({ username: z.string().trim().min(3).max(64) });

/** Behaviour records: rewards, penalties, training, violations found. */
export const EXPERT_RECORD_KINDS = ['reward', 'penalty', 'training', 'violation'] as const;
export const expertRecordInput = z.strictObject({
  kind: z.enum(EXPERT_RECORD_KINDS),
  date: businessDate,
  description: z.string().trim().min(1).max(2000),
});
export type ExpertRecordInput = z.infer<typeof expertRecordInput>;

/** A rating after an evaluation (A-135, task 26): 1 (poor) … 5 (excellent) on each aspect. */
export const expertRatingInput = z.strictObject({
  sectionId: z.uuid(),
  punctuality: z.number().int().min(1).max(5),
  competence: z.number().int().min(1).max(5),
  fairness: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).default(''),
});
export type ExpertRatingInput = z.infer<typeof expertRatingInput>;

export const EXPERT_EVENT_ACTIONS = [
  'applied',
  'nominated',
  'admit',
  'reject',
  'suspend',
  'reinstate',
  'remove',
  'edited',
  'shared',
  'unshared',
  'recommended',
  'recorded',
  'rated',
  'accountLinked',
] as const;

export const expertEventView = z.object({
  id: z.uuid(),
  action: z.enum(EXPERT_EVENT_ACTIONS),
  at: z.string(),
  /** Null for an anonymous application. */
  byUserId: z.uuid().nullable(),
  byName: z.string().nullable(),
  fromState: expertState.nullable(),
  toState: expertState.nullable(),
  reason: z.string().nullable(),
  /** Field → [before, after] for an edit. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
});
export type ExpertEventView = z.infer<typeof expertEventView>;

export const expertRecordView = expertRecordInput.extend({
  id: z.uuid(),
  recordedBy: z.uuid(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type ExpertRecordView = z.infer<typeof expertRecordView>;

export const expertRatingView = z.object({
  id: z.uuid(),
  sectionId: z.uuid(),
  punctuality: z.number(),
  competence: z.number(),
  fairness: z.number(),
  comment: z.string(),
  ratedBy: z.uuid(),
  ratedAt: z.string(),
});
export type ExpertRatingView = z.infer<typeof expertRatingView>;

/** One expert as staff and supervisors see them. The ID number is shown masked (`****123X`). */
export const expertView = z.object({
  id: z.uuid(),
  name: z.string(),
  idHint: z.string(),
  phone: z.string(),
  employer: expertApplication.shape.employer,
  title: z.string(),
  level: expertLevel,
  regionCode: z.string(),
  specialties: z.array(z.string()),
  conflicts: expertApplication.shape.conflicts,
  state: expertState,
  source: expertSource,
  /** In the pool shared with other cities for remote cross-region evaluation (task 6). */
  shared: z.boolean(),
  /** The expert's platform account, once linked. */
  username: z.string().nullable(),
  /** Another live record of the same person (an application that repeats one). */
  duplicateOf: z.uuid().nullable(),
  appliedAt: z.string(),
  decidedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** Mean of the ratings' three aspects, or null before the first rating. */
  rating: z.number().nullable(),
  ratings: z.number().int(),
});
export type ExpertView = z.infer<typeof expertView>;

export const expertDetailView = expertView.extend({
  events: z.array(expertEventView),
  records: z.array(expertRecordView),
  ratingsList: z.array(expertRatingView),
});
export type ExpertDetailView = z.infer<typeof expertDetailView>;

export const expertQuery = z.strictObject({
  state: expertState.optional(),
  specialty: z.string().refine(isKnownSpecialty, 'a known specialty code').optional(),
  regionCode: regionCode.optional(),
  /** Part of the name. */
  q: z.string().trim().min(1).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ExpertQuery = z.infer<typeof expertQuery>;

export const expertPage = z.object({ items: z.array(expertView), nextCursor: z.string().nullable(), total: z.number().int() });
export type ExpertPage = z.infer<typeof expertPage>;

/** The answer to an application: its number and the token to follow it with (no account needed). */
export const expertApplicationReceipt = z.object({ id: z.uuid(), statusToken: z.string(), appliedAt: z.string() });
export const expertApplicationStatus = z.object({
  id: z.uuid(),
  state: expertState,
  appliedAt: z.string(),
  decidedAt: z.string().nullable(),
  /** The reason given with an admission or a rejection. */
  decisionNote: z.string().nullable(),
});
export type ExpertApplicationStatus = z.infer<typeof expertApplicationStatus>;

/** The public record (公示): admissions, removals and violations, names masked (张*明). */
/** Admissions and removals, and every behaviour record (task 27: 日常评标、评标评估、培训考核 … 予以公开). */
export const PUBLIC_RECORD_KINDS = ['admitted', 'removed', 'violation', 'penalty', 'reward', 'training'] as const;
export const expertPublicEntry = z.object({
  kind: z.enum(PUBLIC_RECORD_KINDS),
  at: z.string(),
  maskedName: z.string(),
  regionCode: z.string(),
  level: expertLevel,
  specialties: z.array(z.string()),
  note: z.string().nullable(),
});
export type ExpertPublicEntry = z.infer<typeof expertPublicEntry>;
export const expertPublicPage = z.object({ items: z.array(expertPublicEntry), nextCursor: z.string().nullable() });

/** 张三 → 张*, 欧阳小明 → 欧**明: the first character and, for names of three or more, the last. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// The committee draw (专家抽取, issue 12 §2)

/** A specialty's share of the committee's expert seats. */
export const committeeSpecialtySeats = z.strictObject({
  code: z.string().refine(isKnownSpecialty, 'a known specialty code'),
  count: z.number().int().min(1).max(25),
});

/** A unit the tenderer also wants avoided, beyond the bidders, the tenderer and the agency. */
export const avoidedUnit = z.strictObject({
  name: z.string().trim().min(1).max(200),
  creditCode: z.string().refine(isValidCreditCode, 'a unified social credit code').optional(),
});

/**
 * The committee plan: its size, how many seats the tenderer's representatives take, the expert
 * seats per specialty, the levels drawn from and the regions whose pools are used. Seats outside the
 * section's own region are filled only from experts in the shared pool (task 6).
 */
export const committeePlanInput = z.strictObject({
  size: z.number().int().min(3).max(25),
  tendererRepresentatives: z.number().int().min(0).max(8),
  specialties: z.array(committeeSpecialtySeats).min(1).max(10),
  levels: z.array(expertLevel).min(1).max(EXPERT_LEVELS.length),
  regionCodes: z.array(regionCode).min(1).max(20),
  /** 依法必须招标: the composition rules of B-020 and B-021 apply. */
  mandatory: z.boolean(),
  /** A water project (B-022): seven or more, odd. */
  waterProject: z.boolean(),
  evaluationStartsAt: isoDateTime,
  venue: z.string().trim().min(1).max(200),
  /** How long a drawn expert has to answer, in minutes. */
  answerWithinMinutes: z.number().int().min(5).max(1440),
  avoidUnits: z.array(avoidedUnit).max(500),
});
export type CommitteePlanInput = z.infer<typeof committeePlanInput>;

export const SEAT_STATES = ['notified', 'accepted', 'declined', 'expired'] as const;
export const seatState = z.enum(SEAT_STATES);
export type SeatState = z.infer<typeof seatState>;

export const NOTIFY_CHANNELS = ['inApp', 'sms', 'voice'] as const;
export const notifyChannel = z.enum(NOTIFY_CHANNELS);

/**
 * One drawn seat as the section's parties and staff see it before the award: numbered, its specialty,
 * when and how it was notified and how it was answered — never who sits in it.
 */
export const committeeSeatView = z.object({
  seat: z.number().int(),
  specialty: z.string(),
  drawId: z.uuid(),
  notifiedAt: z.string(),
  channels: z.array(notifyChannel),
  answerBy: z.string(),
  state: seatState,
  answeredAt: z.string().nullable(),
  /** A seat declined or expired is replaced by a later one. */
  replacedBy: z.number().int().nullable(),
});
export type CommitteeSeatView = z.infer<typeof committeeSeatView>;

export const committeeDrawSummary = z.object({
  drawId: z.uuid(),
  specialty: z.string(),
  count: z.number().int(),
  /** The trust core's draw (GET /api/v1/draws/:id); reproducible by anyone once revealed. */
  state: z.enum(['committed', 'performed', 'revealed']),
  performedAt: z.string().nullable(),
  eligible: z.number().int(),
  replacement: z.boolean(),
});

export const committeeView = z.object({
  sectionId: z.uuid(),
  /** 'bid': the evaluation committee (评标委员会); 'application': the prequalification review committee (资格审查委员会, A-158). */
  sitting,
  plan: committeePlanInput.nullable(),
  /** Composition rules the plan breaks (B-020…B-022; a review committee's B-045, B-046); a plan with any cannot be drawn. */
  planIssues: z.array(z.strictObject({ rule: z.string(), message: z.string() })),
  draws: z.array(committeeDrawSummary),
  seats: z.array(committeeSeatView),
  /** Expert seats still to fill: planned seats less those notified or accepted. */
  open: z.number().int(),
  /** How many experts of the eligible pool were left out by avoidance at the last draw (a count only). */
  avoided: z.number().int(),
  state: z.enum(['unplanned', 'planned', 'drawing', 'complete']),
});
export type CommitteeView = z.infer<typeof committeeView>;

/** Draw the open seats: the first draw, or a replacement of declined and expired seats. */
export const committeeDrawRequest = z.strictObject({ reason: z.string().trim().min(1).max(500) });

/** An invitation as the drawn expert sees it: the section, the time and place, and what to answer. */
export const expertInvitationView = z.object({
  id: z.uuid(),
  sectionId: z.uuid(),
  /** Which committee: the evaluation's ('bid') or the prequalification review's ('application'). */
  sitting,
  sectionName: z.string(),
  projectName: z.string(),
  tendererName: z.string(),
  specialty: z.string(),
  venue: z.string(),
  evaluationStartsAt: z.string(),
  notifiedAt: z.string(),
  channels: z.array(notifyChannel),
  answerBy: z.string(),
  state: seatState,
  answeredAt: z.string().nullable(),
});
export type ExpertInvitationView = z.infer<typeof expertInvitationView>;

/** Accepting confirms no conflict with the tenderer or the bidders; declining says why. */
export const expertInvitationAnswer = z.discriminatedUnion('accept', [
  z.strictObject({ accept: z.literal(true), noConflict: z.literal(true) }),
  z.strictObject({ accept: z.literal(false), reason: z.string().trim().min(1).max(500) }),
]);
export type ExpertInvitationAnswer = z.infer<typeof expertInvitationAnswer>;

/** The drawn expert's own profile (GET /api/v1/experts/me). */
export const expertSelfView = z.object({
  expert: expertDetailView.nullable(),
  invitations: z.array(expertInvitationView),
});
export type ExpertSelfView = z.infer<typeof expertSelfView>;
