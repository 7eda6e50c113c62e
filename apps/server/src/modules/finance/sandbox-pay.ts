import { randomInt, randomUUID } from 'node:crypto';
import type { FinanceDeps, PaymentGatewayPort } from './finance.deps.ts';
import { feeTables } from './fees.tables.ts';

const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(0, 10))).join('');

/**
 * The sandbox bank's online payment gateway (SANDBOX on, decision 0038): takes a payment into the
 * settlement account once per order id — a repeat is answered with the booking it made the first time.
 */
export function createSandboxPayments(deps: Pick<FinanceDeps, 'db' | 'clock'>): PaymentGatewayPort {
  return {
    async collect(order) {
      const now = deps.clock.now();
      const t = feeTables(deps.db);
      await t
        .insertInto('finance.sandbox_collection')
        .values({
          id: randomUUID(),
          order_id: order.orderId,
          bank_serial: `SBP${now.toISOString().slice(0, 10).replace(/-/g, '')}${digits(12)}`,
          booked_at: now,
          amount_fen: order.amountFen.toString(),
          payer_account: order.payerAccount,
          payer_name: order.payerName,
          memo: order.memo,
        })
        .onConflict((oc) => oc.column('order_id').doNothing())
        .execute();
      const row = await t
        .selectFrom('finance.sandbox_collection')
        .selectAll()
        .where('order_id', '=', order.orderId)
        .executeTakeFirstOrThrow();
      return { bankSerial: row.bank_serial, paidAt: row.booked_at, amountFen: BigInt(row.amount_fen) };
    },
    async collected(trx, bankSerial) {
      const row = await feeTables(trx).selectFrom('finance.sandbox_collection').select('id').where('bank_serial', '=', bankSerial).executeTakeFirst();
      return row !== undefined;
    },
  };
}
