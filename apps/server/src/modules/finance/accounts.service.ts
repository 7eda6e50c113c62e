import { randomInt, randomUUID } from 'node:crypto';
import type { BondAccountView } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { DEFAULT_SETTLEMENT, type FinanceDeps, tables } from './finance.deps.ts';
import type { BondAccountTable } from './finance.tables.ts';
import { appendSealedBondEvent } from './sealed-event.ts';

/** 19 random digits: nothing about the section or the bidder can be read from it. */
export function randomAccountNumber(): string {
  let s = String(randomInt(1, 10));
  while (s.length < 19) s += String(randomInt(0, 10));
  return s;
}

const notFound = (sectionId: string) => new DomainError('BOND_ACCOUNT_NOT_FOUND', 'no bond sub-account of yours for this section', { sectionId });

/**
 * Virtual sub-accounts (虚拟子账号): one per section, round and bidder, opened by a bidder holding the
 * section's document. Only that bidder ever reads it; every other caller gets not-found.
 */
export function createAccountService(deps: FinanceDeps) {
  const settlement = deps.settlement ?? DEFAULT_SETTLEMENT;

  /** The entity's bid bond sub-account for the section's round; `lock` holds its row for the caller's transaction. */
  async function find(trx: Db, sectionId: string, round: number, entityId: string, lock = false): Promise<BondAccountTable | undefined> {
    let q = tables(trx)
      .selectFrom('finance.bond_account')
      .selectAll()
      .where('section_id', '=', sectionId)
      .where('round', '=', round)
      .where('entity_id', '=', entityId)
      .where('purpose', '=', 'bid');
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  async function view(trx: Db, account: BondAccountTable, deadline: Date | null): Promise<BondAccountView> {
    const terms = await deps.documents.bondTerms(trx, account.section_id);
    const credits = await tables(trx)
      .selectFrom('finance.statement_line')
      .select(['booked_at', 'amount_fen', 'voucher_no', 'bank_serial'])
      .where('account_id', '=', account.id)
      .where('direction', '=', 'credit')
      .orderBy('booked_at')
      .orderBy('seq')
      .execute();
    const sum = (rows: typeof credits) => rows.reduce((s, r) => s + BigInt(r.amount_fen), 0n);
    return {
      sectionId: account.section_id,
      round: account.round,
      accountNumber: account.account_number,
      bankName: settlement.bankName,
      accountName: settlement.accountName,
      requiredFen: (terms?.bidBondFen ?? 0n).toString(),
      receivedFen: sum(credits).toString(),
      receivedBeforeDeadlineFen: sum(credits.filter((c) => !deadline || c.booked_at < deadline)).toString(),
      bidDeadline: deadline?.toISOString() ?? null,
      openedAt: account.opened_at.toISOString(),
      credits: credits.map((c) => ({ bookedAt: c.booked_at.toISOString(), amountFen: BigInt(c.amount_fen).toString(), voucherNo: c.voucher_no, bankSerial: c.bank_serial })),
    };
  }

  async function sectionFor(trx: Db, sectionId: string, caller: Caller) {
    const section = await deps.sections.get(trx, sectionId);
    if (!section || !caller.entity) throw notFound(sectionId);
    const deadline = section.timetable.bidDeadline ? new Date(section.timetable.bidDeadline) : null;
    return { section, deadline, entityId: caller.entity.id };
  }

  async function mine(db: Db, sectionId: string, caller: Caller): Promise<BondAccountView> {
    const { section, deadline, entityId } = await sectionFor(db, sectionId, caller);
    const account = await find(db, sectionId, section.round, entityId);
    if (!account) throw notFound(sectionId);
    return view(db, account, deadline);
  }

  /** Opens the caller's sub-account for the section's current round, or returns the one it has. */
  async function open(sectionId: string, caller: Caller): Promise<{ created: boolean; account: BondAccountView }> {
    return deps.db.transaction().execute(async (trx) => {
      const { section, deadline, entityId } = await sectionFor(trx, sectionId, caller);
      if (!(await deps.documents.isHolder(trx, sectionId, entityId))) {
        throw new DomainError('BOND_DOCUMENT_REQUIRED', 'a bond sub-account is for a bidder who obtained the tender document; download it first (free)', { sectionId });
      }
      const existing = await find(trx, sectionId, section.round, entityId);
      if (existing) return { created: false, account: await view(trx, existing, deadline) };
      const now = deps.clock.now();
      const row: BondAccountTable = {
        id: randomUUID(),
        account_number: randomAccountNumber(),
        section_id: sectionId,
        round: section.round,
        entity_id: entityId,
        region_code: section.regionCode,
        opened_by: caller.userId,
        opened_at: now,
        purpose: 'bid',
      };
      const inserted = await tables(trx)
        .insertInto('finance.bond_account')
        .values(row)
        .onConflict((oc) => oc.columns(['section_id', 'round', 'entity_id', 'purpose']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return { created: false, account: await view(trx, (await find(trx, sectionId, section.round, entityId))!, deadline) };
      await appendSealedBondEvent(deps.log, trx, now, { kind: 'bondAccountOpened', accountId: row.id });
      return { created: true, account: await view(trx, row, deadline) };
    });
  }

  return { find, mine, open };
}

export type AccountService = ReturnType<typeof createAccountService>;
