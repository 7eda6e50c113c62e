import { z } from 'zod';
import { businessDate, isoDateTime, regionCode, uuid } from './common.ts';
import { approvalCode } from './exchange.ts';

/**
 * Projects (项目), tendering projects (招标项目), sections (标段/包), the one entry form (一表通办), agency
 * mandates and contracts, tendering plans: request bodies and views of the `projects` module
 * (decision 0008). Money is integer fen as a decimal string.
 */

export const fenDecimal = z.string().regex(/^(0|[1-9]\d{0,17})$/, 'integer fen as a decimal string');

/** Mirrors ProcurementKind of @bidhall/rules (contracts does not depend on rules; the server checks they match). */
export const PROCUREMENT_KINDS = ['works', 'goods', 'services', 'governmentGoods', 'governmentServices'] as const;
export const procurementKind = z.enum(PROCUREMENT_KINDS);
export const TENDER_METHODS = ['open', 'prequalification', 'invitation'] as const;
export const tenderMethod = z.enum(TENDER_METHODS);
/** Who organises the tendering project: the tenderer itself (自行招标) or an agency (委托招标). */
export const tenderingOrganisation = z.enum(['self', 'agency']);
export type TenderingOrganisation = z.infer<typeof tenderingOrganisation>;

/** The section's stage (decision 0008): opened once the hall has read the bids out (decision 0021); later issues add evaluated, awarded, … */
export const SECTION_STAGES = ['draft', 'submitted', 'registered', 'tendering', 'opened', 'terminated'] as const;
export const sectionStage = z.enum(SECTION_STAGES);
export type SectionStage = z.infer<typeof sectionStage>;

/** A submission reviewed by staff: entry forms and tendering plans. */
export const submissionStatus = z.enum(['draft', 'submitted', 'approved', 'rejected']);
export type SubmissionStatus = z.infer<typeof submissionStatus>;

/** Mirrors TIMETABLE_FIELDS of @bidhall/rules, in the order they normally happen. */
export const TIMETABLE_FIELD_NAMES = [
  'prequalificationNoticeStart',
  'prequalificationNoticeEnd',
  'prequalificationDocumentIssueStart',
  'prequalificationDocumentIssueEnd',
  'prequalificationQuestionsDeadline',
  'prequalificationClarificationIssuedAt',
  'applicationDeadline',
  'documentIssueStart',
  'documentIssueEnd',
  'questionsDeadline',
  'clarificationIssuedAt',
  'bidDeadline',
] as const;
export type TimetableFieldName = (typeof TIMETABLE_FIELD_NAMES)[number];

/** Set instants (ISO, with offset); null or absent clears a field. */
export const timetableInput = z.strictObject(
  Object.fromEntries(TIMETABLE_FIELD_NAMES.map((f) => [f, isoDateTime.nullable().optional()])) as Record<
    TimetableFieldName,
    z.ZodOptional<z.ZodNullable<typeof isoDateTime>>
  >,
);
export type TimetableInput = z.infer<typeof timetableInput>;
export const timetableView = z.partialRecord(z.enum(TIMETABLE_FIELD_NAMES), z.string());
export type TimetableView = z.infer<typeof timetableView>;

/** One violation of the statutory timetable, as `details.violations` of a TIMETABLE_UNLAWFUL problem. */
export const timetableViolationView = z.object({
  code: z.string(),
  source: z.string(),
  refs: z.array(z.string()),
  message: z.string(),
  fields: z.array(z.string()),
  earliest: z.object({ field: z.string(), date: z.string(), instant: z.string() }).optional(),
  latest: z.object({ field: z.string(), date: z.string(), instant: z.string() }).optional(),
});
export type TimetableViolationView = z.infer<typeof timetableViolationView>;

const text = (max: number) => z.string().trim().min(1).max(max);
const creditCodeText = z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'an 18-character unified social credit code');
const code = z.string().trim().regex(/^[\w.\-/（）()]{1,60}$/u, 'letters, digits and - _ . / ( )');

/** 项目: the investment project as the approval platform knows it. */
export const projectInput = z.strictObject({
  approvalCode,
  name: text(200),
  regionCode,
  /** Trading category code of the catalog (tradingCategory). */
  category: z.string().regex(/^[a-z][a-zA-Z]*$/),
  kind: procurementKind,
  /** A project that must be tendered by law (依法必须招标). */
  mandatory: z.boolean(),
  /** State-owned funds hold a controlling or leading share (国有资金占控股或者主导地位): Reg. 55 awards the first-ranked candidate (B-027). */
  stateFunded: z.boolean().default(false),
  investmentFen: fenDecimal,
  fundingSource: text(200),
  location: text(300),
});
export type ProjectInput = z.infer<typeof projectInput>;

