import { randomInt, randomUUID } from 'node:crypto';
import { sandboxStatementQuery, sandboxTransferRequest, sandboxTransferView, type SandboxTransferView } from '@bidhall/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { fromLoopback } from '../../platform/http/loopback.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { DEFAULT_SETTLEMENT, type FinanceDeps, tables } from './finance.deps.ts';
import { feeTables } from './fees.tables.ts';
import { type StatementCredit, writeCamt053, writeCsv } from './statement-write.ts';

const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(0, 10))).join('');

/**
 * The sandbox bank (SANDBOX on, decision 0018): a stand-in for the settlement bank that takes transfers
 * into virtual sub-accounts and writes the account's statement for a period, as CSV or camt.053, so that
 * the demo and the tests need no real bank. It answers the platform itself and signed-in staff only.
 */
export function createSandboxBank(deps: Pick<FinanceDeps, 'db' | 'clock' | 'settlement'>) {
  const settlement = deps.settlement ?? DEFAULT_SETTLEMENT;

  async function transfer(db: Db, body: z.infer<typeof sandboxTransferRequest>): Promise<SandboxTransferView> {
    const known = await tables(db).selectFrom('finance.bond_account').select('id').where('account_number', '=', body.payeeAccount).executeTakeFirst();
    if (!known) throw new DomainError('SANDBOX_ACCOUNT_UNKNOWN', `the sandbox bank knows no virtual account ${body.payeeAccount}`);
    const now = deps.clock.now();
    const row = {
      id: randomUUID(),
      bank_serial: `SBX${now.toISOString().slice(0, 10).replace(/-/g, '')}${digits(12)}`,
      voucher_no: `HD${digits(16)}`,
      booked_at: now,
      amount_fen: body.amountFen,
      payer_account: body.payerAccount,
      payer_name: body.payerName,
      payee_account: body.payeeAccount,
    };
    await tables(db).insertInto('finance.sandbox_transfer').values(row).execute();
    return view(row);
  }

  function view(r: { bank_serial: string; voucher_no: string; booked_at: Date; amount_fen: string | bigint; payer_account: string; payer_name: string; payee_account: string }): SandboxTransferView {
    return {
      bankSerial: r.bank_serial,
      voucherNo: r.voucher_no,
      bookedAt: r.booked_at.toISOString(),
      amountFen: BigInt(r.amount_fen).toString(),
      payerAccount: r.payer_account,
      payerName: r.payer_name,
      payeeAccount: r.payee_account,
    };
  }

  /**
   * A payment out of the settlement account (the refunds' BankPort): one per instruction id, however
   * often asked — a retry is answered with the payment made the first time.
   */
  async function pay(db: Db, p: { instructionId: string; amountFen: bigint; payeeAccount: string; payeeName: string; memo: string }) {
    const now = deps.clock.now();
    await tables(db)
      .insertInto('finance.sandbox_payment')
      .values({
        id: randomUUID(),
        instruction_id: p.instructionId,
        bank_serial: `SBD${now.toISOString().slice(0, 10).replace(/-/g, '')}${digits(12)}`,
        voucher_no: `FK${digits(16)}`,
        booked_at: now,
        amount_fen: p.amountFen.toString(),
        payee_account: p.payeeAccount,
        payee_name: p.payeeName,
        memo: p.memo,
      })
      .onConflict((oc) => oc.column('instruction_id').doNothing())
      .execute();
    const row = await tables(db).selectFrom('finance.sandbox_payment').selectAll().where('instruction_id', '=', p.instructionId).executeTakeFirstOrThrow();
    return { bankSerial: row.bank_serial, bookedAt: row.booked_at, amountFen: BigInt(row.amount_fen) };
  }

  /**
   * The settlement account's statement of [from, to), as the bank would send it: the credits in (transfers
   * into sub-accounts, and the online payment gateway's collections into the account itself, each under the
   * gateway's serial with the order id — the fee charge's id — as its reference), the refunds out.
   */
  async function statement(db: Db, q: { from: Date; to: Date; format: 'csv' | 'camt053' }): Promise<string> {
    const rows = await tables(db)
      .selectFrom('finance.sandbox_transfer')
      .selectAll()
      .where('booked_at', '>=', q.from)
      .where('booked_at', '<', q.to)
      .orderBy('seq')
      .execute();
    const payments = await tables(db).selectFrom('finance.sandbox_payment').selectAll().where('booked_at', '>=', q.from).where('booked_at', '<', q.to).orderBy('seq').execute();
    const collections = await feeTables(db)
      .selectFrom('finance.sandbox_collection')
      .selectAll()
      .where('booked_at', '>=', q.from)
      .where('booked_at', '<', q.to)
      .orderBy('seq')
      .execute();
    const credits: StatementCredit[] = [
      ...rows.map((r) => ({
        bankSerial: r.bank_serial,
        voucherNo: r.voucher_no,
        bookedAt: r.booked_at,
        amountFen: BigInt(r.amount_fen),
        payerAccount: r.payer_account,
        payerName: r.payer_name,
        payeeAccount: r.payee_account,
      })),
      ...collections.map((c) => ({
        bankSerial: c.bank_serial,
        voucherNo: c.order_id,
        reference: c.order_id,
        remittance: c.memo,
        bookedAt: c.booked_at,
        amountFen: BigInt(c.amount_fen),
        payerAccount: c.payer_account,
        payerName: c.payer_name,
        payeeAccount: settlement.accountNumber,
      })),
      ...payments.map((p) => ({
        direction: 'debit' as const,
        bankSerial: p.bank_serial,
        voucherNo: p.voucher_no,
        bookedAt: p.booked_at,
        amountFen: BigInt(p.amount_fen),
        payerAccount: settlement.accountNumber,
        payerName: settlement.accountName,
        payeeAccount: p.payee_account,
      })),
    ].sort((a, b) => a.bookedAt.getTime() - b.bookedAt.getTime());
    if (q.format === 'csv') return writeCsv(credits);
    return writeCamt053({
      statementId: `SBX-${q.from.toISOString().slice(0, 10)}-${q.to.toISOString().slice(0, 10)}`,
      account: settlement.accountNumber,
      accountName: settlement.accountName,
      from: q.from,
      to: q.to,
      createdAt: deps.clock.now(),
      credits,
    });
  }

  return { transfer, pay, statement };
}

