import { z } from 'zod';
import { isoDateTime, uuid } from './common.ts';
import { isValidCreditCode } from './credit-code.ts';

/** Integer fen as a decimal string (no sign, no fraction): money is never a float. */
const fen = z.string().regex(/^(0|[1-9]\d{0,17})$/, 'integer fen as a decimal string');
const creditCode = z.string().refine(isValidCreditCode, 'a unified social credit code');

/** The bidder's virtual sub-account for a section (虚拟子账号): where to pay the deposit. */
export const bondAccountView = z.object({
  sectionId: uuid,
  round: z.number().int(),
  accountNumber: z.string(),
  bankName: z.string(),
  accountName: z.string(),
  /** What the tender document asks for, integer fen; "0" when it asks for none. */
  requiredFen: fen,
  /** Credits reconciled to the account so far (own entity only), and the part that arrived before the deadline. */
  receivedFen: fen,
  receivedBeforeDeadlineFen: fen,
  bidDeadline: isoDateTime.nullable(),
  openedAt: isoDateTime,
  credits: z.array(z.object({ bookedAt: isoDateTime, amountFen: fen, voucherNo: z.string().nullable(), bankSerial: z.string() })),
});
export type BondAccountView = z.infer<typeof bondAccountView>;
export const bondAccountQuery = z.strictObject({ sectionId: uuid });

export const STATEMENT_FORMATS = ['csv', 'camt053'] as const;
export const statementFormat = z.enum(STATEMENT_FORMATS);
export type StatementFormat = z.infer<typeof statementFormat>;
/** The largest statement file the import reads. */
export const STATEMENT_MAX_BYTES = 10 * 1024 * 1024;
export const statementImportQuery = z.strictObject({ name: z.string().min(1).max(200).optional() });

export const statementImportView = z.object({
  id: uuid,
  regionCode: z.string(),
  format: statementFormat,
  fileName: z.string().nullable(),
  fileSm3: z.string(),
  lineCount: z.number().int(),
  /** Lines new to the platform (a bank serial already stored is a duplicate and stored nothing). */
  storedCount: z.number().int(),
  duplicateCount: z.number().int(),
  /**
   * New credits reconciled to a sub-account (which one stays hidden until the section's deadline), and new
   * credits that book an online fee payment settled already.
   */
  matchedCount: z.number().int(),
  importedAt: isoDateTime,
});
export type StatementImportView = z.infer<typeof statementImportView>;

