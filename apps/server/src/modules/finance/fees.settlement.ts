import { randomUUID } from 'node:crypto';
import type { FeePayment, FeeStaffSettlement } from '@bidhall/contracts';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import type { FinanceDeps, PaymentGatewayPort } from './finance.deps.ts';
import { offsetFen } from './fees.offsets.ts';
import { ledger } from './fees.schedule.ts';
import { type FeeChargeTable, type FeeSettlementTable, feeTables } from './fees.tables.ts';

type Charge = Selectable<FeeChargeTable>;
type Settlement = Omit<FeeSettlementTable, 'id' | 'charge_id' | 'amount_fen' | 'settled_by' | 'settled_at'>;

/**
 * A charge is settled once, through the fees' ledger, by one of several methods (A-193, A-194; decision
 * 0038): a credit of an imported bank statement matched to it by staff (bank transfer), the bank's online
 * payment (once per charge, the charge's id the order id), or an offset against the payer's deposit on the
 * section still held (its refund then pays back the rest). The unique charge on the settlement and the
 * unique bank serial keep a charge from being settled twice and a booking from settling two charges.
 */
export function createFeeSettlement(deps: FinanceDeps, gateway: PaymentGatewayPort | null) {
  const { db, clock } = deps;

  async function lockedDue(trx: Db, chargeId: string): Promise<Charge> {
    const charge = await feeTables(trx)
      .selectFrom('finance.fee_charge')
      .selectAll()
      .where('id', '=', chargeId)
      .forUpdate()
      .executeTakeFirst();
    if (!charge) throw new DomainError('FEE_CHARGE_NOT_FOUND', `no fee charge ${chargeId}`);
    if (charge.state === 'settled') {
      const s = await feeTables(trx)
        .selectFrom('finance.fee_settlement')
        .select('method')
        .where('charge_id', '=', chargeId)
        .executeTakeFirst();
      throw new DomainError('FEE_CHARGE_SETTLED', 'the charge is settled already', { method: s?.method ?? null });
    }
    return charge;
  }

  async function settleIn(trx: Db, charge: Charge, s: Settlement, caller: Caller) {
    const t = feeTables(trx);
    const now = clock.now();
    await t
      .insertInto('finance.fee_settlement')
      .values({
        id: randomUUID(),
        charge_id: charge.id,
        amount_fen: charge.amount_fen,
        settled_by: caller.userId,
        settled_at: now,
        ...s,
      })
      .execute();
    await t.updateTable('finance.fee_charge').set({ state: 'settled', settled_at: now }).where('id', '=', charge.id).execute();
    const debit =
      s.method === 'bankTransfer'
        ? ledger.bank
        : s.method === 'onlinePayment'
          ? ledger.online
          : ledger.deposit(s.deposit_line_id!);
    await t
      .insertInto('finance.fee_posting')
      .values({
        id: randomUUID(),
        charge_id: charge.id,
        entry: 'settlement',
        debit_account: debit,
        credit_account: ledger.receivable(charge.payer_entity_id),
        amount_fen: charge.amount_fen,
        posted_at: now,
      })
      .execute();
    await deps.audit.record(trx, caller.actor, {
      action: 'finance.fee.settled',
      targetType: 'section',
      targetId: charge.section_id,
      regionCode: charge.region_code,
      details: {
        chargeId: charge.id,
        kind: charge.kind,
        method: s.method,
        amountFen: charge.amount_fen,
        bankSerial: s.bank_serial,
        depositLineId: s.deposit_line_id,
      },
    });
  }

  /** A credit of an imported statement, unreconciled to any sub-account, of the charge's amount, used once. */
  async function bankTransfer(trx: Db, charge: Charge, lineId: string, caller: Caller) {
    const unusable = (reason: string) =>
      new DomainError('FEE_STATEMENT_LINE_UNUSABLE', `statement line ${lineId} cannot settle the charge (${reason})`, { reason });
    const line = await feeTables(trx)
      .selectFrom('finance.statement_line as l')
      .innerJoin('finance.statement_import as i', 'i.id', 'l.import_id')
      .select(['l.id', 'l.direction', 'l.account_id', 'l.amount_fen', 'l.bank_serial', 'i.region_code'])
      .where('l.id', '=', lineId)
      .forUpdate()
      .executeTakeFirst();
    if (!line || !caller.reach.includes(line.region_code)) throw unusable('unknown');
    if (line.direction !== 'credit') throw unusable('debit');
    // A credit reconciled to a sub-account is a deposit, not a fee.
    if (line.account_id !== null) throw unusable('reconciled');
    if (BigInt(line.amount_fen) !== BigInt(charge.amount_fen)) throw unusable('amount');
    const used = await feeTables(trx)
      .selectFrom('finance.fee_settlement')
      .select('id')
      .where((w) => w.or([w('statement_line_id', '=', line.id), w('bank_serial', '=', line.bank_serial)]))
      .executeTakeFirst();
    if (used) throw unusable('used');
    // The payment gateway's own collection is the settlement of the charge it was paid for, recorded by
    // the gateway's answer (perhaps not yet): never a transfer to claim for another charge.
    if (await gateway?.collected(trx, line.bank_serial)) throw unusable('used');
    await settleIn(
      trx,
      charge,
      { method: 'bankTransfer', statement_line_id: line.id, bank_serial: line.bank_serial, deposit_line_id: null },
      caller,
    );
  }

  /** The payer's deposit on the section's round, held and not yet requested back, covering the charge. */
  async function depositOffset(trx: Db, charge: Charge, caller: Caller) {
    const unavailable = () =>
      new DomainError(
        'FEE_OFFSET_UNAVAILABLE',
        'no deposit of the payer on this section is held, unrefunded, and large enough to offset the charge',
      );
    // The sub-account's lock is the one the refund request takes: an offset and a refund never cross.
    const account = await feeTables(trx)
      .selectFrom('finance.bond_account')
      .select('id')
      .where('section_id', '=', charge.section_id)
      .where('round', '=', charge.round)
      .where('entity_id', '=', charge.payer_entity_id)
      .where('purpose', '=', 'bid')
      .forUpdate()
      .executeTakeFirst();
    if (!account) throw unavailable();
    const credits = await feeTables(trx)
      .selectFrom('finance.statement_line as l')
      .leftJoin('finance.refund as r', 'r.credit_line_id', 'l.id')
      .select(['l.id', 'l.amount_fen'])
      .where('l.account_id', '=', account.id)
      .where('l.direction', '=', 'credit')
      .where('r.id', 'is', null)
      .orderBy('l.seq')
      .execute();
    for (const c of credits) {
      if (BigInt(c.amount_fen) - (await offsetFen(trx, c.id)) < BigInt(charge.amount_fen)) continue;
      return settleIn(
        trx,
        charge,
        { method: 'depositOffset', statement_line_id: null, bank_serial: null, deposit_line_id: c.id },
        caller,
      );
    }
    throw unavailable();
  }

  /** Staff: a bank transfer matched from an imported statement, or an offset against the payer's deposit. */
  async function settle(chargeId: string, input: FeeStaffSettlement, caller: Caller): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const charge = await lockedDue(trx, chargeId);
      if (input.method === 'bankTransfer') await bankTransfer(trx, charge, input.statementLineId, caller);
      else await depositOffset(trx, charge, caller);
    });
  }

  /** The payer: online through the bank's gateway (once per charge however often asked), or an offset. */
  async function pay(chargeId: string, input: FeePayment, caller: Caller): Promise<void> {
    if (input.method === 'depositOffset') {
      await db.transaction().execute(async (trx) => depositOffset(trx, await lockedDue(trx, chargeId), caller));
      return;
    }
    const due = await db.transaction().execute(async (trx) => lockedDue(trx, chargeId));
    if (!gateway) throw new DomainError('FEE_PAYMENT_UNAVAILABLE', 'no online payment gateway is configured');
    let paid: Awaited<ReturnType<PaymentGatewayPort['collect']>>;
    try {
      paid = await gateway.collect({
        orderId: due.id,
        amountFen: BigInt(due.amount_fen),
        payerAccount: input.payerAccount,
        payerName: input.payerName,
        memo: `交易费用 ${due.kind} ${due.id}`,
      });
    } catch (err) {
      throw new DomainError('FEE_PAYMENT_REFUSED', 'the payment gateway did not take the payment', {
        reason: String((err as Error).message).slice(0, 200),
      });
    }
    await db.transaction().execute(async (trx) => {
      const charge = await feeTables(trx)
        .selectFrom('finance.fee_charge')
        .selectAll()
        .where('id', '=', chargeId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (charge.state === 'settled') {
        // A second click: the gateway answered with the payment it made the first time, recorded already.
        const s = await feeTables(trx)
          .selectFrom('finance.fee_settlement')
          .select(['method', 'bank_serial'])
          .where('charge_id', '=', chargeId)
          .executeTakeFirst();
        if (s?.bank_serial === paid.bankSerial) return;
        throw new DomainError('FEE_CHARGE_SETTLED', 'the charge is settled already', { method: s?.method ?? null });
      }
      if (paid.amountFen !== BigInt(charge.amount_fen))
        throw new DomainError('FEE_PAYMENT_REFUSED', 'the gateway booked another amount', { reason: 'amount' });
      await settleIn(
        trx,
        charge,
        { method: 'onlinePayment', statement_line_id: null, bank_serial: paid.bankSerial, deposit_line_id: null },
        caller,
      );
    });
  }

  return { settle, pay };
}

export type FeeSettlement = ReturnType<typeof createFeeSettlement>;