/** The duties an agency may be entrusted with; anything else goes in `other`. */
export const AGENCY_DUTIES = [
  'prepareDocuments',
  'publishNotices',
  'answerQuestions',
  'organiseOpening',
  'organiseEvaluation',
  'publishCandidates',
  'draftContract',
  'archive',
] as const;
export const agencyDuty = z.enum(AGENCY_DUTIES);
export const mandateInput = z.strictObject({
  duties: z.array(agencyDuty).min(1).max(AGENCY_DUTIES.length),
  other: z.string().trim().max(2000).default(''),
});
export type MandateInput = z.infer<typeof mandateInput>;

/** 招标项目 */
export const tenderingProjectInput = z.strictObject({
  name: text(200),
  method: tenderMethod,
  organisation: tenderingOrganisation,
  /** The agency (by credit code) when organisation is 'agency'; ignored when an agency submits itself. */
  agencyCreditCode: creditCodeText.optional(),
  mandate: mandateInput.optional(),
  internationalMechanicalElectrical: z.boolean().default(false),
});
export type TenderingProjectInput = z.infer<typeof tenderingProjectInput>;

/** 标段（包） */
export const sectionInput = z.strictObject({
  code,
  name: text(200),
  budgetFen: fenDecimal,
  content: z.string().trim().max(20_000).default(''),
  timetable: timetableInput.optional(),
});
export type SectionInput = z.infer<typeof sectionInput>;

/** The one entry form (一表通办): project + tendering project + sections in one submission. */
export const entryFormRequest = z.strictObject({
  project: projectInput,
  tenderingProject: tenderingProjectInput,
  sections: z.array(sectionInput).min(1).max(200),
  /** The tenderer (by credit code) when an agency enters the form; the submitter itself otherwise. */
  tendererCreditCode: creditCodeText.optional(),
  /** false keeps the form a draft; default submits it for review at once. */
  submit: z.boolean().default(true),
});
export type EntryFormRequest = z.input<typeof entryFormRequest>;

export const submissionReviewRequest = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().max(2000).default(''),
});
export type SubmissionReviewRequest = z.input<typeof submissionReviewRequest>;

export const submissionReviewView = z.object({
  round: z.number().int(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decision: z.enum(['approve', 'reject']).nullable(),
  comment: z.string(),
  reviewedBy: z.string().nullable(),
  reviewerName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});

export const prefillView = z.object({
  approvalCode: z.string(),
  name: z.string(),
  regionCode: z.string(),
  category: z.string().nullable(),
  kind: procurementKind.nullable(),
  investmentFen: fenDecimal,
  fundingSource: z.string(),
  owner: z.object({ name: z.string(), creditCode: z.string() }),
  location: z.string(),
  approvedAt: z.string(),
  approvalAuthority: z.string(),
  /** The project is already on the platform: a new tendering project joins it. */
  existingProjectId: uuid.nullable(),
});
export type PrefillView = z.infer<typeof prefillView>;

export const projectView = z.object({
  id: uuid,
  approvalCode: z.string(),
  name: z.string(),
  regionCode: z.string(),
  category: z.string(),
  /** The catalog says this category must be traded on the platform (应进必进, task 1). */
  mustEnter: z.boolean(),
  kind: procurementKind,
  mandatory: z.boolean(),
  stateFunded: z.boolean(),
  investmentFen: fenDecimal,
  fundingSource: z.string(),
  location: z.string(),
  ownerEntityId: uuid,
  ownerName: z.string(),
  status: z.enum(['draft', 'submitted', 'registered']),
  createdAt: z.string(),
});
export type ProjectView = z.infer<typeof projectView>;

export const sectionView = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  budgetFen: fenDecimal,
  content: z.string(),
  stage: sectionStage,
  round: z.number().int(),
  timetable: timetableView,
  tenderingProjectId: uuid,
  createdOn: z.string(),
});
export type SectionView = z.infer<typeof sectionView>;

export const mandateView = z.object({
  duties: z.array(agencyDuty),
  other: z.string(),
  setBy: uuid,
  setAt: z.string(),
});

