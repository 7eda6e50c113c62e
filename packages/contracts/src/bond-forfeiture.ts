import { z } from 'zod';
import { isoDateTime, uuid, plainText as text } from './common.ts';

/**
 * Forfeiting a bid deposit (不予退还投标保证金, issue 13 §5; decision 0042): only on a ground the law
 * names, checked by the platform against the record, decided by the tenderer on one bidder's deposits.
 */
export const BOND_FORFEITURE_GROUNDS = [
  /** Reg. 35: the bidder revoked its bid after the deadline (its signed revocation is attached). */
  'withdrawnAfterDeadline',
  /** Reg. 74: the first-ranked candidate declined the award and was passed over for it. */
  'declinedAward',
  /** Reg. 74: the winner has not concluded the contract by Law 46's due day. */
  'refusedContract',
  /** Reg. 74: the candidate was passed over for not lodging the performance bond. */
  'noPerformanceSecurity',
  /** E-bidding Measures art. 31: its bid failed to decrypt by its own fault and counts as revoked. */
  'decryptionFailed',
] as const;
export const bondForfeitureGround = z.enum(BOND_FORFEITURE_GROUNDS);
export type BondForfeitureGround = z.infer<typeof bondForfeitureGround>;

/** The fact of the record that failed, as BOND_FORFEITURE_UNLAWFUL's details.reason names it. */
export const BOND_FORFEITURE_REFUSALS = [
  'beforeDeadline',
  'notRevokedAtOpening',
  'notPassedOver',
  'notWinner',
  'contractConcluded',
  'contractNotDue',
  'noRevocation',
  'revocationNotSigned',
  'revocationBeforeDeadline',
  'noBid',
  'unavailable',
] as const;
export type BondForfeitureRefusal = (typeof BOND_FORFEITURE_REFUSALS)[number];

export const bondForfeitureRequest = z.strictObject({
  entityId: uuid,
  ground: bondForfeitureGround,
  /** The tenderer's statement of the facts, given to the bidder and kept with the decision. */
  statement: text(10, 2000),
  /** The tenderer's account the deposits are paid to. */
  payeeAccount: z.string().regex(/^\d{8,32}$/, '8–32 digits'),
  /** withdrawnAfterDeadline only: the bidder's written revocation and its detached CMS by the bidder's certificate. */
  revocation: z
    .strictObject({
      text: text(10, 2000),
      signature: z
        .string()
        .min(16)
        .max(20_000)
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
    })
    .optional(),
});
export type BondForfeitureRequest = z.infer<typeof bondForfeitureRequest>;

export const bondForfeitureView = z.object({
  id: uuid,
  sectionId: uuid,
  round: z.number().int(),
  entityId: uuid,
  entityName: z.string().nullable(),
  ground: bondForfeitureGround,
  statement: z.string(),
  /** What the platform checked the ground against. */
  facts: z.record(z.string(), z.unknown()),
  payeeAccount: z.string(),
  payeeName: z.string(),
  /** The deposits forfeited (after any fee offset), integer fen. */
  principalFen: z.string(),
  decidedAt: isoDateTime,
  /** Its payments: requested, paid (bank serial) or settled. */
  payments: z.array(
    z.object({
      refundId: uuid,
      state: z.enum(['requested', 'paid', 'settled']),
      bankSerial: z.string().nullable(),
      paidAt: isoDateTime.nullable(),
    }),
  ),
});
export type BondForfeitureView = z.infer<typeof bondForfeitureView>;

/** Where a bidder's deposit on the section stands for the tenderer: what it holds and the grounds that hold now. */
export const bondForfeitureCandidate = z.object({
  entityId: uuid,
  entityName: z.string().nullable(),
  /** Deposits held (not refunded, not forfeited), integer fen. */
  heldFen: z.string(),
  /** The grounds the record supports now (withdrawnAfterDeadline: once the deadline has passed and the bid stands). */
  grounds: z.array(bondForfeitureGround),
});
export type BondForfeitureCandidate = z.infer<typeof bondForfeitureCandidate>;

export const bondForfeitureList = z.object({
  forfeitures: z.array(bondForfeitureView),
  candidates: z.array(bondForfeitureCandidate),
});
export type BondForfeitureList = z.infer<typeof bondForfeitureList>;
