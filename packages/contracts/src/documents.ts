import { z } from 'zod';
import { isoDateTime, removedMarkup, uuid } from './common.ts';
import { jsonSignature, timestampToken } from './trust.ts';
import type { VersionedText } from './agreements.ts';

/**
 * Tender and prequalification documents (decision 0008, module `documents`): templates with chapter
 * fields (A-59… …A-73), the evaluation method as data, the parts of a bid and the
 * bidSummary fields, attachments, the signed package (A-66, A-67, task 18), free
 * downloads with signed receipts (A-68, task 24), questions, clarifications (A-82…A-86) and
 * site visits (A-77…A-79).
 */

// ---------------------------------------------------------------------------------------------------
// Templates and chapter fields

export const DOCUMENT_KINDS = ['tender', 'prequalification'] as const;
/** 招标文件 or 资格预审文件. */
export const documentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKind>;

/**
 * A chapter field's type; every value travels as a string (or null when empty):
 * text and richText (sanitised HTML) as written, number as a decimal, money as integer fen,
 * date as an ISO date or instant, select as one of the field's options.
 */
export const FIELD_TYPES = ['text', 'number', 'money', 'date', 'select', 'richText'] as const;
export const fieldType = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof fieldType>;

/** Section data a field can be pulled from; kept equal to the section on packaging. */
export const SECTION_SOURCES = [
  'sectionName',
  'sectionCode',
  'projectName',
  'approvalCode',
  'tenderingProjectName',
  'budgetFen',
  'tendererName',
  'agencyName',
  'documentIssueStart',
  'documentIssueEnd',
  'questionsDeadline',
  'bidDeadline',
  'prequalificationDocumentIssueStart',
  'prequalificationDocumentIssueEnd',
  'prequalificationQuestionsDeadline',
  'applicationDeadline',
] as const;
export const sectionSource = z.enum(SECTION_SOURCES);
export type SectionSource = z.infer<typeof sectionSource>;

const key = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'a camelCase key');

export const templateField = z.object({
  key,
  label: z.string().min(1).max(100),
  type: fieldType,
  required: z.boolean(),
  /** The choices of a select field. */
  options: z.array(z.string().min(1).max(100)).optional(),
  /** Pulled from the section and not edited by hand. */
  fromSection: sectionSource.optional(),
});
export type TemplateField = z.infer<typeof templateField>;

export const templateChapter = z.object({
  key,
  /** 第一章 = 1 … */
  number: z.number().int().min(1),
  title: z.string().min(1).max(100),
  /** The standard text of the chapter (model text); fields are filled beside it. */
  standardText: z.string(),
  fields: z.array(templateField),
});
export type TemplateChapter = z.infer<typeof templateChapter>;

/** Broad procurement kinds a template serves (government goods use the goods template …). */
export const templateScope = z.enum(['works', 'goods', 'services']);
export type TemplateScope = z.infer<typeof templateScope>;

export const templateView = z.object({
  code: z.string(),
  name: z.string(),
  documentKind,
  scope: templateScope,
  version: z.string(),
  /** Works documents need a bill of quantities (工程量清单) attachment. */
  requiresBillOfQuantities: z.boolean(),
  chapters: z.array(templateChapter),
});
export type TemplateView = z.infer<typeof templateView>;

// ---------------------------------------------------------------------------------------------------
// The evaluation method (评标办法) and the prequalification review method (资格审查办法) as data

/** A clause number: "1", "2.1", "3.2.4". Unique within one method. */
export const clauseNumber = z.string().regex(/^[1-9]\d{0,2}(\.[1-9]\d{0,2}){0,4}$/, 'a clause number such as 2.1.3');

/** A pass/fail clause: qualification (资格评审标准) or compliance (形式评审、响应性评审标准). */
export const criterion = z.strictObject({
  number: clauseNumber,
  title: z.string().trim().min(1).max(200),
  requirement: z.string().trim().min(1).max(4000),
});
export type Criterion = z.infer<typeof criterion>;