export const tenderingProjectView = z.object({
  id: uuid,
  projectId: uuid,
  name: z.string(),
  method: tenderMethod,
  organisation: tenderingOrganisation,
  internationalMechanicalElectrical: z.boolean(),
  tendererEntityId: uuid,
  tendererName: z.string(),
  agencyEntityId: uuid.nullable(),
  agencyName: z.string().nullable(),
  mandate: mandateView.nullable(),
  status: submissionStatus,
  createdAt: z.string(),
});
export type TenderingProjectView = z.infer<typeof tenderingProjectView>;

export const entryFormView = z.object({
  id: uuid,
  status: submissionStatus,
  mustEnter: z.boolean(),
  prefilled: z.boolean(),
  project: projectView,
  tenderingProject: tenderingProjectView,
  sections: z.array(sectionView),
  submittedAt: z.string().nullable(),
  reviews: z.array(submissionReviewView),
});
export type EntryFormView = z.infer<typeof entryFormView>;

/** A tendering project page: its project and its sections. */
export const tenderingProjectDetail = z.object({
  tenderingProject: tenderingProjectView,
  project: projectView,
  sections: z.array(sectionView),
  entryFormId: uuid,
  /** The agency contract and the tendering plan of this tendering project, once drafted. */
  agencyContractId: uuid.nullable(),
  tenderingPlanId: uuid.nullable(),
});
export const projectDetail = z.object({ project: projectView, tenderingProjects: z.array(tenderingProjectView) });

/** The SectionSnapshot of decision 0008 plus what a section page shows. */
export const sectionSnapshotView = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  round: z.number().int(),
  stage: sectionStage,
  tenderingProjectId: uuid,
  tenderingProjectName: z.string(),
  projectId: uuid,
  projectName: z.string(),
  approvalCode: z.string(),
  regionCode: z.string(),
  category: z.string(),
  kind: procurementKind,
  mandatory: z.boolean(),
  /** B-027: a state-funded mandatory section awards the first-ranked candidate. */
  stateFunded: z.boolean(),
  method: tenderMethod,
  budgetFen: fenDecimal,
  tendererEntityId: uuid,
  tendererName: z.string(),
  agencyEntityId: uuid.nullable(),
  agencyName: z.string().nullable(),
  timetable: timetableView,
  createdOn: z.string(),
});
export type SectionSnapshotView = z.infer<typeof sectionSnapshotView>;
export const sectionDetail = sectionSnapshotView.extend({
  content: z.string(),
  entryFormId: uuid,
  terminatedReason: z.string().nullable(),
  /** The caller may manage this section (tenderer, or agency with a mandate). */
  canManage: z.boolean(),
});
export type SectionDetail = z.infer<typeof sectionDetail>;

export const sectionPatch = z.strictObject({
  name: text(200).optional(),
  budgetFen: fenDecimal.optional(),
  content: z.string().trim().max(20_000).optional(),
});

