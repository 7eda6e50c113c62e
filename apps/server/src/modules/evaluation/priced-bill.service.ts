import { PRICED_BILL_PART_KEY, PRICED_BOQ_MAX_BYTES, type PricedBillComparison, type PricedBoq, UNIT_PRICE_DEVIATION_PERCENT } from '@bidhall/contracts';
import { pricedBillChecks } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import type { EvaluationCopyPort, RequirementsPort } from './bid-files.deps.ts';
import { type EvaluatedBid, priceOf } from './evaluation.tables.ts';
import { type PricedBillRead, readPricedBill } from './priced-bill.read.ts';

type Status = PricedBillComparison['bids'][number]['status'];
type Copies = NonNullable<Awaited<ReturnType<EvaluationCopyPort['bidsOf']>>>;

/** Parsed bills by the SM3 of their plaintext: a copy is checked against it as it streams, so the same hash is the same bill. */
const CACHE_LIMIT = 500;

/**
 * A-148: each bid's priced bill (the part `pricedBill`, read from its evaluation copy) checked against
 * the tender bill and set against the other bids' (`@bidhall/rules` pricedBillChecks). A bill not yet
 * decrypted is pending; one missing, unreadable or pricing another bill is shown as such, with why.
 */
export function createPricedBills(deps: { evaluationCopy: EvaluationCopyPort; requirements: RequirementsPort }) {
  const cache = new Map<string, PricedBillRead>();

  async function read(db: Db, sectionId: string, bidId: string, part: Copies['bids'][number]['parts'][number]): Promise<{ status: Status; detail: string | null; bill?: PricedBoq }> {
    if (part.size > PRICED_BOQ_MAX_BYTES) return { status: 'unreadable', detail: `larger than ${PRICED_BOQ_MAX_BYTES} bytes` };
    let result = cache.get(part.plaintextHash);
    if (!result) {
      const opened = await deps.evaluationCopy.open(db, sectionId, bidId, part.partId);
      if (!opened.ok) return opened.reason === 'unavailable' ? { status: 'pending', detail: null } : { status: 'unreadable', detail: opened.detail };
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
      } catch (err) {
        return { status: 'unreadable', detail: (err as Error).message };
      }
      result = readPricedBill(Buffer.concat(chunks));
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
      cache.set(part.plaintextHash, result);
    }
    return result.ok ? { status: 'checked', detail: null, bill: result.bill } : { status: 'unreadable', detail: result.detail };
  }

  async function compare(db: Db, sectionId: string, evaluated: readonly EvaluatedBid[], copies: Copies | null): Promise<PricedBillComparison | null> {
    const tender = await deps.requirements.billOf(db, sectionId);
    if (!tender) return null;
    const byBid = new Map((copies?.bids ?? []).map((b) => [b.bidId, b]));
    const reads = [];
    for (const b of evaluated) {
      const copy = byBid.get(b.bidId);
      const part = copy?.parts.find((p) => p.role === 'file' && p.partKey === PRICED_BILL_PART_KEY);
      // A bid whose parts the bulk decryption has not listed yet is pending, not without a bill.
      let r: { status: Status; detail: string | null; bill?: PricedBoq } = part ? await read(db, sectionId, b.bidId, part) : { status: copy ? 'absent' : 'pending', detail: null };
      if (r.bill && r.bill.billSm3 !== tender.billSm3) r = { status: 'otherBill', detail: r.bill.billSm3 };
      reads.push({ bid: b, ...r });
    }
    const checked = reads.flatMap((r) =>
      r.status === 'checked' && r.bill
        ? [{ bidId: r.bid.bidId, readoutPriceFen: priceOf(r.bid), totalFen: BigInt(r.bill.totalFen), chargesFen: Object.values(r.bill.charges).reduce((s, v) => s + BigInt(v), 0n), lines: r.bill.items.map((i) => ({ code: i.code, unitPriceFen: BigInt(i.unitPriceFen), amountFen: BigInt(i.amountFen) })) }]
        : [],
    );
    const result = pricedBillChecks(tender.items, checked, UNIT_PRICE_DEVIATION_PERCENT);
    const findings = new Map(result.bids.map((b) => [b.bidId, b]));
    const fen = (v: bigint | null) => (v === null ? null : String(v));
    return {
      billSm3: tender.billSm3,
      deviationPercent: UNIT_PRICE_DEVIATION_PERCENT,
      bids: reads.map((r) => {
        const f = findings.get(r.bid.bidId);
        return {
          bidId: r.bid.bidId,
          status: r.status,
          detail: r.detail,
          totalFen: r.status === 'checked' && r.bill ? r.bill.totalFen : null,
          sumFen: f ? String(f.sumFen) : null,
          issues: (f?.issues ?? []).map((i) => ({ kind: i.kind, code: i.code, expectedFen: fen(i.expectedFen), actualFen: fen(i.actualFen) })),
          deviatingItems: f?.deviatingItems ?? 0,
        };
      }),
      items: tender.items.map((item, i) => {
        const r = result.items[i]!;
        return {
          ...item,
          meanFen: fen(r.meanFen),
          minFen: fen(r.minFen),
          maxFen: fen(r.maxFen),
          prices: r.prices.map((p) => ({ bidId: p.bidId, unitPriceFen: String(p.unitPriceFen), amountFen: String(p.amountFen), deviationPercent: p.deviationPercent, deviates: p.deviates })),
        };
      }),
    };
  }

  return { compare };
}

export type PricedBills = ReturnType<typeof createPricedBills>;