export const LINE_STATUSES = ['matched', 'unmatched', 'debit'] as const;
export const statementLineView = z.object({
  id: uuid,
  importId: uuid,
  bankSerial: z.string(),
  bookedAt: isoDateTime,
  valueDate: z.string().nullable(),
  direction: z.enum(['credit', 'debit']),
  amountFen: fen,
  currency: z.string(),
  payerAccount: z.string().nullable(),
  payerName: z.string().nullable(),
  payeeAccount: z.string().nullable(),
  voucherNo: z.string().nullable(),
  status: z.enum(LINE_STATUSES),
  /**
   * What the line was reconciled to: only once that section's bid deadline has passed, and only for
   * staff of the section's region; null before, even when matched.
   */
  reconciledTo: z.object({ sectionId: uuid, round: z.number().int(), entityId: uuid, entityName: z.string().nullable() }).nullable(),
  /**
   * The fee charge the credit settled (decision 0038): claimed by staff as a bank transfer, or the online
   * payment gateway's booking of a payment its callback settled already. Null otherwise, and outside the
   * caller's regions.
   */
  feeChargeId: uuid.nullable(),
  /** A matched line before its section's deadline (or outside the caller's regions): payer and payee are withheld. */
  sealed: z.boolean(),
});
export type StatementLineView = z.infer<typeof statementLineView>;
export const statementLineQuery = z.strictObject({
  importId: uuid.optional(),
  status: z.enum(LINE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** What the issuer signs (detached CMS over its RFC 8785 canonical JSON): the guarantee's terms. */
export const guaranteeTerms = z.strictObject({
  guaranteeNumber: z.string().regex(/^[A-Za-z0-9-]{6,64}$/, '6–64 letters, digits or hyphens'),
  issuerCreditCode: creditCode,
  principalCreditCode: creditCode,
  beneficiaryCreditCode: creditCode,
  sectionId: uuid,
  amountFen: fen,
  validFrom: isoDateTime,
  validUntil: isoDateTime,
});
export type GuaranteeTerms = z.infer<typeof guaranteeTerms>;
export const guaranteeRegisterRequest = z.strictObject({
  terms: guaranteeTerms,
  /** Detached CMS (base64) by the issuer's bound certificate over canonicalJson(terms). */
  signature: z.string().min(16).max(20_000),
});
export type GuaranteeRegisterRequest = z.infer<typeof guaranteeRegisterRequest>;
export const guaranteeView = z.object({
  id: uuid,
  terms: guaranteeTerms,
  issuerEntityId: uuid,
  principalEntityId: uuid,
  beneficiaryEntityId: uuid,
  signerSubject: z.string(),
  registeredAt: isoDateTime,
});
export type GuaranteeView = z.infer<typeof guaranteeView>;
export const guaranteeQuery = z.strictObject({ number: z.string().max(64).optional() });

/** The sandbox bank: a transfer into a virtual account, booked now. */
export const sandboxTransferRequest = z.strictObject({
  payeeAccount: z.string().regex(/^\d{19}$/),
  amountFen: fen.refine((v) => v !== '0', 'more than 0'),
  payerAccount: z.string().regex(/^\d{8,32}$/),
  payerName: z.string().min(1).max(200),
});
export const sandboxTransferView = z.object({
  bankSerial: z.string(),
  voucherNo: z.string(),
  bookedAt: isoDateTime,
  amountFen: fen,
  payerAccount: z.string(),
  payerName: z.string(),
  payeeAccount: z.string(),
});
export type SandboxTransferView = z.infer<typeof sandboxTransferView>;
export const sandboxStatementQuery = z.strictObject({ from: isoDateTime, to: isoDateTime, format: statementFormat.default('camt053') });

// ---- bond refunds (issue 13 §5, task 10, B-047, A-105, A-187; decision 0033) ----

/** 'forfeited': not a refund but the forfeited deposit paid to the tenderer through the same workflow (decision 0042). */
export const REFUND_REASONS = ['withdrawn', 'notBidding', 'request', 'notAwarded', 'contractSigned', 'performanceBondReleased', 'forfeited'] as const;
export const REFUND_STATES = ['requested', 'paid', 'settled'] as const;

/** The bidder asks for its deposits on the section back (it has no live bid there). */
export const bondRefundRequest = z.strictObject({ sectionId: uuid });

/** A deposit's refund: requested, paid by the bank (with interest), settled by the imported statement's debit. */
export const bondRefundView = z.object({
  id: uuid,
  /** Null for staff before the section's bid deadline: a refund tells who paid for which section. */
  sectionId: uuid.nullable(),
  round: z.number().int().nullable(),
  entityId: uuid.nullable(),
  entityName: z.string().nullable(),
  /** Null for staff before the deadline too: 'withdrawn' would tell that a bid existed. */
  reason: z.enum(REFUND_REASONS).nullable(),
  principalFen: fen,
  /** Bank interest from the deposit's booking to the payment (银行同期存款利息); null until paid. */
  interestFen: fen.nullable(),
  /** The annual rate it was counted at, in basis points. */
  rateBp: z.number().int(),
  payeeAccount: z.string().nullable(),
  requestedAt: isoDateTime,
  /** The last day it may be paid: 2 working days after the request (task 10). */
  dueDate: z.string(),
  state: z.enum(REFUND_STATES),
  paidAt: isoDateTime.nullable(),
  settledAt: isoDateTime.nullable(),
  bankSerial: z.string().nullable(),
  /** Paid by its due date; null until paid. */
  onTime: z.boolean().nullable(),
  /** Unpaid past its due date. */
  overdue: z.boolean(),
  lastError: z.string().nullable(),
});
export type BondRefundView = z.infer<typeof bondRefundView>;

export const bondRefundQuery = z.strictObject({
  state: z.enum([...REFUND_STATES, 'overdue']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const bondRefundFigureQuery = z.strictObject({ from: isoDateTime, to: isoDateTime });

/** Task 10's figure for the staff dashboard: refunds requested in the period, paid within 2 working days or not. */
export const bondRefundFigure = z.object({
  from: isoDateTime,
  to: isoDateTime,
  requested: z.number().int(),
  paidOnTime: z.number().int(),
  paidLate: z.number().int(),
  overdue: z.number().int(),
  /** Not yet paid and not yet due. */
  pending: z.number().int(),
  /** paidOnTime over those paid or overdue; null when none is. */
  onTimeShare: z.number().nullable(),
  /** Deposits forfeited to tenderers in the period (decision 0042): their own state, never counted above. */
  forfeited: z.number().int(),
});
export type BondRefundFigure = z.infer<typeof bondRefundFigure>;