export const projectsQuery = z.strictObject({
  status: submissionStatus.optional(),
  stage: sectionStage.optional(),
  regionCode: regionCode.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['submittedAt', '-submittedAt', 'createdAt', '-createdAt', 'name']).default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ProjectsQuery = z.input<typeof projectsQuery>;

/** A row of a list of entry forms (my entries, the staff review queue). */
export const entryFormRow = z.object({
  id: uuid,
  status: submissionStatus,
  projectName: z.string(),
  approvalCode: z.string(),
  tenderingProjectId: uuid,
  tenderingProjectName: z.string(),
  regionCode: z.string(),
  category: z.string(),
  mustEnter: z.boolean(),
  tendererName: z.string(),
  agencyName: z.string().nullable(),
  sectionCount: z.number().int(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const entryFormList = z.object({ items: z.array(entryFormRow), total: z.number().int() });
export const sectionList = z.object({ items: z.array(sectionSnapshotView), total: z.number().int() });

// ---- Agency contract (A-42…A-44) ----

export const agencyContractStatus = z.enum(['draft', 'negotiating', 'agreed', 'signed']);
export const contractSide = z.enum(['tenderer', 'agency']);
export type ContractSide = z.infer<typeof contractSide>;

export const agencyContractCreate = z.strictObject({
  tenderingProjectId: uuid,
  title: text(200),
  text: text(200_000),
});
export const agencyContractPatch = z.strictObject({ title: text(200).optional(), text: text(200_000).optional() });
/** A new version of the text, proposed by one side: opens the next round. */
export const agencyContractRoundRequest = z.strictObject({ text: text(200_000), note: z.string().trim().max(4000).default('') });
/**
 * One side's opinion on a round, signed: `signature` is a detached CMS (base64) over the UTF-8 bytes of
 * `agencyContractOpinionText(...)`, made with a certificate bound to the side's entity.
 */
export const agencyContractOpinionRequest = z.strictObject({
  round: z.number().int().min(1).max(1000),
  accept: z.boolean(),
  opinion: z.string().trim().max(4000),
  signature: z.string().min(4).max(1_400_000),
});
/** The e-signature of the agreed text: a detached CMS (base64) over the UTF-8 bytes of the agreed text. */
export const agencyContractSignRequest = z.strictObject({ signature: z.string().min(4).max(1_400_000) });

/** The exact text an opinion signature covers. */
export function agencyContractOpinionText(o: { contractId: string; round: number; textSm3: string; accept: boolean; opinion: string }): string {
  return `bidhall agency contract opinion\ncontract: ${o.contractId}\nround: ${o.round}\ntext-sm3: ${o.textSm3}\naccept: ${o.accept}\nopinion: ${o.opinion}`;
}

export const agencyContractSignatureView = z.object({
  side: contractSide,
  entityId: uuid,
  subject: z.string(),
  fingerprint: z.string(),
  serialNumber: z.string(),
  signingTime: z.string().nullable(),
  signedBy: uuid,
  signedAt: z.string(),
});
export const agencyContractOpinionView = z.object({
  side: contractSide,
  accept: z.boolean(),
  opinion: z.string(),
  signature: agencyContractSignatureView,
});
export const agencyContractRoundView = z.object({
  round: z.number().int(),
  proposedBy: contractSide,
  text: z.string(),
  textSm3: z.string(),
  note: z.string(),
  proposedAt: z.string(),
  opinions: z.array(agencyContractOpinionView),
});
export const agencyContractView = z.object({
  id: uuid,
  tenderingProjectId: uuid,
  tendererEntityId: uuid,
  agencyEntityId: uuid,
  title: z.string(),
  status: agencyContractStatus,
  createdBy: contractSide,
  /** The text of the latest round (or the draft). */
  text: z.string(),
  agreedRound: z.number().int().nullable(),
  rounds: z.array(agencyContractRoundView),
  signatures: z.array(agencyContractSignatureView),
  createdAt: z.string(),
});
export type AgencyContractView = z.infer<typeof agencyContractView>;

// ---- Tendering plan and team (A-47…A-49) ----

export const planItemInput = z.strictObject({
  milestone: text(200),
  plannedDate: businessDate,
  sectionId: uuid.optional(),
  note: z.string().trim().max(2000).default(''),
});
export const teamMemberInput = z.strictObject({
  name: text(60),
  role: text(60),
  duties: text(2000),
  phone: z.string().trim().max(30).default(''),
});
export const tenderingPlanInput = z.strictObject({
  description: z.string().trim().max(20_000).default(''),
  items: z.array(planItemInput).min(1).max(200),
  team: z.array(teamMemberInput).min(1).max(100),
});
export type TenderingPlanInput = z.input<typeof tenderingPlanInput>;
export const tenderingPlanCreate = tenderingPlanInput.extend({ tenderingProjectId: uuid, submit: z.boolean().default(false) });
export const tenderingPlanView = z.object({
  id: uuid,
  tenderingProjectId: uuid,
  status: submissionStatus,
  /** In force: approved. */
  effective: z.boolean(),
  description: z.string(),
  items: z.array(z.object({ milestone: z.string(), plannedDate: z.string(), sectionId: uuid.nullable(), note: z.string() })),
  team: z.array(z.object({ name: z.string(), role: z.string(), duties: z.string(), phone: z.string() })),
  submittedAt: z.string().nullable(),
  reviews: z.array(submissionReviewView),
  createdAt: z.string(),
});
export type TenderingPlanView = z.infer<typeof tenderingPlanView>;

/** A row of the staff list of tendering plans, with what the queue shows of its project. */
export const tenderingPlanRow = z.object({
  id: uuid,
  status: submissionStatus,
  tenderingProjectId: uuid,
  tenderingProjectName: z.string(),
  projectName: z.string(),
  approvalCode: z.string(),
  regionCode: z.string(),
  tendererName: z.string(),
  itemCount: z.number().int(),
  teamCount: z.number().int(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TenderingPlanRow = z.infer<typeof tenderingPlanRow>;
export const tenderingPlanList = z.object({ items: z.array(tenderingPlanRow), total: z.number().int() });
export type TenderingPlanList = z.infer<typeof tenderingPlanList>;
