import { z } from 'zod';
import { businessDate, isoDateTime, uuid, plainText as text } from './common.ts';
import { jsonSignature } from './trust.ts';

/**
 * The contract (合同, issue 13 §4; decision 0036): drafted by the tenderer (or its mandated agency)
 * from the tender document and the winning bid — parties and price read from the award, never retyped
 * — verified by staff of the section's region (A-180…A-182), e-signed by the tenderer and the winner
 * over the verified content's SM3 within 30 days of the award notice (Law 46), then published
 * and pushed. Both sides record its performance; changes carry their reasons and
 * are verified and published.
 */

const sm3Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a hex SM3');

/** Limits the server holds a contract to (the web shows the same). */
export const CONTRACT_LIMITS = {
  titleChars: 200,
  managerChars: 50,
  clauses: 30,
  clauseTitleChars: 100,
  clauseChars: 20_000,
  milestoneChars: 100,
  performanceChars: 4000,
  reasonChars: 2000,
  changeChars: 8000,
  /** The warning before the due day: this many days ahead of it. */
  warnDaysBefore: 5,
} as const;

export const CONTRACT_STATES = ['draft', 'pendingVerification', 'verified', 'concluded'] as const;
export const contractState = z.enum(CONTRACT_STATES);
export type ContractState = z.infer<typeof contractState>;

export const CONTRACT_PARTIES = ['tenderer', 'winner'] as const;
export const contractParty = z.enum(CONTRACT_PARTIES);
export type ContractParty = z.infer<typeof contractParty>;

/** One editable text section of the contract (合同协议书条款, 专用条款补充 …). */
export const contractClause = z.strictObject({
  title: text(1, CONTRACT_LIMITS.clauseTitleChars),
  text: text(1, CONTRACT_LIMITS.clauseChars),
});
export type ContractClause = z.infer<typeof contractClause>;

/** What the tenderer writes; everything else comes from the award, the bid and the document. */
export const contractInput = z.strictObject({
  title: text(1, CONTRACT_LIMITS.titleChars),
  /** 项目负责人/项目经理 as the bid named them; the readout does not carry a name. */
  projectManager: text(0, CONTRACT_LIMITS.managerChars),
  clauses: z.array(contractClause).max(CONTRACT_LIMITS.clauses),
});
export type ContractInput = z.infer<typeof contractInput>;

export const contractVerification = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve') }),
  z.strictObject({ decision: z.literal('reject'), reason: text(1, 500) }),
]);
export type ContractVerification = z.infer<typeof contractVerification>;

/** The contract as signed: its SM3 is over the RFC 8785 canonical JSON of this object. */
export const contractContent = z.object({
  format: z.literal('bidhall.contract/1'),
  contractId: uuid,
  sectionId: uuid,
  round: z.number().int(),
  title: z.string(),
  project: z.object({ projectName: z.string(), sectionCode: z.string(), sectionName: z.string() }),
  tenderer: z.object({ entityId: uuid, name: z.string() }),
  winner: z.object({ entityId: uuid, name: z.string(), bidId: uuid }),
  /** The awarded price, integer fen, as the award names it. */
  priceFen: z.string(),
  /** The bid's duration (days) and quality as read out at opening, else the document's. */
  durationDays: z.string().nullable(),
  quality: z.string().nullable(),
  projectManager: z.string(),
  awardNoticeAt: isoDateTime,
  /** The tender document the terms come from. */
  document: z.object({ id: uuid, version: z.number().int(), contentSm3: z.string() }).nullable(),
  /** The document's contract chapter (合同条款及格式). */
  terms: z.object({ paymentTerms: z.string().nullable(), specialTerms: z.string().nullable() }),
  clauses: z.array(z.object({ title: z.string(), text: z.string() })),
});
export type ContractContent = z.infer<typeof contractContent>;

/** What each side signs with its entity's bound certificate (canonical JSON). */
export function contractSigningPayload(sectionId: string, contractId: string, contentSm3: string) {
  return { action: 'signContract', sectionId, contractId, contentSm3 };
}

export const contractSignInput = z.strictObject({
  certificatePem: z.string().min(100).max(20_000),
  signature: jsonSignature,
});
export type ContractSignInput = z.infer<typeof contractSignInput>;

export const contractSignatureView = z.object({
  side: contractParty,
  entityName: z.string(),
  contentSm3: z.string(),
  certificateFingerprint: z.string(),
  signedAt: isoDateTime,
});

export const contractView = z.object({
  id: uuid,
  sectionId: uuid,
  round: z.number().int(),
  state: contractState,
  /** Counts the edits: each one changes the content and its SM3. */
  version: z.number().int(),
  content: contractContent,
  contentSm3: z.string(),
  awardNoticeAt: isoDateTime,
  /** Law 46: the last day (Asia/Shanghai) to sign, 30 days after the award notice. */
  dueDate: z.string(),
  /** Within 5 days of the due day, not concluded. */
  dueSoon: z.boolean(),
  /** Past the due day, not concluded. */
  overdue: z.boolean(),
  draftedAt: isoDateTime,
  updatedAt: isoDateTime,
  submittedAt: isoDateTime.nullable(),
  rejection: z.string().nullable(),
  /** who verified this content and when. */
  verifiedBy: z.string().nullable(),
  verifierName: z.string().nullable(),
  verifiedAt: isoDateTime.nullable(),
  /** The signatures over the current content (an edit leaves older ones behind). */
  signatures: z.array(contractSignatureView),
  concludedAt: isoDateTime.nullable(),
  publicationId: uuid.nullable(),
});
export type ContractView = z.infer<typeof contractView>;

