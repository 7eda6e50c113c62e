import { randomUUID } from 'node:crypto';
import {
  contractSigningPayload,
  type ContractContent,
  type ContractInput,
  type ContractParty,
  type ContractSignInput,
  type ContractVerification,
  type ContractView,
  type SectionSnapshotView,
} from '@bidhall/contracts';
import { type JsonSignature, publicKeyFromPem, verifyJson } from '@bidhall/crypto';
import { toBusinessDate } from '@bidhall/rules';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { buildContent, contentSm3 } from './contract-content.ts';
import { conclusionHtml } from './contract-html.ts';
import { type AwardedSection, type ContractDeps, json, tables } from './contract.deps.ts';
import type { ContractTable, SignatureTable } from './contract.tables.ts';
import type { ContractReading } from './contract.read.ts';
import type { DeadlineService } from './deadline.service.ts';
import { signingDueDate } from './signing-deadline.ts';

type Row = Selectable<ContractTable>;
type SignatureRow = Selectable<SignatureTable>;

/**
 * 合同 (A-180…A-184; Law 46, Reg. 57): the tenderer (or its mandated agency) drafts the contract of the
 * awarded section from the award, the winning bid and the tender document, and submits it; staff of the
 * section's region verify it (who and when recorded); the tenderer and the winner each sign the verified
 * content's SM3 with their entity's bound certificate — an edit makes a new SM3, so it needs verifying and
 * signing again. Signed by both, it is concluded: published on the portal and pushed to the public service
 * platform, and the winner's bid bond is requested back.
 */
