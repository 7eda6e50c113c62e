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
  /**
   * Issued documents as bidding reads them, by id, version and content SM3: an issued document's
   * chapters, parts and method change only by going back to draft (its hash cleared) and its version
   * only with a clarification, so what a key names never changes. Every upload and submission asks;
   * in the last minute before a deadline that is the same few documents thousands of times.
   */
  const issued = new Map<string, IssuedTenderDocument>();
  const ISSUED_KEPT = 64;

  async function issuedFor(trx: Db, sectionId: string, kind: 'tender' | 'prequalification' = 'tender'): Promise<IssuedTenderDocument | null> {
    const section = await deps.sections.get(trx, sectionId);
    if (!section) return null;
    const row = await tables(trx)
      .selectFrom('documents.document')
      .select(['id', 'version', 'content_sm3'])
      .where('section_id', '=', sectionId)
      .where('round', '=', section.round)
      .where('kind', '=', kind)
      .where('status', '=', 'issued')
      .executeTakeFirst();
    if (!row?.content_sm3) return null;
    const key = `${row.id}:${row.version}:${row.content_sm3}`;
    const known = issued.get(key);
    if (known) return known;
    const doc = await loadDocument(trx, row.id);
    // Read again in full: the row must still be the version the key names (a clarification may have come between).
    if (doc.version !== row.version || doc.contentSm3 !== row.content_sm3 || doc.status !== 'issued') return issuedView(doc);
    const view = issuedView(doc);
    if (!view) return null;
    deepFreeze(view);
    if (issued.size >= ISSUED_KEPT) issued.delete(issued.keys().next().value!);
    issued.set(key, view);
    return view;
  }

  function issuedView(doc: Awaited<ReturnType<typeof loadDocument>>): IssuedTenderDocument | null {
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

/** A kept view is shared by every caller: none may change it under the others. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
