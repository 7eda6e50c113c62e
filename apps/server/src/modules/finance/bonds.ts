import type { BondForm } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import type { AccountService } from './accounts.service.ts';
import { type FinanceDeps, tables } from './finance.deps.ts';
import { issuanceTables } from './issuance.tables.ts';
import { fenToYuan } from './money.ts';

export type BondStatus = 'ok' | 'missing' | 'short' | 'late' | 'invalid';
export interface BondCheckInput {
  sectionId: string;
  round: number;
  entityId: string;
  tendererEntityId: string;
  form: BondForm;
  reference: string | null;
  amountFen: bigint;
  deadline: Date;
  at: Date;
}

const DAY = 86_400_000;

/** Until when a bid guarantee must hold: the deadline and the document's bid validity (0020, 0037). */
export function guaranteeNeededUntil(deadline: Date, bidValidityDays: number | null): Date {
  return new Date(deadline.getTime() + (bidValidityDays ?? 0) * DAY);
}

/**
 * The bid bond at submission, bidding's BondsPort: a deposit is the credits reconciled
 * to the bidder's sub-account for the section that the bank booked before the deadline; a guarantee is
 * a registered one naming this bidder, the tenderer and the section, for enough, valid through the
 * deadline and the bid validity, whose issuer's signature still verifies.
 */
export function createBonds(deps: FinanceDeps, accounts: AccountService) {
  async function deposit(trx: Db, p: BondCheckInput): Promise<{ status: BondStatus; detail: string | null }> {
    const account = await accounts.find(trx, p.sectionId, p.round, p.entityId);
    if (!account) return { status: 'missing', detail: 'no bond sub-account opened for this section' };
    // A deposit paid back (or being paid back, decision 0033) no longer stands for a bid.
    const credits = await tables(trx)
      .selectFrom('finance.statement_line as l')
      .leftJoin('finance.refund as r', 'r.credit_line_id', 'l.id')
      .select(['l.booked_at', 'l.amount_fen', 'l.voucher_no', 'l.bank_serial'])
      .where('l.account_id', '=', account.id)
      .where('l.direction', '=', 'credit')
      .where('l.booked_at', '<=', p.at)
      .where('r.id', 'is', null)
      .orderBy('l.booked_at')
      .execute();
    const before = credits.filter((c) => c.booked_at < p.deadline);
    const sum = (rows: typeof credits) => rows.reduce((s, r) => s + BigInt(r.amount_fen), 0n);
    const inTime = sum(before);
    const total = sum(credits);
    const vouchers = (rows: typeof credits) => rows.map((c) => `${c.voucher_no ?? c.bank_serial} ${fenToYuan(BigInt(c.amount_fen))} yuan at ${c.booked_at.toISOString()}`).join('; ');
    if (inTime >= p.amountFen) return { status: 'ok', detail: `deposit ${inTime} fen arrived before the deadline: ${vouchers(before)}` };
    if (total >= p.amountFen) return { status: 'late', detail: `only ${inTime} of ${p.amountFen} fen arrived before the deadline: ${vouchers(credits)}` };
    if (credits.length === 0) return { status: 'missing', detail: `no deposit has arrived in sub-account ${account.account_number}` };
    if (before.length === 0) return { status: 'late', detail: `the deposit arrived after the deadline: ${vouchers(credits)}` };
    return { status: 'short', detail: `${inTime} of ${p.amountFen} fen arrived: ${vouchers(before)}` };
  }

  async function guarantee(trx: Db, p: BondCheckInput): Promise<{ status: BondStatus; detail: string | null }> {
    const number = p.reference?.trim();
    if (!number) return { status: 'missing', detail: 'the bid names no guarantee number' };
    const g = await tables(trx).selectFrom('finance.guarantee').selectAll().where('guarantee_number', '=', number).executeTakeFirst();
    // Another bidder's guarantee is answered as one that does not exist.
    if (!g || g.principal_entity_id !== p.entityId) return { status: 'invalid', detail: `no guarantee ${number} registered for this bidder` };
    if (g.beneficiary_entity_id !== p.tendererEntityId) return { status: 'invalid', detail: `guarantee ${number} is not in favour of the tenderer` };
    if (g.section_id !== p.sectionId) return { status: 'invalid', detail: `guarantee ${number} is for another section` };
    const terms = await deps.documents.bondTerms(trx, p.sectionId);
    const validity = terms?.bidValidityDays ?? 0;
    const needUntil = guaranteeNeededUntil(p.deadline, validity);
    if (g.valid_from > p.at) return { status: 'invalid', detail: `guarantee ${number} is valid only from ${g.valid_from.toISOString()}` };
    if (g.valid_until < needUntil) {
      return { status: 'invalid', detail: `guarantee ${number} ends ${g.valid_until.toISOString()}; it must hold until ${needUntil.toISOString()} (the deadline and ${validity} days of bid validity)` };
    }
    // Cancelled through the one-stop (decision 0037): it no longer stands for a bid.
    const cancelled = await issuanceTables(trx)
      .selectFrom('finance.guarantee_application')
      .select('cancelled_at')
      .where('guarantee_id', '=', g.id)
      .where('state', '=', 'cancelled')
      .executeTakeFirst();
    if (cancelled) return { status: 'invalid', detail: `guarantee ${number} was cancelled at ${cancelled.cancelled_at!.toISOString()}` };
    if (BigInt(g.amount_fen) < p.amountFen) return { status: 'short', detail: `guarantee ${number} is for ${BigInt(g.amount_fen)} of ${p.amountFen} fen` };
    try {
      await deps.verifyEntitySignature(g.issuer_entity_id, Buffer.from(g.content, 'utf8'), g.signature, trx);
    } catch (err) {
      return { status: 'invalid', detail: `the issuer's signature on guarantee ${number} does not verify: ${(err as Error).message}` };
    }
    return { status: 'ok', detail: `guarantee ${number} for ${BigInt(g.amount_fen)} fen, valid until ${g.valid_until.toISOString()}, signed by ${g.signer_subject}` };
  }

  return {
    async check(trx: Db, input: BondCheckInput): Promise<{ status: BondStatus; detail: string | null }> {
      return input.form === 'guarantee' ? guarantee(trx, input) : deposit(trx, input);
    },
    /**
     * finance → opening (decision 0037): a guarantee verified again when the hall opens — issuer's
     * signature (the certificate may have been revoked since), amount, beneficiary, section, validity,
     * not cancelled — against the amount the issued document asks for.
     */
    async recheck(trx: Db, input: Omit<BondCheckInput, 'amountFen'>): Promise<{ status: BondStatus; detail: string | null }> {
      const terms = await deps.documents.bondTerms(trx, input.sectionId);
      return guarantee(trx, { ...input, amountFen: terms?.bidBondFen ?? 0n });
    },
  };
}
