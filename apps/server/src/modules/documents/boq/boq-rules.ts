import { BOQ_MAX_ITEMS, BOQ_UNIT_ALIASES, BOQ_UNIT_DECIMALS, type BoqIssue, type BoqIssueCode } from '@bidhall/contracts';
import type { z } from 'zod';

/**
 * The rules of a tender bill that a type cannot say (GB 50500-2013 4.2, GB 50854-2013 4.2): 12-digit
 * item codes unique in the bill, features required, a known unit and a positive quantity with the
 * unit's decimals. They walk the raw object defensively, so that one refusal lists every problem, even
 * when the schema found others.
 */

/** The spec's spelling of a unit, or null when the unit is not one the spec knows. */
export function normaliseUnit(unit: string): string | null {
  const u = unit.trim();
  const spelled = BOQ_UNIT_ALIASES[u] ?? u;
  return spelled in BOQ_UNIT_DECIMALS ? spelled : null;
}

/** Why a 项目编码 is not one (discipline 01–09, appendix, division, item, sequence), or null. */
export function codeProblem(code: string): string | null {
  if (!/^\d{12}$/.test(code)) return `项目编码 "${code}" is not 12 digits`;
  const discipline = Number(code.slice(0, 2));
  if (discipline < 1 || discipline > 9) return `项目编码 ${code}: discipline ${code.slice(0, 2)} is not 01–09`;
  if (code.slice(2, 4) === '00') return `项目编码 ${code}: appendix (digits 3–4) is 00`;
  if (code.slice(4, 6) === '00') return `项目编码 ${code}: division (digits 5–6) is 00`;
  if (code.slice(6, 9) === '000') return `项目编码 ${code}: item (digits 7–9) is 000`;
  if (code.slice(9, 12) === '000') return `项目编码 ${code}: sequence (digits 10–12) is 000`;
  return null;
}

