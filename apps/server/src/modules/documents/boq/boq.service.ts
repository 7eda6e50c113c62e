import type { BillOfQuantitiesView, BoqSummary } from '@bidhall/contracts';
import type { Db } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { Caller } from '../caller.ts';
import type { DocumentService } from '../document.service.ts';
import { type DocumentsDeps, tables } from '../documents.deps.ts';
import { assertManager, type DocumentRecord, loadDocument } from '../document-store.ts';
import type { DownloadService } from '../download.service.ts';
import { countsOf, provisionalSumFen } from './boq-normalise.ts';
import { parseBill } from './boq-parse.ts';
import { billOf, currentBillRow, summaryOf } from './boq-store.ts';

const MEDIA_TYPES = { json: 'application/json', xml: 'application/xml' } as const;

/**
 * The bill of quantities of a works tender document: imported from a costing tool's file
 * through the bidhall-boq spec, kept as versions, read by the document's managers and, once the
 * document is issued, by bidders who obtained it (the bidding module prices it).
 */
export function createBoqService(deps: DocumentsDeps, documents: DocumentService, downloads: DownloadService) {
  /**
   * Like every other edit, a new bill returns a packaged or signed document to draft: its package named
   * the old bill by SM3, so it is packaged and signed again. An issued document changes only through a
   * clarification.
   */
  function assertImportable(doc: DocumentRecord) {
    if (doc.status === 'issued') {
      throw new DomainError('DOCUMENT_NOT_EDITABLE', 'the document is issued; change it with a clarification or modification', { status: doc.status });
    }
    if (!doc.requiresBillOfQuantities) {
      throw new DomainError('BOQ_NOT_APPLICABLE', 'only a works tender document has a bill of quantities (工程量清单)', { kind: doc.kind, templateCode: doc.templateCode });
    }
  }

  async function importBill(id: string, input: { bytes: Uint8Array; name: string | null }, caller: Caller): Promise<BoqSummary> {
    // Refuse a caller who may not edit before reading the file: no parse errors leak, no blob is left.
    const before = await loadDocument(deps.db, id);
    await assertManager(deps, deps.db, before.sectionId, caller);
    assertImportable(before);
    const parsed = parseBill(input.bytes);
    const stored = await deps.blobs.put(input.bytes);
    const counts = countsOf(parsed.bill);
    return deps.db.transaction().execute(async (trx) => {
      const { doc } = await documents.editable(trx, id, caller);
      assertImportable(doc);
      const previous = await currentBillRow(trx, doc.id);
      const version = (previous?.version ?? 0) + 1;
      const now = deps.clock.now();
      await tables(trx)
        .insertInto('documents.bill_of_quantities')
        .values({
          document_id: doc.id,
          version,
          source_encoding: parsed.encoding,
          source_name: input.name,
          source_sm3: stored.sm3,
          source_size: stored.size,
          bill: Buffer.from(parsed.canonical).toString('utf8'),
          bill_sm3: parsed.billSm3,
          unit_count: counts.units,
          division_count: counts.divisions,
          item_count: counts.items,
          unit_price_measure_count: counts.unitPriceMeasures,
          lump_sum_measure_count: counts.lumpSumMeasures,
          other_item_count: counts.otherItems,
          fee_count: counts.fees,
          tax_count: counts.taxes,
          provisional_sum_fen: provisionalSumFen(parsed.bill),
          imported_by: caller.userId,
          imported_by_name: caller.entity ? `${caller.displayName}（${caller.entity.name}）` : caller.displayName,
          imported_at: now,
        })
        .execute();
      await documents.update(trx, doc, {});
      await documents.audit(trx, caller, doc, 'billOfQuantitiesImported', {
        version,
        replacedVersion: previous?.version ?? null,
        encoding: parsed.encoding,
        sourceName: input.name,
        sourceSm3: stored.sm3,
        sourceSize: stored.size,
        billSm3: parsed.billSm3,
        counts,
      });
      const row = await currentBillRow(trx, doc.id);
      return summaryOf(row!);
    });
  }

  /** The managers always; a bidder once the document is issued and its entity obtained it (as for attachments). */
  async function readable(db: Db, id: string, caller: Caller) {
    await downloads.assertMayRead(db, id, caller);
    const row = await currentBillRow(db, id);
    if (!row) throw new DomainError('BOQ_NOT_FOUND', 'the document has no imported bill of quantities');
    return row;
  }

  async function read(db: Db, id: string, caller: Caller): Promise<BillOfQuantitiesView> {
    const row = await readable(db, id, caller);
    return { summary: summaryOf(row), bill: billOf(row) };
  }

  /** The file as the costing tool wrote it, for a bidder's own costing tool. */
  async function source(db: Db, id: string, caller: Caller) {
    const row = await readable(db, id, caller);
    const { stream, size } = await deps.blobs.open(row.source_sm3);
    const encoding = row.source_encoding as 'json' | 'xml';
    return { stream, size, sm3: row.source_sm3, mediaType: MEDIA_TYPES[encoding], name: row.source_name ?? `bill-of-quantities-v${row.version}.${encoding}` };
  }

  return { importBill, read, source };
}

export type BoqService = ReturnType<typeof createBoqService>;
