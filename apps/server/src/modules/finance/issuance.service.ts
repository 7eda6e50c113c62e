import { randomUUID } from 'node:crypto';
import {
  type GuaranteeApplicationRequest,
  type GuaranteeClaimRequest,
  guaranteeInvoice,
  type GuaranteeInvoice,
  type GuaranteePaymentRequest,
  guaranteeTerms,
  type GuaranteeTerms,
} from '@bidhall/contracts';
import { canonicalJson } from '@bidhall/crypto';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { guaranteeNeededUntil } from './bonds.ts';
import type { Caller } from './caller.ts';
import type { FinanceDeps, GuaranteeIssuerPort, IssuedGuarantee } from './finance.deps.ts';
import { type GuaranteeApplicationTable, issuanceTables } from './issuance.tables.ts';

/** Collects the guarantee of a paid application from its issuer (its id as data); sent with the payment. */
export const GUARANTEE_ISSUE_JOB = 'finance.guarantee.issue';
/** Pays a claim through the issuer (its id as data); sent with the claim. */
export const GUARANTEE_CLAIM_JOB = 'finance.guarantee.claim';
/** Every five minutes: issuances, claims and cancellations an issuer has not answered yet are asked again. */
export const GUARANTEE_SWEEP_JOB = 'finance.guarantee.sweep';

type AuditSubject = Pick<GuaranteeApplicationTable, 'id' | 'bid_deadline' | 'region_code' | 'section_id' | 'round' | 'entity_id' | 'issuer_entity_id'>;
const system: Actor = { kind: 'system', label: 'finance.guarantee' };
const canonical = (v: unknown) => Buffer.from(canonicalJson(v)).toString('utf8');
const notFound = (id: string) => new DomainError('GUARANTEE_APPLICATION_NOT_FOUND', 'no guarantee application of yours by this id', { applicationId: id });
const conflict = (state: string, message: string) => new DomainError('GUARANTEE_STATE_CONFLICT', message, { state });
const refusedBy = (err: unknown) =>
  err instanceof DomainError ? err : new DomainError('GUARANTEE_ISSUER_REFUSED', `the issuer refused: ${(err as Error).message}`, { reason: (err as Error).message });

/**
 * E-guarantees one-stop (电子保函, issue 13 §6, task 15; decision 0037). The bidder applies to an
 * issuer on the issuer interface for the bid guarantee its section asks (the amount the document asks,
 * the tenderer as beneficiary, valid through the deadline and the bid validity), pays the premium once,
 * and the issuer's signed guarantee and e-invoice are verified and registered, so the submission's bond
 * check accepts the guarantee. The tenderer claims on it after the deadline; the bidder cancels it
 * while unused. Each change is audited in its transaction — before the section's deadline without the
 * actor, section or amounts: the application row keeps those, the bidder's alone until then.
 */
