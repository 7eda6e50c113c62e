import type { ComparisonView, PriceFindings } from '@bidhall/contracts';
import { figureStatistics, priceChecks } from '@bidhall/rules';
import { committeeOrOfficer } from './bid-files.access.ts';
import type { EvaluationCopyPort, RequirementsPort } from './bid-files.deps.ts';
import type { Caller } from './caller.ts';
import { deviationsOf, wholeNumber } from './comparison.deviations.ts';
import { type EvaluationDeps, json } from './evaluation.deps.ts';
import { type EvaluatedBid, priceOf } from './evaluation.tables.ts';
import { createPricedBills } from './priced-bill.service.ts';

export type ComparisonDeps = Pick<EvaluationDeps, 'db' | 'readout'> & { evaluationCopy: EvaluationCopyPort; requirements: RequirementsPort };

/**
 * the committee's table of the bids under evaluation — each bid's read-out values against
 * the document's requirements with every deviation named, each numeric field across the bids (min, max,
 * mean, each bid's difference from the mean), each price against the control price by the rules'
 * `priceChecks`, and each priced bill of quantities against the tender bill and the others'. Computed on each request from the evaluation's bids, the readout and the document.
 */
export function createComparison(deps: ComparisonDeps) {
  const { db } = deps;
  const pricedBills = createPricedBills(deps);

  async function compare(sectionId: string, caller: Caller): Promise<ComparisonView> {
    const { ev } = await committeeOrOfficer(db, sectionId, caller);
    return compute(sectionId, ev);
  }

  async function compute(sectionId: string, ev: { bids: unknown }): Promise<ComparisonView> {
    const evaluated = json<EvaluatedBid[]>(ev.bids);
    const readout = await deps.readout.readoutOf(db, sectionId, 'bid');
    const values = new Map((readout?.bids ?? []).map((b) => [b.bidId, b.values]));
    const bulk = await deps.evaluationCopy.bidsOf(db, sectionId);
    const copies = new Map((bulk?.bids ?? []).map((b) => [b.bidId, b]));
    const doc = await deps.requirements.requirementsOf(db, sectionId);
    const req = {
      controlPriceFen: doc?.controlPriceFen ?? null,
      maxDurationDays: doc?.maxDurationDays ?? null,
      qualityStandard: doc?.qualityStandard ?? null,
      bidBondFen: doc?.bidBondFen ?? null,
      fields: doc?.fields ?? [],
    };
    const bids = evaluated.map((b) => {
      const v: Record<string, string | number | null> = { ...(values.get(b.bidId) ?? {}), price: b.priceFen };
      const bond = copies.get(b.bidId)?.bond ?? { form: null, status: null };
      return { bidId: b.bidId, entityName: b.entityName, receivedAt: b.receivedAt, values: v, bond, deviations: deviationsOf(v, bond, req) };
    });
    const numeric = req.fields.filter((f) => f.type === 'money' || f.type === 'integer');
    const statistics = numeric.flatMap((f) => {
      const s = figureStatistics(bids.flatMap((b) => {
        const n = wholeNumber(b.values[f.key]);
        return n === null ? [] : [{ bidId: b.bidId, value: n }];
      }));
      return s ? [{ field: f.key, count: s.count, min: String(s.min), max: String(s.max), mean: s.mean, bids: s.bids.map((x) => ({ bidId: x.bidId, fromMean: x.fromMean, fromMeanPercent: x.fromMeanPercent })) }] : [];
    });
    const control = wholeNumber(req.controlPriceFen);
    const checks = control !== null && control > 0n ? priceChecks(evaluated.map((b) => ({ bidId: b.bidId, priceFen: priceOf(b) })), control) : null;
    const above = new Set(checks?.aboveControl.map((a) => a.bidId));
    return {
      requirements: { controlPriceFen: control !== null && control > 0n ? String(control) : null, maxDurationDays: req.maxDurationDays, qualityStandard: req.qualityStandard, bidBondFen: req.bidBondFen },
      fields: req.fields.map((f) => ({ key: f.key, label: f.label, type: f.type, unit: f.unit ?? null })),
      bids,
      statistics,
      priceChecks: checks && {
        controlPriceFen: String(control),
        bids: checks.againstControl.map((c) => ({ bidId: c.bidId, priceFen: String(c.priceFen), differenceFen: String(c.differenceFen), differencePercent: c.differencePercent, aboveControl: above.has(c.bidId) })),
      },
      pricedBill: await pricedBills.compare(db, sectionId, evaluated, bulk),
    };
  }

  /**
   * The price checks the chair's summary records, from the same comparison: bids above the
   * control price and each priced bill's status and findings. Internal: the summary's caller is checked there.
   */
  async function findings(sectionId: string, ev: { bids: unknown }): Promise<PriceFindings> {
    const v = await compute(sectionId, ev);
    const name = new Map(v.bids.map((b) => [b.bidId, b.entityName]));
    return {
      controlPriceFen: v.requirements.controlPriceFen,
      aboveControl: (v.priceChecks?.bids ?? [])
        .filter((b) => b.aboveControl)
        .map((b) => ({ bidId: b.bidId, entityName: name.get(b.bidId) ?? '', priceFen: b.priceFen, excessFen: b.differenceFen })),
      pricedBill: v.pricedBill && v.pricedBill.bids.map((b) => ({ bidId: b.bidId, entityName: name.get(b.bidId) ?? '', status: b.status, issues: b.issues, deviatingItems: b.deviatingItems })),
    };
  }

  return { compare, findings };
}

export type Comparison = ReturnType<typeof createComparison>;