export function createContractService(deps: ContractDeps, deadlines: DeadlineService, reading: ContractReading) {
  const { db, clock } = deps;
  const { current, mustCurrent, signaturesOf, view } = reading;

  async function sectionOf(trx: Db, sectionId: string): Promise<SectionSnapshotView> {
    const s = await deps.sections.get(trx, sectionId);
    if (!s) throw new DomainError('SECTION_NOT_FOUND', `no section ${sectionId}`);
    return s;
  }

  async function assertManager(trx: Db, sectionId: string, caller: Caller) {
    if (!caller.entityId || !(await deps.sections.canManage(trx, sectionId, caller.entityId))) {
      throw new DomainError('SECTION_NOT_MANAGED', 'only the tenderer or its mandated agency drafts the contract');
    }
  }

  async function awardedOf(trx: Db, sectionId: string): Promise<AwardedSection> {
    const a = await deps.awarded(trx, sectionId);
    if (!a)
      throw new DomainError(
        'CONTRACT_NOT_READY',
        'the award notice has not been issued: there is no winner to contract with yet',
      );
    return a;
  }

  function conflict(c: Row, what: string): never {
    throw new DomainError('CONTRACT_STATE_CONFLICT', `the contract is ${c.state}: ${what}`, { state: c.state });
  }

  /** drafted from the award, the bid and the document; edited until concluded (not while staff verify it). */
  async function save(sectionId: string, input: ContractInput, caller: Caller): Promise<ContractView> {
    await db.transaction().execute(async (trx) => {
      const section = await sectionOf(trx, sectionId);
      await assertManager(trx, sectionId, caller);
      const awarded = await awardedOf(trx, sectionId);
      let existing = await current(trx, sectionId, true);
      if (existing && existing.round !== awarded.round) existing = undefined;
      if (existing?.state === 'pendingVerification')
        conflict(existing, 'it is being verified; it changes after the verification');
      if (existing?.state === 'concluded') conflict(existing, 'a concluded contract changes through a contract change');
      const id = existing?.id ?? randomUUID();
      const [terms, bid] = [await deps.terms(trx, sectionId), await deps.winningBid(trx, sectionId, awarded.winnerBidId)];
      const content = buildContent({ contractId: id, section, awarded, terms, bid, input });
      const sm3 = contentSm3(content);
      const now = clock.now();
      const dueDate = signingDueDate(deps.calendar(), awarded.awardNoticeAt);
      await deadlines.ensure(trx, awarded, dueDate);
      if (!existing) {
        await tables(trx)
          .insertInto('contract.contract')
          .values({
            id,
            section_id: sectionId,
            round: awarded.round,
            region_code: awarded.regionCode,
            tenderer_entity_id: awarded.tendererEntityId,
            winner_entity_id: awarded.winnerEntityId,
            winner_bid_id: awarded.winnerBidId,
            price_fen: awarded.priceFen,
            award_notice_at: awarded.awardNoticeAt,
            due_date: dueDate,
            state: 'draft',
            version: 1,
            content: JSON.stringify(content),
            content_sm3: sm3,
            drafted_by: caller.userId,
            drafted_at: now,
            submitted_at: null,
            rejection: null,
            verified_by: null,
            verifier_name: null,
            verified_at: null,
            concluded_at: null,
            publication_id: null,
            updated_at: now,
          })
          .execute();
        await deps.audit.record(trx, caller.actor, {
          action: 'contract.drafted',
          targetType: 'section',
          targetId: sectionId,
          regionCode: awarded.regionCode,
          details: { contractId: id, contentSm3: sm3, winnerBidId: awarded.winnerBidId, priceFen: awarded.priceFen, dueDate },
        });
        return;
      }
      if (existing.content_sm3 === sm3) return;
      // A-181 with A-183: an edit makes a new SM3; the verification and the signatures were of the old one.
      const invalidated = await signaturesOf(trx, existing.id, existing.content_sm3);
      await tables(trx)
        .updateTable('contract.contract')
        .set({
          state: 'draft',
          version: existing.version + 1,
          content: JSON.stringify(content),
          content_sm3: sm3,
          verified_by: null,
          verifier_name: null,
          verified_at: null,
          updated_at: now,
        })
        .where('id', '=', existing.id)
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'contract.edited',
        targetType: 'section',
        targetId: sectionId,
        regionCode: existing.region_code,
        details: {
          contractId: existing.id,
          version: existing.version + 1,
          previousSm3: existing.content_sm3,
          contentSm3: sm3,
          wasVerified: existing.state === 'verified',
          invalidatedSignatures: invalidated.map((s) => s.side),
        },
      });
      if (invalidated.some((s) => s.side === 'winner')) {
        await deps.notify(trx, {
          recipientKind: 'entity',
          recipientId: existing.winner_entity_id,
          topic: 'contract.edited',
          title: `合同已修改：${section.name}`,
          body: '招标人修改了贵单位已签署的合同，原签署失效；合同经交易中心重新核验后请再次签署。',
          dedupeKey: `contract.edited:${existing.id}:${sm3}`,
        });
      }
    });
    return view(sectionId);
  }

  /** submitted to the staff of the section's region for verification. */
  async function submit(sectionId: string, caller: Caller): Promise<ContractView> {
    await db.transaction().execute(async (trx) => {
      await assertManager(trx, sectionId, caller);
      const c = await mustCurrent(trx, sectionId, true);
      if (c.state !== 'draft') conflict(c, 'only a draft is submitted');
      const now = clock.now();
      await tables(trx)
        .updateTable('contract.contract')
        .set({ state: 'pendingVerification', submitted_at: now, rejection: null, updated_at: now })
        .where('id', '=', c.id)
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'contract.submitted',
        targetType: 'section',
        targetId: sectionId,
        regionCode: c.region_code,
        details: { contractId: c.id, contentSm3: c.content_sm3, version: c.version },
      });
    });
    return view(sectionId);
  }

  /** staff of the section's region approve (verifier and time recorded) or reject with a reason. */
  async function verify(sectionId: string, input: ContractVerification, caller: Caller): Promise<ContractView> {
    await db.transaction().execute(async (trx) => {
      const section = await sectionOf(trx, sectionId);
      const c = await mustCurrent(trx, sectionId, true);
      if (c.state !== 'pendingVerification') conflict(c, 'only a submitted contract is verified');
      const now = clock.now();
      if (input.decision === 'reject') {
        await tables(trx)
          .updateTable('contract.contract')
          .set({ state: 'draft', rejection: input.reason, updated_at: now })
          .where('id', '=', c.id)
          .execute();
        await deps.audit.record(trx, caller.actor, {
          action: 'contract.rejected',
          targetType: 'section',
          targetId: sectionId,
          regionCode: c.region_code,
          details: { contractId: c.id, contentSm3: c.content_sm3, reason: input.reason },
        });
        await deps.notify(trx, {
          recipientKind: 'entity',
          recipientId: c.tenderer_entity_id,
          topic: 'contract.rejected',
          title: `合同核验退回：${section.name}`,
          body: input.reason,
          link: `/projects/sections/${sectionId}`,
          dedupeKey: `contract.rejected:${c.id}:${now.getTime()}`,
        });
        return;
      }
      await tables(trx)
        .updateTable('contract.contract')
        .set({
          state: 'verified',
          verified_by: caller.userId,
          verifier_name: caller.displayName,
          verified_at: now,
          updated_at: now,
        })
        .where('id', '=', c.id)
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'contract.verified',
        targetType: 'section',
        targetId: sectionId,
        regionCode: c.region_code,
        details: { contractId: c.id, contentSm3: c.content_sm3, version: c.version, verifierName: caller.displayName },
      });
      for (const entityId of [c.tenderer_entity_id, c.winner_entity_id]) {
        await deps.notify(trx, {
          recipientKind: 'entity',
          recipientId: entityId,
          topic: 'contract.verified',
          title: `合同待签署：${section.name}`,
          body: `合同已经交易中心核验，请于 ${c.due_date} 前使用 CA 数字证书电子签署（SM3 ${c.content_sm3.slice(0, 16)}…）。`,
          link: entityId === c.winner_entity_id ? '/bidder?tab=contracts' : `/projects/sections/${sectionId}`,
          dedupeKey: `contract.verified:${c.id}:${c.content_sm3}:${entityId}`,
        });
      }
    });
    return view(sectionId);
  }

  /** each side signs the verified content's SM3 with its entity's bound certificate; signed by both, it is concluded. */
  async function sign(sectionId: string, body: ContractSignInput, caller: Caller): Promise<ContractView> {
    await db.transaction().execute(async (trx) => {
      const c = await mustCurrent(trx, sectionId, true);
      if (c.state !== 'verified') conflict(c, 'only the verified contract is signed');
      const side: ContractParty | null =
        caller.entityId === c.tenderer_entity_id ? 'tenderer' : caller.entityId === c.winner_entity_id ? 'winner' : null;
      if (!side || !caller.entityId)
        throw new DomainError('CONTRACT_NOT_PARTY', 'the contract is signed by the tenderer and the winner themselves', {
          side: null,
        });
      const cert = await deps.boundCertificate(trx, caller.entityId, body.certificatePem);
      const payload = contractSigningPayload(sectionId, c.id, c.content_sm3);
      if (!verifyJson(payload, body.signature as JsonSignature, publicKeyFromPem(cert.publicKeyPem))) {
        throw new DomainError(
          'CONTRACT_SIGNATURE_INVALID',
          'the signature is not over this contract’s SM3 by the bound certificate',
          {
            contentSm3: c.content_sm3,
          },
        );
      }
      const content = json<ContractContent>(c.content);
      const now = clock.now();
      const inserted = await tables(trx)
        .insertInto('contract.signature')
        .values({
          contract_id: c.id,
          side,
          content_sm3: c.content_sm3,
          entity_id: caller.entityId,
          entity_name: side === 'tenderer' ? content.tenderer.name : content.winner.name,
          signed_by: caller.userId,
          certificate_fingerprint: cert.fingerprint,
          certificate_pem: body.certificatePem,
          signature: JSON.stringify(body.signature),
          signed_at: now,
        })
        .onConflict((oc) => oc.columns(['contract_id', 'content_sm3', 'side']).doNothing())
        .returning('side')
        .execute();
      if (!inserted.length) return;
      await deps.audit.record(trx, caller.actor, {
        action: 'contract.signed',
        targetType: 'section',
        targetId: sectionId,
        regionCode: c.region_code,
        details: {
          contractId: c.id,
          side,
          contentSm3: c.content_sm3,
          signature: body.signature,
          certificateFingerprint: cert.fingerprint,
        },
      });
      const signatures = await signaturesOf(trx, c.id, c.content_sm3);
      if (signatures.length === 2) await conclude(trx, c, content, signatures, caller);
      else {
        const other = side === 'tenderer' ? c.winner_entity_id : c.tenderer_entity_id;
        await deps.notify(trx, {
          recipientKind: 'entity',
          recipientId: other,
          topic: 'contract.signedByOther',
          title: `合同待签署：${content.project.sectionName}`,
          body: `${side === 'tenderer' ? '招标人' : '中标人'}已签署合同，请于 ${c.due_date} 前签署。`,
          link: other === c.winner_entity_id ? '/bidder?tab=contracts' : `/projects/sections/${sectionId}`,
          dedupeKey: `contract.signedByOther:${c.id}:${c.content_sm3}`,
        });
      }
    });
    return view(sectionId);
  }

  /** A-184, Reg. 57: published and pushed; the timer stops; the winner's bid bond is requested back. */
  async function conclude(trx: Db, c: Row, content: ContractContent, signatures: SignatureRow[], caller: Caller) {
    const section = await sectionOf(trx, c.section_id);
    const now = clock.now();
    const published = await deps.publish(
      trx,
      {
        type: 'contractConclusion',
        sourceId: c.id,
        sectionIds: [c.section_id],
        regionCode: c.region_code,
        category: section.category,
        title: `${section.projectName}${section.name}合同订立信息`,
        bodyHtml: conclusionHtml({
          content,
          contentSm3: c.content_sm3,
          signatures: signatures.map((s) => ({ side: s.side, entityName: s.entity_name, signedAt: s.signed_at })),
          verifiedAt: c.verified_at!,
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
      .updateTable('contract.contract')
      .set({ state: 'concluded', concluded_at: now, publication_id: published.publicationId, updated_at: now })
      .where('id', '=', c.id)
      .execute();
    await deadlines.concluded(trx, c.section_id, c.round, now);
    const refunds = await deps.refundBond(
      trx,
      { sectionId: c.section_id, round: c.round, entityId: c.winner_entity_id },
      caller.actor,
    );
    const today = toBusinessDate(now);
    await deps.audit.record(trx, caller.actor, {
      action: 'contract.concluded',
      targetType: 'section',
      targetId: c.section_id,
      regionCode: c.region_code,
      details: {
        contractId: c.id,
        contentSm3: c.content_sm3,
        publicationId: published.publicationId,
        dueDate: c.due_date,
        late: today > c.due_date,
        bondRefundsRequested: refunds,
      },
    });
    for (const entityId of [c.tenderer_entity_id, c.winner_entity_id]) {
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: entityId,
        topic: 'contract.concluded',
        title: `合同已签订：${section.name}`,
        body: '双方已电子签署合同，合同订立信息已公开。',
        link: `/notices/${published.publicationId}`,
        dedupeKey: `contract.concluded:${c.id}:${entityId}`,
      });
    }
  }

  return { save, submit, verify, sign };
}

export type ContractService = ReturnType<typeof createContractService>;
