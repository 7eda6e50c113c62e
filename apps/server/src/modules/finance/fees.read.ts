import type { FeeChargeView } from '@bidhall/contracts';
import { ppmToPerMille } from '@bidhall/rules';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Caller } from './caller.ts';
import type { FinanceDeps } from './finance.deps.ts';
import { type FeeChargeTable, type FeeSettlementTable, feeTables } from './fees.tables.ts';

type Charge = Selectable<FeeChargeTable>;
type SectionNames = { code: string; name: string; projectName: string };

function chargeView(c: Charge, s: Selectable<FeeSettlementTable> | undefined, section: SectionNames | null): FeeChargeView {
  return {
    id: c.id,
    sectionId: c.section_id,
    sectionCode: section?.code ?? null,
    sectionName: section?.name ?? null,
    projectName: section?.projectName ?? null,
    round: c.round,
    regionCode: c.region_code,
    kind: c.kind,
    basis: c.basis,
    perMille: c.rate_ppm === null ? null : ppmToPerMille(c.rate_ppm),
    baseFen: BigInt(c.base_fen).toString(),
    amountFen: BigInt(c.amount_fen).toString(),
    payerRole: c.payer_role,
    payerEntityId: c.payer_entity_id,
    payerName: c.payer_name,
    state: c.state,
    chargedAt: c.charged_at.toISOString(),
    settlement: s
      ? {
          method: s.method,
          amountFen: BigInt(s.amount_fen).toString(),
          bankSerial: s.bank_serial,
          settledAt: s.settled_at.toISOString(),
        }
      : null,
  };
}

/**
 * Fee charges as people read them (decision 0038): the region's officers theirs, the payer its own.
 * Charges follow the issued award notice, which is public: nothing in them is sealed. Each names its
 * section (code, name, project) as projects tells it through the sections port.
 */
export function createFeeReading(deps: Pick<FinanceDeps, 'sections'>) {
  async function sectionNames(db: Db, rows: Charge[]): Promise<Map<string, SectionNames | null>> {
    const names = new Map<string, SectionNames | null>();
    for (const id of new Set(rows.map((r) => r.section_id))) {
      const s = await deps.sections.get(db, id);
      names.set(id, s ? { code: s.code, name: s.name, projectName: s.projectName } : null);
    }
    return names;
  }

  async function withSettlements(db: Db, rows: Charge[]): Promise<FeeChargeView[]> {
    const settlements = rows.length
      ? await feeTables(db)
          .selectFrom('finance.fee_settlement')
          .selectAll()
          .where(
            'charge_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute()
      : [];
    const by = new Map(settlements.map((s) => [s.charge_id, s]));
    const sections = await sectionNames(db, rows);
    return rows.map((r) => chargeView(r, by.get(r.id), sections.get(r.section_id) ?? null));
  }

  async function list(
    db: Db,
    query: { state?: 'due' | 'settled'; sectionId?: string; limit: number },
    caller: Caller,
  ): Promise<FeeChargeView[]> {
    if (!caller.reach.length) return [];
    let q = feeTables(db).selectFrom('finance.fee_charge').selectAll().where('region_code', 'in', caller.reach);
    if (query.state) q = q.where('state', '=', query.state);
    if (query.sectionId) q = q.where('section_id', '=', query.sectionId);
    return withSettlements(db, await q.orderBy('seq', 'desc').limit(query.limit).execute());
  }

  async function mine(db: Db, caller: Caller): Promise<FeeChargeView[]> {
    if (!caller.entity) return [];
    const rows = await feeTables(db)
      .selectFrom('finance.fee_charge')
      .selectAll()
      .where('payer_entity_id', '=', caller.entity.id)
      .orderBy('seq', 'desc')
      .limit(200)
      .execute();
    return withSettlements(db, rows);
  }

  async function one(db: Db, id: string): Promise<FeeChargeView> {
    const row = await feeTables(db).selectFrom('finance.fee_charge').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return (await withSettlements(db, [row]))[0]!;
  }

  return { list, mine, one };
}

export type FeeReading = ReturnType<typeof createFeeReading>;
