import { z } from 'zod';
import { isoDateTime, regionCode, uuid, plainText as text } from './common.ts';

/**
 * Fees and performance bonds (issue 13 §7, A-188…A-194, task 14; decision 0038): a region's fee
 * schedule (zero by default, never a tender-document fee), the charges computed when a section's award
 * notice is issued and their settlement; the winner's performance bond (履约保证金, Reg. 58).
 */

/** Integer fen as a decimal string (no sign, no fraction): money is never a float. */
const fen = z.string().regex(/^(0|[1-9]\d{0,17})$/, 'integer fen as a decimal string');

/** A-188 transaction service fee, A-190 agency service fee, A-191 expert fees, A-192 drawing deposit. */
export const FEE_KINDS = ['transactionService', 'agencyService', 'expertFee', 'drawingDeposit'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];
/** What a request may name: a tender-document fee is named only to be refused (task 14: documents are free). */
export const FEE_REQUEST_KINDS = [...FEE_KINDS, 'tenderDocument'] as const;
export const FEE_BASES = ['fixed', 'perMille'] as const;
export const FEE_PAYERS = ['winner', 'tenderer'] as const;
export const FEE_SETTLEMENT_METHODS = ['bankTransfer', 'onlinePayment', 'depositOffset'] as const;
export const FEE_CHARGE_STATES = ['due', 'settled'] as const;

/** Per mille with at most three decimals, below 100 ‰ ("1.5" is 1.5 ‰ of the winning price). */
export const perMille = z.string().regex(/^(0|[1-9]\d?)(\.\d{1,3})?$/, 'per mille, at most three decimals, below 100');

export const feeItemInput = z
  .strictObject({
    kind: z.enum(FEE_REQUEST_KINDS),
    basis: z.enum(FEE_BASES),
    /** basis fixed: the amount, integer fen. */
    amountFen: fen.optional(),
    /** basis perMille: the rate on the winning price. */
    perMille: perMille.optional(),
    payer: z.enum(FEE_PAYERS),
  })
  .refine(
    (i) =>
      i.basis === 'fixed'
        ? i.amountFen !== undefined && i.perMille === undefined
        : i.perMille !== undefined && i.amountFen === undefined,
    {
      message: 'a fixed item has amountFen, a per-mille item perMille',
      path: ['basis'],
    },
  );
export type FeeItemInput = z.infer<typeof feeItemInput>;

/** A region's schedule, replaced whole: at most one item per kind; an empty list charges nothing. */
export const feeScheduleInput = z.strictObject({ regionCode, items: z.array(feeItemInput).max(8) });
export type FeeScheduleInput = z.infer<typeof feeScheduleInput>;

export const feeItemView = z.object({
  kind: z.enum(FEE_KINDS),
  basis: z.enum(FEE_BASES),
  amountFen: fen.nullable(),
  perMille: z.string().nullable(),
  payer: z.enum(FEE_PAYERS),
});
export type FeeItemView = z.infer<typeof feeItemView>;
export const feeScheduleView = z.object({
  regionCode: z.string(),
  /** 0: never set (nothing is charged). */
  version: z.number().int(),
  items: z.array(feeItemView),
  updatedAt: isoDateTime.nullable(),
});
export type FeeScheduleView = z.infer<typeof feeScheduleView>;

export const feeSettlementView = z.object({
  method: z.enum(FEE_SETTLEMENT_METHODS),
  amountFen: fen,
  bankSerial: z.string().nullable(),
  settledAt: isoDateTime,
});
export const feeChargeView = z.object({
  id: uuid,
  sectionId: uuid,
  /** The section's code, name and project's name, as projects has them (null only when it knows no such section). */
  sectionCode: z.string().nullable(),
  sectionName: z.string().nullable(),
  projectName: z.string().nullable(),
  round: z.number().int(),
  regionCode: z.string(),
  kind: z.enum(FEE_KINDS),
  basis: z.enum(FEE_BASES),
  perMille: z.string().nullable(),
  /** The winning price it was computed on. */
  baseFen: fen,
  amountFen: fen,
  payerRole: z.enum(FEE_PAYERS),
  payerEntityId: uuid,
  payerName: z.string(),
  state: z.enum(FEE_CHARGE_STATES),
  chargedAt: isoDateTime,
  settlement: feeSettlementView.nullable(),
});
export type FeeChargeView = z.infer<typeof feeChargeView>;
export const feeChargeQuery = z.strictObject({
  state: z.enum(FEE_CHARGE_STATES).optional(),
  sectionId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** Staff settle a charge: a credit of an imported statement matched to it, or an offset against the payer's deposit. */
export const feeStaffSettlement = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('bankTransfer'), statementLineId: uuid }),
  z.strictObject({ method: z.literal('depositOffset') }),
]);
export type FeeStaffSettlement = z.infer<typeof feeStaffSettlement>;
/** The payer settles its charge: paid online (the bank's payment gateway), or offset against its deposit. */
export const feePayment = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('onlinePayment'),
    payerAccount: z.string().regex(/^\d{8,32}$/, '8–32 digits'),
    payerName: text(1, 100),
  }),
  z.strictObject({ method: z.literal('depositOffset') }),
]);
export type FeePayment = z.infer<typeof feePayment>;

// ---- the performance bond (履约保证金, A-189) ----

export const PERFORMANCE_BOND_STATES = ['awaiting', 'paid', 'released'] as const;
export const performanceBondRequirement = z.strictObject({ amountFen: fen.refine((v) => v !== '0', 'more than 0') });
export type PerformanceBondRequirement = z.infer<typeof performanceBondRequirement>;
export const performanceBondGuarantee = z.strictObject({
  guaranteeNumber: z.string().regex(/^[A-Za-z0-9-]{6,64}$/, '6–64 letters, digits or hyphens'),
});
export const performanceBondRelease = z.strictObject({ reason: text(1, 500) });

export const performanceBondView = z.object({
  sectionId: uuid,
  /** The award notice is issued: a bond may be asked. */
  awarded: z.boolean(),
  winnerEntityId: uuid.nullable(),
  winnerName: z.string().nullable(),
  priceFen: fen.nullable(),
  /** Reg. 58: at most 10 % of the winning price. */
  capFen: fen.nullable(),
  bond: z
    .object({
      id: uuid,
      round: z.number().int(),
      amountFen: fen,
      state: z.enum(PERFORMANCE_BOND_STATES),
      form: z.enum(['deposit', 'guarantee']).nullable(),
      accountNumber: z.string().nullable(),
      bankName: z.string(),
      accountName: z.string(),
      receivedFen: fen,
      guaranteeNumber: z.string().nullable(),
      requiredAt: isoDateTime,
      releasedAt: isoDateTime.nullable(),
      releaseReason: z.string().nullable(),
      refunds: z.array(
        z.object({
          id: uuid,
          principalFen: fen,
          interestFen: fen.nullable(),
          state: z.enum(['requested', 'paid', 'settled']),
          paidAt: isoDateTime.nullable(),
        }),
      ),
    })
    .nullable(),
});
export type PerformanceBondView = z.infer<typeof performanceBondView>;
