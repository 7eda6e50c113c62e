import { randomUUID } from 'node:crypto';
import type { BondForfeitureGround, BondForfeitureRequest, SectionSnapshotView } from '@bidhall/contracts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { AccountService } from './accounts.service.ts';
import type { Caller } from './caller.ts';
import { type FinanceDeps, tables } from './finance.deps.ts';
import { createGroundChecks } from './forfeiture-grounds.ts';
import { fenToYuan } from './money.ts';
import type { RefundService } from './refunds.service.ts';

const GROUND_LABELS: Record<BondForfeitureGround, string> = {
  withdrawnAfterDeadline: '投标截止后撤销投标文件',
  declinedAward: '放弃中标',
  refusedContract: '无正当理由不与招标人订立合同',
  noPerformanceSecurity: '未按招标文件要求提交履约保证金',
  decryptionFailed: '因投标人原因投标文件未解密',
};

/**
 * Forfeiting a bid deposit (issue 13 §5; decision 0042): the section's tenderer (or its agency) decides
 * on one bidder's sub-account, on a ground the record supports. The deposits it holds are paid once to
 * the tenderer's account through the refund workflow, so none is both refunded and forfeited, and a
 * server stopped mid-payment pays it once. Audited and logged in its transaction; the bidder is told why.
 */
export function createForfeitureService(deps: FinanceDeps, refunds: RefundService, accounts: Pick<AccountService, 'find'>) {
  const { db, clock } = deps;
  const grounds = createGroundChecks(deps);

  function deadlinePassed(section: SectionSnapshotView): boolean {
    const deadline = section.timetable.bidDeadline;
    return deadline != null && Date.parse(deadline) <= clock.now().getTime();
  }

  async function decide(sectionId: string, body: BondForfeitureRequest, caller: Caller): Promise<string> {
    return db.transaction().execute(async (trx) => {
      const section = await deps.sections.get(trx, sectionId);
      if (!section) throw new DomainError('SECTION_NOT_FOUND', `no section ${sectionId}`);
      // Before the deadline nobody may learn who holds a sub-account: one answer for every entity.
      if (!deadlinePassed(section))
        throw new DomainError('BOND_FORFEITURE_UNLAWFUL', 'no deposit is forfeited before the bid deadline', {
          ground: body.ground,
          reason: 'beforeDeadline',
        });
      const account = await accounts.find(trx, section.id, section.round, body.entityId, true);
      if (!account)
        throw new DomainError('BOND_ACCOUNT_NOT_FOUND', 'the bidder has no bond sub-account for this section', { sectionId });
      const existing = await tables(trx)
        .selectFrom('finance.bond_forfeiture')
        .select('id')
        .where('account_id', '=', account.id)
        .executeTakeFirst();
      if (existing)
        throw new DomainError('BOND_FORFEITED', 'this bidder’s deposits were forfeited already', { forfeitureId: existing.id });
      const checked = await grounds.check(trx, section, body.entityId, body.ground, body.revocation);
      if (!checked.ok)
        throw new DomainError(
          'BOND_FORFEITURE_UNLAWFUL',
          `the record does not support the ground ${body.ground}: ${checked.reason}`,
          {
            ground: body.ground,
            reason: checked.reason,
            ...checked.facts,
          },
        );
      const held = await refunds.held(trx, account.id);
      const principal = held.reduce((sum, c) => sum + c.principal, 0n);
      if (principal === 0n)
        throw new DomainError(
          'BOND_NOTHING_TO_FORFEIT',
          'no deposit of this sub-account is held: each is refunded or being refunded',
          { sectionId },
        );
      const tenderer = await deps.entities.get(trx, section.tendererEntityId);
      const id = randomUUID();
      const now = clock.now();
      await tables(trx)
        .insertInto('finance.bond_forfeiture')
        .values({
          id,
          account_id: account.id,
          section_id: section.id,
          round: section.round,
          entity_id: body.entityId,
          region_code: section.regionCode,
          tenderer_entity_id: section.tendererEntityId,
          ground: body.ground,
          statement: body.statement,
          facts: JSON.stringify(checked.facts),
          payee_account: body.payeeAccount,
          payee_name: tenderer?.name ?? '',
          principal_fen: principal.toString(),
          decided_by: caller.userId,
          decided_at: now,
        })
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'finance.bondForfeiture.decided',
        targetType: 'bondForfeiture',
        targetId: id,
        regionCode: section.regionCode,
        details: {
          sectionId,
          round: section.round,
          entityId: body.entityId,
          ground: body.ground,
          statement: body.statement,
          principalFen: principal.toString(),
          facts: checked.facts,
        },
      });
      await refunds.requestIn(trx, account.id, 'forfeited', caller.actor, {
        forfeitureId: id,
        payeeAccount: body.payeeAccount,
        payeeName: tenderer?.name ?? '',
      });
      await deps.notify?.(trx, {
        recipientKind: 'entity',
        recipientId: body.entityId,
        topic: 'finance.bondForfeited',
        title: `投标保证金不予退还：${section.name}`,
        body: `招标人以“${GROUND_LABELS[body.ground]}”为由决定不予退还贵单位的投标保证金（${fenToYuan(principal)} 元）。招标人说明：${body.statement}`,
        link: `/bidder/sections/${section.id}`,
        dedupeKey: `finance.bondForfeited:${id}`,
      });
      return id;
    });
  }

  return { decide, deadlinePassed, grounds };
}

export type ForfeitureService = ReturnType<typeof createForfeitureService>;
