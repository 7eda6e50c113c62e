import { randomUUID } from 'node:crypto';
import { agencyContractOpinionText, type AgencyContractView } from '@bidhall/contracts';
import { sm3, toHex, utf8 } from '@bidhall/crypto';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { assertCanRead, assertParty, loadParties, type TenderingParties } from './access.ts';
import { type ProjectsDeps, tables } from './projects.deps.ts';
import type { AgencyContractSignatureTable, AgencyContractTable } from './projects.tables.ts';

type Side = 'tenderer' | 'agency';

const textSm3 = (text: string) => toHex(sm3(utf8(text)));

/**
 * The agency contract (A-42…A-44): drafted by either side, negotiated online in rounds — each round a
 * version of the text and each side's signed opinion on it — agreed when both accept the same round,
 * then e-signed by both over the agreed text's bytes with certificates bound to their entities.
 */
export function createAgencyContractService(deps: ProjectsDeps) {
  const notFound = (id: string) => new DomainError('AGENCY_CONTRACT_NOT_FOUND', `no agency contract ${id}`);

  async function view(db: Db, id: string): Promise<AgencyContractView> {
    const t = tables(db);
    const c = await t.selectFrom('projects.agency_contract').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c) throw notFound(id);
    const rounds = await t.selectFrom('projects.agency_contract_round').selectAll().where('contract_id', '=', id).orderBy('round').execute();
    const sigs = await t.selectFrom('projects.agency_contract_signature').selectAll().where('contract_id', '=', id).orderBy('signed_at').orderBy('side').execute();
    const sigView = (s: AgencyContractSignatureTable) => ({
      side: s.side as Side,
      entityId: s.entity_id,
      subject: s.subject,
      fingerprint: s.fingerprint,
      serialNumber: s.serial_number,
      signingTime: s.signing_time ? s.signing_time.toISOString() : null,
      signedBy: s.signed_by,
      signedAt: s.signed_at.toISOString(),
    });
    const last = rounds.at(-1);
    return {
      id: c.id,
      tenderingProjectId: c.tendering_project_id,
      tendererEntityId: c.tenderer_entity_id,
      agencyEntityId: c.agency_entity_id,
      title: c.title,
      status: c.status as AgencyContractView['status'],
      createdBy: c.created_by_side as Side,
      text: last?.text ?? c.draft_text,
      agreedRound: c.agreed_round,
      rounds: rounds.map((r) => ({
        round: r.round,
        proposedBy: r.proposed_by_side as Side,
        text: r.text,
        textSm3: r.text_sm3,
        note: r.note,
        proposedAt: r.proposed_at.toISOString(),
        opinions: sigs
          .filter((s) => s.purpose === 'opinion' && s.round === r.round)
          .map((s) => ({ side: s.side as Side, accept: s.accept ?? false, opinion: s.opinion ?? '', signature: sigView(s) })),
      })),
      signatures: sigs.filter((s) => s.purpose === 'contract').map(sigView),
      createdAt: c.created_at.toISOString(),
    };
  }

  async function load(trx: Db, principal: Principal, id: string, lock = true): Promise<{ c: AgencyContractTable; parties: TenderingParties; side: Side }> {
    let q = tables(trx).selectFrom('projects.agency_contract').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const c = await q.executeTakeFirst();
    if (!c) throw notFound(id);
    const parties = await loadParties(trx, c.tendering_project_id);
    assertCanRead(deps, principal, parties, notFound(id));
    return { c, parties, side: assertParty(principal, parties) };
  }

  const audit = (trx: Db, actor: Actor, c: Pick<AgencyContractTable, 'id'>, parties: TenderingParties, event: string, details: Record<string, unknown>) =>
    deps.audit.record(trx, actor, { action: `projects.agencyContract.${event}`, targetType: 'agencyContract', targetId: c.id, regionCode: parties.region_code, details });

  function assertStatus(c: AgencyContractTable, ...allowed: string[]) {
    if (!allowed.includes(c.status)) {
      throw new DomainError('AGENCY_CONTRACT_STATE_CONFLICT', `the agency contract is ${c.status}`, { status: c.status });
    }
  }

  async function create(principal: Principal, input: { tenderingProjectId: string; title: string; text: string }, actor: Actor) {
    return deps.db.transaction().execute(async (trx) => {
      const parties = await loadParties(trx, input.tenderingProjectId);
      assertCanRead(deps, principal, parties, new DomainError('TENDERING_PROJECT_NOT_FOUND', `no tendering project ${input.tenderingProjectId}`));
      const side = assertParty(principal, parties);
      if (!parties.agency_entity_id) throw new DomainError('MANDATE_NOT_APPLICABLE', 'the tenderer organises this tendering project itself: there is no agency contract');
      const existing = await tables(trx).selectFrom('projects.agency_contract').select('id').where('tendering_project_id', '=', parties.id).executeTakeFirst();
      if (existing) throw new DomainError('AGENCY_CONTRACT_STATE_CONFLICT', 'this tendering project already has an agency contract', { id: existing.id });
      const now = deps.clock.now();
      const id = randomUUID();
      await tables(trx)
        .insertInto('projects.agency_contract')
        .values({
          id,
          tendering_project_id: parties.id,
          tenderer_entity_id: parties.tenderer_entity_id,
          agency_entity_id: parties.agency_entity_id,
          title: input.title,
          status: 'draft',
          created_by_side: side,
          draft_text: input.text,
          agreed_round: null,
          created_by: principal.userId,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await audit(trx, actor, { id }, parties, 'created', { side, textSm3: textSm3(input.text) });
      return view(trx, id);
    });
  }

  async function patch(principal: Principal, id: string, input: { title?: string | undefined; text?: string | undefined }, actor: Actor) {
    return deps.db.transaction().execute(async (trx) => {
      const { c, parties, side } = await load(trx, principal, id);
      assertStatus(c, 'draft');
      if (side !== c.created_by_side) throw new DomainError('NOT_YOUR_PROJECT', 'the draft is edited by the side that drafted it until it is submitted');
      await tables(trx)
        .updateTable('projects.agency_contract')
        .set({ ...(input.title ? { title: input.title } : {}), ...(input.text ? { draft_text: input.text } : {}), updated_at: deps.clock.now() })
        .where('id', '=', id)
        .execute();
      await audit(trx, actor, c, parties, 'edited', { side, ...(input.text ? { textSm3: textSm3(input.text) } : {}) });
      return view(trx, id);
    });
  }

  async function remove(principal: Principal, id: string, actor: Actor) {
    await deps.db.transaction().execute(async (trx) => {
      const { c, parties, side } = await load(trx, principal, id);
      assertStatus(c, 'draft');
      if (side !== c.created_by_side) throw new DomainError('NOT_YOUR_PROJECT', 'only the side that drafted it deletes a draft');
      await tables(trx).deleteFrom('projects.agency_contract').where('id', '=', id).execute();
      await audit(trx, actor, c, parties, 'deleted', { side });
    });
  }

  async function addRound(trx: Db, c: AgencyContractTable, side: Side, text: string, note: string, userId: string): Promise<number> {
    const last = await tables(trx)
      .selectFrom('projects.agency_contract_round')
      .select((eb) => eb.fn.max('round').as('round'))
      .where('contract_id', '=', c.id)
      .executeTakeFirst();
    const round = Number(last?.round ?? 0) + 1;
    await tables(trx)
      .insertInto('projects.agency_contract_round')
      .values({ contract_id: c.id, round, proposed_by_side: side, text, text_sm3: textSm3(text), note, proposed_by: userId, proposed_at: deps.clock.now() })
      .execute();
    return round;
  }

  /** A-42 submit: the draft becomes round 1 for the other side to answer. */
  async function submit(principal: Principal, id: string, actor: Actor) {
    return deps.db.transaction().execute(async (trx) => {
      const { c, parties, side } = await load(trx, principal, id);
      assertStatus(c, 'draft');
      if (side !== c.created_by_side) throw new DomainError('NOT_YOUR_PROJECT', 'the side that drafted it submits it');
      const round = await addRound(trx, c, side, c.draft_text, '', principal.userId);
      await tables(trx).updateTable('projects.agency_contract').set({ status: 'negotiating', updated_at: deps.clock.now() }).where('id', '=', id).execute();
      await audit(trx, actor, c, parties, 'submitted', { side, round, textSm3: textSm3(c.draft_text) });
      return view(trx, id);
    });
  }

  /** either side proposes a new version; it opens the next round. */
  async function propose(principal: Principal, id: string, input: { text: string; note: string }, actor: Actor) {
    return deps.db.transaction().execute(async (trx) => {
      const { c, parties, side } = await load(trx, principal, id);
      assertStatus(c, 'negotiating');
      const round = await addRound(trx, c, side, input.text, input.note, principal.userId);
      await tables(trx).updateTable('projects.agency_contract').set({ updated_at: deps.clock.now() }).where('id', '=', id).execute();
      await audit(trx, actor, c, parties, 'roundProposed', { side, round, textSm3: textSm3(input.text) });
      return view(trx, id);
    });
  }

  /** one side's signed opinion on the latest round; both accepting the same round agrees the contract. */
  async function opine(principal: Principal, id: string, input: { round: number; accept: boolean; opinion: string; signature: string }, actor: Actor) {
    return deps.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      const { c, parties, side } = await load(trx, principal, id);
      assertStatus(c, 'negotiating');
      const latest = await t.selectFrom('projects.agency_contract_round').selectAll().where('contract_id', '=', id).orderBy('round', 'desc').executeTakeFirstOrThrow();
      if (input.round !== latest.round) {
        throw new DomainError('AGENCY_CONTRACT_ROUND_STALE', `round ${input.round} is not the latest (${latest.round})`, { latestRound: latest.round });
      }
      const given = await t
        .selectFrom('projects.agency_contract_signature')
        .select('id')
        .where('contract_id', '=', id)
        .where('round', '=', latest.round)
        .where('purpose', '=', 'opinion')
        .where('side', '=', side)
        .executeTakeFirst();
      if (given) throw new DomainError('AGENCY_CONTRACT_STATE_CONFLICT', `the ${side} already gave its opinion on round ${latest.round}; propose a new version instead`);
      const entityId = side === 'tenderer' ? c.tenderer_entity_id : c.agency_entity_id;
      const signed = agencyContractOpinionText({ contractId: id, round: latest.round, textSm3: latest.text_sm3, accept: input.accept, opinion: input.opinion });
      const signer = await deps.verifyEntitySignature(entityId, utf8(signed), input.signature, trx);
      const now = deps.clock.now();
      await t
        .insertInto('projects.agency_contract_signature')
        .values({
          id: randomUUID(),
          contract_id: id,
          round: latest.round,
          purpose: 'opinion',
          side,
          entity_id: entityId,
          accept: input.accept,
          opinion: input.opinion,
          cms: input.signature,
          subject: signer.subject,
          fingerprint: signer.fingerprint,
          serial_number: signer.serialNumber,
          signing_time: signer.signingTime ? new Date(signer.signingTime) : null,
          signed_by: principal.userId,
          signed_at: now,
        })
        .execute();
      const accepted = await t
        .selectFrom('projects.agency_contract_signature')
        .select('side')
        .where('contract_id', '=', id)
        .where('round', '=', latest.round)
        .where('purpose', '=', 'opinion')
        .where('accept', '=', true)
        .execute();
      const agreed = new Set(accepted.map((a) => a.side)).size === 2;
      if (agreed) await t.updateTable('projects.agency_contract').set({ status: 'agreed', agreed_round: latest.round, updated_at: now }).where('id', '=', id).execute();
      await audit(trx, actor, c, parties, 'opinionSigned', { side, round: latest.round, accept: input.accept, fingerprint: signer.fingerprint, agreed });
      return view(trx, id);
    });
  }

  /** each side e-signs the agreed text (UTF-8 bytes); signed once both have. */
  async function sign(principal: Principal, id: string, input: { signature: string }, actor: Actor) {
    return deps.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      const { c, parties, side } = await load(trx, principal, id);
      assertStatus(c, 'agreed');
      const round = c.agreed_round!;
      const agreed = await t.selectFrom('projects.agency_contract_round').selectAll().where('contract_id', '=', id).where('round', '=', round).executeTakeFirstOrThrow();
      const done = await t
        .selectFrom('projects.agency_contract_signature')
        .select('id')
        .where('contract_id', '=', id)
        .where('purpose', '=', 'contract')
        .where('side', '=', side)
        .executeTakeFirst();
      if (done) throw new DomainError('AGENCY_CONTRACT_STATE_CONFLICT', `the ${side} already signed the contract`);
      const entityId = side === 'tenderer' ? c.tenderer_entity_id : c.agency_entity_id;
      const signer = await deps.verifyEntitySignature(entityId, utf8(agreed.text), input.signature, trx);
      const now = deps.clock.now();
      await t
        .insertInto('projects.agency_contract_signature')
        .values({
          id: randomUUID(),
          contract_id: id,
          round,
          purpose: 'contract',
          side,
          entity_id: entityId,
          accept: null,
          opinion: null,
          cms: input.signature,
          subject: signer.subject,
          fingerprint: signer.fingerprint,
          serial_number: signer.serialNumber,
          signing_time: signer.signingTime ? new Date(signer.signingTime) : null,
          signed_by: principal.userId,
          signed_at: now,
        })
        .execute();
      const count = await t
        .selectFrom('projects.agency_contract_signature')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('contract_id', '=', id)
        .where('purpose', '=', 'contract')
        .executeTakeFirstOrThrow();
      const complete = Number(count.n) === 2;
      if (complete) await t.updateTable('projects.agency_contract').set({ status: 'signed', updated_at: now }).where('id', '=', id).execute();
      await audit(trx, actor, c, parties, 'signed', { side, round, textSm3: agreed.text_sm3, fingerprint: signer.fingerprint, complete });
      return view(trx, id);
    });
  }

  async function get(principal: Principal, id: string) {
    return deps.db.transaction().execute(async (trx) => {
      const c = await tables(trx).selectFrom('projects.agency_contract').select('tendering_project_id').where('id', '=', id).executeTakeFirst();
      if (!c) throw notFound(id);
      assertCanRead(deps, principal, await loadParties(trx, c.tendering_project_id), notFound(id));
      return view(trx, id);
    });
  }

  return { create, patch, remove, submit, propose, opine, sign, get };
}

export type AgencyContractService = ReturnType<typeof createAgencyContractService>;
