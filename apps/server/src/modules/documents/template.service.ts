import type { BidPart, BidSummaryField, DocumentKind, TemplateChapter, TemplateView } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type DocumentsDeps, tables } from './documents.deps.ts';
import { json } from './document-store.ts';
import { STANDARD_TEMPLATES } from './standard-templates.ts';

export interface TemplateRecord extends TemplateView {
  defaultParts: BidPart[];
  defaultBidSummaryFields: BidSummaryField[];
}

/** Standard templates as data: written at start, read by code. */
export function createTemplateService(deps: Pick<DocumentsDeps, 'db' | 'clock'>) {
  /** Writes the standard templates; a changed one is updated under the same code (documents keep their copy). */
  async function seed(): Promise<void> {
    await deps.db.transaction().execute(async (trx) => {
      for (const t of STANDARD_TEMPLATES) {
        const update = {
          name: t.name,
          document_kind: t.documentKind,
          scope: t.scope,
          version: t.version,
          requires_bill_of_quantities: t.requiresBillOfQuantities,
          chapters: JSON.stringify(t.chapters),
          default_parts: JSON.stringify(t.defaultParts),
          default_bid_summary_fields: JSON.stringify(t.defaultBidSummaryFields),
          updated_at: deps.clock.now(),
        };
        await tables(trx)
          .insertInto('documents.template')
          .values({ code: t.code, ...update })
          .onConflict((oc) => oc.column('code').doUpdateSet(update))
          .execute();
      }
    });
  }

  async function list(db: Db, kind?: DocumentKind): Promise<TemplateRecord[]> {
    let q = tables(db).selectFrom('documents.template').selectAll().orderBy('code');
    if (kind) q = q.where('document_kind', '=', kind);
    const rows = await q.execute();
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      documentKind: r.document_kind as DocumentKind,
      scope: r.scope as TemplateView['scope'],
      version: r.version,
      requiresBillOfQuantities: r.requires_bill_of_quantities,
      chapters: json<TemplateChapter[]>(r.chapters),
      defaultParts: json<BidPart[]>(r.default_parts),
      defaultBidSummaryFields: json<BidSummaryField[]>(r.default_bid_summary_fields),
    }));
  }

  async function get(db: Db, code: string): Promise<TemplateRecord> {
    const t = (await list(db)).find((x) => x.code === code);
    if (!t) throw new DomainError('TEMPLATE_NOT_FOUND', `no template ${code}`);
    return t;
  }

  return { seed, list, get };
}

export type TemplateService = ReturnType<typeof createTemplateService>;
