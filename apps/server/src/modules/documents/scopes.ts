import { factsOf, isResourceId, type Relation, type ScopeFacts, type ScopeResolver } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type DocumentsDeps, tables } from './documents.deps.ts';

function resolver(code: string, what: string, load: (id: string, entityId: string | null) => Promise<ScopeFacts | null>): ScopeResolver {
  return { notFound: (id) => new DomainError(code, `no ${what} ${id}`), resolve: (id, caller) => load(id, caller.entityId) };
}

/**
 * The documents module's resources for route scopes. Each belongs to its section: the section's region,
 * its tenderer and agency; `holder` is a bidder that obtained the document; `published` holds once the
 * document or clarification is issued.
 */
export function createDocumentsScopes(deps: Pick<DocumentsDeps, 'db' | 'sections'>): Record<string, ScopeResolver> {
  const { db } = deps;

  async function documentFacts(documentId: string, entityId: string | null, extra: Partial<Record<Relation, boolean>>): Promise<ScopeFacts | null> {
    const doc = await tables(db).selectFrom('documents.document').select(['section_id', 'status']).where('id', '=', documentId).executeTakeFirst();
    if (!doc) return null;
    const section = await deps.sections.get(db, doc.section_id);
    if (!section) return null;
    const holder = entityId !== null && (await hasObtained(db, documentId, entityId));
    return factsOf(section.regionCode, {
      tenderer: entityId !== null && section.tendererEntityId === entityId,
      agency: entityId !== null && section.agencyEntityId === entityId,
      holder,
      published: doc.status === 'issued',
      ...extra,
    });
  }

  return {
    // A region's evaluation method template: its region's staff keep it; everyone may read it
    // (reference material, listed for all), so it is `published`.
    methodTemplate: resolver('METHOD_TEMPLATE_NOT_FOUND', 'evaluation method template', async (id) => {
      if (!isResourceId(id)) return null;
      const r = await tables(db).selectFrom('documents.method_template').select('region_code').where('id', '=', id).executeTakeFirst();
      return r ? factsOf(r.region_code, { published: true }) : null;
    }),
    tenderDocument: {
      ...resolver('DOCUMENT_NOT_FOUND', 'tender document', (id, entityId) => documentFacts(id, entityId, {})),
      // An issued document is public: a bidder is told what it lacks rather than that nothing exists.
      refusal: (id, parties, caller) =>
        caller.entityId !== null && parties.includes('holder')
          ? new DomainError('DOWNLOAD_REQUIRED', 'this is for those who obtained the documents; download them first (free)', { documentId: id })
          : new DomainError('DOCUMENT_NOT_FOUND', `no tender document ${id}`),
    },
    clarification: resolver('CLARIFICATION_NOT_FOUND', 'clarification', async (id, entityId) => {
      const c = await tables(db).selectFrom('documents.clarification').select(['document_id', 'status']).where('id', '=', id).executeTakeFirst();
      return c ? documentFacts(c.document_id, entityId, { published: c.status === 'issued' }) : null;
    }),
    question: resolver('QUESTION_NOT_FOUND', 'question', async (id, entityId) => {
      const q = await tables(db).selectFrom('documents.question').select('document_id').where('id', '=', id).executeTakeFirst();
      return q ? documentFacts(q.document_id, entityId, { published: false }) : null;
    }),
    siteVisit: resolver('SITE_VISIT_NOT_FOUND', 'site visit', async (id, entityId) => {
      const v = await tables(db).selectFrom('documents.site_visit').select('document_id').where('id', '=', id).where('status', '<>', 'deleted').executeTakeFirst();
      return v ? documentFacts(v.document_id, entityId, { published: false }) : null;
    }),
    siteVisitRecord: resolver('SITE_VISIT_RECORD_NOT_FOUND', 'site-visit record', async (id, entityId) => {
      const r = await tables(db)
        .selectFrom('documents.site_visit_record as r')
        .innerJoin('documents.site_visit as v', 'v.id', 'r.site_visit_id')
        .select('v.document_id')
        .where('r.id', '=', id)
        .executeTakeFirst();
      return r ? documentFacts(r.document_id, entityId, { published: false }) : null;
    }),
  };
}

async function hasObtained(db: Db, documentId: string, entityId: string): Promise<boolean> {
  const row = await tables(db).selectFrom('documents.download').select('id').where('document_id', '=', documentId).where('entity_id', '=', entityId).limit(1).executeTakeFirst();
  return row !== undefined;
}
