import { describe, expect, it } from 'vitest';
import { checkQuantity, codeProblem, measureCodeProblem, normaliseUnit, pathText, ruleIssues } from './boq-rules.ts';

describe('bill of quantities rules', () => {
  it('[A-64] quantity precision follows the unit: t three decimals, m m2 m3 kg two, counted units whole', () => {
    expect(checkQuantity('t', '18.625')).toEqual({ value: '18.625' });
    expect(checkQuantity('t', '2.5')).toEqual({ value: '2.500' });
    expect(checkQuantity('t', '1.2345')).toMatchObject({ code: 'quantityPrecision' });
    expect(checkQuantity('m2', '1200.5')).toEqual({ value: '1200.50' });
    expect(checkQuantity('m3', 845.36)).toEqual({ value: '845.36' });
    expect(checkQuantity('m', '12.345')).toMatchObject({ code: 'quantityPrecision', message: 'quantity 12.345 in m must be at most 2 decimals' });
    expect(checkQuantity('kg', '0.10')).toEqual({ value: '0.10' });
    expect(checkQuantity('樘', '24')).toEqual({ value: '24' });
    expect(checkQuantity('樘', '24.00')).toEqual({ value: '24' });
    expect(checkQuantity('个', '2.5')).toMatchObject({ code: 'quantityPrecision', message: 'quantity 2.5 in 个 must be a whole number' });
    expect(checkQuantity('系统', '1')).toEqual({ value: '1' });
    expect(checkQuantity('m2', '007.1')).toEqual({ value: '7.10' });
  });

  it('[A-64] a quantity is a positive decimal', () => {
    expect(checkQuantity('m3', '0')).toMatchObject({ code: 'quantityNotPositive' });
    expect(checkQuantity('m3', '0.00')).toMatchObject({ code: 'quantityNotPositive' });
    expect(checkQuantity('m3', '-3.5')).toMatchObject({ code: 'quantityNotPositive' });
    expect(checkQuantity('m3', -1)).toMatchObject({ code: 'quantityNotPositive' });
    for (const bad of ['', 'abc', '1e3', '1,200.00', '1.', '.5', '12 m3', '1234567890123456']) {
      expect(checkQuantity('m3', bad), bad).toMatchObject({ code: 'quantityInvalid' });
    }
    expect(checkQuantity('m3', 1e21)).toMatchObject({ code: 'quantityInvalid' });
  });

  it('[A-64] 项目编码 has 12 digits: discipline 01–09, no zero part', () => {
    expect(codeProblem('010101001001')).toBeNull();
    expect(codeProblem('090101001001')).toBeNull();
    expect(codeProblem('01010100100')).toContain('not 12 digits');
    expect(codeProblem('0101010010011')).toContain('not 12 digits');
    expect(codeProblem('01010100100A')).toContain('not 12 digits');
    expect(codeProblem('100101001001')).toContain('discipline 10');
    expect(codeProblem('000101001001')).toContain('discipline 00');
    expect(codeProblem('010001001001')).toContain('appendix');
    expect(codeProblem('010100001001')).toContain('division');
    expect(codeProblem('010101000001')).toContain('item');
    expect(codeProblem('010101001000')).toContain('sequence');
    expect(measureCodeProblem('011707001')).toBeNull();
    expect(measureCodeProblem('011707001001')).toBeNull();
    expect(measureCodeProblem('0117070')).toContain('not 12 digits');
  });

  it('[A-64] units are read in the spec spelling; unknown ones are not', () => {
    expect(normaliseUnit('㎡')).toBe('m2');
    expect(normaliseUnit('m³')).toBe('m3');
    expect(normaliseUnit('吨')).toBe('t');
    expect(normaliseUnit(' 樘 ')).toBe('樘');
    expect(normaliseUnit('furlong')).toBeNull();
  });

  it('[A-64] the rules walk the whole bill: duplicate codes name both places, every problem has its path', () => {
    const item = (code: unknown, extra: Record<string, unknown> = {}) => ({ code, name: 'x', features: 'f', unit: 'm3', quantity: '1', ...extra });
    const issues = ruleIssues({
      units: [
        { divisions: [{ items: [item('010101001001'), item('010101002001', { features: '  ' })] }] },
        {
          divisions: [{ items: [item('010101001001', { unit: 't', quantity: '1.2345' }), item(undefined, { unit: 'xx' })] }],
          measures: { unitPrice: [item('010101002001')], lumpSum: [{ code: '12', name: 'm' }] },
          others: { daywork: [{ unit: '工日', quantity: '-1' }], materialPrices: [{ unit: '个', quantity: '1.5' }] },
        },
      ],
    });
    expect(issues.map((i) => [i.path, i.code, i.otherPath])).toEqual([
      ['units[0].divisions[0].items[1].features', 'featuresMissing', undefined],
      ['units[1].divisions[0].items[0].code', 'codeDuplicate', 'units[0].divisions[0].items[0].code'],
      ['units[1].divisions[0].items[0].quantity', 'quantityPrecision', undefined],
      ['units[1].divisions[0].items[1].code', 'codeInvalid', undefined],
      ['units[1].divisions[0].items[1].unit', 'unitUnknown', undefined],
      ['units[1].measures.unitPrice[0].code', 'codeDuplicate', 'units[0].divisions[0].items[1].code'],
      ['units[1].measures.lumpSum[0].code', 'codeInvalid', undefined],
      ['units[1].others.materialPrices[0].quantity', 'quantityPrecision', undefined],
      ['units[1].others.daywork[0].quantity', 'quantityNotPositive', undefined],
    ]);
    expect(ruleIssues('not an object')).toEqual([]);
    expect(ruleIssues({ units: [null, 3, { divisions: 'x', measures: [], others: 7 }] })).toEqual([]);
  });

  it('formats paths as the spec writes them', () => {
    expect(pathText(['units', 0, 'divisions', 2, 'items', 5, 'quantity'])).toBe('units[0].divisions[2].items[5].quantity');
    expect(pathText([])).toBe('(bill)');
  });
});
