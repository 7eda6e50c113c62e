import {
  prequalificationResultsSigningPayload,
  type PrequalificationResultsVerification,
  type PrequalificationResultsView,
  type SectionSnapshotView,
} from '@bidhall/contracts';
import { publicKeyFromPem, verifyJson, type JsonSignature } from '@bidhall/crypto';
import { MIN_QUALIFIED } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { json, type PrequalificationDeps, tables } from './prequalification.deps.ts';
import { contentSm3, resultNoticeHtml, resultsContent } from './results-content.ts';
import type { Letter, Result, ResultsStore } from './results-store.ts';
import { sectionAccess } from './section-access.ts';

/**
 * the tenderer signs the drafted results' SM3 with its bound certificate and submits them;
 * staff of the region verify (the verifier recorded) — a rejection clears the signature; approved, the
 * letters are issued to the applicants' workspaces, pushed, and the passed list is published.
 */
export function createResultsIssue(deps: PrequalificationDeps, store: ResultsStore) {
  const { db, clock } = deps;
  const access = sectionAccess(deps);
  const { loaded, view } = store;

  /** A-178: signed over the results' SM3 by the caller's entity's bound certificate, then submitted for verification. */
  async function submit(
    sectionId: string,
    body: { certificatePem: string; signature: unknown },
    caller: Caller,
  ): Promise<PrequalificationResultsView> {
    await db.transaction().execute(async (trx) => {
      const l = await loaded(trx, sectionId);
      const entityId = await access.assertManager(
        trx,
        l.section,
        caller,
        'only the tenderer or its mandated agency submits the prequalification results',
      );
      if (l.result.state !== 'draft')
        throw new DomainError('PREQUALIFICATION_RESULTS_STATE_CONFLICT', `the results are ${l.result.state}`, {
          state: l.result.state,
        });
      if (l.result.authority === 'tenderer' && !l.result.list_confirmed_at) {
        throw new DomainError(
          'PREQUALIFICATION_LIST_UNCONFIRMED',
          'the tenderer confirms the list of qualified applicants before it signs the results',
        );
      }
      const sm3 = contentSm3(resultsContent(l.section, l.result.authority, l.result.remarks, l.letters));
      const cert = await deps.boundCertificate(trx, entityId, body.certificatePem);
      if (
        !verifyJson(
          prequalificationResultsSigningPayload(sectionId, l.section.round, sm3),
          body.signature as JsonSignature,
          publicKeyFromPem(cert.publicKeyPem),
        )
      ) {
        throw new DomainError(
          'PREQUALIFICATION_RESULTS_SIGNATURE_INVALID',
          'the signature is not over these results by a certificate bound to the caller’s entity',
          { contentSm3: sm3 },
        );
      }
      const now = clock.now();
      await tables(trx)
        .updateTable('prequalification.result')
        .set({
          state: 'pendingVerification',
          content_sm3: sm3,
          signature: JSON.stringify(body.signature),
          certificate_fingerprint: cert.fingerprint,
          signed_by: caller.userId,
          signed_at: now,
          submitted_at: now,
          updated_at: now,
        })
        .where('id', '=', l.result.id)
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'prequalification.results.submitted',
        targetType: 'section',
        targetId: sectionId,
        regionCode: l.section.regionCode,
        details: { resultId: l.result.id, contentSm3: sm3, certificateFingerprint: cert.fingerprint, signature: body.signature },
      });
    });
    return view(sectionId);
  }

  /** staff verify; approved, the letters are issued, pushed and the passed list published. */
  async function verify(
    sectionId: string,
    input: PrequalificationResultsVerification,
    caller: Caller,
  ): Promise<PrequalificationResultsView> {
    await db.transaction().execute(async (trx) => {
      const l = await loaded(trx, sectionId);
      if (l.result.state !== 'pendingVerification')
        throw new DomainError('PREQUALIFICATION_RESULTS_STATE_CONFLICT', `the results are ${l.result.state}`, {
          state: l.result.state,
        });
      const now = clock.now();
      if (input.decision === 'reject') {
        // Back to a draft: the signature was over what staff refused, so it goes too.
        await tables(trx)
          .updateTable('prequalification.result')
          .set({
            state: 'draft',
            rejection: input.reason,
            content_sm3: null,
            signature: null,
            certificate_fingerprint: null,
            signed_by: null,
            signed_at: null,
            submitted_at: null,
            updated_at: now,
          })
          .where('id', '=', l.result.id)
          .execute();
        await deps.audit.record(trx, caller.actor, {
          action: 'prequalification.results.rejected',
          targetType: 'section',
          targetId: sectionId,
          regionCode: l.section.regionCode,
          details: { resultId: l.result.id, reason: input.reason },
        });
        return;
      }
      await issue(trx, l.section, l.result, l.letters, caller, now);
    });
    return view(sectionId);
  }

  async function issue(trx: Db, section: SectionSnapshotView, result: Result, letters: Letter[], caller: Caller, now: Date) {
    const sm3 = result.content_sm3!;
    const passed = letters.filter((x) => x.outcome === 'passed');
    const tooFew = passed.length < MIN_QUALIFIED;
    const published = await deps.publish(
      trx,
      {
        type: 'prequalificationResult',
        sourceId: result.id,
        sectionIds: [section.id],
        regionCode: section.regionCode,
        category: section.category,
        title: `${section.projectName}${section.name}资格预审结果公告`,
        bodyHtml: resultNoticeHtml({ section, remarks: result.remarks, contentSm3: sm3, letters, tooFew }),
        prominent: false,
        publishedAt: now.toISOString(),
        round: section.round,
        links: {},
        mandatory: section.mandatory,
      },
      caller.actor,
    );
    await tables(trx)
      .updateTable('prequalification.result')
      .set({
        state: 'issued',
        verified_by: caller.userId,
        verified_at: now,
        publication_id: published.publicationId,
        updated_at: now,
      })
      .where('id', '=', result.id)
      .execute();
    await tables(trx).updateTable('prequalification.letter').set({ issued_at: now }).where('result_id', '=', result.id).execute();
    const pushed = await deps.outbox(trx, {
      kind: 'prequalificationResults',
      subjectType: 'section',
      subjectId: section.id,
      regionCode: section.regionCode,
      content: {
        ...resultsContent(section, result.authority, result.remarks, letters),
        contentSm3: sm3,
        signature: json(result.signature),
        issuedAt: now.toISOString(),
      },
    });
    for (const letter of letters) {
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: letter.entity_id,
        topic: 'prequalification.result',
        title: `资格预审结果通知书：${section.name}`,
        body: letter.reason,
        link: '/bidder/prequalification-letters',
        dedupeKey: `prequalification.letter:${letter.id}`,
      });
    }
    await deps.audit.record(trx, caller.actor, {
      action: 'prequalification.results.issued',
      targetType: 'section',
      targetId: section.id,
      regionCode: section.regionCode,
      details: {
        resultId: result.id,
        publicationId: published.publicationId,
        contentSm3: sm3,
        letters: letters.length,
        passed: passed.map((x) => x.bid_id),
        tooFew,
        outboxMessageId: pushed.messageId,
      },
    });
  }

  return { submit, verify };
}

export type ResultsIssue = ReturnType<typeof createResultsIssue>;
