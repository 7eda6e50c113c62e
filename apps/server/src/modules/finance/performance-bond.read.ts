import type { PerformanceBondView } from '@bidhall/contracts';
import { performanceBondCapFen } from '@bidhall/rules';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DEFAULT_SETTLEMENT, type FinanceDeps } from './finance.deps.ts';
import { feeTables, type PerformanceBondTable } from './fees.tables.ts';

type Bond = Selectable<PerformanceBondTable>;

/** The bond's deposits so far: the credits reconciled to its performance sub-account. */
export async function receivedFen(trx: Db, bond: Pick<Bond, 'account_id'>): Promise<bigint> {
  if (!bond.account_id) return 0n;
  const credits = await feeTables(trx)
    .selectFrom('finance.statement_line')
    .select('amount_fen')
    .where('account_id', '=', bond.account_id)
    .where('direction', '=', 'credit')
    .execute();
  return credits.reduce((s, c) => s + BigInt(c.amount_fen), 0n);
}

/** Paid: furnished as a guarantee, or its deposits reach the amount. */
export async function isPaid(trx: Db, bond: Bond): Promise<boolean> {
  return bond.guarantee_id !== null || (await receivedFen(trx, bond)) >= BigInt(bond.amount_fen);
}

/** The current round's bond of the section, locked when asked. */
export async function currentBond(trx: Db, sectionId: string, round: number, lock = false): Promise<Bond | undefined> {
  let q = feeTables(trx)
    .selectFrom('finance.performance_bond')
    .selectAll()
    .where('section_id', '=', sectionId)
    .where('round', '=', round);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The performance bond as its tenderer, its winner and the region's officers read it. */
export function createPerformanceBondReading(deps: FinanceDeps) {
  const settlement = deps.settlement ?? DEFAULT_SETTLEMENT;

  async function standing(db: Db, sectionId: string): Promise<PerformanceBondView> {
    const section = await deps.sections.get(db, sectionId);
    const awarded = section && deps.awarded ? await deps.awarded(db, sectionId) : null;
    const bond = section ? await currentBond(db, sectionId, section.round) : undefined;
    const price = awarded ? BigInt(awarded.priceFen) : null;
    return {
      sectionId,
      awarded: awarded !== null,
      winnerEntityId: awarded?.winnerEntityId ?? null,
      winnerName: awarded?.winnerEntityName ?? null,
      priceFen: price?.toString() ?? null,
      capFen: price === null ? null : performanceBondCapFen(price).toString(),
      bond: bond ? await bondView(db, bond) : null,
    };
  }

  async function bondView(db: Db, bond: Bond): Promise<NonNullable<PerformanceBondView['bond']>> {
    const t = feeTables(db);
    const account = bond.account_id
      ? await t.selectFrom('finance.bond_account').select('account_number').where('id', '=', bond.account_id).executeTakeFirst()
      : undefined;
    const guarantee = bond.guarantee_id
      ? await t.selectFrom('finance.guarantee').select('guarantee_number').where('id', '=', bond.guarantee_id).executeTakeFirst()
      : undefined;
    const refunds = bond.account_id
      ? await t
          .selectFrom('finance.refund')
          .select(['id', 'principal_fen', 'interest_fen', 'state', 'paid_at'])
          .where('account_id', '=', bond.account_id)
          .where('reason', '=', 'performanceBondReleased')
          .orderBy('seq')
          .execute()
      : [];
    const received = await receivedFen(db, bond);
    const paid = bond.guarantee_id !== null || received >= BigInt(bond.amount_fen);
    return {
      id: bond.id,
      round: bond.round,
      amountFen: BigInt(bond.amount_fen).toString(),
      state: bond.state === 'released' ? 'released' : paid ? 'paid' : 'awaiting',
      form: bond.guarantee_id ? 'guarantee' : bond.account_id ? 'deposit' : null,
      accountNumber: account?.account_number ?? null,
      bankName: settlement.bankName,
      accountName: settlement.accountName,
      receivedFen: received.toString(),
      guaranteeNumber: guarantee?.guarantee_number ?? null,
      requiredAt: bond.required_at.toISOString(),
      releasedAt: bond.released_at?.toISOString() ?? null,
      releaseReason: bond.release_reason,
      refunds: refunds.map((r) => ({
        id: r.id,
        principalFen: BigInt(r.principal_fen).toString(),
        interestFen: r.interest_fen === null ? null : BigInt(r.interest_fen).toString(),
        state: r.state,
        paidAt: r.paid_at?.toISOString() ?? null,
      })),
    };
  }

  return { standing };
}

export type PerformanceBondReading = ReturnType<typeof createPerformanceBondReading>;
