import { randomUUID } from 'node:crypto';
import type { GuaranteeClaimRequest } from '@bidhall/contracts';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import type { FinanceDeps, GuaranteeIssuerPort } from './finance.deps.ts';
import { conflict, issuanceParts, system } from './issuance-parts.ts';
import { issuanceTables } from './issuance.tables.ts';

/** Pays a claim through the issuer (its id as data); sent with the claim. */
export const GUARANTEE_CLAIM_JOB = 'finance.guarantee.claim';

/**
 * An e-guarantee after its issue (decision 0037): the bidder's cancellation and the issuer's refund of
 * the premium, the beneficiary's claim paid once by the issuer, and the release by the section's result.
 */
export function createGuaranteeAftercare(deps: FinanceDeps, issuer: GuaranteeIssuerPort | null) {
  const { db, clock } = deps;
  const t = issuanceTables;
  const { record, own } = issuanceParts(deps, issuer);

  /**
   * The bidder cancels: an application not yet issued at any time; an issued guarantee while it stands
   * for no live bid (before the deadline, or it never bid), or once its result released it — never a
   * claimed one. The issuer refunds a premium paid for a guarantee it never issued.
   */
  async function cancel(id: string, reason: string | undefined, caller: Caller): Promise<void> {
    const cancelled = await db.transaction().execute(async (trx) => {
      const a = await own(trx, id, caller, true);
      if (a.state === 'cancelled') return null;
      if (a.state === 'claimed') throw conflict(a.state, 'a claimed guarantee is not cancelled');
      const claim = await t(trx)
        .selectFrom('finance.guarantee_claim')
        .select('id')
        .where('application_id', '=', id)
        .executeTakeFirst();
      if (claim) throw conflict(a.state, 'the beneficiary has claimed on the guarantee');
      if (a.state === 'issued' && !a.released_at && (await deps.bids.hasLiveBid(trx, a.section_id, a.round, a.entity_id))) {
        throw new DomainError(
          'GUARANTEE_IN_USE',
          'the guarantee stands for your live bid until the result; withdraw the bid first',
          { sectionId: a.section_id },
        );
      }
      const now = clock.now();
      await t(trx)
        .updateTable('finance.guarantee_application')
        .set({ state: 'cancelled', cancelled_by: caller.userId, cancelled_at: now, cancel_reason: reason?.trim() || null })
        .where('id', '=', id)
        .execute();
      await record(trx, caller.actor, a, 'finance.guaranteeApplication.cancelled', {
        previousState: a.state,
        reason: reason?.trim() || null,
      });
      return a;
    });
    if (cancelled) await confirmCancel(id);
  }

  /** Tells the issuer of a cancellation and records the refund it made; retried by the sweep until it answers. */
  async function confirmCancel(id: string): Promise<void> {
    const a = await t(db).selectFrom('finance.guarantee_application').selectAll().where('id', '=', id).executeTakeFirst();
    if (!a || a.state !== 'cancelled' || a.issuer_cancelled_at || !issuer) return;
    let answer: Awaited<ReturnType<GuaranteeIssuerPort['cancel']>>;
    try {
      answer = await issuer.cancel({ applicationId: id, accepted: a.guarantee_id !== null });
    } catch (err) {
      await t(db)
        .updateTable('finance.guarantee_application')
        .set({ attempts: a.attempts + 1, last_error: `cancel: ${String((err as Error).message).slice(0, 480)}` })
        .where('id', '=', id)
        .execute();
      return;
    }
    await db.transaction().execute(async (trx) => {
      const row = await t(trx)
        .selectFrom('finance.guarantee_application')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (row.issuer_cancelled_at) return;
      await t(trx)
        .updateTable('finance.guarantee_application')
        .set({ issuer_cancelled_at: answer.cancelledAt, last_error: null })
        .where('id', '=', id)
        .execute();
      if (answer.refund) {
        await t(trx)
          .insertInto('finance.guarantee_posting')
          .values({
            id: randomUUID(),
            application_id: id,
            kind: 'premiumRefund',
            payer_entity_id: row.issuer_entity_id,
            payee_entity_id: row.entity_id,
            amount_fen: answer.refund.amountFen.toString(),
            issuer_serial: answer.refund.serial,
            booked_at: answer.cancelledAt,
          })
          .onConflict((oc) => oc.columns(['application_id', 'kind']).doNothing())
          .execute();
      }
      await record(trx, system, row, 'finance.guaranteeApplication.cancellationConfirmed', {
        refundFen: answer.refund?.amountFen.toString() ?? '0',
      });
    });
  }

  /**
   * The beneficiary's demand (见索即付): after the deadline, on an issued guarantee still valid, for at
   * most its amount, with the statutory ground and the statement of the breach; paid by the issuer.
   */
  async function claim(guaranteeId: string, body: GuaranteeClaimRequest, caller: Caller): Promise<string> {
    const claimId = await db.transaction().execute(async (trx) => {
      const g = await t(trx).selectFrom('finance.guarantee').selectAll().where('id', '=', guaranteeId).executeTakeFirst();
      if (!g || !caller.entity || g.beneficiary_entity_id !== caller.entity.id)
        throw new DomainError('GUARANTEE_NOT_FOUND', 'no guarantee in your favour by this id', { guaranteeId });
      const a = await t(trx)
        .selectFrom('finance.guarantee_application')
        .selectAll()
        .where('guarantee_id', '=', g.id)
        .forUpdate()
        .executeTakeFirst();
      const refuse = (reason: string, message: string) => new DomainError('GUARANTEE_CLAIM_REFUSED', message, { reason });
      if (!a) throw refuse('notOneStop', 'the guarantee was not issued through the platform’s one-stop: claim with its issuer');
      const now = clock.now();
      if (a.bid_deadline.getTime() > now.getTime())
        throw refuse('beforeDeadline', 'a bid guarantee is claimed only after the bid deadline');
      const existing = await t(trx)
        .selectFrom('finance.guarantee_claim')
        .select('id')
        .where('guarantee_id', '=', g.id)
        .executeTakeFirst();
      if (existing || a.state === 'claimed')
        throw new DomainError('GUARANTEE_CLAIM_EXISTS', 'the guarantee has been claimed already', {
          claimId: existing?.id ?? null,
        });
      if (a.state === 'cancelled') throw refuse('cancelled', 'the guarantee was cancelled');
      if (a.state !== 'issued') throw refuse('notIssued', 'the guarantee is not issued');
      if (g.valid_until.getTime() < now.getTime())
        throw refuse('expired', `the guarantee expired at ${g.valid_until.toISOString()}`);
      const amount = body.amountFen ? BigInt(body.amountFen) : BigInt(g.amount_fen);
      if (amount > BigInt(g.amount_fen)) throw refuse('amount', `the guarantee is for ${g.amount_fen} fen`);
      const id = randomUUID();
      await t(trx)
        .insertInto('finance.guarantee_claim')
        .values({
          id,
          guarantee_id: g.id,
          application_id: a.id,
          section_id: a.section_id,
          region_code: a.region_code,
          beneficiary_entity_id: g.beneficiary_entity_id,
          principal_entity_id: g.principal_entity_id,
          reason: body.reason,
          statement: body.statement,
          amount_fen: amount.toString(),
          payee_account: body.payeeAccount,
          payee_name: body.payeeName,
          claimed_by: caller.userId,
          claimed_at: now,
          state: 'demanded',
          payment_serial: null,
          paid_at: null,
          last_error: null,
        })
        .execute();
      await record(trx, caller.actor, a, 'finance.guaranteeClaim.demanded', {
        claimId: id,
        guaranteeNumber: g.guarantee_number,
        reason: body.reason,
        statement: body.statement,
        amountFen: amount.toString(),
      });
      await deps.jobs.send(trx, GUARANTEE_CLAIM_JOB, { claimId: id });
      return id;
    });
    await payClaim(claimId);
    return claimId;
  }

  /** Asks the issuer to pay the claim (idempotent by its id) and records the payment. */
  async function payClaim(claimId: string): Promise<void> {
    const c = await t(db).selectFrom('finance.guarantee_claim').selectAll().where('id', '=', claimId).executeTakeFirst();
    if (!c || c.state !== 'demanded' || !issuer) return;
    const g = await t(db)
      .selectFrom('finance.guarantee')
      .select(['guarantee_number'])
      .where('id', '=', c.guarantee_id)
      .executeTakeFirstOrThrow();
    let paid: { serial: string; paidAt: Date; amountFen: bigint };
    try {
      paid = await issuer.payClaim({
        claimId,
        applicationId: c.application_id,
        guaranteeNumber: g.guarantee_number,
        amountFen: BigInt(c.amount_fen),
        payeeAccount: c.payee_account,
        payeeName: c.payee_name,
        reason: c.reason,
      });
    } catch (err) {
      await t(db)
        .updateTable('finance.guarantee_claim')
        .set({ attempts: c.attempts + 1, last_error: String((err as Error).message).slice(0, 500) })
        .where('id', '=', claimId)
        .where('state', '=', 'demanded')
        .execute();
      return;
    }
    await db.transaction().execute(async (trx) => {
      const row = await t(trx)
        .selectFrom('finance.guarantee_claim')
        .selectAll()
        .where('id', '=', claimId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (row.state !== 'demanded') return;
      const a = await t(trx)
        .selectFrom('finance.guarantee_application')
        .selectAll()
        .where('id', '=', row.application_id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      await t(trx)
        .updateTable('finance.guarantee_claim')
        .set({ state: 'paid', payment_serial: paid.serial, paid_at: paid.paidAt, attempts: row.attempts + 1, last_error: null })
        .where('id', '=', claimId)
        .execute();
      await t(trx).updateTable('finance.guarantee_application').set({ state: 'claimed' }).where('id', '=', a.id).execute();
      await t(trx)
        .insertInto('finance.guarantee_posting')
        .values({
          id: randomUUID(),
          application_id: a.id,
          kind: 'claim',
          payer_entity_id: a.issuer_entity_id,
          payee_entity_id: row.beneficiary_entity_id,
          amount_fen: paid.amountFen.toString(),
          issuer_serial: paid.serial,
          booked_at: paid.paidAt,
        })
        .onConflict((oc) => oc.columns(['application_id', 'kind']).doNothing())
        .execute();
      await record(trx, system, a, 'finance.guaranteeClaim.paid', {
        claimId,
        serial: paid.serial,
        amountFen: paid.amountFen.toString(),
      });
    });
  }

  /** The result reached these entities on the section (lost, or signed the contract): their guarantees are released. */
  async function onResult(
    trx: Db,
    result: { sectionId: string; round: number; entityIds: string[] },
    actor: Actor,
  ): Promise<void> {
    if (!result.entityIds.length) return;
    const rows = await t(trx)
      .selectFrom('finance.guarantee_application')
      .selectAll()
      .where('section_id', '=', result.sectionId)
      .where('round', '=', result.round)
      .where('entity_id', 'in', result.entityIds)
      .where('state', '=', 'issued')
      .where('released_at', 'is', null)
      .forUpdate()
      .execute();
    for (const a of rows) {
      await t(trx)
        .updateTable('finance.guarantee_application')
        .set({ released_at: clock.now() })
        .where('id', '=', a.id)
        .execute();
      await record(trx, actor, a, 'finance.guaranteeApplication.released');
    }
  }

  return { cancel, confirmCancel, claim, payClaim, onResult };
}
