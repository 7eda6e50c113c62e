import { randomUUID } from 'node:crypto';
import type { EvaluationMethod, MethodTemplateQuery, MethodTemplateRequest, MethodTemplateView, TemplateScope } from '@bidhall/contracts';
import type { Selectable } from 'kysely';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import { isResourceId, type RegionScope } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { loadDocument, loadSection } from './document-store.ts';
import { type DocumentsDeps, tables } from './documents.deps.ts';
import type { MethodTemplateTable } from './documents.tables.ts';
import { STANDARD_METHOD_TEMPLATES } from './standard-methods.ts';
import { scopeOf } from './standard-templates.ts';

type Row = Selectable<MethodTemplateTable>;

export interface MethodTemplateCaller {
  actor: Actor;
  userId: string;
  reach: RegionScope;
}

const notFound = (id: string) => new DomainError('METHOD_TEMPLATE_NOT_FOUND', `no evaluation method template ${id}`);

/**
 * Evaluation method templates: the platform's standard ones per project type and method (code),
 * and each region's own kept by its trading centre's staff. A tenderer sets its document's method from
 * one and adjusts it; the document keeps a copy and the template's name and version.
 */
export function createMethodTemplates(deps: Pick<DocumentsDeps, 'db' | 'clock' | 'audit' | 'sections'>) {
  const { db } = deps;

  async function uses(trx: Db, ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await tables(trx)
      .selectFrom('documents.document')
      .select(['method_template', (eb) => eb.fn.countAll<number>().as('n')])
      .where('method_template', 'in', ids)
      .groupBy('method_template')
      .execute();
    return new Map(rows.map((r) => [r.method_template!, Number(r.n)]));
  }

  const standardView = (t: (typeof STANDARD_METHOD_TEMPLATES)[number], used: Map<string, number>): MethodTemplateView => ({
    id: t.code,
    name: t.name,
    regionCode: null,
    scope: t.scope,
    methodType: t.method.type,
    method: t.method,
    version: 1,
    documents: used.get(t.code) ?? 0,
    updatedAt: null,
  });

  const rowView = (r: Row, used: Map<string, number>): MethodTemplateView => ({
    id: r.id,
    name: r.name,
    regionCode: r.region_code,
    scope: r.scope as TemplateScope,
    methodType: r.method_type as EvaluationMethod['type'],
    method: r.method as EvaluationMethod,
    version: r.version,
    documents: used.get(r.id) ?? 0,
    updatedAt: r.updated_at.toISOString(),
  });

  async function row(trx: Db, id: string, lock = false): Promise<Row> {
    if (!isResourceId(id)) throw notFound(id);
    let q = tables(trx).selectFrom('documents.method_template').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    if (!r) throw notFound(id);
    return r;
  }

  function assertReach(regionCode: string, reach: RegionScope) {
    if (!reach.codes.includes(regionCode)) throw new DomainError('OUT_OF_SCOPE', `region ${regionCode} is not yours to administer`);
  }

  async function assertNameFree(trx: Db, regionCode: string, name: string, except: string | null) {
    let q = tables(trx).selectFrom('documents.method_template').select('id').where('region_code', '=', regionCode).where('name', '=', name);
    if (except) q = q.where('id', '<>', except);
    if (await q.executeTakeFirst()) throw new DomainError('METHOD_TEMPLATE_NAME_TAKEN', `the region already has a method template named ${name}`, { name });
  }

  const audit = (trx: Db, caller: MethodTemplateCaller, action: string, r: { id: string; region_code: string }, details: Record<string, unknown>) =>
    deps.audit.record(trx, caller.actor, { action: `documents.methodTemplate.${action}`, targetType: 'methodTemplate', targetId: r.id, regionCode: r.region_code, details });

  async function get(trx: Db, id: string): Promise<MethodTemplateView> {
    const standard = STANDARD_METHOD_TEMPLATES.find((t) => t.code === id);
    if (standard) return standardView(standard, await uses(trx, [id]));
    const r = await row(trx, id);
    return rowView(r, await uses(trx, [r.id]));
  }

  return {
    get: (id: string) => get(db, id),

    /** Reference material, not secret: the standard templates and every region's, filtered. */
    async list(query: MethodTemplateQuery): Promise<MethodTemplateView[]> {
      let q = tables(db).selectFrom('documents.method_template').selectAll().orderBy('region_code').orderBy('name');
      if (query.scope) q = q.where('scope', '=', query.scope);
      if (query.methodType) q = q.where('method_type', '=', query.methodType);
      const rows = await q.execute();
      const standard = STANDARD_METHOD_TEMPLATES.filter((t) => (!query.scope || t.scope === query.scope) && (!query.methodType || t.method.type === query.methodType));
      const used = await uses(db, [...standard.map((t) => t.code), ...rows.map((r) => r.id)]);
      return [...standard.map((t) => standardView(t, used)), ...rows.map((r) => rowView(r, used))];
    },

    async create(body: MethodTemplateRequest, caller: MethodTemplateCaller): Promise<MethodTemplateView> {
      assertReach(body.regionCode, caller.reach);
      return db.transaction().execute(async (trx) => {
        await assertNameFree(trx, body.regionCode, body.name, null);
        const now = deps.clock.now();
        const inserted = await tables(trx)
          .insertInto('documents.method_template')
          .values({ id: randomUUID(), region_code: body.regionCode, name: body.name, scope: body.scope, method_type: body.method.type, method: JSON.stringify(body.method), created_at: now, created_by: caller.userId, updated_at: now, updated_by: caller.userId })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, caller, 'created', inserted, { name: body.name, scope: body.scope, method: body.method });
        return rowView(inserted, new Map());
      });
    },

    async update(id: string, body: MethodTemplateRequest, caller: MethodTemplateCaller): Promise<MethodTemplateView> {
      assertReach(body.regionCode, caller.reach);
      return db.transaction().execute(async (trx) => {
        const before = await row(trx, id, true);
        assertReach(before.region_code, caller.reach);
        await assertNameFree(trx, body.regionCode, body.name, id);
        const updated = await tables(trx)
          .updateTable('documents.method_template')
          .set({ region_code: body.regionCode, name: body.name, scope: body.scope, method_type: body.method.type, method: JSON.stringify(body.method), version: before.version + 1, updated_at: deps.clock.now(), updated_by: caller.userId })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, caller, 'updated', updated, { name: body.name, version: updated.version, method: body.method });
        return rowView(updated, await uses(trx, [id]));
      });
    },

    /** Documents keep their copies: a template in use can still be deleted. */
    async remove(id: string, caller: MethodTemplateCaller): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const before = await row(trx, id, true);
        assertReach(before.region_code, caller.reach);
        await tables(trx).deleteFrom('documents.method_template').where('id', '=', id).execute();
        await audit(trx, caller, 'deleted', before, { name: before.name, version: before.version });
      });
    },

    /** The template for this document's method: it must be for the section's project type. */
    async forDocument(trx: Db, documentId: string, templateId: string): Promise<MethodTemplateView> {
      const doc = await loadDocument(trx, documentId);
      if (doc.kind !== 'tender') throw new DomainError('TEMPLATE_NOT_APPLICABLE', 'method templates are for tender documents; a prequalification document has a review method');
      const section = await loadSection(deps, trx, doc.sectionId);
      const template = await get(trx, templateId);
      if (template.scope !== scopeOf(section.kind)) {
        throw new DomainError('TEMPLATE_NOT_APPLICABLE', `template ${template.name} is for ${template.scope}; the section procures ${section.kind}`, { templateId });
      }
      return template;
    },

    /** Remembers where the document's method started (set after the method itself, in the same transaction). */
    async recordUse(trx: Db, documentId: string, template: MethodTemplateView, actor: Actor): Promise<void> {
      const doc = await loadDocument(trx, documentId);
      await tables(trx).updateTable('documents.document').set({ method_template: template.id, method_template_version: template.version }).where('id', '=', documentId).execute();
      await deps.audit.record(trx, actor, {
        action: 'documents.document.methodFromTemplate',
        targetType: 'tenderDocument',
        targetId: documentId,
        regionCode: doc.regionCode,
        details: { templateId: template.id, name: template.name, version: template.version, type: template.methodType },
      });
    },
  };
}

export type MethodTemplates = ReturnType<typeof createMethodTemplates>;
