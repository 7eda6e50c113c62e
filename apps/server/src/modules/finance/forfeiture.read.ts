import {
  BOND_FORFEITURE_GROUNDS,
  type BondForfeitureCandidate,
  type BondForfeitureList,
  type BondForfeitureView,
} from '@bidhall/contracts';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { type FinanceDeps, tables } from './finance.deps.ts';
import type { BondForfeitureTable } from './finance.tables.ts';
import { jsonOf } from './fees.tables.ts';
import type { ForfeitureService } from './forfeiture.service.ts';
import type { RefundService } from './refunds.service.ts';

/**
 * Forfeitures as people read them: the section's tenderer, agency and officers see its decisions and,
 * after the deadline only, each bidder's held deposits with the grounds the record supports now; the
 * bidder sees the decisions on its own deposits, with the ground and the statement.
 */
export function createForfeitureReading(deps: FinanceDeps, service: ForfeitureService, refunds: RefundService) {
  async function view(db: Db, f: Selectable<BondForfeitureTable>, entityName: string | null): Promise<BondForfeitureView> {
    const payments = await tables(db)
      .selectFrom('finance.refund')
      .select(['id', 'state', 'bank_serial', 'paid_at'])
      .where('forfeiture_id', '=', f.id)
      .orderBy('seq')
      .execute();
    return {
      id: f.id,
      sectionId: f.section_id,
      round: f.round,
      entityId: f.entity_id,
      entityName,
      ground: f.ground,
      statement: f.statement,
      facts: jsonOf<Record<string, unknown>>(f.facts),
      payeeAccount: f.payee_account,
      payeeName: f.payee_name,
      principalFen: BigInt(f.principal_fen).toString(),
      decidedAt: f.decided_at.toISOString(),
      payments: payments.map((p) => ({
        refundId: p.id,
        state: p.state,
        bankSerial: p.bank_serial,
        paidAt: p.paid_at?.toISOString() ?? null,
      })),
    };
  }

  async function nameOf(db: Db, entityId: string): Promise<string | null> {
    return (await deps.entities.get(db, entityId))?.name ?? null;
  }

  /** The section's forfeitures and, once the deadline has passed, its round's held deposits and their grounds. */
  async function ofSection(db: Db, sectionId: string): Promise<BondForfeitureList> {
    const section = await deps.sections.get(db, sectionId);
    if (!section) throw new DomainError('SECTION_NOT_FOUND', `no section ${sectionId}`);
    const rows = await tables(db)
      .selectFrom('finance.bond_forfeiture')
      .selectAll()
      .where('section_id', '=', sectionId)
      .orderBy('seq')
      .execute();
    const forfeitures = [];
    for (const f of rows) forfeitures.push(await view(db, f, await nameOf(db, f.entity_id)));
    // Before the deadline who holds a sub-account is the bidders' secret (A-107).
    if (!service.deadlinePassed(section)) return { forfeitures, candidates: [] };
    const accounts = await tables(db)
      .selectFrom('finance.bond_account')
      .select(['id', 'entity_id'])
      .where('section_id', '=', sectionId)
      .where('round', '=', section.round)
      .where('purpose', '=', 'bid')
      .orderBy('opened_at')
      .execute();
    const candidates: BondForfeitureCandidate[] = [];
    for (const a of accounts) {
      if (rows.some((f) => f.account_id === a.id)) continue;
      const held = (await refunds.held(db, a.id)).reduce((sum, c) => sum + c.principal, 0n);
      if (held === 0n) continue;
      const grounds: BondForfeitureCandidate['grounds'] = [];
      for (const g of BOND_FORFEITURE_GROUNDS) {
        // A revocation is the bidder's signed letter the tenderer brings: the ground is open while its bid stands.
        if (g === 'withdrawnAfterDeadline') {
          if (await deps.bids.hasLiveBid(db, section.id, section.round, a.entity_id)) grounds.push(g);
        } else if ((await service.grounds.check(db, section, a.entity_id, g)).ok) grounds.push(g);
      }
      candidates.push({ entityId: a.entity_id, entityName: await nameOf(db, a.entity_id), heldFen: held.toString(), grounds });
    }
    return { forfeitures, candidates };
  }

  /** The decisions on the caller's entity's deposits, newest first. */
  async function mine(db: Db, caller: Caller): Promise<BondForfeitureView[]> {
    if (!caller.entity) return [];
    const rows = await tables(db)
      .selectFrom('finance.bond_forfeiture')
      .selectAll()
      .where('entity_id', '=', caller.entity.id)
      .orderBy('seq', 'desc')
      .limit(200)
      .execute();
    const out = [];
    for (const f of rows) out.push(await view(db, f, caller.entity.name));
    return out;
  }

  return { ofSection, mine };
}

export type ForfeitureReading = ReturnType<typeof createForfeitureReading>;