/** A lump-sum measure's optional code: the measurement codes give 9 digits, a compiler may add 3. */
export function measureCodeProblem(code: string): string | null {
  if (/^\d{9}$/.test(code)) return codeProblem(`${code}001`);
  return codeProblem(code);
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** The quantity as the spec writes it (exactly the unit's decimals), or the problem with it. */
export function checkQuantity(unit: string, raw: string | number): { value: string } | { code: BoqIssueCode; message: string } {
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  const m = DECIMAL.exec(text);
  if (!m || m[2]!.length > 15) return { code: 'quantityInvalid', message: `quantity "${text}" is not a decimal number` };
  const [, sign, whole, fraction = ''] = m;
  if (sign === '-' || /^0*$/.test(whole! + fraction)) return { code: 'quantityNotPositive', message: `quantity ${text} is not positive` };
  const decimals = BOQ_UNIT_DECIMALS[unit] ?? 0;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > decimals) {
    const allowed = decimals === 0 ? 'a whole number' : `at most ${decimals} decimals`;
    return { code: 'quantityPrecision', message: `quantity ${text} in ${unit} must be ${allowed}` };
  }
  const intPart = whole!.replace(/^0+(?=\d)/, '');
  return { value: decimals === 0 ? intPart : `${intPart}.${significant.padEnd(decimals, '0')}` };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Every rule problem of the raw bill, in document order. */
export function ruleIssues(raw: unknown): BoqIssue[] {
  const issues: BoqIssue[] = [];
  const firstUse = new Map<string, string>();
  let items = 0;

  const unitOf = (obj: Record<string, unknown>, path: string): string | null => {
    if (obj.unit === undefined || (typeof obj.unit === 'string' && obj.unit.trim() === '')) {
      issues.push({ path: `${path}.unit`, code: 'unitUnknown', message: 'the unit (计量单位) is missing' });
      return null;
    }
    if (typeof obj.unit !== 'string') return null;
    const unit = normaliseUnit(obj.unit);
    if (!unit) issues.push({ path: `${path}.unit`, code: 'unitUnknown', message: `unit "${obj.unit}" is not one of the spec's units` });
    return unit;
  };

  const quantity = (obj: Record<string, unknown>, path: string, unit: string | null, required: boolean) => {
    const q = obj.quantity;
    if (q === undefined) {
      if (required) issues.push({ path: `${path}.quantity`, code: 'quantityInvalid', message: 'the quantity (工程量) is missing' });
      return;
    }
    if (typeof q !== 'string' && typeof q !== 'number') return;
    const checked = checkQuantity(unit ?? '', q);
    // Precision needs a known unit; without one the unit's issue says it all.
    if ('code' in checked && (checked.code !== 'quantityPrecision' || unit)) issues.push({ path: `${path}.quantity`, code: checked.code, message: checked.message });
  };

  const item = (obj: unknown, path: string) => {
    if (!isRecord(obj)) return;
    items++;
    if (obj.code === undefined) issues.push({ path: `${path}.code`, code: 'codeInvalid', message: 'the 项目编码 is missing' });
    else if (typeof obj.code === 'string') {
      const code = obj.code.trim();
      const problem = codeProblem(code);
      if (problem) issues.push({ path: `${path}.code`, code: 'codeInvalid', message: problem });
      else if (firstUse.has(code)) {
        const other = firstUse.get(code)!;
        issues.push({ path: `${path}.code`, code: 'codeDuplicate', message: `项目编码 ${code} is also used at ${other} (GB 50500-2013 4.2.2)`, otherPath: other });
      } else firstUse.set(code, `${path}.code`);
    }
    if (obj.features === undefined || (typeof obj.features === 'string' && obj.features.trim() === '')) {
      issues.push({ path: `${path}.features`, code: 'featuresMissing', message: 'the 项目特征 is required (GB 50500-2013 4.2.3)' });
    }
    quantity(obj, path, unitOf(obj, path), true);
  };

  list(isRecord(raw) ? raw.units : undefined).forEach((u, ui) => {
    if (!isRecord(u)) return;
    const up = `units[${ui}]`;
    list(u.divisions).forEach((d, di) => {
      if (isRecord(d)) list(d.items).forEach((it, ii) => item(it, `${up}.divisions[${di}].items[${ii}]`));
    });
    const measures = isRecord(u.measures) ? u.measures : {};
    list(measures.unitPrice).forEach((it, i) => item(it, `${up}.measures.unitPrice[${i}]`));
    list(measures.lumpSum).forEach((m, i) => {
      if (isRecord(m) && typeof m.code === 'string' && m.code.trim() !== '') {
        const problem = measureCodeProblem(m.code.trim());
        if (problem) issues.push({ path: `${up}.measures.lumpSum[${i}].code`, code: 'codeInvalid', message: problem });
      }
    });
    const others = isRecord(u.others) ? u.others : {};
    list(others.materialPrices).forEach((m, i) => {
      if (isRecord(m)) quantity(m, `${up}.others.materialPrices[${i}]`, unitOf(m, `${up}.others.materialPrices[${i}]`), false);
    });
    list(others.daywork).forEach((w, i) => {
      if (isRecord(w)) quantity(w, `${up}.others.daywork[${i}]`, unitOf(w, `${up}.others.daywork[${i}]`), true);
    });
  });
  if (items > BOQ_MAX_ITEMS) issues.unshift({ path: 'units', code: 'tooManyItems', message: `the bill has ${items} items; at most ${BOQ_MAX_ITEMS} are accepted` });
  return issues;
}

/** `units[0].divisions[2].items[5].quantity` from a zod path. */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(bill)';
}

/** A schema issue as a BOQ issue with a stable code (one per unknown field). */
export function schemaIssues(issues: readonly z.core.$ZodIssue[]): BoqIssue[] {
  const out: BoqIssue[] = [];
  for (const i of issues) {
    const path = pathText(i.path);
    switch (i.code) {
      case 'unrecognized_keys':
        for (const key of i.keys) out.push({ path: pathText([...i.path, key]), code: 'unknownField', message: `${key} is not a field of the spec` });
        break;
      case 'invalid_type':
        out.push(i.input === undefined ? { path, code: 'required', message: 'required' } : { path, code: 'invalidType', message: i.message });
        break;
      case 'invalid_union':
        out.push({ path, code: 'invalidType', message: 'expected a decimal string' });
        break;
      case 'too_small':
        out.push({ path, code: 'tooShort', message: i.origin === 'array' ? `needs at least ${String(i.minimum)}` : 'must not be empty' });
        break;
      case 'too_big':
        out.push({ path, code: 'tooLong', message: i.origin === 'array' ? `at most ${String(i.maximum)} entries` : `at most ${String(i.maximum)} characters` });
        break;
      case 'invalid_format':
        out.push({ path, code: 'invalidFormat', message: i.message });
        break;
      case 'invalid_value':
      case 'invalid_key':
      case 'invalid_element':
      case 'not_multiple_of':
      case 'custom':
        out.push({ path, code: 'invalidValue', message: i.message });
    }
  }
  return out;
}
