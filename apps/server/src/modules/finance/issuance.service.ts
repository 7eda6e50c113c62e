import { randomUUID } from 'node:crypto';
import {
  type GuaranteeApplicationRequest,
  guaranteeInvoice,
  type GuaranteeInvoice,
  type GuaranteePaymentRequest,
  guaranteeTerms,
  type GuaranteeTerms,
} from '@bidhall/contracts';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { guaranteeNeededUntil } from './bonds.ts';
import type { Caller } from './caller.ts';
import type { FinanceDeps, GuaranteeIssuerPort, IssuedGuarantee } from './finance.deps.ts';
import { createGuaranteeAftercare } from './guarantee-aftercare.service.ts';
import { canonical, conflict, issuanceParts, refusedBy, system } from './issuance-parts.ts';
import { type GuaranteeApplicationTable, issuanceTables } from './issuance.tables.ts';

/** Collects the guarantee of a paid application from its issuer (its id as data); sent with the payment. */
export const GUARANTEE_ISSUE_JOB = 'finance.guarantee.issue';
/** Every five minutes: issuances, claims and cancellations an issuer has not answered yet are asked again. */
export const GUARANTEE_SWEEP_JOB = 'finance.guarantee.sweep';

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
  const { port, record, own } = issuanceParts(deps, issuer);
  const after = createGuaranteeAftercare(deps, issuer);

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

  /** Issuances, claims and cancellations the issuer has not answered yet, asked again. */
  async function sweep(): Promise<void> {
    const paid = await t(db).selectFrom('finance.guarantee_application').select('id').where('state', '=', 'paid').orderBy('seq').limit(200).execute();
    for (const a of paid) await collect(a.id);
    const claims = await t(db).selectFrom('finance.guarantee_claim').select('id').where('state', '=', 'demanded').orderBy('seq').limit(200).execute();
    for (const c of claims) await after.payClaim(c.id);
    const cancels = await t(db).selectFrom('finance.guarantee_application').select('id').where('state', '=', 'cancelled').where('issuer_cancelled_at', 'is', null).orderBy('seq').limit(200).execute();
    for (const a of cancels) await after.confirmCancel(a.id);
  }
  return { issuers, apply, pay, collect, ...after, sweep };
}

export type IssuanceService = ReturnType<typeof createIssuanceService>;