/** One scoring point of a factor (评分点): what earns how many points, 0…maxScore. */
export const scoringPoint = z.strictObject({
  number: clauseNumber,
  description: z.string().trim().min(1).max(4000),
  maxScore: z.number().positive().max(100),
});
export type ScoringPoint = z.infer<typeof scoringPoint>;

export const FACTOR_CATEGORIES = ['technical', 'commercial', 'price'] as const;
export const factorCategory = z.enum(FACTOR_CATEGORIES);

/**
 * A scoring factor (评分因素). An evaluator scores it within `scoreRange`; its contribution to the bid's
 * total of 100 is `score × weight / scoreRange.max`. Weights of all factors add up to exactly 100. A
 * non-price factor's points add up to `scoreRange.max`; the price factor has no points: its score
 * comes from the price formula.
 */
export const scoringFactor = z.strictObject({
  number: clauseNumber,
  name: z.string().trim().min(1).max(200),
  category: factorCategory,
  weight: z.number().positive().max(100),
  scoreRange: z.strictObject({ min: z.number().min(0), max: z.number().positive().max(100) }),
  points: z.array(scoringPoint).max(100),
});
export type ScoringFactor = z.infer<typeof scoringFactor>;

/** A coefficient with at most four decimals (0.95, 0.9825). */
const coefficient = z.number().min(0.5).max(1.5);

/**
 * The price score (价格分) formula:
 * 1. valid bids: those passing the compliance and qualification review;
 * 2. benchmark base: the average of the valid bid prices (dropping the `dropHighest` highest and
 *    `dropLowest` lowest when at least `dropWhenAtLeast` valid bids remain), or the lowest valid price;
 * 3. benchmark price (评标基准价) = base × K, where K is drawn at opening from min, min+step, …, max
 *    (a verifiable draw) — or exactly `min` when min = max;
 * 4. `scoring` 'deviation' (偏差率法, the default when absent — every method stored before it existed):
 *    deviation = (bid − benchmark) / benchmark × 100 (in percent);
 *    score = scoreRange.max − deviation × abovePerPercent (bid above) or − |deviation| × belowPerPercent
 *    (bid below), never below the price factor's scoreRange.min;
 *    `scoring` 'ratio' (低价优先法, 财政部令第87号 第五十五条 with base lowestValidBid and K = 1):
 *    score = benchmark / bid × scoreRange.max, within the price factor's scoreRange; `deduction` is unused.
 */
export const PRICE_SCORINGS = ['deviation', 'ratio'] as const;
export const priceScoring = z.enum(PRICE_SCORINGS);
export type PriceScoring = z.infer<typeof priceScoring>;
export const priceFormula = z.strictObject({
  /** Absent: 'deviation' (methods stored before the ratio existed keep their meaning and their bytes). */
  scoring: priceScoring.optional(),
  benchmark: z.strictObject({
    base: z.enum(['averageOfValidBids', 'lowestValidBid']),
    dropHighest: z.number().int().min(0).max(5),
    dropLowest: z.number().int().min(0).max(5),
    /** Dropping applies only when at least this many valid bids exist. */
    dropWhenAtLeast: z.number().int().min(1).max(100),
    coefficient: z.strictObject({ min: coefficient, max: coefficient, step: z.number().positive().max(1) }),
  }),
  deduction: z.strictObject({
    abovePerPercent: z.number().min(0).max(100),
    belowPerPercent: z.number().min(0).max(100),
  }),
});
export type PriceFormula = z.infer<typeof priceFormula>;

const criteria = z.array(criterion).max(200);

/**
 * 评定分离 (action-plan task 7): the committee recommends its candidates unranked and the tenderer's
 * award committee (定标委员会) decides by the method the tender document fixes — 票决, 票决抽签 (the
 * `shortlist` most voted go to a lot), 集体议事, or 价格竞争 (the lowest price; a tie goes to a lot).
 */
