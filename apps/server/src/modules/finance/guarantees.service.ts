import { randomUUID } from 'node:crypto';
import type { GuaranteeRegisterRequest, GuaranteeTerms, GuaranteeView } from '@bidhall/contracts';
import { canonicalJson } from '@bidhall/crypto';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { type FinanceDeps, tables } from './finance.deps.ts';
import type { GuaranteeTable } from './finance.tables.ts';
import { appendSealedBondEvent } from './sealed-event.ts';

const invalid = (message: string, details: Record<string, unknown> = {}) => new DomainError('GUARANTEE_INVALID', message, details);

export function guaranteeView(r: GuaranteeTable): GuaranteeView {
  return {
    id: r.id,
    terms: JSON.parse(r.content) as GuaranteeTerms,
    issuerEntityId: r.issuer_entity_id,
    principalEntityId: r.principal_entity_id,
    beneficiaryEntityId: r.beneficiary_entity_id,
    signerSubject: r.signer_subject,
    registeredAt: r.registered_at.toISOString(),
  };
}

/**
 * The e-guarantee register (电子保函): the issuer (a guarantor entity) posts a guarantee it signed with
 * its bound certificate; only the issuer and the principal (the bidder) read it. Issuance, premiums and
 * claims come with issue 13.
 */
export function createGuaranteeService(deps: FinanceDeps) {
  async function register(body: GuaranteeRegisterRequest, caller: Caller): Promise<GuaranteeView> {
    if (!caller.entity) throw invalid('a guarantee is registered by its issuer');
    const terms = body.terms;
    return deps.db.transaction().execute(async (trx) => {
      const issuer = await deps.entities.get(trx, caller.entity!.id);
      if (!issuer || issuer.creditCode !== terms.issuerCreditCode) {
        throw invalid("the issuer's credit code is not the caller's entity's", { field: 'issuerCreditCode' });
      }
      const principal = await deps.entities.byCreditCode(trx, terms.principalCreditCode);
      if (!principal || !principal.roles.includes('bidder')) throw invalid('the principal is not a bidder registered on the platform', { field: 'principalCreditCode' });
      const section = await deps.sections.get(trx, terms.sectionId);
      if (!section) throw invalid('no such section', { field: 'sectionId' });
      const beneficiary = await deps.entities.get(trx, section.tendererEntityId);
      if (!beneficiary || beneficiary.creditCode !== terms.beneficiaryCreditCode) {
        throw invalid("the beneficiary is the section's tenderer", { field: 'beneficiaryCreditCode' });
      }
      const validFrom = new Date(terms.validFrom);
      const validUntil = new Date(terms.validUntil);
      if (validUntil <= validFrom) throw invalid('validUntil is after validFrom', { field: 'validUntil' });
      if (BigInt(terms.amountFen) <= 0n) throw invalid('the amount is above zero', { field: 'amountFen' });
      const content = Buffer.from(canonicalJson(terms)).toString('utf8');
      const signer = await deps.verifyEntitySignature(issuer.id, Buffer.from(content, 'utf8'), body.signature, trx);
      const now = deps.clock.now();
      const row: GuaranteeTable = {
        id: randomUUID(),
        guarantee_number: terms.guaranteeNumber,
        issuer_entity_id: issuer.id,
        principal_entity_id: principal.id,
        beneficiary_entity_id: beneficiary.id,
        section_id: section.id,
        amount_fen: terms.amountFen,
        valid_from: validFrom,
        valid_until: validUntil,
        content,
        signature: body.signature.replace(/\s/g, ''),
        signer_subject: signer.subject,
        signer_fingerprint: signer.fingerprint,
        registered_by: caller.userId,
        registered_at: now,
      };
      const inserted = await tables(trx).insertInto('finance.guarantee').values(row).onConflict((oc) => oc.column('guarantee_number').doNothing()).returning('id').executeTakeFirst();
      if (!inserted) throw new DomainError('GUARANTEE_DUPLICATE', `a guarantee numbered ${terms.guaranteeNumber} is already registered`);
      await appendSealedBondEvent(deps.log, trx, now, { kind: 'guaranteeRegistered', guaranteeId: row.id });
      return guaranteeView(row);
    });
  }

  /** Guarantees the caller's entity issued or is the principal of. */
  async function mine(db: Db, caller: Caller, number?: string): Promise<GuaranteeView[]> {
    if (!caller.entity) return [];
    const entityId = caller.entity.id;
    let q = tables(db)
      .selectFrom('finance.guarantee')
      .selectAll()
      .where((eb) => eb.or([eb('issuer_entity_id', '=', entityId), eb('principal_entity_id', '=', entityId)]));
    if (number) q = q.where('guarantee_number', '=', number);
    return (await q.orderBy('registered_at', 'desc').limit(500).execute()).map(guaranteeView);
  }

  return { register, mine };
}

export type GuaranteeService = ReturnType<typeof createGuaranteeService>;
