import { evaluationDocumentsView, type EvaluationDocumentsView } from '@bidhall/contracts';
import { canonicalJson, sm3, toHex, toBase64 } from '@bidhall/crypto';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { callerOf, type Caller } from './caller.ts';
import { type EvaluationDeps, json, tables } from './evaluation.deps.ts';
import type { EvaluationSitting } from './sitting.ts';

const OFFICERS = new Set(['staff', 'supervisor']);
const methodSm3 = (method: unknown) => toHex(sm3(canonicalJson(method as object)));

/**
 * the committee reads what it evaluates against — the document with every clarification
 * and modification issued (the current version) — and can see that its forms come from that document's
 * method: the method the evaluation opened with hashes to the manifest's. Members and the region's
 * officers only; the tenderer's users who are not members have the document on their own side.
 */
export function createEvaluationDocuments(deps: Pick<EvaluationDeps, 'db' | 'effectiveDocument'>, at: EvaluationSitting) {
  return async function documentsOf(sectionId: string, caller: Caller): Promise<EvaluationDocumentsView> {
    const { db } = deps;
    const ev = await tables(db)
      .selectFrom('evaluation.evaluation')
      .select('method')
      .where('section_id', '=', sectionId)
      .where('sitting', '=', at.sitting)
      .executeTakeFirst();
    if (!ev)
      throw new DomainError('EVALUATION_STATE_CONFLICT', 'the evaluation of this section has not been opened', {
        reason: 'unopened',
      });
    if (!OFFICERS.has(caller.kind)) {
      const member = await tables(db)
        .selectFrom('evaluation.member')
        .select('id')
        .where('section_id', '=', sectionId)
        .where('sitting', '=', at.sitting)
        .where('user_id', '=', caller.userId)
        .executeTakeFirst();
      if (!member) throw new DomainError('EVALUATION_NOT_MEMBER', 'you are not a member of this evaluation committee');
    }
    const doc = await deps.effectiveDocument(db, sectionId, at.sitting === 'bid' ? 'tender' : 'prequalification');
    if (!doc)
      throw new DomainError('EVALUATION_STATE_CONFLICT', 'the section has no issued document for this evaluation', {
        reason: 'method',
      });
    const manifest = JSON.parse(doc.manifest.toString('utf8')) as { method: unknown };
    return {
      sectionId,
      sitting: at.sitting,
      documentId: doc.documentId,
      kind: doc.kind,
      version: doc.version,
      versionSm3: doc.versionSm3,
      manifestBase64: toBase64(doc.manifest),
      clarifications: doc.clarifications.map((c) => ({
        number: c.number,
        contentSm3: c.contentSm3,
        contentBase64: toBase64(c.content),
      })),
      evaluationMethodSm3: methodSm3(json(ev.method)),
      documentMethodSm3: methodSm3(manifest.method),
    };
  };
}

export function registerEvaluationDocumentRoutes(
  app: AppInstance,
  deps: Pick<EvaluationDeps, 'db' | 'effectiveDocument'>,
  at: EvaluationSitting,
) {
  const documentsOf = createEvaluationDocuments(deps, at);
  app.get(
    `/api/v1/sections/:id/${at.segment}/documents`,
    {
      config: {
        access: {
          roles: ['staff', 'supervisor', 'tenderer', 'expert'],
          scope: { resource: at.resource, parties: ['tenderer', 'recipient'] },
        },
      },
      schema: {
        tags: ['evaluation'],
        summary: `The effective documents of the ${at.zh.work}: the issued document with every clarification, as stored bytes, and whether the forms come from its method (A-136, A-137)`,
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: evaluationDocumentsView },
      },
    },
    async (request) => documentsOf(request.params.id, callerOf(request)),
  );
}