export const SEPARATED_AWARD_METHODS = ['vote', 'voteThenLot', 'deliberation', 'priceCompetition'] as const;
export const separatedAwardMethod = z.enum(SEPARATED_AWARD_METHODS);
export type SeparatedAwardMethod = z.infer<typeof separatedAwardMethod>;
export const separatedAwardTerms = z.strictObject({
  method: separatedAwardMethod,
  /** 票决抽签: how many of the most voted go to the lot; null for the other methods. */
  shortlist: z.number().int().min(2).max(3).nullable(),
});
export type SeparatedAwardTerms = z.infer<typeof separatedAwardTerms>;

/** 综合评估法: pass/fail reviews first, then weighted scores of the remaining bids. */
export const scoringMethod = z.strictObject({
  type: z.literal('scoring'),
  qualification: criteria,
  compliance: criteria,
  factors: z.array(scoringFactor).min(1).max(50),
  priceFormula,
  /** Candidates recommended, ranked (B-026: at most 3) — unranked under the separated award. */
  candidates: z.number().int().min(1).max(3),
  /** Absent or null: the committee ranks its candidates. */
  separatedAward: separatedAwardTerms.nullable().optional(),
});

/** 经评审的最低投标价法: pass/fail reviews, then the lowest evaluated price after the stated adjustments. */
export const lowestEvaluatedPriceMethod = z.strictObject({
  type: z.literal('lowestEvaluatedPrice'),
  qualification: criteria,
  compliance: criteria,
  /** Price adjustment factors (价格折算因素), each a numbered clause; may be empty. */
  adjustments: criteria,
  candidates: z.number().int().min(1).max(3),
  separatedAward: separatedAwardTerms.nullable().optional(),
});

/**
 * The evaluation method (glossary: evaluationMethod = scoring | lowestEvaluatedPrice), structurally.
 * Use `evaluationMethod` (below) to also check numbers, weights and ranges.
 */
export const evaluationMethodShape = z.discriminatedUnion('type', [scoringMethod, lowestEvaluatedPriceMethod]);
export type EvaluationMethod = z.infer<typeof evaluationMethodShape>;

/** 资格审查办法: pass (合格制) or a limited number of the best scored (有限数量制). */
export const reviewMethodShape = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('pass'), compliance: criteria, qualification: criteria }),
  z.strictObject({
    type: z.literal('limitedNumber'),
    compliance: criteria,
    qualification: criteria,
    factors: z.array(scoringFactor).min(1).max(50),
    /** How many applicants pass at most (at least 3 keeps competition). */
    limit: z.number().int().min(3).max(100),
  }),
]);
export type ReviewMethod = z.infer<typeof reviewMethodShape>;

/** A refusal of a method naming the clause (or the place) at fault. */
export interface MethodIssue {
  /** JSON path in the method, e.g. "factors.2.weight". */
  path: string;
  /** The clause number at fault, when there is one. */
  clause: string | null;
  message: string;
}

const fourDecimals = (n: number) => Math.abs(Math.round(n * 10_000) - n * 10_000) < 1e-6;
const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

