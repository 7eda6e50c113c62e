import { randomUUID } from 'node:crypto';
import type { StatementImportView, StatementLineView } from '@bidhall/contracts';
import { sm3, toHex } from '@bidhall/crypto';
import type { Db } from '../../platform/db/database.ts';
import type { Caller } from './caller.ts';
import { type FinanceDeps, tables } from './finance.deps.ts';
import { feeTables } from './fees.tables.ts';
import type { Selectable } from 'kysely';
import type { StatementImportTable } from './finance.tables.ts';
import { parseStatement } from './statement-parse.ts';

const CHUNK = 500;

function importView(r: Omit<Selectable<StatementImportTable>, 'seq'>): StatementImportView {
  return {
    id: r.id,
    regionCode: r.region_code,
    format: r.format,
    fileName: r.file_name,
    fileSm3: r.file_sm3,
    lineCount: r.line_count,
    storedCount: r.stored_count,
    duplicateCount: r.duplicate_count,
    matchedCount: r.matched_count,
    importedAt: r.imported_at.toISOString(),
  };
}

/**
 * Bank statement import and reconciliation: each new line stored once by its bank serial, each credit
 * reconciled to the sub-account it names. Staff see lines with their status and amounts; what a line
 * was reconciled to (section, bidder) only once that section's bid deadline has passed.
 */
