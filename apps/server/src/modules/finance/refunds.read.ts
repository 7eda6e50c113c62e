import type { BondRefundFigure, BondRefundView } from '@bidhall/contracts';
import { parseBusinessDate, toBusinessDate } from '@bidhall/rules';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { type FinanceDeps, tables } from './finance.deps.ts';
import type { RefundTable } from './finance.tables.ts';
import type { RefundService } from './refunds.service.ts';

/**
 * Refunds as people read them: the bidder its own (and asks for them); the staff of a region theirs,
 * with the section and bidder only once the section's deadline has passed; and the dashboard's
 * figure — the share paid within 2 working days, and the overdue (task 10).
 */
export function createRefundReading(deps: FinanceDeps, refunds: RefundService) {
  const { clock } = deps;

  async function mine(db: Db, caller: Caller): Promise<BondRefundView[]> {
    if (!caller.entity) return [];
    const rows = await tables(db)
      .selectFrom('finance.refund')
      .selectAll()
      .where('entity_id', '=', caller.entity.id)
      .orderBy('seq', 'desc')
      .limit(200)
      .execute();
    const today = toBusinessDate(clock.now());
    return rows.map((r) => refundView(r, today, false, caller.entity!.name));
  }

  /**
   * The bidder asks for its deposit back: allowed while it has no live bid on the section's round (it
   * withdrew, or never bid). A live bid's bond is held until the result (A-105, issue 13's award).
   */
  async function request(sectionId: string, caller: Caller): Promise<BondRefundView[]> {
    if (!caller.entity)
      throw new DomainError('BOND_ACCOUNT_NOT_FOUND', 'no bond sub-account of yours for this section', { sectionId });
    const entityId = caller.entity.id;
    await deps.db.transaction().execute(async (trx) => {
      const section = await deps.sections.get(trx, sectionId);
      const account = section
        ? await tables(trx)
            .selectFrom('finance.bond_account')
            .select('id')
            .where('section_id', '=', sectionId)
            .where('round', '=', section.round)
            .where('entity_id', '=', entityId)
            .where('purpose', '=', 'bid')
            .executeTakeFirst()
        : undefined;
      if (!section || !account)
        throw new DomainError('BOND_ACCOUNT_NOT_FOUND', 'no bond sub-account of yours for this section', { sectionId });
      const forfeiture = await tables(trx).selectFrom('finance.bond_forfeiture').select('id').where('account_id', '=', account.id).executeTakeFirst();
      if (forfeiture)
        throw new DomainError('BOND_FORFEITED', 'the tenderer decided not to refund these deposits: see its decision', { forfeitureId: forfeiture.id });
      if (await deps.bids.hasLiveBid(trx, sectionId, section.round, entityId)) {
        throw new DomainError(
          'BOND_HELD',
          'your bid on this section is live: its bond is held until the result is published, or withdraw the bid first',
          { sectionId },
        );
      }
      const made = await refunds.requestIn(trx, account.id, 'notBidding', caller.actor);
      if (made === 0)
        throw new DomainError('BOND_NOTHING_TO_REFUND', 'no deposit of this sub-account is waiting to be refunded', {
          sectionId,
        });
    });
    return mine(deps.db, caller);
  }

  async function sealedFor(db: Db, sectionIds: string[]): Promise<Set<string>> {
    const now = clock.now().getTime();
    const sealed = new Set<string>();
    for (const id of new Set(sectionIds)) {
      const s = await deps.sections.get(db, id);
      if (!s?.timetable.bidDeadline || Date.parse(s.timetable.bidDeadline) > now) sealed.add(id);
    }
    return sealed;
  }

  async function list(
    db: Db,
    query: { state?: 'requested' | 'paid' | 'settled' | 'overdue'; limit: number },
    caller: Caller,
  ): Promise<BondRefundView[]> {
    if (!caller.reach.length) return [];
    const today = toBusinessDate(clock.now());
    let q = tables(db).selectFrom('finance.refund').selectAll().where('region_code', 'in', caller.reach);
    if (query.state === 'overdue') q = q.where('state', '=', 'requested').where('due_date', '<', today);
    else if (query.state) q = q.where('state', '=', query.state);
    const rows = await q.orderBy('seq', 'desc').limit(query.limit).execute();
    const sealed = await sealedFor(
      db,
      rows.map((r) => r.section_id),
    );
    const names = new Map<string, string | null>();
    const out: BondRefundView[] = [];
    for (const r of rows) {
      const hidden = sealed.has(r.section_id);
      if (!hidden && !names.has(r.entity_id)) names.set(r.entity_id, (await deps.entities.get(db, r.entity_id))?.name ?? null);
      out.push(refundView(r, today, hidden, names.get(r.entity_id) ?? null));
    }
    return out;
  }

  /** Task 10's figure over refunds requested in [from, to): counts only, nothing sealed in them. */
  async function figure(db: Db, range: { from: Date; to: Date }, caller: Caller): Promise<BondRefundFigure> {
    const today = toBusinessDate(clock.now());
    const rows = caller.reach.length
      ? await tables(db)
          .selectFrom('finance.refund')
          .select(['state', 'due_date', 'paid_at', 'reason'])
          .where('region_code', 'in', caller.reach)
          .where('requested_at', '>=', range.from)
          .where('requested_at', '<', range.to)
          .execute()
      : [];
    let onTime = 0;
    let late = 0;
    let overdue = 0;
    let pending = 0;
    let forfeited = 0;
    for (const r of rows) {
      // A forfeited deposit paid to the tenderer is no refund, late or not (decision 0042).
      if (r.reason === 'forfeited') {
        forfeited++;
        continue;
      }
      const due = r.due_date;
      if (r.paid_at) {
        if (toBusinessDate(r.paid_at) <= due) onTime++;
        else late++;
      } else if (today > due) overdue++;
      else pending++;
    }
    const decided = onTime + late + overdue;
    return {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      requested: rows.length - forfeited,
      paidOnTime: onTime,
      paidLate: late,
      overdue,
      pending,
      onTimeShare: decided === 0 ? null : onTime / decided,
      forfeited,
    };
  }

  return { mine, request, list, figure };
}

export type RefundReading = ReturnType<typeof createRefundReading>;

/** A refund as its bidder (or staff, after the deadline) reads it; `sealed` hides the section and bidder. */
export function refundView(r: Selectable<RefundTable>, today: string, sealed: boolean, entityName: string | null): BondRefundView {
  const due = r.due_date;
  const paidDay = r.paid_at ? toBusinessDate(r.paid_at) : null;
  return {
    id: r.id,
    sectionId: sealed ? null : r.section_id,
    round: sealed ? null : r.round,
    entityId: sealed ? null : r.entity_id,
    entityName: sealed ? null : entityName,
    reason: sealed ? null : r.reason,
    principalFen: BigInt(r.principal_fen).toString(),
    interestFen: r.interest_fen === null ? null : BigInt(r.interest_fen).toString(),
    rateBp: r.rate_bp,
    payeeAccount: sealed ? null : r.payee_account,
    requestedAt: r.requested_at.toISOString(),
    dueDate: due,
    state: r.state,
    paidAt: r.paid_at?.toISOString() ?? null,
    settledAt: r.settled_at?.toISOString() ?? null,
    bankSerial: r.bank_serial,
    onTime: paidDay === null ? null : paidDay <= parseBusinessDate(due),
    overdue: r.state === 'requested' && today > due,
    lastError: r.last_error,
  };
}