function factorIssues(factors: ScoringFactor[], issues: MethodIssue[], needPrice: boolean) {
  let weights = 0;
  const prices = factors.filter((f) => f.category === 'price');
  if (needPrice && prices.length !== 1) {
    issues.push({ path: 'factors', clause: null, message: `exactly one price factor is needed, found ${prices.length}` });
  }
  if (!needPrice && prices.length > 0) {
    issues.push({ path: 'factors', clause: prices[0]!.number, message: `factor ${prices[0]!.number}: a review method has no price factor` });
  }
  factors.forEach((f, i) => {
    weights += f.weight;
    const at = `factors.${i}`;
    if (f.scoreRange.min >= f.scoreRange.max) {
      issues.push({ path: `${at}.scoreRange`, clause: f.number, message: `factor ${f.number}: the lowest score must be below the highest` });
    }
    if (f.category === 'price') {
      if (f.points.length) issues.push({ path: `${at}.points`, clause: f.number, message: `factor ${f.number}: the price factor is scored by the formula, not by points` });
      return;
    }
    if (f.points.length === 0) {
      issues.push({ path: `${at}.points`, clause: f.number, message: `factor ${f.number}: a scoring factor needs at least one scoring point` });
      return;
    }
    const sum = f.points.reduce((s, p) => s + p.maxScore, 0);
    if (!near(sum, f.scoreRange.max)) {
      issues.push({
        path: `${at}.points`,
        clause: f.number,
        message: `factor ${f.number}: its scoring points add up to ${Number(sum.toFixed(4))}, not to its highest score ${f.scoreRange.max}`,
      });
    }
  });
  if (!near(weights, 100)) {
    issues.push({ path: 'factors', clause: null, message: `the weights of the scoring factors add up to ${Number(weights.toFixed(4))}, not 100` });
  }
}

function numberIssues(method: Record<string, unknown>, issues: MethodIssue[]) {
  const seen = new Map<string, string>();
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${path}.${i}`));
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if (typeof o.number === 'string') {
      const first = seen.get(o.number);
      if (first) issues.push({ path, clause: o.number, message: `clause number ${o.number} is used twice (${first} and ${path})` });
      else seen.set(o.number, path);
    }
    for (const [k, v] of Object.entries(o)) if (typeof v === 'object') visit(v, path ? `${path}.${k}` : k);
  };
  visit(method, '');
}

function formulaIssues(f: PriceFormula, issues: MethodIssue[]) {
  const c = f.benchmark.coefficient;
  for (const [name, v] of Object.entries(c)) {
    if (!fourDecimals(v)) issues.push({ path: `priceFormula.benchmark.coefficient.${name}`, clause: null, message: `the coefficient ${name} has more than four decimals` });
  }
  if (c.min > c.max) issues.push({ path: 'priceFormula.benchmark.coefficient', clause: null, message: 'the coefficient range is empty: min is above max' });
  else if (!near(c.min, c.max)) {
    const steps = (c.max - c.min) / c.step;
    if (!near(steps, Math.round(steps))) issues.push({ path: 'priceFormula.benchmark.coefficient.step', clause: null, message: 'the coefficient step does not divide the range' });
  }
  const b = f.benchmark;
  if (b.dropHighest + b.dropLowest >= b.dropWhenAtLeast) {
    issues.push({ path: 'priceFormula.benchmark.dropWhenAtLeast', clause: null, message: 'dropping the highest and lowest bids must leave at least one bid' });
  }
}

/** Every refusal of an evaluation method: duplicate numbers, weights not adding up to 100, bad ranges. */
export function evaluationMethodIssues(method: EvaluationMethod): MethodIssue[] {
  const issues: MethodIssue[] = [];
  numberIssues(method, issues);
  if (method.type === 'scoring') {
    factorIssues(method.factors, issues, true);
    formulaIssues(method.priceFormula, issues);
  }
  separatedAwardIssues(method, issues);
  return issues;
}

/** A separated award chooses among at least two candidates; a lot's shortlist is set for 票决抽签 only, within the candidates. */
function separatedAwardIssues(method: EvaluationMethod, issues: MethodIssue[]) {
  const terms = method.separatedAward;
  if (!terms) return;
  if (method.candidates < 2) issues.push({ path: 'candidates', clause: null, message: 'the separated award recommends at least 2 candidates' });
  if (terms.method === 'voteThenLot') {
    if (terms.shortlist === null) issues.push({ path: 'separatedAward.shortlist', clause: null, message: 'vote then lot needs the number of candidates that go to the lot' });
    else if (terms.shortlist > method.candidates) {
      issues.push({ path: 'separatedAward.shortlist', clause: null, message: `the lot's shortlist (${terms.shortlist}) exceeds the candidates (${method.candidates})` });
    }
  } else if (terms.shortlist !== null) {
    issues.push({ path: 'separatedAward.shortlist', clause: null, message: 'only vote then lot has a shortlist' });
  }
}

