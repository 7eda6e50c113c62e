import { randomUUID } from 'node:crypto';
import type { FeeScheduleInput, FeeScheduleView } from '@bidhall/contracts';
import { perMilleFeeFen, perMilleToPpm, ppmToPerMille } from '@bidhall/rules';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import type { FinanceDeps } from './finance.deps.ts';
import { feeTables, jsonOf, type StoredFeeItem } from './fees.tables.ts';

/** The ledger's accounts: what a payer owes, what a fee earns, where its money came from. */
export const ledger = {
  receivable: (entityId: string) => `receivable:${entityId}`,
  income: (kind: string) => `income:${kind}`,
  bank: 'bank:settlement',
  online: 'bank:online',
  deposit: (lineId: string) => `deposit:${lineId}`,
};

function scheduleView(
  regionCode: string,
  row: { version: number; items: unknown; updated_at: Date } | undefined,
): FeeScheduleView {
  const items = row ? jsonOf<StoredFeeItem[]>(row.items) : [];
  return {
    regionCode,
    version: row?.version ?? 0,
    items: items.map((i) => ({
      kind: i.kind,
      basis: i.basis,
      amountFen: i.basis === 'fixed' ? i.amountFen : null,
      perMille: i.basis === 'perMille' && i.ratePpm !== null ? ppmToPerMille(i.ratePpm) : null,
      payer: i.payer,
    })),
    updatedAt: row?.updated_at.toISOString() ?? null,
  };
}

/**
 * A region's fee schedule (收费标准, A-188, A-190…A-192; decision 0038), set by its trading centre's staff
 * or the administrator: zero by default — a region without one charges nothing — and never a fee for the
 * tender document (task 14). When a section's award notice is issued, its charges are computed from the
 * schedule of the section's region, once per kind; an item that comes to 0 charges nothing.
 */
export function createFeeSchedules(deps: FinanceDeps) {
  async function list(db: Db, regionCode: string | undefined, caller: Caller): Promise<FeeScheduleView[]> {
    if (regionCode !== undefined) {
      if (!caller.reach.includes(regionCode)) return [];
      const row = await feeTables(db)
        .selectFrom('finance.fee_schedule')
        .selectAll()
        .where('region_code', '=', regionCode)
        .executeTakeFirst();
      return [scheduleView(regionCode, row)];
    }
    if (!caller.reach.length) return [];
    const rows = await feeTables(db)
      .selectFrom('finance.fee_schedule')
      .selectAll()
      .where('region_code', 'in', caller.reach)
      .orderBy('region_code')
      .execute();
    return rows.map((r) => scheduleView(r.region_code, r));
  }

  async function set(input: FeeScheduleInput, caller: Caller): Promise<FeeScheduleView> {
    if (!caller.reach.includes(input.regionCode))
      throw new DomainError('FORBIDDEN', `region ${input.regionCode} is outside the regions you answer for`);
    if (input.items.some((i) => i.kind === 'tenderDocument')) {
      throw new DomainError(
        'FEE_DOCUMENT_FEE_FORBIDDEN',
        'the tender document is free of charge (task 14): no fee may be set for it',
        { kind: 'tenderDocument' },
      );
    }
    const kinds = input.items.map((i) => i.kind);
    const twice = kinds.find((k, n) => kinds.indexOf(k) !== n);
    if (twice) throw new DomainError('FEE_SCHEDULE_INVALID', `the schedule names ${twice} twice`, { kind: twice });
    const items: StoredFeeItem[] = input.items.map((i) => ({
      kind: i.kind as StoredFeeItem['kind'],
      basis: i.basis,
      amountFen: i.basis === 'fixed' ? BigInt(i.amountFen!).toString() : null,
      ratePpm: i.basis === 'perMille' ? perMilleToPpm(i.perMille!) : null,
      payer: i.payer,
    }));
    return deps.db.transaction().execute(async (trx) => {
      const t = feeTables(trx);
      const now = deps.clock.now();
      const existing = await t
        .selectFrom('finance.fee_schedule')
        .select('version')
        .where('region_code', '=', input.regionCode)
        .forUpdate()
        .executeTakeFirst();
      const version = (existing?.version ?? 0) + 1;
      const row = {
        region_code: input.regionCode,
        version,
        items: JSON.stringify(items),
        updated_by: caller.userId,
        updated_at: now,
      };
      if (existing) await t.updateTable('finance.fee_schedule').set(row).where('region_code', '=', input.regionCode).execute();
      else await t.insertInto('finance.fee_schedule').values(row).execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'finance.feeSchedule.set',
        targetType: 'feeSchedule',
        targetId: input.regionCode,
        regionCode: input.regionCode,
        details: { version, items },
      });
      return scheduleView(input.regionCode, { version, items, updated_at: now });
    });
  }

  /** award → finance, inside the award notice's transaction: the section's charges, once per kind. */
  async function chargeAtAward(trx: Db, sectionId: string, actor: Actor): Promise<number> {
    const a = deps.awarded ? await deps.awarded(trx, sectionId) : null;
    if (!a) return 0;
    const t = feeTables(trx);
    const schedule = await t
      .selectFrom('finance.fee_schedule')
      .selectAll()
      .where('region_code', '=', a.regionCode)
      .executeTakeFirst();
    if (!schedule) return 0;
    const price = BigInt(a.priceFen);
    const now = deps.clock.now();
    let made = 0;
    for (const item of jsonOf<StoredFeeItem[]>(schedule.items)) {
      const amount = item.basis === 'fixed' ? BigInt(item.amountFen ?? '0') : perMilleFeeFen(price, item.ratePpm ?? 0);
      if (amount <= 0n) continue;
      const payer =
        item.payer === 'winner'
          ? { id: a.winnerEntityId, name: a.winnerEntityName }
          : { id: a.tendererEntityId, name: (await deps.entities.get(trx, a.tendererEntityId))?.name ?? '' };
      const id = randomUUID();
      const inserted = await t
        .insertInto('finance.fee_charge')
        .values({
          id,
          section_id: a.sectionId,
          round: a.round,
          region_code: a.regionCode,
          kind: item.kind,
          basis: item.basis,
          rate_ppm: item.basis === 'perMille' ? item.ratePpm : null,
          base_fen: price.toString(),
          amount_fen: amount.toString(),
          payer_role: item.payer,
          payer_entity_id: payer.id,
          payer_name: payer.name,
          schedule_version: schedule.version,
          state: 'due',
          charged_at: now,
          settled_at: null,
        })
        .onConflict((oc) => oc.columns(['section_id', 'round', 'kind']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      made++;
      await t
        .insertInto('finance.fee_posting')
        .values({
          id: randomUUID(),
          charge_id: id,
          entry: 'charge',
          debit_account: ledger.receivable(payer.id),
          credit_account: ledger.income(item.kind),
          amount_fen: amount.toString(),
          posted_at: now,
        })
        .execute();
      await deps.audit.record(trx, actor, {
        action: 'finance.fee.charged',
        targetType: 'section',
        targetId: a.sectionId,
        regionCode: a.regionCode,
        details: {
          chargeId: id,
          round: a.round,
          kind: item.kind,
          amountFen: amount.toString(),
          payerEntityId: payer.id,
          scheduleVersion: schedule.version,
        },
      });
    }
    return made;
  }

  return { list, set, chargeAtAward };
}

export type FeeSchedules = ReturnType<typeof createFeeSchedules>;
