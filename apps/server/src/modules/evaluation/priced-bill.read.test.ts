import { type PricedBoq, pricedBillXml } from '@bidhall/contracts';
import { describe, expect, it } from 'vitest';
import { readPricedBill } from './priced-bill.read.ts';

const bill: PricedBoq = {
  format: 'bidhall-priced-boq',
  version: 1,
  billSm3: 'a'.repeat(64),
  totalFen: '1300',
  charges: { lumpSumMeasuresFen: '100', othersFen: '0', feesFen: '100', taxFen: '100' },
  items: [
    { code: '040101001001', unitPriceFen: '500', amountFen: '500' },
    { code: '040103001001', unitPriceFen: '250', amountFen: '500' },
  ],
};
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('[A-148] reading a priced bill (bidhall-priced-boq v1)', () => {
  it('reads the XML a bid tool writes and the same bill as JSON, to the same object', () => {
    expect(readPricedBill(utf8(pricedBillXml(bill)))).toEqual({ ok: true, bill });
    expect(readPricedBill(utf8(`\uFEFF ${JSON.stringify(bill)}`))).toEqual({ ok: true, bill });
  });

  it('names what is wrong instead of throwing', () => {
    const detail = (s: string | Uint8Array) => {
      const r = readPricedBill(typeof s === 'string' ? utf8(s) : s);
      return r.ok ? null : r.detail;
    };
    expect(detail(new Uint8Array([0xff, 0xfe, 0x00]))).toBe('not UTF-8 text');
    expect(detail('%PDF-1.7')).toMatch(/^neither JSON nor XML/);
    expect(detail('{"format":')).toMatch(/^not well-formed JSON/);
    expect(detail('<PricedBillOfQuantities><Item></PricedBillOfQuantities>')).toMatch(/^not well-formed XML at line 1/);
    expect(detail('<!DOCTYPE x [<!ENTITY a "b">]><PricedBillOfQuantities/>')).toMatch(/DOCTYPE/);
    expect(detail('<BillOfQuantities format="bidhall-boq" version="1"/>')).toMatch(/root is <BillOfQuantities>/);
    expect(detail(pricedBillXml(bill).replace('code="040103001001"', 'code="0401"'))).toBe('items.1.code: a 12-digit item code');
    expect(detail(pricedBillXml(bill).replace('taxFen="100"', 'taxFen="-1"'))).toMatch(/^charges\.taxFen: /);
    expect(detail(JSON.stringify({ ...bill, version: 2 }))).toMatch(/^version: /);
  });
});