/**
 * The concluded contract as archived (task 18, decision 0043): what both sides signed and everything a
 * reader needs to check it offline — the content whose canonical JSON hashes to `contentSm3`, and each
 * side's signature over `contractSigningPayload` with the certificate it was made with.
 */
export const CONTRACT_ARCHIVE_FORMAT = 'bidhall.contract-archive/1';
export const contractArchive = z.object({
  format: z.literal(CONTRACT_ARCHIVE_FORMAT),
  contractId: uuid,
  sectionId: uuid,
  round: z.number().int(),
  content: contractContent,
  contentSm3: sm3Hex,
  concludedAt: isoDateTime,
  publicationId: uuid.nullable(),
  signatures: z.array(
    z.object({
      side: contractParty,
      entityName: z.string(),
      signedAt: isoDateTime,
      certificateFingerprint: z.string(),
      /** The certificate (and its chain) the side signed with; null for a signature older than the archive. */
      certificatePem: z.string().nullable(),
      payload: z.object({ action: z.literal('signContract'), sectionId: uuid, contractId: uuid, contentSm3: sm3Hex }),
      signature: jsonSignature,
    }),
  ),
});
export type ContractArchive = z.infer<typeof contractArchive>;

/** Where the section's contract stands, also before it is drafted. */
export const contractStandingView = z.object({
  sectionId: uuid,
  /** The award notice is issued: a contract can be drafted. */
  awarded: z.boolean(),
  awardNoticeAt: isoDateTime.nullable(),
  dueDate: z.string().nullable(),
  winnerName: z.string().nullable(),
  priceFen: z.string().nullable(),
  contract: contractView.nullable(),
});
export type ContractStandingView = z.infer<typeof contractStandingView>;

/** a performance record by either side. */
export const performanceInput = z.strictObject({
  /** The day it happened (Asia/Shanghai). */
  day: businessDate,
  milestone: text(1, CONTRACT_LIMITS.milestoneChars),
  content: text(1, CONTRACT_LIMITS.performanceChars),
  /** SM3 of a supporting file kept by the side (acceptance certificate, invoice …). */
  attachmentSm3: sm3Hex.nullable().optional(),
  /** The tenderer's record that the contract is performed (履约完成): the performance bond is released (decision 0038). */
  completed: z.boolean().optional(),
});
export type PerformanceInput = z.infer<typeof performanceInput>;

export const performanceView = z.object({
  id: uuid,
  side: contractParty,
  entityName: z.string(),
  day: z.string(),
  milestone: z.string(),
  content: z.string(),
  attachmentSm3: z.string().nullable(),
  recordedAt: isoDateTime,
  publicationId: uuid.nullable(),
});
export type PerformanceView = z.infer<typeof performanceView>;

export const CONTRACT_CHANGE_STATES = ['pendingVerification', 'approved', 'rejected'] as const;

/** A change to a concluded contract, with its reason; staff verify it, then it is published. */
export const contractChangeInput = z.strictObject({
  reason: text(1, CONTRACT_LIMITS.reasonChars),
  content: text(1, CONTRACT_LIMITS.changeChars),
  /** The price after the change, integer fen; absent when the price stays. */
  newPriceFen: z
    .string()
    .regex(/^\d{1,15}$/)
    .nullable()
    .optional(),
});
export type ContractChangeInput = z.infer<typeof contractChangeInput>;

export const contractChangeVerification = contractVerification;

export const contractChangeView = z.object({
  id: uuid,
  number: z.number().int(),
  reason: z.string(),
  content: z.string(),
  previousPriceFen: z.string(),
  newPriceFen: z.string().nullable(),
  state: z.enum(CONTRACT_CHANGE_STATES),
  proposedAt: isoDateTime,
  rejection: z.string().nullable(),
  verifierName: z.string().nullable(),
  verifiedAt: isoDateTime.nullable(),
  publicationId: uuid.nullable(),
});
export type ContractChangeView = z.infer<typeof contractChangeView>;

export const changeIdParams = z.strictObject({ id: uuid, changeId: uuid });

/** A winner's contract in its workspace. */
export const myContractItem = z.object({
  sectionId: uuid,
  contractId: uuid,
  projectName: z.string(),
  sectionName: z.string(),
  tendererName: z.string(),
  priceFen: z.string(),
  state: contractState,
  dueDate: z.string(),
  signedByMe: z.boolean(),
});
export type MyContractItem = z.infer<typeof myContractItem>;
