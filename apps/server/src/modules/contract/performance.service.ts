import { randomUUID } from 'node:crypto';
import type {
  ContractChangeInput,
  ContractChangeView,
  ContractContent,
  ContractParty,
  ContractVerification,
  PerformanceInput,
  PerformanceView,
} from '@bidhall/contracts';
import { toBusinessDate } from '@bidhall/rules';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { changeHtml, performanceHtml } from './contract-html.ts';
import { type ContractDeps, json, tables } from './contract.deps.ts';
import type { ContractReading } from './contract.read.ts';
import type { ChangeTable, ContractTable, PerformanceTable } from './contract.tables.ts';

type Contract = Selectable<ContractTable>;

/**
 * After the contract (A-185, A-186; task 16 full disclosure): the tenderer (or its agency) and the winner
 * each record the performance — the day, the milestone, what happened, a supporting file's SM3 — and each
 * record is published as it is made. Changes to the contract carry their reasons; staff of the section's
 * region verify them and an approved one is published.
 */
export function createPerformanceService(deps: ContractDeps, contracts: ContractReading) {
  const { db, clock } = deps;

  async function concludedContract(trx: Db, sectionId: string, lock = false): Promise<Contract> {
    const c = await contracts.mustCurrent(trx, sectionId, lock);
    if (c.state !== 'concluded')
      throw new DomainError(
        'CONTRACT_STATE_CONFLICT',
        `the contract is ${c.state}: performance and changes follow its conclusion`,
        {
          state: c.state,
        },
      );
    return c;
  }

  /** The side the caller records for: the winner itself, or the tenderer's (its own users or its mandated agency). */
  async function sideOf(trx: Db, c: Contract, caller: Caller): Promise<ContractParty> {
    if (caller.entityId && caller.entityId === c.winner_entity_id) return 'winner';
    if (caller.entityId && (await deps.sections.canManage(trx, c.section_id, caller.entityId))) return 'tenderer';
    throw new DomainError('CONTRACT_NOT_PARTY', 'performance is recorded by the tenderer (or its agency) and the winner', {
      side: null,
    });
  }

  async function category(trx: Db, sectionId: string) {
    const s = await deps.sections.get(trx, sectionId);
    if (!s) throw new DomainError('SECTION_NOT_FOUND', `no section ${sectionId}`);
    return s;
  }

  /** a record by either side, published as it is made. */
  async function record(sectionId: string, input: PerformanceInput, caller: Caller): Promise<PerformanceView> {
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      const c = await concludedContract(trx, sectionId);
      const side = await sideOf(trx, c, caller);
      if (input.completed && side !== 'tenderer')
        throw new DomainError('PERFORMANCE_COMPLETION_TENDERER', 'only the tenderer (or its agency) records the contract as performed');
      const now = clock.now();
      if (input.day > toBusinessDate(now) || input.day < toBusinessDate(c.concluded_at!))
        throw new DomainError(
          'PERFORMANCE_DAY_INVALID',
          'a performance record is of a day between the contract’s conclusion and today',
          {
            concludedOn: toBusinessDate(c.concluded_at!),
            today: toBusinessDate(now),
          },
        );
      const content = json<ContractContent>(c.content);
      const entityName = side === 'winner' ? content.winner.name : content.tenderer.name;
      const section = await category(trx, sectionId);
      const attachment = input.attachmentSm3 ?? null;
      const published = await deps.publish(
        trx,
        {
          type: 'contractPerformance',
          sourceId: id,
          sectionIds: [sectionId],
          regionCode: c.region_code,
          category: section.category,
          title: `${section.projectName}${section.name}合同履约信息（${input.milestone}）`,
          bodyHtml: performanceHtml({
            content,
            side,
            entityName,
            day: input.day,
            milestone: input.milestone,
            text: input.content,
            attachmentSm3: attachment,
          }),
          prominent: false,
          publishedAt: now.toISOString(),
          round: c.round,
          links: {},
          mandatory: section.mandatory,
        },
        caller.actor,
      );
      await tables(trx)
        .insertInto('contract.performance')
        .values({
          id,
          contract_id: c.id,
          section_id: sectionId,
          region_code: c.region_code,
          side,
          entity_id: side === 'winner' ? c.winner_entity_id : c.tenderer_entity_id,
          entity_name: entityName,
          day: input.day,
          milestone: input.milestone,
          content: input.content,
          attachment_sm3: attachment,
          recorded_by: caller.userId,
          recorded_at: now,
          publication_id: published.publicationId,
        })
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'contract.performance.recorded',
        targetType: 'section',
        targetId: sectionId,
        regionCode: c.region_code,
        details: {
          contractId: c.id,
          performanceId: id,
          side,
          day: input.day,
          milestone: input.milestone,
          attachmentSm3: attachment,
          publicationId: published.publicationId,
          completed: input.completed === true,
        },
      });
      // Performed: the winner's performance bond is released and its deposits refunded (decision 0038).
      if (input.completed) await deps.onPerformed?.(trx, { sectionId, round: c.round, winnerEntityId: c.winner_entity_id }, caller.actor);
    });
    const row = await tables(db).selectFrom('contract.performance').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return performanceView(row);
  }

  async function performance(sectionId: string): Promise<PerformanceView[]> {
    const c = await contracts.current(db, sectionId);
    if (!c) return [];
    const rows = await tables(db)
      .selectFrom('contract.performance')
      .selectAll()
      .where('contract_id', '=', c.id)
      .orderBy('seq')
      .execute();
    return rows.map(performanceView);
  }

  /** The price as the approved changes left it. */
  async function currentPrice(trx: Db, c: Contract): Promise<string> {
    const last = await tables(trx)
      .selectFrom('contract.change')
      .select('new_price_fen')
      .where('contract_id', '=', c.id)
      .where('state', '=', 'approved')
      .where('new_price_fen', 'is not', null)
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst();
    return last?.new_price_fen ?? c.price_fen;
  }

  /** A change with its reason, proposed by the tenderer (or its agency); one waits for verification at a time. */
  async function propose(sectionId: string, input: ContractChangeInput, caller: Caller): Promise<ContractChangeView> {
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      if (!caller.entityId || !(await deps.sections.canManage(trx, sectionId, caller.entityId)))
        throw new DomainError('SECTION_NOT_MANAGED', 'only the tenderer or its mandated agency proposes a change');
      const c = await concludedContract(trx, sectionId, true);
      const changes = await tables(trx)
        .selectFrom('contract.change')
        .select(['number', 'state'])
        .where('contract_id', '=', c.id)
        .execute();
      if (changes.some((x) => x.state === 'pendingVerification'))
        throw new DomainError('CONTRACT_CHANGE_CONFLICT', 'a change waits for verification already', { reason: 'pending' });
      const number = changes.reduce((m, x) => Math.max(m, x.number), 0) + 1;
      const now = clock.now();
      await tables(trx)
        .insertInto('contract.change')
        .values({
          id,
          contract_id: c.id,
          number,
          section_id: sectionId,
          region_code: c.region_code,
          reason: input.reason,
          content: input.content,
          previous_price_fen: await currentPrice(trx, c),
          new_price_fen: input.newPriceFen ?? null,
          state: 'pendingVerification',
          proposed_by: caller.userId,
          proposed_at: now,
          rejection: null,
          verified_by: null,
          verifier_name: null,
          verified_at: null,
          publication_id: null,
        })
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'contract.change.proposed',
        targetType: 'section',
        targetId: sectionId,
        regionCode: c.region_code,
        details: { contractId: c.id, changeId: id, number, reason: input.reason, newPriceFen: input.newPriceFen ?? null },
      });
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: c.winner_entity_id,
        topic: 'contract.changeProposed',
        title: `合同变更：${json<ContractContent>(c.content).project.sectionName}`,
        body: `招标人提出第 ${number} 次合同变更，原因：${input.reason.slice(0, 200)}`,
        link: '/bidder?tab=contracts',
        dedupeKey: `contract.changeProposed:${id}`,
      });
    });
    return changeView(await oneChange(db, sectionId, id));
  }

  async function oneChange(trx: Db, sectionId: string, changeId: string, lock = false): Promise<Selectable<ChangeTable>> {
    let q = tables(trx).selectFrom('contract.change').selectAll().where('id', '=', changeId).where('section_id', '=', sectionId);
    if (lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw new DomainError('CONTRACT_CHANGE_NOT_FOUND', `no change ${changeId} of this contract`);
    return row;
  }

  /** Staff of the section's region verify a change: approved, it is published; rejected, it stays with the reason. */
  async function verifyChange(
    sectionId: string,
    changeId: string,
    input: ContractVerification,
    caller: Caller,
  ): Promise<ContractChangeView> {
    await db.transaction().execute(async (trx) => {
      const c = await concludedContract(trx, sectionId, true);
      const ch = await oneChange(trx, sectionId, changeId, true);
      if (ch.state !== 'pendingVerification')
        throw new DomainError('CONTRACT_CHANGE_CONFLICT', `the change was ${ch.state} already`, { reason: ch.state });
      const now = clock.now();
      let publicationId: string | null = null;
      if (input.decision === 'approve') {
        const section = await category(trx, sectionId);
        publicationId = (
          await deps.publish(
            trx,
            {
              type: 'contractChange',
              sourceId: ch.id,
              sectionIds: [sectionId],
              regionCode: c.region_code,
              category: section.category,
              title: `${section.projectName}${section.name}合同变更信息（第 ${ch.number} 次）`,
              bodyHtml: changeHtml({
                content: json<ContractContent>(c.content),
                number: ch.number,
                reason: ch.reason,
                text: ch.content,
                previousPriceFen: ch.previous_price_fen,
                newPriceFen: ch.new_price_fen,
                verifiedAt: now,
              }),
              prominent: false,
              publishedAt: now.toISOString(),
              round: c.round,
              links: {},
              mandatory: section.mandatory,
            },
            caller.actor,
          )
        ).publicationId;
      }
      await tables(trx)
        .updateTable('contract.change')
        .set({
          state: input.decision === 'approve' ? 'approved' : 'rejected',
          rejection: input.decision === 'reject' ? input.reason : null,
          verified_by: caller.userId,
          verifier_name: caller.displayName,
          verified_at: now,
          publication_id: publicationId,
        })
        .where('id', '=', ch.id)
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: input.decision === 'approve' ? 'contract.change.approved' : 'contract.change.rejected',
        targetType: 'section',
        targetId: sectionId,
        regionCode: c.region_code,
        details: {
          contractId: c.id,
          changeId: ch.id,
          number: ch.number,
          publicationId,
          ...(input.decision === 'reject' ? { reason: input.reason } : {}),
        },
      });
      for (const entityId of [c.tenderer_entity_id, c.winner_entity_id]) {
        await deps.notify(trx, {
          recipientKind: 'entity',
          recipientId: entityId,
          topic: 'contract.changeVerified',
          title: `合同变更${input.decision === 'approve' ? '已核验公开' : '被退回'}：第 ${ch.number} 次`,
          body: input.decision === 'approve' ? '合同变更经交易中心核验，已公开。' : `退回原因：${input.reason}`,
          link: publicationId ? `/notices/${publicationId}` : undefined,
          dedupeKey: `contract.changeVerified:${ch.id}:${entityId}`,
        });
      }
    });
    return changeView(await oneChange(db, sectionId, changeId));
  }

  async function changes(sectionId: string): Promise<ContractChangeView[]> {
    const c = await contracts.current(db, sectionId);
    if (!c) return [];
    const rows = await tables(db)
      .selectFrom('contract.change')
      .selectAll()
      .where('contract_id', '=', c.id)
      .orderBy('number')
      .execute();
    return rows.map(changeView);
  }

  return { record, performance, propose, verifyChange, changes };
}

export type PerformanceService = ReturnType<typeof createPerformanceService>;

function performanceView(r: Selectable<PerformanceTable>): PerformanceView {
  return {
    id: r.id,
    side: r.side,
    entityName: r.entity_name,
    day: r.day,
    milestone: r.milestone,
    content: r.content,
    attachmentSm3: r.attachment_sm3,
    recordedAt: r.recorded_at.toISOString(),
    publicationId: r.publication_id,
  };
}

function changeView(r: Selectable<ChangeTable>): ContractChangeView {
  return {
    id: r.id,
    number: r.number,
    reason: r.reason,
    content: r.content,
    previousPriceFen: r.previous_price_fen,
    newPriceFen: r.new_price_fen,
    state: r.state,
    proposedAt: r.proposed_at.toISOString(),
    rejection: r.rejection,
    verifierName: r.verifier_name,
    verifiedAt: r.verified_at?.toISOString() ?? null,
    publicationId: r.publication_id,
  };
}
