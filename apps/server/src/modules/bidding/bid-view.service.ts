import type { BidReceipt, BiddingRequirements, BidView } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { type BiddingDeps, tables } from './bidding.deps.ts';
import type { Caller } from './caller.ts';
import type { CustodianKeyService } from './custodian-keys.service.ts';
import { bondAmountFen, deadlineOf, documentForBidder, documentKindOf, isOpen, loadSection, sittingAt } from './section-state.ts';
import type { BidTable } from './bidding.tables.ts';
import type { Selectable } from 'kysely';

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** What a bidder reads: the document's requirements and its own bids with their receipts. */
export function createBidViewService(deps: BiddingDeps, custodians: CustodianKeyService) {
  /**
   * what the document requires and how to seal, for a bidder whose entity obtained it: the
   * prequalification document while a prequalification section takes applications, else the tender document.
   */
  async function requirements(db: Db, sectionId: string, caller: Caller): Promise<BiddingRequirements> {
    const section = await loadSection(deps, db, sectionId);
    const now = deps.clock.now();
    // After the application deadline and before the tender document is out, the applicant still reads
    // its application's terms (closed) rather than a tender document it cannot have yet.
    let sitting = sittingAt(section, now);
    if (sitting === 'bid' && section.method === 'prequalification' && !(await deps.documents.issuedFor(db, section.id, 'tender'))) sitting = 'application';
    const doc = await documentForBidder(deps, db, section, caller, sitting);
    const set = await custodians.requireSetFor(db, section);
    const amount = sitting === 'bid' ? bondAmountFen(doc) : 0n;
    const instructions = doc.values.instructions ?? {};
    const labels = doc.labels.instructions ?? {};
    const keys = ['durationDays', 'qualityStandard', 'bidValidityDays', 'jointVenture', 'bidBondFen'].filter((k) => k in labels);
    return {
      sectionId: section.id,
      sectionCode: section.code,
      sectionName: section.name,
      round: section.round,
      tendererName: section.tendererName,
      sitting,
      document: {
        kind: documentKindOf(sitting),
        id: doc.id,
        version: doc.version,
        contentSm3: doc.contentSm3,
        parts: doc.parts,
        bidSummaryFields: doc.bidSummaryFields,
        requirements: keys.map((k) => ({ key: k, label: labels[k]!, value: instructions[k] ?? null })),
      },
      bidDeadline: (deadlineOf(section, sitting) ?? now).toISOString(),
      serverTime: now.toISOString(),
      open: isOpen(section, now, sitting),
      sealing: { suites: ['gm', 'intl'], custodians: set.custodians, threshold: set.threshold, custodianSetSm3: set.custodianSetSm3 },
      bond: { required: amount > 0n, amountFen: amount > 0n ? amount.toString() : null, forms: ['deposit', 'guarantee'] },
    };
  }

  async function viewsOf(db: Db, rows: Selectable<BidTable>[]): Promise<BidView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const parts = await tables(db).selectFrom('bidding.bid_part').selectAll().where('bid_id', 'in', ids).execute();
    const receipts = await tables(db).selectFrom('bidding.receipt').selectAll().where('bid_id', 'in', ids).orderBy('issued_at').orderBy('log_index').execute();
    const sections = new Map<string, Awaited<ReturnType<BiddingDeps['sections']['get']>>>();
    const docs = new Map<string, Awaited<ReturnType<BiddingDeps['documents']['issuedFor']>>>();
    const views: BidView[] = [];
    for (const r of rows) {
      if (!sections.has(r.section_id)) sections.set(r.section_id, await deps.sections.get(db, r.section_id));
      const docKey = `${r.section_id}:${r.sitting}`;
      if (!docs.has(docKey)) docs.set(docKey, await deps.documents.issuedFor(db, r.section_id, documentKindOf(r.sitting)));
      const section = sections.get(r.section_id);
      const doc = docs.get(docKey);
      const current = doc && doc.id === r.document_id ? doc.version : null;
      const answered = Math.max(r.document_version ?? 0, r.confirmed_document_version ?? 0);
      const own = receipts.filter((x) => x.bid_id === r.id);
      views.push({
        id: r.id,
        sectionId: r.section_id,
        sectionCode: section?.code ?? '',
        sectionName: section?.name ?? '',
        round: r.round,
        sitting: r.sitting,
        status: r.status,
        sequence: r.sequence,
        replaces: r.replaces,
        receivedAt: r.received_at.toISOString(),
        withdrawnAt: r.withdrawn_at ? r.withdrawn_at.toISOString() : null,
        documentVersion: r.document_version,
        documentChanged: r.status === 'submitted' && current !== null && answered < current,
        confirmedDocumentVersion: r.confirmed_document_version,
        bidDeadline: ((section && deadlineOf(section, r.sitting)) ?? r.received_at).toISOString(),
        parts: parts
          .filter((p) => p.bid_id === r.id)
          .map((p) => ({ partId: p.part_id, name: p.name, role: p.role, ciphertextSize: Number(p.ciphertext_size), ciphertextSm3: p.ciphertext_hash })),
        bond: r.bond_form
          ? { form: r.bond_form as 'deposit' | 'guarantee', reference: r.bond_reference, status: (r.bond_status ?? 'ok') as NonNullable<BidView['bond']>['status'], detail: r.bond_detail }
          : null,
        receipts: await Promise.all(own.map(async (x) => ({ receipt: json<BidReceipt>(x.receipt), logReceipt: await deps.logReceipt(db, Number(x.log_index)) }))),
      });
    }
    return views;
  }

  /** The caller's entity's bids, newest first (only its own: A-107). */
  async function mine(db: Db, caller: Caller): Promise<BidView[]> {
    if (!caller.entity) return [];
    const rows = await tables(db).selectFrom('bidding.bid').selectAll().where('entity_id', '=', caller.entity.id).orderBy('received_at', 'desc').orderBy('receipt_seq', 'desc').limit(200).execute();
    return viewsOf(db, rows);
  }

  /** One bid of the caller's entity (the route's scope already refused everyone else). */
  async function one(db: Db, id: string): Promise<BidView> {
    const rows = await tables(db).selectFrom('bidding.bid').selectAll().where('id', '=', id).execute();
    return (await viewsOf(db, rows))[0]!;
  }

  /**
   * a section's bids in the order the platform received them (the receipt time, then the order
   * of arrival within one instant). For the opening; no route shows it before then.
   */
  async function inReceiptOrder(db: Db, sectionId: string): Promise<{ id: string; entityId: string; status: string; receivedAt: string }[]> {
    const rows = await tables(db)
      .selectFrom('bidding.bid')
      .select(['id', 'entity_id', 'status', 'received_at'])
      .where('section_id', '=', sectionId)
      .orderBy('received_at')
      .orderBy('receipt_seq')
      .execute();
    return rows.map((r) => ({ id: r.id, entityId: r.entity_id, status: r.status, receivedAt: r.received_at.toISOString() }));
  }

  return { requirements, mine, one, inReceiptOrder };
}

export type BidViewService = ReturnType<typeof createBidViewService>;
