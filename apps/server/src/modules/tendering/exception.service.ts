import { randomUUID } from 'node:crypto';
import type { SectionExceptionRequest, SectionExceptionView } from '@bidhall/contracts';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { escapeHtml } from '../../platform/text/encode.ts';
import { assertMayRead, type Caller, recordStep } from './review-flow.ts';
import { checkedNoticeHtml } from './notice-html.ts';
import { DEFAULT_PLATFORM } from './standard-text.ts';
import { type SectionSnapshot, type TenderingDeps, tables } from './tendering.deps.ts';
import type { SectionExceptionTable } from './tendering.tables.ts';

const escape = escapeHtml;

const TITLES = { termination: '终止招标公告', retender: '重新招标公告' } as const;

function exceptionBody(kind: SectionExceptionRequest['kind'], s: SectionSnapshot, reason: string, baseUrl: string): string {
  const url = escape(baseUrl);
  const what =
    kind === 'termination'
      ? `招标人决定终止${escape(s.tenderingProjectName)}${escape(s.code)}标段（${escape(s.name)}）的招标活动。`
      : `${escape(s.tenderingProjectName)}${escape(s.code)}标段（${escape(s.name)}）第${s.round}轮招标不成立，招标人将依法重新招标，重新招标的公告另行发布。`;
  const after =
    kind === 'termination'
      ? '已获取招标文件的潜在投标人、已提交投标文件的投标人，其投标文件由平台依法处理，不予解密。'
      : '本轮已发布的公告、招标文件自本公告发布之日起不再适用。';
  return (
    `<p>${what}</p><p>原因：${escape(reason)}</p><p>${after}</p>` +
    `<p>项目代码：${escape(s.approvalCode)}；招标人：${escape(s.tendererName)}${s.agencyName ? `；招标代理机构：${escape(s.agencyName)}` : ''}。</p>` +
    `<p>详情请登录${escape(DEFAULT_PLATFORM.name)}（<a href="${url}">${url}</a>）查看。</p>`
  );
}

/**
 * Exceptions of a section (A-197, A-198): termination (final) and re-tender (the next round).
 * Each is published at once (prominent), the round's notices and invitations are withdrawn, and the
 * parties, every invitee of the round and everyone who obtained its documents are told.
 */