export function createIssuanceService(deps: FinanceDeps, issuer: GuaranteeIssuerPort | null) {
  const { db, clock } = deps;
  const t = issuanceTables;

  function port(): GuaranteeIssuerPort {
    if (!issuer) throw new DomainError('GUARANTEE_ISSUER_UNAVAILABLE', 'no issuer interface is configured');
    return issuer;
  }

  /** Audited with the section and the actor once the deadline has passed; before it, sealed. */
  async function record(trx: Db, actor: Actor, a: AuditSubject, action: string, details: Record<string, unknown> = {}) {
    const sealed = a.bid_deadline.getTime() > clock.now().getTime();
    await deps.audit.record(trx, sealed ? { kind: actor.kind, label: 'sealed until the bid deadline (A-107)' } : actor, {
      action,
      targetType: 'guaranteeApplication',
      targetId: a.id,
      regionCode: sealed ? null : a.region_code,
      details: sealed ? { sealed: true } : { sectionId: a.section_id, round: a.round, entityId: a.entity_id, issuerEntityId: a.issuer_entity_id, ...details },
    });
  }

  /** The section's bond as a bid guarantee must cover it, for a bidder holding the issued document, before the deadline. */
  async function sectionTerms(trx: Db, sectionId: string, caller: Caller) {
    const entityId = caller.entity?.id;
    const section = await deps.sections.get(trx, sectionId);
    if (!section || !entityId || !(await deps.documents.isHolder(trx, sectionId, entityId))) {
      throw new DomainError('BOND_DOCUMENT_REQUIRED', 'a bid guarantee is for a bidder who obtained the tender document; download it first (free)', { sectionId });
    }
    const terms = await deps.documents.bondTerms(trx, sectionId);
    if (!terms || terms.bidBondFen <= 0n) throw new DomainError('GUARANTEE_NOT_REQUIRED', 'the tender document asks for no bid bond', { sectionId });
    const deadline = section.timetable.bidDeadline ? new Date(section.timetable.bidDeadline) : null;
    const now = clock.now();
    if (!deadline || deadline.getTime() <= now.getTime()) throw new DomainError('GUARANTEE_APPLICATION_CLOSED', 'the bid deadline has passed', { sectionId });
    return { section, entityId, deadline, amountFen: terms.bidBondFen, validFrom: now, validUntil: guaranteeNeededUntil(deadline, terms.bidValidityDays) };
  }

  /** Issuers on the interface with their rates; with a section, the terms its bond needs and each one's premium. */
  async function issuers(sectionId: string | undefined, caller: Caller) {
    if (!issuer) return [];
    const offers = await issuer.offers();
    const terms = sectionId ? await sectionTerms(db, sectionId, caller) : null;
    const out = [];
    for (const o of offers) {
      const entity = await deps.entities.get(db, o.entityId);
      if (!entity || entity.status !== 'active' || !entity.roles.includes('guarantor')) continue;
      let quote = null;
      if (terms) {
        const q = await issuer.quote({ issuerEntityId: o.entityId, amountFen: terms.amountFen, validFrom: terms.validFrom, validUntil: terms.validUntil }).catch((err: unknown) => {
          throw refusedBy(err);
        });
        quote = {
          sectionId: terms.section.id,
          amountFen: terms.amountFen.toString(),
          validFrom: terms.validFrom.toISOString(),
          validUntil: terms.validUntil.toISOString(),
          premiumFen: q.premiumFen.toString(),
        };
      }
      out.push({ entityId: o.entityId, name: entity.name, kind: o.kind, rateBp: o.rateBp, minimumPremiumFen: o.minimumPremiumFen.toString(), quote });
    }
    return out;
  }

  async function live(trx: Db, sectionId: string, round: number, entityId: string) {
    return t(trx)
      .selectFrom('finance.guarantee_application')
      .selectAll()
      .where('section_id', '=', sectionId)
      .where('round', '=', round)
      .where('entity_id', '=', entityId)
      .where('state', '<>', 'cancelled')
      .executeTakeFirst();
  }

  /** Applies for the section's bid guarantee with the issuer, at the premium it quotes now. */
  async function apply(body: GuaranteeApplicationRequest, caller: Caller): Promise<string> {
    const p = port();
    const { section, entityId, deadline, amountFen, validFrom, validUntil } = await sectionTerms(db, body.sectionId, caller);
    const existing = await live(db, section.id, section.round, entityId);
    if (existing) throw new DomainError('GUARANTEE_APPLICATION_EXISTS', 'you have applied for this section’s bid guarantee already', { applicationId: existing.id, state: existing.state });
    const offer = (await p.offers()).find((o) => o.entityId === body.issuerEntityId);
    const issuerEntity = offer ? await deps.entities.get(db, offer.entityId) : null;
    if (!offer || !issuerEntity || issuerEntity.status !== 'active' || !issuerEntity.roles.includes('guarantor')) {
      throw new DomainError('GUARANTEE_ISSUER_UNKNOWN', 'no such issuer on the platform’s issuer interface', { field: 'issuerEntityId' });
    }
    const principal = await deps.entities.get(db, entityId);
    const beneficiary = await deps.entities.get(db, section.tendererEntityId);
    if (!principal || !beneficiary) throw new DomainError('GUARANTEE_APPLICATION_NOT_FOUND', 'the section’s parties are unknown', { sectionId: section.id });
    const id = randomUUID();
    const terms: Omit<GuaranteeTerms, 'guaranteeNumber'> = {
      issuerCreditCode: issuerEntity.creditCode,
      principalCreditCode: principal.creditCode,
      beneficiaryCreditCode: beneficiary.creditCode,
      sectionId: section.id,
      amountFen: amountFen.toString(),
      validFrom: validFrom.toISOString(),
      validUntil: validUntil.toISOString(),
    };
    let accepted: { reference: string };
    let quote: { premiumFen: bigint; rateBp: number };
    try {
      quote = await p.quote({ issuerEntityId: offer.entityId, amountFen, validFrom, validUntil });
      accepted = await p.apply({ applicationId: id, issuerEntityId: offer.entityId, terms, principal: { name: principal.name, creditCode: principal.creditCode }, premiumFen: quote.premiumFen });
    } catch (err) {
      throw refusedBy(err);
    }
    const values = {
      id,
      section_id: section.id,
      round: section.round,
      region_code: section.regionCode,
      entity_id: entityId,
      issuer_entity_id: offer.entityId,
      beneficiary_entity_id: beneficiary.id,
      amount_fen: amountFen.toString(),
      valid_from: validFrom,
      valid_until: validUntil,
      bid_deadline: deadline,
      rate_bp: quote.rateBp,
      premium_fen: quote.premiumFen.toString(),
      issuer_reference: accepted.reference,
      state: 'applied' as const,
      applied_by: caller.userId,
      applied_at: clock.now(),
      payer_account: null,
      payer_name: null,
      paid_by: null,
      paid_at: null,
      payment_serial: null,
      guarantee_id: null,
      issued_at: null,
      invoice_number: null,
      invoice_content: null,
      invoice_signature: null,
      released_at: null,
      cancelled_by: null,
      cancelled_at: null,
      cancel_reason: null,
      issuer_cancelled_at: null,
      last_error: null,
    };
    await db.transaction().execute(async (trx) => {
      // One live application per bidder and section (the partial unique index): the second of two clicks loses.
      const inserted = await t(trx)
        .insertInto('finance.guarantee_application')
        .values(values)
        .onConflict((oc) => oc.columns(['section_id', 'round', 'entity_id']).where('state', '<>', 'cancelled').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        const other = await live(trx, section.id, section.round, entityId);
        throw new DomainError('GUARANTEE_APPLICATION_EXISTS', 'you have applied for this section’s bid guarantee already', { applicationId: other?.id ?? null, state: other?.state ?? null });
      }
      await record(trx, caller.actor, values, 'finance.guaranteeApplication.applied', { premiumFen: values.premium_fen, amountFen: values.amount_fen, issuerReference: values.issuer_reference });
    });
    return id;
  }

  async function own(trx: Db, id: string, caller: Caller, lock = false) {
    let q = t(trx).selectFrom('finance.guarantee_application').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const a = await q.executeTakeFirst();
    if (!a || !caller.entity || a.entity_id !== caller.entity.id) throw notFound(id);
    return a;
  }

  /** Pays the premium through the issuer: once per application, however often asked; then the issuer issues. */
  async function pay(id: string, body: GuaranteePaymentRequest, caller: Caller): Promise<void> {
    const a = await own(db, id, caller);
    if (a.state === 'cancelled') throw conflict(a.state, 'the application is cancelled');
    if (a.state === 'applied') {
      if (a.bid_deadline.getTime() <= clock.now().getTime()) throw new DomainError('GUARANTEE_APPLICATION_CLOSED', 'the bid deadline has passed', { sectionId: a.section_id });
      let paid: { serial: string; paidAt: Date; amountFen: bigint };
      try {
        paid = await port().payPremium({ applicationId: a.id, amountFen: BigInt(a.premium_fen), payerAccount: body.payerAccount, payerName: body.payerName });
      } catch (err) {
        throw refusedBy(err);
      }
      if (paid.amountFen !== BigInt(a.premium_fen)) throw refusedBy(new Error(`the issuer booked ${paid.amountFen} fen for a premium of ${a.premium_fen}`));
      await db.transaction().execute(async (trx) => {
        const row = await own(trx, id, caller, true);
        // A second click recorded it already.
        if (row.state !== 'applied') return;
        await t(trx)
          .updateTable('finance.guarantee_application')
          .set({ state: 'paid', paid_by: caller.userId, paid_at: paid.paidAt, payment_serial: paid.serial, payer_account: body.payerAccount, payer_name: body.payerName })
          .where('id', '=', id)
          .execute();
        await t(trx)
          .insertInto('finance.guarantee_posting')
          .values({ id: randomUUID(), application_id: id, kind: 'premium', payer_entity_id: row.entity_id, payee_entity_id: row.issuer_entity_id, amount_fen: row.premium_fen, issuer_serial: paid.serial, booked_at: paid.paidAt })
          .onConflict((oc) => oc.columns(['application_id', 'kind']).doNothing())
          .execute();
        await record(trx, caller.actor, row, 'finance.guaranteeApplication.paid', { premiumFen: row.premium_fen, serial: paid.serial });
        await deps.jobs.send(trx, GUARANTEE_ISSUE_JOB, { applicationId: id });
      });
    }
    // Issued now when the issuer answers at once; otherwise by the job or the sweep.
    await collect(id);
  }

  /** The issued guarantee and invoice as the platform accepts them: the terms applied for, signed by the issuer's bound certificate. */
  async function verifyIssued(a: Selectable<GuaranteeApplicationTable>, issued: IssuedGuarantee) {
    const issuerEntity = await deps.entities.get(db, a.issuer_entity_id);
    const principal = await deps.entities.get(db, a.entity_id);
    const beneficiary = await deps.entities.get(db, a.beneficiary_entity_id);
    if (!issuerEntity || !principal || !beneficiary) throw new Error('a party of the application is unknown');
    const terms = guaranteeTerms.parse(JSON.parse(issued.content));
    if (canonical(terms) !== issued.content) throw new Error('the guarantee is not in canonical form');
    const expected = {
      issuerCreditCode: issuerEntity.creditCode,
      principalCreditCode: principal.creditCode,
      beneficiaryCreditCode: beneficiary.creditCode,
      sectionId: a.section_id,
      amountFen: BigInt(a.amount_fen).toString(),
      validFrom: a.valid_from.toISOString(),
      validUntil: a.valid_until.toISOString(),
    };
    for (const [k, v] of Object.entries(expected)) {
      if (terms[k as keyof GuaranteeTerms] !== v) throw new Error(`the guarantee's ${k} is ${terms[k as keyof GuaranteeTerms]}, applied for ${v}`);
    }
    const signer = await deps.verifyEntitySignature(a.issuer_entity_id, Buffer.from(issued.content, 'utf8'), issued.signature);
    const invoice: GuaranteeInvoice = guaranteeInvoice.parse(JSON.parse(issued.invoice.content));
    if (canonical(invoice) !== issued.invoice.content) throw new Error('the invoice is not in canonical form');
    const total = BigInt(invoice.totalFen);
    if (total !== BigInt(a.premium_fen)) throw new Error(`the invoice is for ${total} fen, the premium was ${a.premium_fen}`);
    if (BigInt(invoice.amountFen) + BigInt(invoice.taxFen) !== total) throw new Error('the invoice’s amount and tax do not add up to its total');
    if (invoice.buyer.creditCode !== principal.creditCode || invoice.seller.creditCode !== issuerEntity.creditCode) throw new Error('the invoice names other parties');
    if (invoice.guaranteeNumber !== terms.guaranteeNumber) throw new Error('the invoice is for another guarantee');
    await deps.verifyEntitySignature(a.issuer_entity_id, Buffer.from(issued.invoice.content, 'utf8'), issued.invoice.signature);
    return { terms, invoice, signer };
  }

  /** Collects the issued guarantee of a paid application, verifies and registers it; nothing when it is not due. */
  async function collect(id: string): Promise<void> {
    const a = await t(db).selectFrom('finance.guarantee_application').selectAll().where('id', '=', id).executeTakeFirst();
    if (!a || a.state !== 'paid' || !issuer) return;
    let checked: Awaited<ReturnType<typeof verifyIssued>>;
    let issued: IssuedGuarantee;
    try {
      issued = await issuer.issue(id);
      checked = await verifyIssued(a, issued);
    } catch (err) {
      await t(db)
        .updateTable('finance.guarantee_application')
        .set({ attempts: a.attempts + 1, last_error: String((err as Error).message).slice(0, 500) })
        .where('id', '=', id)
        .where('state', '=', 'paid')
        .execute();
      return;
    }
    await db.transaction().execute(async (trx) => {
      const row = await t(trx).selectFrom('finance.guarantee_application').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (row.state !== 'paid') return;
      const now = clock.now();
      const guaranteeId = randomUUID();
      const inserted = await t(trx)
        .insertInto('finance.guarantee')
        .values({
          id: guaranteeId,
          guarantee_number: checked.terms.guaranteeNumber,
          issuer_entity_id: row.issuer_entity_id,
          principal_entity_id: row.entity_id,
          beneficiary_entity_id: row.beneficiary_entity_id,
          section_id: row.section_id,
          amount_fen: row.amount_fen,
          valid_from: row.valid_from,
          valid_until: row.valid_until,
          content: issued.content,
          signature: issued.signature.replace(/\s/g, ''),
          signer_subject: checked.signer.subject,
          signer_fingerprint: checked.signer.fingerprint,
          registered_by: row.applied_by,
          registered_at: now,
        })
        .onConflict((oc) => oc.column('guarantee_number').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        await t(trx).updateTable('finance.guarantee_application').set({ attempts: row.attempts + 1, last_error: `a guarantee numbered ${checked.terms.guaranteeNumber} is registered already` }).where('id', '=', id).execute();
        return;
      }
      await t(trx)
        .updateTable('finance.guarantee_application')
        .set({
          state: 'issued',
          guarantee_id: guaranteeId,
          issued_at: now,
          invoice_number: checked.invoice.invoiceNumber,
          invoice_content: issued.invoice.content,
          invoice_signature: issued.invoice.signature.replace(/\s/g, ''),
          attempts: row.attempts + 1,
          last_error: null,
        })
        .where('id', '=', id)
        .execute();
      await record(trx, system, row, 'finance.guaranteeApplication.issued', { guaranteeNumber: checked.terms.guaranteeNumber, invoiceNumber: checked.invoice.invoiceNumber, signer: checked.signer.subject });
    });
  }

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
      const claim = await t(trx).selectFrom('finance.guarantee_claim').select('id').where('application_id', '=', id).executeTakeFirst();
      if (claim) throw conflict(a.state, 'the beneficiary has claimed on the guarantee');
      if (a.state === 'issued' && !a.released_at && (await deps.bids.hasLiveBid(trx, a.section_id, a.round, a.entity_id))) {
        throw new DomainError('GUARANTEE_IN_USE', 'the guarantee stands for your live bid until the result; withdraw the bid first', { sectionId: a.section_id });
      }
      const now = clock.now();
      await t(trx)
        .updateTable('finance.guarantee_application')
        .set({ state: 'cancelled', cancelled_by: caller.userId, cancelled_at: now, cancel_reason: reason?.trim() || null })
        .where('id', '=', id)
        .execute();
      await record(trx, caller.actor, a, 'finance.guaranteeApplication.cancelled', { previousState: a.state, reason: reason?.trim() || null });
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
      await t(db).updateTable('finance.guarantee_application').set({ attempts: a.attempts + 1, last_error: `cancel: ${String((err as Error).message).slice(0, 480)}` }).where('id', '=', id).execute();
      return;
    }
    await db.transaction().execute(async (trx) => {
      const row = await t(trx).selectFrom('finance.guarantee_application').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (row.issuer_cancelled_at) return;
      await t(trx).updateTable('finance.guarantee_application').set({ issuer_cancelled_at: answer.cancelledAt, last_error: null }).where('id', '=', id).execute();
      if (answer.refund) {
        await t(trx)
          .insertInto('finance.guarantee_posting')
          .values({ id: randomUUID(), application_id: id, kind: 'premiumRefund', payer_entity_id: row.issuer_entity_id, payee_entity_id: row.entity_id, amount_fen: answer.refund.amountFen.toString(), issuer_serial: answer.refund.serial, booked_at: answer.cancelledAt })
          .onConflict((oc) => oc.columns(['application_id', 'kind']).doNothing())
          .execute();
      }
      await record(trx, system, row, 'finance.guaranteeApplication.cancellationConfirmed', { refundFen: answer.refund?.amountFen.toString() ?? '0' });
    });
  }

  /**
   * The beneficiary's demand (见索即付): after the deadline, on an issued guarantee still valid, for at
   * most its amount, with the statutory ground and the statement of the breach; paid by the issuer.
   */
  async function claim(guaranteeId: string, body: GuaranteeClaimRequest, caller: Caller): Promise<string> {
    const claimId = await db.transaction().execute(async (trx) => {
      const g = await t(trx).selectFrom('finance.guarantee').selectAll().where('id', '=', guaranteeId).executeTakeFirst();
      if (!g || !caller.entity || g.beneficiary_entity_id !== caller.entity.id) throw new DomainError('GUARANTEE_NOT_FOUND', 'no guarantee in your favour by this id', { guaranteeId });
      const a = await t(trx).selectFrom('finance.guarantee_application').selectAll().where('guarantee_id', '=', g.id).forUpdate().executeTakeFirst();
      const refuse = (reason: string, message: string) => new DomainError('GUARANTEE_CLAIM_REFUSED', message, { reason });
      if (!a) throw refuse('notOneStop', 'the guarantee was not issued through the platform’s one-stop: claim with its issuer');
      const now = clock.now();
      if (a.bid_deadline.getTime() > now.getTime()) throw refuse('beforeDeadline', 'a bid guarantee is claimed only after the bid deadline');
      const existing = await t(trx).selectFrom('finance.guarantee_claim').select('id').where('guarantee_id', '=', g.id).executeTakeFirst();
      if (existing || a.state === 'claimed') throw new DomainError('GUARANTEE_CLAIM_EXISTS', 'the guarantee has been claimed already', { claimId: existing?.id ?? null });
      if (a.state === 'cancelled') throw refuse('cancelled', 'the guarantee was cancelled');
      if (a.state !== 'issued') throw refuse('notIssued', 'the guarantee is not issued');
      if (g.valid_until.getTime() < now.getTime()) throw refuse('expired', `the guarantee expired at ${g.valid_until.toISOString()}`);
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
      await record(trx, caller.actor, a, 'finance.guaranteeClaim.demanded', { claimId: id, guaranteeNumber: g.guarantee_number, reason: body.reason, statement: body.statement, amountFen: amount.toString() });
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
    const g = await t(db).selectFrom('finance.guarantee').select(['guarantee_number']).where('id', '=', c.guarantee_id).executeTakeFirstOrThrow();
    let paid: { serial: string; paidAt: Date; amountFen: bigint };
    try {
      paid = await issuer.payClaim({ claimId, applicationId: c.application_id, guaranteeNumber: g.guarantee_number, amountFen: BigInt(c.amount_fen), payeeAccount: c.payee_account, payeeName: c.payee_name, reason: c.reason });
    } catch (err) {
      await t(db).updateTable('finance.guarantee_claim').set({ attempts: c.attempts + 1, last_error: String((err as Error).message).slice(0, 500) }).where('id', '=', claimId).where('state', '=', 'demanded').execute();
      return;
    }
    await db.transaction().execute(async (trx) => {
      const row = await t(trx).selectFrom('finance.guarantee_claim').selectAll().where('id', '=', claimId).forUpdate().executeTakeFirstOrThrow();
      if (row.state !== 'demanded') return;
      const a = await t(trx).selectFrom('finance.guarantee_application').selectAll().where('id', '=', row.application_id).forUpdate().executeTakeFirstOrThrow();
      await t(trx).updateTable('finance.guarantee_claim').set({ state: 'paid', payment_serial: paid.serial, paid_at: paid.paidAt, attempts: row.attempts + 1, last_error: null }).where('id', '=', claimId).execute();
      await t(trx).updateTable('finance.guarantee_application').set({ state: 'claimed' }).where('id', '=', a.id).execute();
      await t(trx)
        .insertInto('finance.guarantee_posting')
        .values({ id: randomUUID(), application_id: a.id, kind: 'claim', payer_entity_id: a.issuer_entity_id, payee_entity_id: row.beneficiary_entity_id, amount_fen: paid.amountFen.toString(), issuer_serial: paid.serial, booked_at: paid.paidAt })
        .onConflict((oc) => oc.columns(['application_id', 'kind']).doNothing())
        .execute();
      await record(trx, system, a, 'finance.guaranteeClaim.paid', { claimId, serial: paid.serial, amountFen: paid.amountFen.toString() });
    });
  }

  /** The result reached these entities on the section (lost, or signed the contract): their guarantees are released. */
  async function onResult(trx: Db, result: { sectionId: string; round: number; entityIds: string[] }, actor: Actor): Promise<void> {
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
      await t(trx).updateTable('finance.guarantee_application').set({ released_at: clock.now() }).where('id', '=', a.id).execute();
      await record(trx, actor, a, 'finance.guaranteeApplication.released');
    }
  }

  /** Issuances, claims and cancellations the issuer has not answered yet, asked again. */
  async function sweep(): Promise<void> {
    const paid = await t(db).selectFrom('finance.guarantee_application').select('id').where('state', '=', 'paid').orderBy('seq').limit(200).execute();
    for (const a of paid) await collect(a.id);
    const claims = await t(db).selectFrom('finance.guarantee_claim').select('id').where('state', '=', 'demanded').orderBy('seq').limit(200).execute();
    for (const c of claims) await payClaim(c.id);
    const cancels = await t(db).selectFrom('finance.guarantee_application').select('id').where('state', '=', 'cancelled').where('issuer_cancelled_at', 'is', null).orderBy('seq').limit(200).execute();
    for (const a of cancels) await confirmCancel(a.id);
  }

  return { issuers, apply, pay, collect, cancel, confirmCancel, claim, payClaim, onResult, sweep };
}

export type IssuanceService = ReturnType<typeof createIssuanceService>;