export function reviewMethodIssues(method: ReviewMethod): MethodIssue[] {
  const issues: MethodIssue[] = [];
  numberIssues(method, issues);
  if (method.type === 'limitedNumber') factorIssues(method.factors, issues, false);
  return issues;
}

/** The evaluation method with every rule checked: what the evaluation module reads back. */
export const evaluationMethod = evaluationMethodShape.superRefine((m, ctx) => {
  for (const i of evaluationMethodIssues(m)) ctx.addIssue({ code: 'custom', path: i.path.split('.').filter(Boolean), message: i.message });
});
export const reviewMethod = reviewMethodShape.superRefine((m, ctx) => {
  for (const i of reviewMethodIssues(m)) ctx.addIssue({ code: 'custom', path: i.path.split('.').filter(Boolean), message: i.message });
});

// ---------------------------------------------------------------------------------------------------
// Parts of a bid and the bidSummary

export const FILE_TYPES = ['pdf', 'ofd', 'docx', 'xlsx', 'xml', 'zip', 'dwg', 'jpg', 'png'] as const;

/** A part of a bid (or of a prequalification application): 商务文件, 技术文件, 资格审查资料 … */
export const bidPart = z.strictObject({
  key,
  name: z.string().trim().min(1).max(100),
  required: z.boolean(),
  fileTypes: z.array(z.enum(FILE_TYPES)).min(1),
  maxSizeMiB: z.number().int().min(1).max(4096),
});
export type BidPart = z.infer<typeof bidPart>;

/**
 * A field of the bidSummary (开标一览表) read out at opening. `price` (money, integer fen) is always
 * there in a tender document; durationDays and quality are the usual others, plus custom fields.
 */
export const bidSummaryField = z.strictObject({
  key,
  label: z.string().trim().min(1).max(100),
  type: z.enum(['money', 'integer', 'text', 'select']),
  required: z.boolean(),
  options: z.array(z.string().min(1).max(100)).max(50).optional(),
  unit: z.string().max(20).optional(),
});
export type BidSummaryField = z.infer<typeof bidSummaryField>;

const uniqueKeys = <T extends { key: string }>(items: T[]) => new Set(items.map((i) => i.key)).size === items.length;

export const bidStructureRequest = z.strictObject({
  parts: z.array(bidPart).min(1).max(30).refine(uniqueKeys, 'part keys repeat'),
  bidSummaryFields: z.array(bidSummaryField).max(30).refine(uniqueKeys, 'bidSummary keys repeat'),
});
export type BidStructureRequest = z.infer<typeof bidStructureRequest>;

// ---------------------------------------------------------------------------------------------------
// Documents

export const DOCUMENT_STATUSES = ['draft', 'packaged', 'signed', 'issued'] as const;
export const documentStatus = z.enum(DOCUMENT_STATUSES);
export type DocumentStatus = z.infer<typeof documentStatus>;

export const ATTACHMENT_KINDS = ['billOfQuantities', 'drawing', 'technicalSpecification', 'contractForm', 'other'] as const;
export const attachmentKind = z.enum(ATTACHMENT_KINDS);
export type AttachmentKind = z.infer<typeof attachmentKind>;

export const attachmentView = z.object({
  id: uuid,
  name: z.string(),
  kind: attachmentKind,
  mediaType: z.string(),
  sm3: z.string(),
  size: z.number().int(),
  uploadedAt: isoDateTime,
});
export type AttachmentView = z.infer<typeof attachmentView>;

/** The query of `PUT /api/v1/tender-documents/:id/attachments` (body: the raw file). */
export const attachmentUploadQuery = z.strictObject({
  name: z.string().trim().min(1).max(200).regex(/^[^/\\\0]+$/, 'a file name without folders'),
  kind: attachmentKind,
});

