import type { ContractContent, ContractStandingView, ContractView, MyContractItem } from '@bidhall/contracts';
import { toBusinessDate } from '@bidhall/rules';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { type ContractDeps, json, tables } from './contract.deps.ts';
import type { ContractTable, SignatureTable } from './contract.tables.ts';
import { deadlinePhase, dueDateOrNull } from './signing-deadline.ts';

type Row = Selectable<ContractTable>;
type SignatureRow = Selectable<SignatureTable>;

/**
 * Reading the contract: the section's current one (the latest awarded round), the signatures over its
 * current SM3 (older ones are history), its view with Law 46's phase, the standing before a draft, and
 * the winner's list for its workspace.
 */
export function createContractReading(deps: ContractDeps) {
  const { db, clock } = deps;

  /** The contract of the section's latest awarded round (a re-tender's new award starts a new one). */
  async function current(trx: Db, sectionId: string, lock = false): Promise<Row | undefined> {
    let q = tables(trx)
      .selectFrom('contract.contract')
      .selectAll()
      .where('section_id', '=', sectionId)
      .orderBy('round', 'desc')
      .limit(1);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  async function mustCurrent(trx: Db, sectionId: string, lock = false): Promise<Row> {
    const c = await current(trx, sectionId, lock);
    if (!c) throw new DomainError('CONTRACT_NOT_FOUND', `no contract drafted for section ${sectionId}`);
    return c;
  }

  async function signaturesOf(trx: Db, contractId: string, sm3: string): Promise<SignatureRow[]> {
    return tables(trx)
      .selectFrom('contract.signature')
      .selectAll()
      .where('contract_id', '=', contractId)
      .where('content_sm3', '=', sm3)
      .orderBy('signed_at')
      .execute();
  }

  async function toView(trx: Db, c: Row): Promise<ContractView> {
    const signatures = await signaturesOf(trx, c.id, c.content_sm3);
    const phase = c.state === 'concluded' ? 'ok' : deadlinePhase(c.due_date, toBusinessDate(clock.now()));
    return {
      id: c.id,
      sectionId: c.section_id,
      round: c.round,
      state: c.state,
      version: c.version,
      content: json<ContractContent>(c.content),
      contentSm3: c.content_sm3,
      awardNoticeAt: c.award_notice_at.toISOString(),
      dueDate: c.due_date,
      dueSoon: phase === 'dueSoon',
      overdue: phase === 'overdue',
      draftedAt: c.drafted_at.toISOString(),
      updatedAt: c.updated_at.toISOString(),
      submittedAt: c.submitted_at?.toISOString() ?? null,
      rejection: c.rejection,
      verifiedBy: c.verified_by,
      verifierName: c.verifier_name,
      verifiedAt: c.verified_at?.toISOString() ?? null,
      signatures: signatures.map((s) => ({
        side: s.side,
        entityName: s.entity_name,
        contentSm3: s.content_sm3,
        certificateFingerprint: s.certificate_fingerprint,
        signedAt: s.signed_at.toISOString(),
      })),
      concludedAt: c.concluded_at?.toISOString() ?? null,
      publicationId: c.publication_id,
    };
  }

  async function view(sectionId: string): Promise<ContractView> {
    return toView(db, await mustCurrent(db, sectionId));
  }

  /** Where the section's contract stands: the award it follows, the due day, the contract once drafted. */
  async function standing(sectionId: string): Promise<ContractStandingView> {
    if (!(await deps.sections.get(db, sectionId))) throw new DomainError('SECTION_NOT_FOUND', `no section ${sectionId}`);
    const awarded = await deps.awarded(db, sectionId);
    const c = await current(db, sectionId);
    return {
      sectionId,
      awarded: awarded !== null,
      awardNoticeAt: awarded?.awardNoticeAt.toISOString() ?? null,
      dueDate: awarded ? dueDateOrNull(deps.calendar(), awarded.awardNoticeAt) : null,
      winnerName: awarded?.winnerEntityName ?? null,
      priceFen: awarded?.priceFen ?? null,
      contract: c ? await toView(db, c) : null,
    };
  }

  /**
   * finance → contract (decision 0042): whether the contract of the awarded round is concluded, and
   * Law 46's due day (the drafted contract's, or the award notice's 30 days before a draft).
   */
  async function signing(trx: Db, sectionId: string): Promise<{ concluded: boolean; dueDate: string | null }> {
    const awarded = await deps.awarded(trx, sectionId);
    if (!awarded) return { concluded: false, dueDate: null };
    const c = await current(trx, sectionId);
    const live = c && c.round === awarded.round ? c : undefined;
    return {
      concluded: live?.state === 'concluded',
      dueDate: live?.due_date ?? dueDateOrNull(deps.calendar(), awarded.awardNoticeAt),
    };
  }

  /** The winner's contracts (its workspace): every one drafted with it, newest first. */
  async function mine(caller: Caller): Promise<MyContractItem[]> {
    if (!caller.entityId) return [];
    const rows = await tables(db)
      .selectFrom('contract.contract')
      .selectAll()
      .where('winner_entity_id', '=', caller.entityId)
      .orderBy('drafted_at', 'desc')
      .limit(200)
      .execute();
    const items: MyContractItem[] = [];
    for (const c of rows) {
      const content = json<ContractContent>(c.content);
      const signed = await tables(db)
        .selectFrom('contract.signature')
        .select('side')
        .where('contract_id', '=', c.id)
        .where('content_sm3', '=', c.content_sm3)
        .where('side', '=', 'winner')
        .executeTakeFirst();
      items.push({
        sectionId: c.section_id,
        contractId: c.id,
        projectName: content.project.projectName,
        sectionName: content.project.sectionName,
        tendererName: content.tenderer.name,
        priceFen: c.price_fen,
        state: c.state,
        dueDate: c.due_date,
        signedByMe: signed !== undefined,
      });
    }
    return items;
  }

  return { current, mustCurrent, signaturesOf, toView, view, standing, signing, mine };
}

export type ContractReading = ReturnType<typeof createContractReading>;
