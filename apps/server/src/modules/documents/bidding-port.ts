import type { BidPart, BidSummaryField, EvaluationMethod, ReviewMethod } from '@bidhall/contracts';

/** The tender bill a bid prices: its SM3 and the priced lines — 分部分项 items and unit-price measures, in the bill's order. */
export interface IssuedBill {
  billSm3: string;
  items: { code: string; name: string; unit: string; quantity: string }[];
}
import type { Db } from '../../platform/db/database.ts';
import { type DocumentsDeps, tables } from './documents.deps.ts';
import { billOf, currentBillRow } from './boq/boq-store.ts';
import { loadDocument } from './document-store.ts';

/** The issued tender document of a section as bidding reads it (its current version and what bids must contain). */
export interface IssuedTenderDocument {
  id: string;
  sectionId: string;
  round: number;
  version: number;
  contentSm3: string;
  parts: BidPart[];
  bidSummaryFields: BidSummaryField[];
  /** Chapter field values: chapter key → field key → value. */
  values: Record<string, Record<string, string | null>>;
  /** Labels of the chapter fields. */
  labels: Record<string, Record<string, string>>;
  /** The evaluation method (the opening draws its price coefficient). */
  method: EvaluationMethod | ReviewMethod | null;
}

/**
 * What bidding asks of documents (through its own port, wired in app.ts): the section's issued tender
 * (or prequalification) document for the section's current round, and whether an entity obtained it.
 */
export function createBiddingPort(deps: Pick<DocumentsDeps, 'sections'>) {
  async function issuedFor(trx: Db, sectionId: string, kind: 'tender' | 'prequalification' = 'tender'): Promise<IssuedTenderDocument | null> {
    const section = await deps.sections.get(trx, sectionId);
    if (!section) return null;
    const row = await tables(trx)
      .selectFrom('documents.document')
      .select('id')
      .where('section_id', '=', sectionId)
      .where('round', '=', section.round)
      .where('kind', '=', kind)
      .where('status', '=', 'issued')
      .executeTakeFirst();
    if (!row) return null;
    const doc = await loadDocument(trx, row.id);
    if (!doc.contentSm3) return null;
    const labels: Record<string, Record<string, string>> = {};
    for (const chapter of doc.chapters) labels[chapter.key] = Object.fromEntries(chapter.fields.map((f) => [f.key, f.label]));
    return {
      id: doc.id,
      sectionId: doc.sectionId,
      round: doc.round,
      version: doc.version,
      contentSm3: doc.contentSm3,
      parts: doc.parts,
      bidSummaryFields: doc.bidSummaryFields,
      values: doc.values,
      labels,
      method: doc.method,
    };
  }

  /** The bill of quantities of the section's issued tender document; null without one. */
  async function issuedBill(trx: Db, sectionId: string): Promise<IssuedBill | null> {
    const doc = await issuedFor(trx, sectionId, 'tender');
    const row = doc && (await currentBillRow(trx, doc.id));
    if (!row) return null;
    const bill = billOf(row);
    const items = bill.units.flatMap((u) => [...u.divisions.flatMap((d) => d.items), ...u.measures.unitPrice]);
    return { billSm3: row.bill_sm3, items: items.map((i) => ({ code: i.code, name: i.name, unit: i.unit, quantity: i.quantity })) };
  }

  async function hasObtained(trx: Db, documentId: string, entityId: string): Promise<boolean> {
    const row = await tables(trx)
      .selectFrom('documents.download')
      .select('id')
      .where('document_id', '=', documentId)
      .where('entity_id', '=', entityId)
      .where('clarification_id', 'is', null)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  return { issuedFor, issuedBill, hasObtained };
}
