import { z } from 'zod';
import { isoDateTime, uuid, plainText as text } from './common.ts';
import { guaranteeTerms } from './finance.ts';

/**
 * E-guarantees one-stop (电子保函, issue 13 §6, action-plan task 15; decision 0037): issuers and their
 * quotes, the bidder's application, the premium paid once, the guarantee and its e-invoice signed by
 * the issuer, the beneficiary's claim, the bidder's cancellation.
 */

/** Integer fen as a decimal string (no sign, no fraction): money is never a float. */
const fen = z.string().regex(/^(0|[1-9]\d{0,17})$/, 'integer fen as a decimal string');

export const ISSUER_KINDS = ['bank', 'insurer', 'guaranteeCompany'] as const;
export const issuerKind = z.enum(ISSUER_KINDS);
export type IssuerKind = z.infer<typeof issuerKind>;

export const guaranteeIssuerQuery = z.strictObject({ sectionId: uuid.optional() });

/** An issuer on the platform's issuer interface, its rate, and (for a section) the terms and the premium it quotes. */
export const guaranteeIssuerView = z.object({
  entityId: uuid,
  name: z.string(),
  kind: issuerKind,
  /** The premium rate on the guaranteed amount, basis points (50 = 0.5 %). */
  rateBp: z.number().int(),
  minimumPremiumFen: fen,
  quote: z
    .object({
      sectionId: uuid,
      amountFen: fen,
      validFrom: isoDateTime,
      validUntil: isoDateTime,
      premiumFen: fen,
    })
    .nullable(),
});
export type GuaranteeIssuerView = z.infer<typeof guaranteeIssuerView>;

export const guaranteeApplicationRequest = z.strictObject({ sectionId: uuid, issuerEntityId: uuid });
export type GuaranteeApplicationRequest = z.infer<typeof guaranteeApplicationRequest>;
export const guaranteeApplicationQuery = z.strictObject({ sectionId: uuid.optional() });

/** The premium paid from the bidder's account (a retry or a double click pays once). */
export const guaranteePaymentRequest = z.strictObject({
  payerAccount: z.string().regex(/^\d{8,32}$/, '8–32 digits'),
  payerName: text(1, 200),
});
export type GuaranteePaymentRequest = z.infer<typeof guaranteePaymentRequest>;

export const guaranteeCancelRequest = z.strictObject({ reason: text(0, 500).optional() });

export const GUARANTEE_APPLICATION_STATES = ['applied', 'paid', 'issued', 'claimed', 'cancelled'] as const;
export const guaranteeApplicationState = z.enum(GUARANTEE_APPLICATION_STATES);
export type GuaranteeApplicationState = z.infer<typeof guaranteeApplicationState>;

/** What the law lets a tenderer keep the bid bond for (Reg. 35, 74; Law 45 with the document's terms). */
export const GUARANTEE_CLAIM_REASONS = ['withdrawnAfterDeadline', 'declinedAward', 'refusedContract', 'noPerformanceSecurity', 'fraud'] as const;
export const guaranteeClaimReason = z.enum(GUARANTEE_CLAIM_REASONS);
export type GuaranteeClaimReason = z.infer<typeof guaranteeClaimReason>;

export const guaranteeClaimRequest = z.strictObject({
  reason: guaranteeClaimReason,
  /** The beneficiary's statement of the principal's breach (见索即付: the demand states it). */
  statement: text(10, 2000),
  /** Less than the guaranteed amount when the loss is smaller; absent: the whole amount. */
  amountFen: fen.refine((v) => v !== '0', 'more than 0').optional(),
  payeeAccount: z.string().regex(/^\d{8,32}$/, '8–32 digits'),
  payeeName: text(1, 200),
});
export type GuaranteeClaimRequest = z.infer<typeof guaranteeClaimRequest>;

