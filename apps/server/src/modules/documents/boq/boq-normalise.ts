import type { BoqBill, BoqCounts, BoqImport, BoqItem, BoqUnit } from '@bidhall/contracts';
import { checkQuantity, normaliseUnit } from './boq-rules.ts';

/**
 * The stored form of a bill that passed the schema and the rules: trimmed texts with `\n` line ends,
 * the spec's unit spellings, quantities with exactly the unit's decimals, every list present and
 * empty optional texts left out. The JSON and XML encodings of one bill give the same object, so the
 * same canonical bytes and SM3.
 */

const clean = (s: string) => s.replace(/\r\n?/g, '\n').trim();
const opt = (s: string | undefined) => {
  const v = s === undefined ? '' : clean(s);
  return v === '' ? undefined : v;
};
/** Drops undefined fields so that canonical JSON and equality see the same object. */
const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function unitOf(u: string | undefined): string {
  const n = u === undefined ? null : normaliseUnit(u);
  if (!n) throw new Error('normalise after the rules passed');
  return n;
}

function quantityOf(unit: string, q: string | number | undefined): string {
  const checked = q === undefined ? null : checkQuantity(unit, q);
  if (!checked || !('value' in checked)) throw new Error('normalise after the rules passed');
  return checked.value;
}

function item(i: BoqImport['units'][number]['divisions'][number]['items'][number]): BoqItem {
  const unit = unitOf(i.unit);
  return compact({
    code: (i.code ?? '').trim(),
    name: clean(i.name),
    features: clean(i.features ?? ''),
    unit,
    quantity: quantityOf(unit, i.quantity),
    remark: opt(i.remark),
  });
}

function unitProject(u: BoqImport['units'][number]): BoqUnit {
  const o = u.others ?? {};
  return compact({
    name: clean(u.name),
    code: opt(u.code),
    divisions: u.divisions.map((d) => compact({ name: clean(d.name), code: opt(d.code), items: d.items.map(item) })),
    measures: {
      unitPrice: (u.measures?.unitPrice ?? []).map(item),
      lumpSum: (u.measures?.lumpSum ?? []).map((m) => compact({ code: opt(m.code), name: clean(m.name), remark: opt(m.remark) })),
    },
    others: {
      provisionalSums: (o.provisionalSums ?? []).map((p) => compact({ name: clean(p.name), amountFen: p.amountFen, remark: opt(p.remark) })),
      materialPrices: (o.materialPrices ?? []).map((m) => {
        const unit = unitOf(m.unit);
        return compact({
          code: opt(m.code),
          name: clean(m.name),
          specification: opt(m.specification),
          unit,
          unitPriceFen: m.unitPriceFen,
          quantity: m.quantity === undefined ? undefined : quantityOf(unit, m.quantity),
          remark: opt(m.remark),
        });
      }),
      specialistWorks: (o.specialistWorks ?? []).map((w) => compact({ name: clean(w.name), scope: opt(w.scope), amountFen: w.amountFen, remark: opt(w.remark) })),
      daywork: (o.daywork ?? []).map((w) => {
        const unit = unitOf(w.unit);
        return { category: w.category, name: clean(w.name), unit, quantity: quantityOf(unit, w.quantity) };
      }),
      serviceFees: (o.serviceFees ?? []).map((f) => compact({ name: clean(f.name), scope: opt(f.scope), projectValueFen: f.projectValueFen, remark: opt(f.remark) })),
    },
    fees: (u.fees ?? []).map((f) => compact({ name: clean(f.name), basis: opt(f.basis) })),
    taxes: (u.taxes ?? []).map((f) => compact({ name: clean(f.name), basis: opt(f.basis) })),
  });
}

export function normaliseBill(b: BoqImport): BoqBill {
  return {
    format: b.format,
    version: b.version,
    project: compact({ name: clean(b.project.name), sectionCode: opt(b.project.sectionCode), compiler: opt(b.project.compiler), compiledOn: b.project.compiledOn, software: opt(b.project.software) }),
    units: b.units.map(unitProject),
  };
}

export function countsOf(b: BoqBill): BoqCounts {
  const sum = (f: (u: BoqUnit) => number) => b.units.reduce((n, u) => n + f(u), 0);
  return {
    units: b.units.length,
    divisions: sum((u) => u.divisions.length),
    items: sum((u) => u.divisions.reduce((n, d) => n + d.items.length, 0)),
    unitPriceMeasures: sum((u) => u.measures.unitPrice.length),
    lumpSumMeasures: sum((u) => u.measures.lumpSum.length),
    otherItems: sum((u) => Object.values(u.others).reduce((n, l: unknown[]) => n + l.length, 0)),
    fees: sum((u) => u.fees.length),
    taxes: sum((u) => u.taxes.length),
  };
}

/** The provisional sums (暂列金额) of every unit project, integer fen as a decimal string. */
export function provisionalSumFen(b: BoqBill): string {
  return b.units.reduce((n, u) => u.others.provisionalSums.reduce((m, p) => m + BigInt(p.amountFen), n), 0n).toString();
}
