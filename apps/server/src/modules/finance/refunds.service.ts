import { randomUUID } from 'node:crypto';
import { bondInterestFen, DEMAND_DEPOSIT_RATE_BP, refundDueDate, toBusinessDate } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import { type FinanceDeps, tables } from './finance.deps.ts';
import { offsetFen } from './fees.offsets.ts';
import { appendSealedBondEvent } from './sealed-event.ts';

/** Pays one refund (its id as data); sent in the request's transaction, retried by the sweep. */
export const REFUND_PAY_JOB = 'finance.refund.pay';
/** Every five minutes: refunds still unpaid (the bank was away, the server stopped) are tried again. */
export const REFUND_SWEEP_JOB = 'finance.refund.sweep';

export type RefundReason =
  'withdrawn' | 'notBidding' | 'request' | 'notAwarded' | 'contractSigned' | 'performanceBondReleased' | 'forfeited';

/**
 * Bid bond refunds (task 10, B-047, A-105, A-187; decision 0033): each deposit reconciled to a
 * sub-account is paid back once, to the account it came from, with bank interest, within 2 working days
 * of the request. The payment instruction's idempotency key is the refund's id: a retry after a crash
 * asks the bank again and gets the payment it already made, never a second one. The debit on an imported
 * statement settles it. Before the section's deadline a refund tells nobody but the bidder who paid for
 * which section: its log entry is a sealed commitment, its rows are shown to staff without them.
 */
