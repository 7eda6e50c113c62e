import type {
  BeneficiaryGuaranteeView,
  GuaranteeApplicationState,
  GuaranteeApplicationView,
  GuaranteeClaimView,
  GuaranteeInvoice,
  GuaranteeTerms,
  SignedGuaranteeFile,
} from '@bidhall/contracts';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import type { FinanceDeps } from './finance.deps.ts';
import { type GuaranteeApplicationTable, type GuaranteeClaimTable, issuanceTables } from './issuance.tables.ts';

const notFound = (id: string) => new DomainError('GUARANTEE_APPLICATION_NOT_FOUND', 'no guarantee application of yours by this id', { applicationId: id });

/**
 * The one-stop as people read it (decision 0037): the bidder its applications, guarantees and invoices;
 * the issuer the applications made to it; the tenderer the guarantees in its favour once the deadline
 * has passed, and its claims; staff of a region its applications — before the section's deadline
 * without section, bidder, issuer or amounts.
 */
export function createIssuanceReading(deps: FinanceDeps) {
  const t = issuanceTables;
  const { clock } = deps;

  async function nameOf(db: Db, names: Map<string, string | null>, id: string) {
    if (!names.has(id)) names.set(id, (await deps.entities.get(db, id))?.name ?? null);
    return names.get(id) ?? null;
  }

  function claimView(c: Selectable<GuaranteeClaimTable>, guaranteeNumber: string, principalName: string | null): GuaranteeClaimView {
    return {
      id: c.id,
      guaranteeId: c.guarantee_id,
      guaranteeNumber,
      sectionId: c.section_id,
      principalName,
      reason: c.reason,
      statement: c.statement,
      amountFen: BigInt(c.amount_fen).toString(),
      claimedAt: c.claimed_at.toISOString(),
      state: c.state,
      paymentSerial: c.payment_serial,
      paidAt: c.paid_at?.toISOString() ?? null,
    };
  }

  async function view(db: Db, a: Selectable<GuaranteeApplicationTable>, sealed: boolean, names = new Map<string, string | null>()): Promise<GuaranteeApplicationView> {
    const base = { id: a.id, sealed, state: a.state, appliedAt: a.applied_at.toISOString() };
    if (sealed) {
      return {
        ...base,
        sectionId: null,
        round: null,
        entityId: null,
        entityName: null,
        issuerEntityId: null,
        issuerName: null,
        issuerReference: null,
        amountFen: null,
        premiumFen: null,
        rateBp: null,
        validFrom: null,
        validUntil: null,
        bidDeadline: null,
        paidAt: null,
        issuedAt: null,
        releasedAt: null,
        cancelledAt: null,
        guaranteeId: null,
        guaranteeNumber: null,
        invoice: null,
        postings: [],
        claim: null,
        lastError: null,
      };
    }
    const postings = await t(db).selectFrom('finance.guarantee_posting').selectAll().where('application_id', '=', a.id).orderBy('seq').execute();
    const g = a.guarantee_id ? await t(db).selectFrom('finance.guarantee').select(['guarantee_number']).where('id', '=', a.guarantee_id).executeTakeFirst() : undefined;
    const c = await t(db).selectFrom('finance.guarantee_claim').selectAll().where('application_id', '=', a.id).executeTakeFirst();
    const entityName = await nameOf(db, names, a.entity_id);
    return {
      ...base,
      sectionId: a.section_id,
      round: a.round,
      entityId: a.entity_id,
      entityName,
      issuerEntityId: a.issuer_entity_id,
      issuerName: await nameOf(db, names, a.issuer_entity_id),
      issuerReference: a.issuer_reference,
      amountFen: BigInt(a.amount_fen).toString(),
      premiumFen: BigInt(a.premium_fen).toString(),
      rateBp: a.rate_bp,
      validFrom: a.valid_from.toISOString(),
      validUntil: a.valid_until.toISOString(),
      bidDeadline: a.bid_deadline.toISOString(),
      paidAt: a.paid_at?.toISOString() ?? null,
      issuedAt: a.issued_at?.toISOString() ?? null,
      releasedAt: a.released_at?.toISOString() ?? null,
      cancelledAt: a.cancelled_at?.toISOString() ?? null,
      guaranteeId: a.guarantee_id,
      guaranteeNumber: g?.guarantee_number ?? null,
      invoice: a.invoice_content ? (JSON.parse(a.invoice_content) as GuaranteeInvoice) : null,
      postings: postings.map((p) => ({ kind: p.kind, amountFen: BigInt(p.amount_fen).toString(), issuerSerial: p.issuer_serial, bookedAt: p.booked_at.toISOString() })),
      claim: c && g ? claimView(c, g.guarantee_number, entityName) : null,
      lastError: a.state === 'paid' || (a.state === 'cancelled' && !a.issuer_cancelled_at) ? a.last_error : null,
    };
  }

  async function one(db: Db, id: string, caller: Caller): Promise<GuaranteeApplicationView> {
    const a = await t(db).selectFrom('finance.guarantee_application').selectAll().where('id', '=', id).executeTakeFirst();
    if (!a || !caller.entity || a.entity_id !== caller.entity.id) throw notFound(id);
    return view(db, a, false);
  }

  async function mine(db: Db, caller: Caller, sectionId?: string): Promise<GuaranteeApplicationView[]> {
    if (!caller.entity) return [];
    let q = t(db).selectFrom('finance.guarantee_application').selectAll().where('entity_id', '=', caller.entity.id);
    if (sectionId) q = q.where('section_id', '=', sectionId);
    const rows = await q.orderBy('seq', 'desc').limit(200).execute();
    const names = new Map<string, string | null>();
    return Promise.all(rows.map((r) => view(db, r, false, names)));
  }

  /** The issuer's own book on the platform: applications made to the caller's entity. */
  async function toIssuer(db: Db, caller: Caller): Promise<GuaranteeApplicationView[]> {
    if (!caller.entity) return [];
    const rows = await t(db).selectFrom('finance.guarantee_application').selectAll().where('issuer_entity_id', '=', caller.entity.id).orderBy('seq', 'desc').limit(200).execute();
    const names = new Map<string, string | null>();
    return Promise.all(rows.map((r) => view(db, r, false, names)));
  }

  /** Staff, supervisors and auditors of the region: every application, sealed until its section's deadline. */
  async function list(db: Db, query: { state?: GuaranteeApplicationState; limit: number }, caller: Caller): Promise<GuaranteeApplicationView[]> {
    if (!caller.reach.length) return [];
    let q = t(db).selectFrom('finance.guarantee_application').selectAll().where('region_code', 'in', caller.reach);
    if (query.state) q = q.where('state', '=', query.state);
    const rows = await q.orderBy('seq', 'desc').limit(query.limit).execute();
    const now = clock.now().getTime();
    const names = new Map<string, string | null>();
    const out: GuaranteeApplicationView[] = [];
    for (const r of rows) out.push(await view(db, r, r.bid_deadline.getTime() > now, names));
    return out;
  }

  /** The guarantees in the caller's favour (its sections' bidders'), once each section's deadline has passed. */
  async function inMyFavour(db: Db, caller: Caller): Promise<BeneficiaryGuaranteeView[]> {
    if (!caller.entity) return [];
    const rows = await t(db)
      .selectFrom('finance.guarantee as g')
      .leftJoin('finance.guarantee_application as a', 'a.guarantee_id', 'g.id')
      .leftJoin('finance.guarantee_claim as c', 'c.guarantee_id', 'g.id')
      .select(['g.id', 'g.guarantee_number', 'g.section_id', 'g.principal_entity_id', 'g.issuer_entity_id', 'g.amount_fen', 'g.valid_until', 'a.id as application_id', 'a.state as application_state', 'a.bid_deadline', 'c.id as claim_id'])
      .where('g.beneficiary_entity_id', '=', caller.entity.id)
      .orderBy('g.registered_at', 'desc')
      .limit(500)
      .execute();
    const now = clock.now().getTime();
    const past = new Map<string, boolean>();
    const names = new Map<string, string | null>();
    const out: BeneficiaryGuaranteeView[] = [];
    for (const r of rows) {
      // The deadline of the round the guarantee was applied for (a failed opening starts another round).
      if (r.bid_deadline) {
        if (r.bid_deadline.getTime() > now) continue;
      } else {
        if (!past.has(r.section_id)) {
          const s = await deps.sections.get(db, r.section_id);
          past.set(r.section_id, !!s?.timetable.bidDeadline && Date.parse(s.timetable.bidDeadline) <= now);
        }
        if (!past.get(r.section_id)) continue;
      }
      const principalName = (await nameOf(db, names, r.principal_entity_id)) ?? '';
      const c = r.claim_id ? await t(db).selectFrom('finance.guarantee_claim').selectAll().where('id', '=', r.claim_id).executeTakeFirst() : undefined;
      out.push({
        guaranteeId: r.id,
        guaranteeNumber: r.guarantee_number,
        sectionId: r.section_id,
        principalName,
        issuerName: (await nameOf(db, names, r.issuer_entity_id)) ?? '',
        amountFen: BigInt(r.amount_fen).toString(),
        validUntil: r.valid_until.toISOString(),
        cancelled: r.application_state === 'cancelled',
        claimable: !!r.application_id && r.application_state === 'issued' && !c && r.valid_until.getTime() >= now,
        claim: c ? claimView(c, r.guarantee_number, principalName) : null,
      });
    }
    return out;
  }

  /** The guarantee or the e-invoice as the issuer signed it: the canonical JSON and the detached CMS. */
  async function file(db: Db, id: string, kind: 'guarantee' | 'invoice', caller: Caller): Promise<{ name: string; file: SignedGuaranteeFile }> {
    const a = await t(db).selectFrom('finance.guarantee_application').selectAll().where('id', '=', id).executeTakeFirst();
    if (!a || !caller.entity || a.entity_id !== caller.entity.id) throw notFound(id);
    const g = a.guarantee_id ? await t(db).selectFrom('finance.guarantee').selectAll().where('id', '=', a.guarantee_id).executeTakeFirst() : undefined;
    if (!g || !a.invoice_content || !a.invoice_signature) throw new DomainError('GUARANTEE_STATE_CONFLICT', 'the guarantee has not been issued yet', { state: a.state });
    if (kind === 'guarantee') {
      return {
        name: `保函-${g.guarantee_number}.json`,
        file: { kind, content: g.content, signature: g.signature, signerSubject: g.signer_subject, terms: JSON.parse(g.content) as GuaranteeTerms },
      };
    }
    return {
      name: `电子发票-${a.invoice_number}.json`,
      file: { kind, content: a.invoice_content, signature: a.invoice_signature, signerSubject: g.signer_subject, invoice: JSON.parse(a.invoice_content) as GuaranteeInvoice },
    };
  }

  /** A claim as its beneficiary reads it. */
  async function claim(db: Db, claimId: string): Promise<GuaranteeClaimView> {
    const c = await t(db).selectFrom('finance.guarantee_claim').selectAll().where('id', '=', claimId).executeTakeFirstOrThrow();
    const g = await t(db).selectFrom('finance.guarantee').select(['guarantee_number']).where('id', '=', c.guarantee_id).executeTakeFirstOrThrow();
    return claimView(c, g.guarantee_number, await nameOf(db, new Map(), c.principal_entity_id));
  }

  return { one, mine, toIssuer, list, inMyFavour, file, claim };
}

export type IssuanceReading = ReturnType<typeof createIssuanceReading>;