/** Chapter field values: chapter key → field key → value (string) or null. */
export const chapterValues = z.record(key, z.record(key, z.string().max(200_000).nullable()));
export type ChapterValues = z.infer<typeof chapterValues>;

export const documentCreateRequest = z.strictObject({
  sectionId: uuid,
  kind: documentKind,
  /** Omitted: the standard template for the section's procurement kind. */
  templateCode: z.string().min(1).max(80).optional(),
});
export type DocumentCreateRequest = z.infer<typeof documentCreateRequest>;

export const chapterValuesRequest = z.strictObject({ values: chapterValues });

/** A field of a chapter with its current value. */
export const chapterFieldView = templateField.extend({ value: z.string().nullable() });
export const chapterView = templateChapter.omit({ fields: true }).extend({ fields: z.array(chapterFieldView) });
export type ChapterView = z.infer<typeof chapterView>;

export const documentSignatureView = z.object({
  signedAt: isoDateTime,
  signedBy: uuid,
  signerSubject: z.string(),
  signerFingerprint: z.string(),
  /** Task 18: the commitment (告知承诺) that replaces filing the document. */
  commitmentVersion: z.string(),
  commitmentSm3: z.string(),
});

export const documentView = z.object({
  removedMarkup,
  id: uuid,
  sectionId: uuid,
  sectionCode: z.string(),
  sectionName: z.string(),
  round: z.number().int(),
  kind: documentKind,
  templateCode: z.string(),
  status: documentStatus,
  /** 1 when issued; each issued clarification adds one (B-015). */
  version: z.number().int(),
  chapters: z.array(chapterView),
  /** An EvaluationMethod (tender) or a ReviewMethod (prequalification); null until set. */
  method: z.union([evaluationMethodShape, reviewMethodShape]).nullable(),
  /** The evaluation method template the method started from: standard code or template id, and its version. */
  methodTemplate: z.object({ id: z.string(), version: z.number().int() }).nullable(),
  parts: z.array(bidPart),
  bidSummaryFields: z.array(bidSummaryField),
  requiresBillOfQuantities: z.boolean(),
  /** The imported bill of quantities, if any: its current version, SM3 and item count. */
  billOfQuantities: z.object({ version: z.number().int(), billSm3: z.string(), items: z.number().int() }).nullable(),
  attachments: z.array(attachmentView),
  /** Hex SM3 of the current version's manifest, once packaged. */
  contentSm3: z.string().nullable(),
  signature: documentSignatureView.nullable(),
  issuedAt: isoDateTime.nullable(),
  /** The issue period from the section's timetable (B-009). */
  issueStart: isoDateTime.nullable(),
  issueEnd: isoDateTime.nullable(),
  availableNow: z.boolean(),
  /** The caller may edit this document (tenderer, or agency with a mandate). */
  canManage: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type DocumentView = z.infer<typeof documentView>;

export const documentListQuery = z.strictObject({ sectionId: uuid.optional(), kind: documentKind.optional() });
export const documentListItem = documentView.pick({
  id: true,
  sectionId: true,
  sectionCode: true,
  sectionName: true,
  round: true,
  kind: true,
  status: true,
  version: true,
  contentSm3: true,
  issuedAt: true,
  issueStart: true,
  issueEnd: true,
  availableNow: true,
});
export type DocumentListItem = z.infer<typeof documentListItem>;

/** Packaging answer: the exact bytes to sign (base64 of the canonical manifest) and their SM3. */
export const packageView = z.object({
  documentId: uuid,
  version: z.number().int(),
  contentSm3: z.string(),
  manifestBase64: z.string(),
  commitment: z.object({ version: z.string(), text: z.string(), sm3: z.string() }),
});
export type PackageView = z.infer<typeof packageView>;

export const signRequest = z.strictObject({
  /** Base64 of a detached CMS signature (GM/T 0010 SM2 or RFC 5652) over the manifest bytes. */
  signature: z.string().min(4).max(1_400_000),
  /** The tenderer accepts the commitment whose hash the manifest carries (task 18). */
  commitmentAccepted: z.literal(true),
});

// ---------------------------------------------------------------------------------------------------
// Downloads and receipts (A-68, A-85, A-86, task 24)

export const downloadSubject = z.enum(['document', 'clarification']);

/** The signed content of a receipt: `signature` is signJson over everything else, with the platform key. */
export const downloadReceipt = z.object({
  type: z.literal('bidhall.downloadReceipt/1'),
  downloadId: uuid,
  subject: downloadSubject,
  documentId: uuid,
  clarificationId: uuid.nullable(),
  sectionId: uuid,
  round: z.number().int(),
  version: z.number().int(),
  contentSm3: z.string(),
  entity: z.object({ id: uuid, name: z.string() }),
  userId: uuid,
  downloadedAt: isoDateTime,
  /** Index of the public log entry (audit event) recording the download. */
  logIndex: z.number().int(),
  /** The time authority's token over contentSm3. */
  timestamp: timestampToken,
  signature: jsonSignature,
});
export type DownloadReceipt = z.infer<typeof downloadReceipt>;

export const downloadView = z.object({
  id: uuid,
  subject: downloadSubject,
  documentId: uuid,
  clarificationId: uuid.nullable(),
  sectionId: uuid,
  sectionName: z.string(),
  version: z.number().int(),
  contentSm3: z.string(),
  entityId: uuid,
  entityName: z.string(),
  userId: uuid,
  downloadedAt: isoDateTime,
  logIndex: z.number().int(),
  receipt: downloadReceipt,
});
export type DownloadView = z.infer<typeof downloadView>;

// ---------------------------------------------------------------------------------------------------
// Questions (A-80, A-81, B-011)

export const questionRequest = z.strictObject({ text: z.string().trim().min(1).max(4000) });
export const answerRequest = z.strictObject({ answer: z.string().trim().min(1).max(20_000) });

/** `askedByEntityId` is shown to the tenderer and to the asker only; never to other bidders. */
export const questionView = z.object({
  id: uuid,
  documentId: uuid,
  number: z.number().int(),
  text: z.string(),
  askedAt: isoDateTime,
  askedByEntityId: uuid.nullable(),
  askedByEntityName: z.string().nullable(),
  mine: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: isoDateTime.nullable(),
});
export type QuestionView = z.infer<typeof questionView>;

// ---------------------------------------------------------------------------------------------------
// Clarifications and modifications (A-82…A-86, B-012…B-015)

export const clarificationKind = z.enum(['clarification', 'modification']);
const html = z.string().min(1).max(200_000);

export const clarificationCreateRequest = z.strictObject({
  kind: clarificationKind,
  title: z.string().trim().min(1).max(200),
  bodyHtml: html,
  /** Questions this clarification answers (their text is included without the asker). */
  questionIds: z.array(uuid).max(200).optional(),
});
export const clarificationUpdateRequest = z
  .strictObject({ kind: clarificationKind.optional(), title: z.string().trim().min(1).max(200).optional(), bodyHtml: html.optional(), questionIds: z.array(uuid).max(200).optional() })
  .refine((r) => Object.keys(r).length > 0, 'nothing to change');

/** What issuing a clarification now would do to the deadline (B-012, B-041), previewed by the server. */
export const deadlineEffectView = z.object({
  status: z.enum(['inTime', 'deadlineMoves', 'noDeadline']),
  /** The deadline as it is (ISO), if set. */
  deadline: z.string().nullable(),
  /** Where it moves (ISO) when status is 'deadlineMoves'. */
  newDeadline: z.string().nullable(),
  /** The server time the preview was computed for. */
  issuedAt: z.string(),
});
export type DeadlineEffectView = z.infer<typeof deadlineEffectView>;

export const clarificationView = z.object({
  removedMarkup,
  id: uuid,
  documentId: uuid,
  sectionId: uuid,
  round: z.number().int(),
  kind: clarificationKind,
  /** 第1次, 第2次 … once issued. */
  number: z.number().int().nullable(),
  label: z.string().nullable(),
  title: z.string(),
  bodyHtml: z.string(),
  questionIds: z.array(uuid),
  status: z.enum(['draft', 'issued']),
  issuedAt: isoDateTime.nullable(),
  /** The document version this clarification created (B-015). */
  documentVersion: z.number().int().nullable(),
  contentSm3: z.string().nullable(),
  /** B-012: whether issuing it moved the bid (or application) deadline. */
  deadline: z
    .object({ status: z.enum(['inTime', 'deadlineMoves', 'noDeadline']), previous: isoDateTime.nullable(), current: isoDateTime.nullable() })
    .nullable(),
  publicationId: z.string().nullable(),
  logIndex: z.number().int().nullable(),
  createdAt: isoDateTime,
});
export type ClarificationView = z.infer<typeof clarificationView>;

// ---------------------------------------------------------------------------------------------------
// Site visits (A-77…A-79)

export const siteVisitRequest = z.strictObject({
  visitAt: isoDateTime,
  meetingPlace: z.string().trim().min(1).max(300),
  contact: z.string().trim().min(1).max(200),
  notes: z.string().max(4000).optional(),
  /** The reminder goes out this many minutes before the visit. */
  remindMinutesBefore: z.number().int().min(5).max(7 * 24 * 60),
});
export const siteVisitUpdateRequest = siteVisitRequest.partial().refine((r) => Object.keys(r).length > 0, 'nothing to change');

export const siteVisitView = z.object({
  id: uuid,
  documentId: uuid,
  sectionId: uuid,
  visitAt: isoDateTime,
  meetingPlace: z.string(),
  contact: z.string(),
  notes: z.string().nullable(),
  remindMinutesBefore: z.number().int(),
  status: z.enum(['draft', 'sent']),
  sentAt: isoDateTime.nullable(),
  remindedAt: isoDateTime.nullable(),
  records: z.array(
    z.object({ id: uuid, summary: z.string(), attendees: z.array(z.string()), status: z.enum(['draft', 'sent']), sentAt: isoDateTime.nullable(), createdAt: isoDateTime }),
  ),
});
export type SiteVisitView = z.infer<typeof siteVisitView>;

export const siteVisitRecordRequest = z.strictObject({
  summary: z.string().trim().min(1).max(20_000),
  /** Who attended (entity names as signed in at the site). */
  attendees: z.array(z.string().trim().min(1).max(200)).max(500),
});

// ---------------------------------------------------------------------------------------------------
// Texts

/**
 * Task 18 (告知承诺制): instead of filing the tender document with the supervisor, the tenderer signs
 * this commitment; its SM3 is part of the signed manifest.
 */
export const TENDER_DOCUMENT_COMMITMENT: VersionedText = {
  version: '2026.1',
  titleZh: '招标文件告知承诺书',
  titleEn: 'Tender document commitment (replaces filing)',
  paragraphsZh: [
    '本招标人就本招标文件（资格预审文件）郑重承诺：',
    '一、招标文件依据国家和自治区标准文本编制，内容真实、合法、完整，与项目审批（核准、备案）及进场登记信息一致；',
    '二、不以不合理的条件限制、排斥潜在投标人，不设置与项目实际需要不相适应的资格、技术、商务条件，不指定特定的专利、商标、品牌或者供应商；',
    '三、招标文件免费提供，澄清或者修改及时通知所有获取招标文件的潜在投标人；',
    '四、自愿接受行政监督部门的事后监督检查，承诺不实的依法承担相应责任并记入信用档案。',
  ],
};