export type SandboxBank = ReturnType<typeof createSandboxBank>;

const tags = ['sandbox'];
const sandboxAccess = { public: true, reason: 'sandbox stand-in for the settlement bank (SANDBOX); the gate admits loopback callers and staff' } as const;

/** As exchange's sandboxes (decision 0018): the platform itself (loopback) and signed-in staff only. */
async function sandboxGate(request: FastifyRequest) {
  if (fromLoopback(request)) return;
  const kind = request.principal?.kind;
  if (kind === 'staff' || kind === 'admin') return;
  throw new DomainError(request.principal ? 'FORBIDDEN' : 'UNAUTHENTICATED', 'the sandbox answers the platform itself and signed-in staff only');
}

export function registerSandboxBankRoutes(app: AppInstance, deps: { db: Db; bank: SandboxBank }) {
  app.post(
    '/sandbox/bank/transfers',
    {
      config: { access: sandboxAccess },
      onRequest: sandboxGate,
      schema: { tags, summary: 'Sandbox bank: pay into a virtual sub-account (booked now, on the platform clock)', body: sandboxTransferRequest, response: { 201: sandboxTransferView } },
    },
    async (request, reply) => reply.status(201).send(await deps.bank.transfer(deps.db, request.body)),
  );

  app.get(
    '/sandbox/bank/statements',
    {
      config: { access: sandboxAccess },
      onRequest: sandboxGate,
      schema: { tags, summary: 'Sandbox bank: the settlement account statement for [from, to), camt.053 XML or CSV', querystring: sandboxStatementQuery },
    },
    async (request, reply) => {
      const { from, to, format } = request.query;
      const body = await deps.bank.statement(deps.db, { from: new Date(from), to: new Date(to), format });
      return reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/xml; charset=utf-8').send(body);
    },
  );
}