export const guaranteeClaimView = z.object({
  id: uuid,
  guaranteeId: uuid,
  guaranteeNumber: z.string(),
  sectionId: uuid,
  principalName: z.string().nullable(),
  reason: guaranteeClaimReason,
  statement: z.string(),
  amountFen: fen,
  claimedAt: isoDateTime,
  state: z.enum(['demanded', 'paid']),
  paymentSerial: z.string().nullable(),
  paidAt: isoDateTime.nullable(),
});
export type GuaranteeClaimView = z.infer<typeof guaranteeClaimView>;

/** The e-invoice (电子发票) the issuer signs for the premium: amount + tax = total = the premium paid. */
export const guaranteeInvoice = z.object({
  invoiceNumber: z.string(),
  issuedAt: isoDateTime,
  seller: z.object({ name: z.string(), creditCode: z.string() }),
  buyer: z.object({ name: z.string(), creditCode: z.string() }),
  item: z.string(),
  guaranteeNumber: z.string(),
  amountFen: fen,
  taxRateBp: z.number().int(),
  taxFen: fen,
  totalFen: fen,
});
export type GuaranteeInvoice = z.infer<typeof guaranteeInvoice>;

export const guaranteePostingView = z.object({
  kind: z.enum(['premium', 'premiumRefund', 'claim']),
  amountFen: fen,
  issuerSerial: z.string(),
  bookedAt: isoDateTime,
});

/** An application as its bidder reads it (staff after the deadline; before it `sealed` and nothing that names anyone). */
export const guaranteeApplicationView = z.object({
  id: uuid,
  sealed: z.boolean(),
  state: guaranteeApplicationState,
  appliedAt: isoDateTime,
  sectionId: uuid.nullable(),
  round: z.number().int().nullable(),
  entityId: uuid.nullable(),
  entityName: z.string().nullable(),
  issuerEntityId: uuid.nullable(),
  issuerName: z.string().nullable(),
  issuerReference: z.string().nullable(),
  amountFen: fen.nullable(),
  premiumFen: fen.nullable(),
  rateBp: z.number().int().nullable(),
  validFrom: isoDateTime.nullable(),
  validUntil: isoDateTime.nullable(),
  bidDeadline: isoDateTime.nullable(),
  paidAt: isoDateTime.nullable(),
  issuedAt: isoDateTime.nullable(),
  releasedAt: isoDateTime.nullable(),
  cancelledAt: isoDateTime.nullable(),
  guaranteeId: uuid.nullable(),
  guaranteeNumber: z.string().nullable(),
  invoice: guaranteeInvoice.nullable(),
  postings: z.array(guaranteePostingView),
  claim: guaranteeClaimView.nullable(),
  /** The issuer has not issued yet and the last attempt failed: why. */
  lastError: z.string().nullable(),
});
export type GuaranteeApplicationView = z.infer<typeof guaranteeApplicationView>;

export const guaranteeApplicationListQuery = z.strictObject({
  state: guaranteeApplicationState.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

/** A guarantee in the caller's (the tenderer's) favour, after its section's deadline: what it may claim on. */
export const beneficiaryGuaranteeView = z.object({
  guaranteeId: uuid,
  guaranteeNumber: z.string(),
  sectionId: uuid,
  principalName: z.string(),
  issuerName: z.string(),
  amountFen: fen,
  validUntil: isoDateTime,
  cancelled: z.boolean(),
  /** Only a guarantee issued through the one-stop is claimed here; others with their issuer. */
  claimable: z.boolean(),
  claim: guaranteeClaimView.nullable(),
});
export type BeneficiaryGuaranteeView = z.infer<typeof beneficiaryGuaranteeView>;

/** A signed file as downloaded: the canonical JSON the issuer signed and its detached CMS (base64). */
export const signedGuaranteeFile = z.object({
  kind: z.enum(['guarantee', 'invoice']),
  content: z.string(),
  signature: z.string(),
  signerSubject: z.string().nullable(),
  terms: guaranteeTerms.optional(),
  invoice: guaranteeInvoice.optional(),
});
export type SignedGuaranteeFile = z.infer<typeof signedGuaranteeFile>;
