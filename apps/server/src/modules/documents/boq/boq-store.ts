import type { BoqBill, BoqSummary } from '@bidhall/contracts';
import type { Db } from '../../../platform/db/database.ts';
import { tables } from '../documents.deps.ts';
import type { BillOfQuantitiesTable } from '../documents.tables.ts';
import type { DocumentManifest } from '../manifest.ts';

type Row = BillOfQuantitiesTable & { source_size: number | string; provisional_sum_fen: string | number | bigint };

/** The document's bill: its highest version, or undefined before the first import. */
export async function currentBillRow(db: Db, documentId: string): Promise<Row | undefined> {
  return (await tables(db)
    .selectFrom('documents.bill_of_quantities')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()) as Row | undefined;
}

export function summaryOf(r: Row): BoqSummary {
  return {
    documentId: r.document_id,
    version: r.version,
    sourceEncoding: r.source_encoding as BoqSummary['sourceEncoding'],
    sourceName: r.source_name,
    sourceSm3: r.source_sm3,
    sourceSize: Number(r.source_size),
    billSm3: r.bill_sm3,
    counts: {
      units: r.unit_count,
      divisions: r.division_count,
      items: r.item_count,
      unitPriceMeasures: r.unit_price_measure_count,
      lumpSumMeasures: r.lump_sum_measure_count,
      otherItems: r.other_item_count,
      fees: r.fee_count,
      taxes: r.tax_count,
    },
    provisionalSumFen: String(r.provisional_sum_fen),
    importedBy: r.imported_by,
    importedByName: r.imported_by_name,
    importedAt: r.imported_at.toISOString(),
  };
}

export const billOf = (r: Row): BoqBill => JSON.parse(r.bill) as BoqBill;

/** The document view's note of its imported bill, or null. */
export async function importedBill(db: Db, documentId: string): Promise<{ version: number; billSm3: string; items: number } | null> {
  const r = await currentBillRow(db, documentId);
  return r ? { version: r.version, billSm3: r.bill_sm3, items: r.item_count } : null;
}

/** What the package manifest says of the bill, so the tenderer's signature covers it. */
export async function manifestEntry(db: Db, documentId: string): Promise<DocumentManifest['billOfQuantities']> {
  const r = await currentBillRow(db, documentId);
  if (!r) return undefined;
  return {
    format: 'bidhall-boq/1',
    version: r.version,
    sm3: r.bill_sm3,
    sourceEncoding: r.source_encoding as 'json' | 'xml',
    sourceSm3: r.source_sm3,
    items: r.item_count,
  };
}