export function createRefundService(deps: FinanceDeps) {
  const { db, clock } = deps;
  const rate = deps.depositRateBp ?? DEMAND_DEPOSIT_RATE_BP;

  async function deadlinePassed(trx: Db, sectionId: string): Promise<boolean> {
    const s = await deps.sections.get(trx, sectionId);
    return s?.timetable.bidDeadline != null && Date.parse(s.timetable.bidDeadline) <= clock.now().getTime();
  }

  /** The account's deposits not yet refunded or forfeited, less any fee offset against them (decision 0038). */
  async function held(
    trx: Db,
    accountId: string,
  ): Promise<{ id: string; principal: bigint; payerAccount: string | null; payerName: string | null }[]> {
    const credits = await tables(trx)
      .selectFrom('finance.statement_line as l')
      .leftJoin('finance.refund as r', 'r.credit_line_id', 'l.id')
      .select(['l.id', 'l.amount_fen', 'l.payer_account', 'l.payer_name'])
      .where('l.account_id', '=', accountId)
      .where('l.direction', '=', 'credit')
      .where('r.id', 'is', null)
      .orderBy('l.seq')
      .execute();
    const out = [];
    for (const c of credits) {
      const principal = BigInt(c.amount_fen) - (await offsetFen(trx, c.id));
      if (principal > 0n) out.push({ id: c.id, principal, payerAccount: c.payer_account, payerName: c.payer_name });
    }
    return out;
  }

  /**
   * The account's held deposits become refunds, due in 2 working days; each is paid by a job. A
   * forfeiture (decision 0042) pays them the same way to the tenderer's account given in `to`.
   */
  async function requestIn(
    trx: Db,
    accountId: string,
    reason: RefundReason,
    actor: Actor,
    to?: { forfeitureId: string; payeeAccount: string; payeeName: string },
  ): Promise<number> {
    const account = await tables(trx)
      .selectFrom('finance.bond_account')
      .selectAll()
      .where('id', '=', accountId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const now = clock.now();
    const due = refundDueDate(toBusinessDate(now), deps.calendar());
    let made = 0;
    for (const c of await held(trx, accountId)) {
      // 原路退回: a deposit whose paying account the statement did not name waits for staff.
      const payeeAccount = to ? to.payeeAccount : c.payerAccount;
      if (!payeeAccount) continue;
      const id = randomUUID();
      const inserted = await tables(trx)
        .insertInto('finance.refund')
        .values({
          id,
          credit_line_id: c.id,
          account_id: account.id,
          section_id: account.section_id,
          round: account.round,
          entity_id: account.entity_id,
          region_code: account.region_code,
          reason,
          forfeiture_id: to?.forfeitureId ?? null,
          principal_fen: c.principal.toString(),
          rate_bp: rate,
          interest_fen: null,
          payee_account: payeeAccount,
          payee_name: to ? to.payeeName : (c.payerName ?? ''),
          requested_by: actor.id ?? null,
          requested_at: now,
          due_date: due,
          state: 'requested',
          bank_serial: null,
          paid_at: null,
          debit_line_id: null,
          settled_at: null,
          attempts: 0,
          last_error: null,
        })
        .onConflict((oc) => oc.column('credit_line_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      made++;
      await deps.jobs.send(trx, REFUND_PAY_JOB, { refundId: id });
      await recordEvent(trx, actor, account.section_id, account.region_code, 'finance.refund.requested', id, {
        reason,
        principalFen: c.principal.toString(),
        dueDate: due,
      });
    }
    return made;
  }

  /** Audited with its section once the deadline has passed; before it, a sealed commitment only. */
  async function recordEvent(
    trx: Db,
    actor: Actor,
    sectionId: string,
    regionCode: string,
    action: string,
    refundId: string,
    details: object,
  ) {
    if (await deadlinePassed(trx, sectionId)) {
      await deps.audit.record(trx, actor, {
        action,
        targetType: 'bondRefund',
        targetId: refundId,
        regionCode,
        details: { sectionId, ...details },
      });
    } else {
      await appendSealedBondEvent(deps.log, trx, clock.now(), { kind: action, refundId, ...details });
    }
  }

  /** Asks the bank to pay the refund (idempotent by its id) and records the payment; nothing when paid already. */
  async function pay(refundId: string): Promise<void> {
    const r = await tables(db).selectFrom('finance.refund').selectAll().where('id', '=', refundId).executeTakeFirst();
    if (!r || r.state !== 'requested') return;
    if (!deps.bank) return;
    const credit = await tables(db)
      .selectFrom('finance.statement_line')
      .select(['booked_at'])
      .where('id', '=', r.credit_line_id)
      .executeTakeFirstOrThrow();
    const interest = bondInterestFen(
      BigInt(r.principal_fen),
      toBusinessDate(credit.booked_at),
      toBusinessDate(clock.now()),
      r.rate_bp,
    );
    let paid: { bankSerial: string; bookedAt: Date; amountFen: bigint };
    try {
      paid = await deps.bank.pay({
        instructionId: r.id,
        amountFen: BigInt(r.principal_fen) + interest,
        payeeAccount: r.payee_account,
        payeeName: r.payee_name,
        memo: `${r.reason === 'forfeited' ? '投标保证金没收' : '投标保证金退还'} ${r.id}`,
      });
    } catch (err) {
      await tables(db)
        .updateTable('finance.refund')
        .set({ attempts: r.attempts + 1, last_error: String((err as Error).message).slice(0, 500) })
        .where('id', '=', r.id)
        .where('state', '=', 'requested')
        .execute();
      return;
    }
    await db.transaction().execute(async (trx) => {
      const row = await tables(trx)
        .selectFrom('finance.refund')
        .selectAll()
        .where('id', '=', r.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (row.state !== 'requested') return;
      // The bank's record decides the amount: a retry on a later day is answered with the first payment.
      const paidInterest = paid.amountFen - BigInt(row.principal_fen);
      await tables(trx)
        .updateTable('finance.refund')
        .set({
          state: 'paid',
          bank_serial: paid.bankSerial,
          paid_at: paid.bookedAt,
          interest_fen: paidInterest.toString(),
          attempts: row.attempts + 1,
          last_error: null,
        })
        .where('id', '=', row.id)
        .execute();
      await recordEvent(
        trx,
        { kind: 'system', label: 'finance.refund' },
        row.section_id,
        row.region_code,
        'finance.refund.paid',
        row.id,
        {
          bankSerial: paid.bankSerial,
          principalFen: row.principal_fen,
          interestFen: paidInterest.toString(),
          paidAt: paid.bookedAt.toISOString(),
          dueDate: row.due_date,
        },
      );
      // A statement imported between the payment and this record already carries the debit.
      const line = await tables(trx)
        .selectFrom('finance.statement_line')
        .select(['id'])
        .where('bank_serial', '=', paid.bankSerial)
        .where('direction', '=', 'debit')
        .executeTakeFirst();
      if (line) await settle(trx, paid.bankSerial, line.id);
    });
  }

  /** An imported debit line that is a refund's payment settles it (and is marked as the sub-account's). */
  async function settle(trx: Db, bankSerial: string, lineId: string): Promise<boolean> {
    const r = await tables(trx)
      .selectFrom('finance.refund')
      .select(['id', 'account_id', 'state'])
      .where('bank_serial', '=', bankSerial)
      .forUpdate()
      .executeTakeFirst();
    if (!r || r.state !== 'paid') return false;
    await tables(trx)
      .updateTable('finance.refund')
      .set({ state: 'settled', debit_line_id: lineId, settled_at: clock.now() })
      .where('id', '=', r.id)
      .execute();
    await tables(trx).updateTable('finance.statement_line').set({ account_id: r.account_id }).where('id', '=', lineId).execute();
    return true;
  }

  /** The refunds not yet paid, for the sweep. */
  async function sweep(): Promise<void> {
    const open = await tables(db)
      .selectFrom('finance.refund')
      .select('id')
      .where('state', '=', 'requested')
      .orderBy('seq')
      .limit(500)
      .execute();
    for (const r of open) await pay(r.id);
  }

  return { held, requestIn, pay, settle, sweep };
}

export type RefundService = ReturnType<typeof createRefundService>;
