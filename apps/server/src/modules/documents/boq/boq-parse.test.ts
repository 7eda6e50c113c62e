import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { countsOf, provisionalSumFen } from './boq-normalise.ts';
import { parseBill } from './boq-parse.ts';

const doc = readFileSync(new URL('../../../../../../docs/boq-interface.md', import.meta.url), 'utf8');
const example = (lang: string) => {
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(doc);
  if (!m) throw new Error(`no ${lang} example`);
  return m[1]!;
};
const jsonExample = example('json');
const xmlExample = example('xml');

function refusal(input: string | Uint8Array): DomainError {
  try {
    parseBill(typeof input === 'string' ? Buffer.from(input) : input);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('accepted');
}
const issuesOf = (e: DomainError) => (e.details?.issues as { path: string; code: string; otherPath?: string }[]).map((i) => [i.path, i.code, ...(i.otherPath ? [i.otherPath] : [])]);

describe('bill of quantities parser', () => {
  it('[A-64] the spec examples in JSON and XML read to the same normalised bill and SM3', () => {
    const json = parseBill(Buffer.from(jsonExample));
    const xml = parseBill(Buffer.from(xmlExample));
    expect(json.encoding).toBe('json');
    expect(xml.encoding).toBe('xml');
    expect(xml.bill).toEqual(json.bill);
    expect(Buffer.from(xml.canonical).equals(Buffer.from(json.canonical))).toBe(true);
    expect(xml.billSm3).toBe(json.billSm3);
    const items = json.bill.units[0]!.divisions.flatMap((d) => d.items);
    expect(items.map((i) => `${i.code} ${i.unit} ${i.quantity}`)).toEqual(['010101001001 m2 620.50', '010101004001 m3 845.36', '010501003001 m3 126.40', '010515001001 t 18.625']);
    expect(items[0]!.features).toBe('1. 土壤类别：三类土\n2. 弃土运距：场内');
    expect(json.bill.units[0]!.others.materialPrices[0]!.unit).toBe('m2');
    expect(countsOf(json.bill)).toEqual({ units: 1, divisions: 2, items: 4, unitPriceMeasures: 1, lumpSumMeasures: 2, otherItems: 6, fees: 2, taxes: 1 });
    expect(provisionalSumFen(json.bill)).toBe('5000000');
  });

  it('[A-64] reads XML declared in GB18030, as older costing tools write it', () => {
    // The helper below knows two-byte codes only; ³ is a four-byte one.
    const utf8 = xmlExample.replaceAll('³', '3');
    const gb = encodeGb18030(utf8.replace('encoding="UTF-8"', 'encoding="GB18030"'));
    expect(Buffer.from(gb).includes(Buffer.from('平整场地'))).toBe(false);
    expect(parseBill(gb).billSm3).toBe(parseBill(Buffer.from(utf8)).billSm3);
  });

  it('[A-64] what is not a bidhall-boq version 1 file is BOQ_FORMAT_UNKNOWN', () => {
    const cases: (string | Uint8Array)[] = [
      'hello',
      '',
      '\u00ef\u00bb\u00bf',
      '{"format":"bidhall-boq","version":1',
      xmlExample.slice(0, xmlExample.length / 2),
      '<a><b></a>',
      '{"format":"other","version":1}',
      '{"format":"bidhall-boq","version":2}',
      '{"format":"bidhall-boq","version":"1"}',
      '[1,2]',
      '<Bill format="bidhall-boq" version="1"/>',
      '<BillOfQuantities format="bidhall-boq" version="2"/>',
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><BillOfQuantities format="bidhall-boq" version="1"/>',
      '<?xml version="1.0" encoding="x-nonsense"?><BillOfQuantities/>',
      new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
      '<' + '<a>'.repeat(5000),
    ];
    for (const c of cases) expect(refusal(c).code, String(c).slice(0, 60)).toBe('BOQ_FORMAT_UNKNOWN');
    expect(refusal('<a><b></a>').details).toMatchObject({ line: 1 });
  });

  it('[A-64] every problem is listed with its path, the same in JSON and XML', () => {
    const bad = JSON.parse(jsonExample) as { units: { divisions: { items: Record<string, unknown>[] }[]; measures: { unitPrice: Record<string, unknown>[] } }[]; project: Record<string, unknown> };
    const items = bad.units[0]!.divisions[1]!.items;
    items[0]!.code = '010101001001';
    items[1]!.quantity = '18.6255';
    delete items[1]!.features;
    bad.units[0]!.measures.unitPrice[0]!.quantity = '0';
    bad.units[0]!.divisions[0]!.items[1]!.unit = 'furlong';
    bad.project.colour = 'blue';
    const e = refusal(JSON.stringify(bad));
    expect(e.code).toBe('BOQ_INVALID');
    expect(issuesOf(e)).toEqual([
      ['project.colour', 'unknownField'],
      ['units[0].divisions[0].items[1].unit', 'unitUnknown'],
      ['units[0].divisions[1].items[0].code', 'codeDuplicate', 'units[0].divisions[0].items[0].code'],
      ['units[0].divisions[1].items[1].features', 'featuresMissing'],
      ['units[0].divisions[1].items[1].quantity', 'quantityPrecision'],
      ['units[0].measures.unitPrice[0].quantity', 'quantityNotPositive'],
    ]);

    const xml = xmlExample
      .replace('code="010501003001"', 'code="010101001001"')
      .replace('quantity="18.625" features="钢筋种类、规格：HRB400 Φ12 以上"', 'quantity="18.6255"')
      .replace('quantity="1850.00"', 'quantity="0"')
      .replace('unit="m³" quantity="845.36"', 'unit="furlong" quantity="845.36"')
      .replace('<Project ', '<Project colour="blue" ');
    expect(issuesOf(refusal(xml))).toEqual(issuesOf(e));
  });

  it('[A-64] schema problems and unknown XML elements name their paths', () => {
    const noName = jsonExample.replace('"name": "平整场地", ', '').replace('"amountFen": "5000000"', '"amountFen": "50000.00"');
    expect(issuesOf(refusal(noName))).toEqual([
      ['units[0].divisions[0].items[0].name', 'required'],
      ['units[0].others.provisionalSums[0].amountFen', 'invalidFormat'],
    ]);
    const extra = xmlExample.replace('<Measures>', '<Foo/><Measures>').replace('<Tax ', '<Tax rate="9%" ');
    expect(issuesOf(refusal(extra)).sort()).toEqual([
      ['units[0].Foo', 'unknownField'],
      ['units[0].taxes[0].rate', 'unknownField'],
    ]);
    const empty = '{"format":"bidhall-boq","version":1,"project":{"name":"p"},"units":[]}';
    expect(issuesOf(refusal(empty))).toEqual([['units', 'tooShort']]);
  });
});

/** GB18030 bytes of a text, via Node's ICU (TextEncoder only writes UTF-8). */
function encodeGb18030(text: string): Uint8Array {
  const out: number[] = [];
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