export function createStatementService(deps: FinanceDeps, onDebit: (trx: Db, bankSerial: string, lineId: string) => Promise<boolean>) {
  async function importStatement(input: { bytes: Buffer; name: string | null }, caller: Caller): Promise<StatementImportView> {
    const { format, lines } = parseStatement(input.bytes);
    return deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      const id = randomUUID();
      const payees = [...new Set(lines.filter((l) => l.direction === 'credit' && l.payeeAccount).map((l) => l.payeeAccount!))];
      const accounts = new Map<string, string>();
      for (let i = 0; i < payees.length; i += CHUNK) {
        const rows = await tables(trx).selectFrom('finance.bond_account').select(['id', 'account_number']).where('account_number', 'in', payees.slice(i, i + CHUNK)).execute();
        for (const r of rows) accounts.set(r.account_number, r.id);
      }
      const header = {
        id,
        region_code: caller.regionCode,
        format: format as 'csv' | 'camt053',
        file_name: input.name,
        file_sm3: toHex(sm3(input.bytes)),
        line_count: lines.length,
        stored_count: 0,
        duplicate_count: 0,
        matched_count: 0,
        imported_by: caller.userId,
        imported_at: now,
      };
      await tables(trx).insertInto('finance.statement_import').values(header).execute();
      let stored = 0;
      let matched = 0;
      for (let i = 0; i < lines.length; i += CHUNK) {
        const chunk = lines.slice(i, i + CHUNK).map((l) => ({
          id: randomUUID(),
          import_id: id,
          bank_serial: l.bankSerial,
          booked_at: l.bookedAt,
          value_date: l.valueDate,
          direction: l.direction,
          amount_fen: l.amountFen.toString(),
          currency: l.currency,
          payer_account: l.payerAccount,
          payer_name: l.payerName,
          payee_account: l.payeeAccount,
          voucher_no: l.voucherNo,
          account_id: l.direction === 'credit' && l.payeeAccount ? (accounts.get(l.payeeAccount) ?? null) : null,
        }));
        // Idempotent by bank serial: a line another import (or this file) already carried stores nothing.
        const rows = await tables(trx)
          .insertInto('finance.statement_line')
          .values(chunk)
          .onConflict((oc) => oc.column('bank_serial').doNothing())
          .returning(['id', 'account_id', 'direction', 'bank_serial', 'amount_fen'])
          .execute();
        stored += rows.length;
        matched += rows.filter((r) => r.account_id !== null).length;
        // A credit that is the online payment gateway's settlement of a fee (its serial and amount those the
        // gateway answered with) was settled by the gateway's callback already: matched, nothing settled again.
        matched += await settledOnline(trx, rows.filter((r) => r.direction === 'credit' && r.account_id === null));
        // A debit that is a refund's payment settles the refund (decision 0033).
        for (const r of rows) if (r.direction === 'debit' && (await onDebit(trx, r.bank_serial, r.id))) matched++;
      }
      await tables(trx)
        .updateTable('finance.statement_import')
        .set({ stored_count: stored, duplicate_count: lines.length - stored, matched_count: matched })
        .where('id', '=', id)
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'finance.statement.imported',
        targetType: 'bankStatement',
        targetId: id,
        regionCode: caller.regionCode,
        details: { format, fileSm3: header.file_sm3, lineCount: lines.length, stored, duplicates: lines.length - stored, matched },
      });
      return importView({ ...header, stored_count: stored, duplicate_count: lines.length - stored, matched_count: matched });
    });
  }

  /** How many of these credits are online fee payments, settled already, that they book. */
  async function settledOnline(trx: Db, credits: { bank_serial: string; amount_fen: string }[]): Promise<number> {
    if (!credits.length) return 0;
    const settled = await feeTables(trx)
      .selectFrom('finance.fee_settlement')
      .select(['bank_serial', 'amount_fen'])
      .where('method', '=', 'onlinePayment')
      .where('bank_serial', 'in', credits.map((c) => c.bank_serial))
      .execute();
    const by = new Map(settled.map((f) => [f.bank_serial, BigInt(f.amount_fen)]));
    return credits.filter((c) => by.get(c.bank_serial) === BigInt(c.amount_fen)).length;
  }

  async function imports(db: Db, caller: Caller): Promise<StatementImportView[]> {
    if (caller.reach.length === 0) return [];
    const rows = await tables(db).selectFrom('finance.statement_import').selectAll().where('region_code', 'in', caller.reach).orderBy('seq', 'desc').limit(200).execute();
    return rows.map(importView);
  }

  async function lines(db: Db, query: { importId?: string; status?: 'matched' | 'unmatched' | 'debit'; limit: number }, caller: Caller): Promise<StatementLineView[]> {
    if (caller.reach.length === 0) return [];
    let q = feeTables(db)
      .selectFrom('finance.statement_line as l')
      .innerJoin('finance.statement_import as i', 'i.id', 'l.import_id')
      .leftJoin('finance.bond_account as a', 'a.id', 'l.account_id')
      // The fee a credit settled: claimed by staff (bank transfer), or the gateway's booking of an online payment.
      .leftJoin('finance.fee_settlement as f', (j) =>
        j.on((eb) =>
          eb.or([
            eb('f.statement_line_id', '=', eb.ref('l.id')),
            eb.and([
              eb('f.method', '=', 'onlinePayment'),
              eb('l.direction', '=', 'credit'),
              eb('f.bank_serial', '=', eb.ref('l.bank_serial')),
              eb('f.amount_fen', '=', eb.ref('l.amount_fen')),
            ]),
          ]),
        ),
      )
      .leftJoin('finance.fee_charge as c', 'c.id', 'f.charge_id')
      .select([
        'l.id',
        'l.import_id',
        'l.bank_serial',
        'l.booked_at',
        'l.value_date',
        'l.direction',
        'l.amount_fen',
        'l.currency',
        'l.payer_account',
        'l.payer_name',
        'l.payee_account',
        'l.voucher_no',
        'l.account_id',
        'a.section_id',
        'a.round',
        'a.entity_id',
        'a.region_code as account_region',
        'c.id as fee_charge_id',
        'c.section_id as fee_section_id',
        'c.round as fee_round',
        'c.region_code as fee_region',
        'c.payer_entity_id as fee_payer_id',
        'c.payer_name as fee_payer_name',
      ])
      .where('i.region_code', 'in', caller.reach);
    if (query.importId) q = q.where('l.import_id', '=', query.importId);
    if (query.status === 'debit') q = q.where('l.direction', '=', 'debit');
    if (query.status === 'matched') q = q.where('l.direction', '=', 'credit').where((w) => w.or([w('l.account_id', 'is not', null), w('f.id', 'is not', null)]));
    if (query.status === 'unmatched') q = q.where('l.direction', '=', 'credit').where('l.account_id', 'is', null).where('f.id', 'is', null);
    const rows = await q.orderBy('l.seq', 'desc').limit(query.limit).execute();
    const now = deps.clock.now();
    const past = new Map<string, boolean>();
    const names = new Map<string, string | null>();
    const out: StatementLineView[] = [];
    for (const r of rows) {
      let reconciledTo: StatementLineView['reconciledTo'] = null;
      if (r.section_id && r.entity_id && r.round !== null && r.account_region && caller.reach.includes(r.account_region)) {
        if (!past.has(r.section_id)) {
          const section = await deps.sections.get(db, r.section_id);
          const deadline = section?.timetable.bidDeadline ? new Date(section.timetable.bidDeadline) : null;
          past.set(r.section_id, deadline !== null && deadline.getTime() <= now.getTime());
        }
        if (past.get(r.section_id)) {
          if (!names.has(r.entity_id)) names.set(r.entity_id, (await deps.entities.get(db, r.entity_id))?.name ?? null);
          reconciledTo = { sectionId: r.section_id, round: r.round, entityId: r.entity_id, entityName: names.get(r.entity_id) ?? null };
        }
      }
      // A fee's credit: the charge follows the issued award notice, which is public (nothing to seal).
      const fee = r.fee_charge_id && r.fee_region && caller.reach.includes(r.fee_region) ? r.fee_charge_id : null;
      if (fee) reconciledTo = { sectionId: r.fee_section_id!, round: r.fee_round!, entityId: r.fee_payer_id!, entityName: r.fee_payer_name };
      // Before the deadline a matched line shows its amount and time only: its payer and the account it
      // paid into would tell which bidder paid. Unmatched lines stay whole, for staff to resolve.
      const sealed = r.account_id !== null && reconciledTo === null;
      out.push({
        id: r.id,
        importId: r.import_id,
        bankSerial: r.bank_serial,
        bookedAt: r.booked_at.toISOString(),
        valueDate: r.value_date ? String(r.value_date).slice(0, 10) : null,
        direction: r.direction,
        amountFen: BigInt(r.amount_fen).toString(),
        currency: r.currency,
        payerAccount: sealed ? null : r.payer_account,
        payerName: sealed ? null : r.payer_name,
        payeeAccount: sealed ? null : r.payee_account,
        voucherNo: r.voucher_no,
        status: r.direction === 'debit' ? 'debit' : r.account_id || r.fee_charge_id ? 'matched' : 'unmatched',
        reconciledTo,
        feeChargeId: fee,
        sealed,
      });
    }
    return out;
  }

  return { importStatement, imports, lines };
}

export type StatementService = ReturnType<typeof createStatementService>;