export function createExceptionService(deps: TenderingDeps) {
  function toView(r: Selectable<SectionExceptionTable>): SectionExceptionView {
    return {
      id: r.id,
      sectionId: r.section_id,
      kind: r.kind,
      reason: r.reason,
      round: r.round,
      regionCode: r.region_code,
      createdBy: r.created_by,
      createdAt: r.created_at.toISOString(),
      publicationId: r.publication_id,
      notified: Number(r.notified),
    };
  }

  async function record(caller: Caller, sectionId: string, input: SectionExceptionRequest): Promise<SectionExceptionView> {
    if (!caller.entityId) throw new DomainError('SECTION_NOT_MANAGED', 'only the tenderer or its agency acts on a section');
    const entityId = caller.entityId;
    return deps.db.transaction().execute(async (trx) => {
      const s = await deps.sections.get(trx, sectionId);
      if (!s) throw new DomainError('SECTION_NOT_FOUND', `no section ${sectionId}`);
      if (!(await deps.sections.canManage(trx, sectionId, entityId))) {
        throw new DomainError('SECTION_NOT_MANAGED', `your entity does not manage section ${s.code}`);
      }
      if (s.stage === 'terminated') throw new DomainError('SECTION_STAGE_CONFLICT', `section ${s.code} is already terminated`, { stage: s.stage });
      // The section moves first: projects refuses what its stage does not allow, before anything is published.
      if (input.kind === 'termination') await deps.sections.terminate(trx, sectionId, input.reason, caller.actor);
      else await deps.sections.retender(trx, sectionId, input.reason, caller.actor);
      // A re-tender is published in the new round, so the portal closes the earlier round's notices.
      const after = (await deps.sections.get(trx, sectionId)) ?? s;

      const now = deps.clock.now();
      const id = randomUUID();
      const published = await deps.publish(trx, {
        type: input.kind,
        sourceId: id,
        sectionIds: [sectionId],
        regionCode: s.regionCode,
        category: s.category,
        title: `${s.tenderingProjectName}${s.code}标段${TITLES[input.kind]}`.slice(0, 200),
        bodyHtml: checkedNoticeHtml(deps, exceptionBody(input.kind, s, input.reason, deps.publicBaseUrl), 'notice'),
        prominent: true,
        publishedAt: now.toISOString(),
        round: input.kind === 'retender' ? after.round : s.round,
        links: {},
      }, caller.actor);
      const invitees = await withdrawRound(trx, caller, s, input);
      const downloaders = deps.documents ? (await deps.documents.downloadersOfSection(trx, s.id, s.round)).map((d) => d.entityId) : [];
      const recipients = new Set([s.tendererEntityId, ...(s.agencyEntityId ? [s.agencyEntityId] : []), ...invitees, ...downloaders]);
      for (const recipient of recipients) {
        await deps.notify(trx, {
          recipientKind: 'entity',
          recipientId: recipient,
          topic: input.kind,
          title: `${s.code}标段${TITLES[input.kind]}`,
          body: `${s.tenderingProjectName}${s.code}标段（${s.name}）${input.kind === 'termination' ? '已终止招标' : '将重新招标'}。原因：${input.reason}`,
          link: `/notices/${published.publicationId}`,
          dedupeKey: `exception:${id}:${recipient}`,
        });
      }
      await tables(trx)
        .insertInto('tendering.section_exception')
        .values({
          id,
          section_id: sectionId,
          kind: input.kind,
          reason: input.reason,
          round: s.round,
          region_code: s.regionCode,
          created_by: caller.userId,
          created_by_entity: entityId,
          created_at: now,
          publication_id: published.publicationId,
          notified: recipients.size,
        })
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: input.kind === 'termination' ? 'tendering.section.terminated' : 'tendering.section.retendered',
        targetType: 'section',
        targetId: sectionId,
        regionCode: s.regionCode,
        details: { exceptionId: id, reason: input.reason, round: s.round, publicationId: published.publicationId, notified: recipients.size },
      });
      const row = await tables(trx).selectFrom('tendering.section_exception').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return toView(row);
    });
  }

  /**
   * The round's notices and invitations that cover the section stop: drafts and pending ones at once,
   * a published one once none of its sections is still tendering in that round (the portal itself
   * closes the section's publications when the termination or re-tender is published). Returns the invitees of the round's sent invitations, who are told.
   */
  async function withdrawRound(trx: Db, caller: Caller, s: SectionSnapshot, input: SectionExceptionRequest): Promise<string[]> {
    const now = deps.clock.now();
    const notices = await tables(trx)
      .selectFrom('tendering.notice as n')
      .innerJoin('tendering.notice_section as ns', 'ns.notice_id', 'n.id')
      .select(['n.id', 'n.status'])
      .where('ns.section_id', '=', s.id)
      .where('ns.round', '=', s.round)
      .where('n.status', '<>', 'withdrawn')
      .execute();
    for (const n of notices) {
      if (n.status === 'published' && !(await allSectionsEnded(trx, 'notice', n.id))) continue;
      await tables(trx).updateTable('tendering.notice').set({ status: 'withdrawn', withdrawn_at: now, updated_at: now }).where('id', '=', n.id).execute();
      await recordStep(trx, 'notice', n.id, 'withdrawn', caller, now, input.reason);
    }
    const invitations = await tables(trx)
      .selectFrom('tendering.invitation as n')
      .innerJoin('tendering.invitation_section as ns', 'ns.invitation_id', 'n.id')
      .select(['n.id', 'n.status'])
      .where('ns.section_id', '=', s.id)
      .where('ns.round', '=', s.round)
      .where('n.status', '<>', 'withdrawn')
      .execute();
    const invitees = new Set<string>();
    for (const n of invitations) {
      if (n.status === 'sent') {
        const rows = await tables(trx).selectFrom('tendering.invitee').select('entity_id').where('invitation_id', '=', n.id).execute();
        for (const r of rows) invitees.add(r.entity_id);
        if (!(await allSectionsEnded(trx, 'invitation', n.id))) continue;
      }
      await tables(trx).updateTable('tendering.invitation').set({ status: 'withdrawn', withdrawn_at: now, updated_at: now }).where('id', '=', n.id).execute();
      await recordStep(trx, 'invitation', n.id, 'withdrawn', caller, now, input.reason);
    }
    return [...invitees];
  }

  /** Every section it covers is terminated or has moved on to a later round. */
  async function allSectionsEnded(trx: Db, kind: 'notice' | 'invitation', id: string): Promise<boolean> {
    const covered =
      kind === 'notice'
        ? await tables(trx).selectFrom('tendering.notice_section').select(['section_id', 'round']).where('notice_id', '=', id).execute()
        : await tables(trx).selectFrom('tendering.invitation_section').select(['section_id', 'round']).where('invitation_id', '=', id).execute();
    for (const c of covered) {
      const now = await deps.sections.get(trx, c.section_id);
      if (now && now.stage !== 'terminated' && now.round === c.round) return false;
    }
    return true;
  }

  async function list(caller: Caller, sectionId: string): Promise<SectionExceptionView[]> {
    const rows = await tables(deps.db).selectFrom('tendering.section_exception').selectAll().where('section_id', '=', sectionId).orderBy('created_at').execute();
    const s = await deps.sections.get(deps.db, sectionId);
    if (!s) throw new DomainError('SECTION_NOT_FOUND', `no section ${sectionId}`);
    const party = caller.entityId !== null && (await deps.sections.canManage(deps.db, sectionId, caller.entityId));
    if (!party) await assertMayRead(deps, { tenderer_entity_id: s.tendererEntityId, agency_entity_id: s.agencyEntityId, region_code: s.regionCode }, caller, 'SECTION_NOT_FOUND');
    return rows.map(toView);
  }

  return { record, list };
}

export type ExceptionService = ReturnType<typeof createExceptionService>;
