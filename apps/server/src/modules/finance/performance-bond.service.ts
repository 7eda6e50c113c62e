import { randomUUID } from 'node:crypto';
import type { PerformanceBondRequirement } from '@bidhall/contracts';
import { performanceBondCapFen } from '@bidhall/rules';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { randomAccountNumber } from './accounts.service.ts';
import type { Caller } from './caller.ts';
import type { AwardedSection, FinanceDeps } from './finance.deps.ts';
import { feeTables } from './fees.tables.ts';
import { issuanceTables } from './issuance.tables.ts';
import { currentBond, isPaid } from './performance-bond.read.ts';
import type { RefundService } from './refunds.service.ts';

/**
 * The performance bond (履约保证金, A-189; decision 0038). After the award notice the tenderer (or its
 * agency) asks the winner for one of at most 10 % of the winning price (Reg. 58); the winner pays it
 * into a performance sub-account of its own (a virtual sub-account like the bid bond's, reconciled from
 * the imported statements) or furnishes a registered guarantee; once the contract is performed (contract
 * → finance) or the tenderer releases it, its deposits are refunded through the refund workflow, each
 * deposit once. Every change is audited in its transaction.
 */
export function createPerformanceBondService(deps: FinanceDeps, refunds: RefundService) {
  const { db, clock } = deps;

  async function awardOf(trx: Db, sectionId: string): Promise<AwardedSection> {
    const awarded = deps.awarded ? await deps.awarded(trx, sectionId) : null;
    if (!awarded)
      throw new DomainError(
        'PERFORMANCE_BOND_NOT_AWARDED',
        'the award notice of the section is not issued: a performance bond follows it',
        { sectionId },
      );
    return awarded;
  }

  async function required(trx: Db, a: AwardedSection, lock = true) {
    const bond = await currentBond(trx, a.sectionId, a.round, lock);
    if (!bond)
      throw new DomainError('PERFORMANCE_BOND_NOT_REQUIRED', 'the tenderer has asked for no performance bond on this section', {
        sectionId: a.sectionId,
      });
    if (bond.state === 'released')
      throw new DomainError('PERFORMANCE_BOND_STATE_CONFLICT', 'the performance bond was released', { state: 'released' });
    return bond;
  }

  const audit = (trx: Db, actor: Actor, a: AwardedSection, action: string, details: Record<string, unknown>) =>
    deps.audit.record(trx, actor, {
      action,
      targetType: 'section',
      targetId: a.sectionId,
      regionCode: a.regionCode,
      details: { round: a.round, ...details },
    });

  /** The tenderer asks for the bond, or changes its amount while nothing is paid. */
  async function requireBond(sectionId: string, input: PerformanceBondRequirement, caller: Caller): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const a = await awardOf(trx, sectionId);
      const amount = BigInt(input.amountFen);
      const cap = performanceBondCapFen(BigInt(a.priceFen));
      if (amount > cap) {
        throw new DomainError('PERFORMANCE_BOND_OVER_CAP', 'a performance bond is at most 10 % of the winning price (Reg. 58)', {
          capFen: cap.toString(),
          priceFen: a.priceFen,
        });
      }
      const now = clock.now();
      const existing = await currentBond(trx, sectionId, a.round, true);
      if (existing) {
        if (existing.state === 'released')
          throw new DomainError('PERFORMANCE_BOND_STATE_CONFLICT', 'the performance bond was released', { state: 'released' });
        if (existing.guarantee_id || (existing.account_id && (await isPaid(trx, existing))))
          throw new DomainError('PERFORMANCE_BOND_STATE_CONFLICT', 'the performance bond is paid: its amount stays', {
            state: 'paid',
          });
        await feeTables(trx)
          .updateTable('finance.performance_bond')
          .set({ amount_fen: amount.toString() })
          .where('id', '=', existing.id)
          .execute();
      } else {
        await feeTables(trx)
          .insertInto('finance.performance_bond')
          .values({
            id: randomUUID(),
            section_id: sectionId,
            round: a.round,
            region_code: a.regionCode,
            tenderer_entity_id: a.tendererEntityId,
            winner_entity_id: a.winnerEntityId,
            price_fen: a.priceFen,
            amount_fen: amount.toString(),
            state: 'required',
            account_id: null,
            guarantee_id: null,
            required_by: caller.userId,
            required_at: now,
            released_by: null,
            released_at: null,
            release_reason: null,
          })
          .execute();
      }
      await audit(trx, caller.actor, a, 'finance.performanceBond.required', {
        amountFen: amount.toString(),
        capFen: cap.toString(),
        previousFen: existing?.amount_fen ?? null,
      });
    });
  }

  /** The winner's performance sub-account (opened on first ask): where to pay the bond. */
  async function openAccount(sectionId: string, caller: Caller): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const a = await awardOf(trx, sectionId);
      const bond = await required(trx, a);
      if (bond.guarantee_id)
        throw new DomainError('PERFORMANCE_BOND_STATE_CONFLICT', 'the performance bond was furnished as a guarantee', {
          state: 'paid',
        });
      if (bond.account_id) return;
      const id = randomUUID();
      await feeTables(trx)
        .insertInto('finance.bond_account')
        .values({
          id,
          account_number: randomAccountNumber(),
          section_id: sectionId,
          round: a.round,
          entity_id: a.winnerEntityId,
          region_code: a.regionCode,
          opened_by: caller.userId,
          opened_at: clock.now(),
          purpose: 'performance',
        })
        .execute();
      await feeTables(trx).updateTable('finance.performance_bond').set({ account_id: id }).where('id', '=', bond.id).execute();
      await audit(trx, caller.actor, a, 'finance.performanceBond.accountOpened', { bondId: bond.id, accountId: id });
    });
  }

  /** The winner furnishes the bond as a guarantee registered on the platform (its issuer's signature checked). */
  async function furnishGuarantee(sectionId: string, guaranteeNumber: string, caller: Caller): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const a = await awardOf(trx, sectionId);
      const bond = await required(trx, a);
      if (bond.guarantee_id || (bond.account_id && (await isPaid(trx, bond))))
        throw new DomainError('PERFORMANCE_BOND_STATE_CONFLICT', 'the performance bond is paid already', { state: 'paid' });
      const refuse = (reason: string) =>
        new DomainError(
          'PERFORMANCE_BOND_GUARANTEE_INVALID',
          `guarantee ${guaranteeNumber} does not stand for the performance bond (${reason})`,
          { reason },
        );
      const g = await feeTables(trx)
        .selectFrom('finance.guarantee')
        .selectAll()
        .where('guarantee_number', '=', guaranteeNumber)
        .executeTakeFirst();
      // Another entity's guarantee is answered as one that does not exist.
      if (!g || g.principal_entity_id !== a.winnerEntityId) throw refuse('unknown');
      if (g.beneficiary_entity_id !== a.tendererEntityId) throw refuse('beneficiary');
      if (g.section_id !== sectionId) throw refuse('section');
      if (BigInt(g.amount_fen) < BigInt(bond.amount_fen)) throw refuse('amount');
      const now = clock.now();
      if (g.valid_from > now || g.valid_until <= now) throw refuse('validity');
      const cancelled = await issuanceTables(trx)
        .selectFrom('finance.guarantee_application')
        .select('id')
        .where('guarantee_id', '=', g.id)
        .where('state', '=', 'cancelled')
        .executeTakeFirst();
      if (cancelled) throw refuse('cancelled');
      try {
        await deps.verifyEntitySignature(g.issuer_entity_id, Buffer.from(g.content, 'utf8'), g.signature, trx);
      } catch {
        throw refuse('signature');
      }
      await feeTables(trx)
        .updateTable('finance.performance_bond')
        .set({ guarantee_id: g.id })
        .where('id', '=', bond.id)
        .execute();
      await audit(trx, caller.actor, a, 'finance.performanceBond.guaranteeFurnished', {
        bondId: bond.id,
        guaranteeNumber,
        amountFen: g.amount_fen,
      });
    });
  }

  /** Releases the bond once: its deposits are requested back (each once, by the refund's unique deposit). */
  async function releaseIn(trx: Db, a: AwardedSection, reason: string, actor: Actor, userId: string | null): Promise<number> {
    const bond = await required(trx, a);
    await feeTables(trx)
      .updateTable('finance.performance_bond')
      .set({ state: 'released', released_by: userId, released_at: clock.now(), release_reason: reason })
      .where('id', '=', bond.id)
      .where('state', '=', 'required')
      .execute();
    const made = bond.account_id ? await refunds.requestIn(trx, bond.account_id, 'performanceBondReleased', actor) : 0;
    await audit(trx, actor, a, 'finance.performanceBond.released', { bondId: bond.id, reason, refundsRequested: made });
    return made;
  }

  /** The tenderer (or its agency) releases the bond. */
  async function release(sectionId: string, reason: string, caller: Caller): Promise<void> {
    await db
      .transaction()
      .execute(async (trx) => releaseIn(trx, await awardOf(trx, sectionId), reason, caller.actor, caller.userId));
  }

  /** contract → finance: the tenderer recorded the contract as performed; a bond still held is released. */
  async function onPerformed(trx: Db, performed: { sectionId: string; round: number }, actor: Actor): Promise<void> {
    const a = deps.awarded ? await deps.awarded(trx, performed.sectionId) : null;
    if (!a || a.round !== performed.round) return;
    const bond = await currentBond(trx, a.sectionId, a.round, true);
    if (!bond || bond.state === 'released') return;
    await releaseIn(trx, a, '合同履约完成', actor, actor.id ?? null);
  }

  return { requireBond, openAccount, furnishGuarantee, release, onPerformed };
}

export type PerformanceBondService = ReturnType<typeof createPerformanceBondService>;
