import { describe, expect, it } from 'vitest';
import { tenderFailure } from './failed-tender.ts';

describe('[B-024] government procurement fails with fewer than three compliant suppliers', () => {
  it('fails a government goods or services tender with 0, 1 or 2 compliant bids, naming the law', () => {
    for (const kind of ['governmentGoods', 'governmentServices'] as const) {
      for (const compliant of [0, 1, 2]) {
        expect(tenderFailure(kind, compliant)).toEqual({
          code: 'GP_FEWER_THAN_THREE_COMPLIANT',
          source: '中华人民共和国政府采购法 第三十六条第一款第（一）项',
          compliant,
          required: 3,
        });
      }
      expect(tenderFailure(kind, 3)).toBeNull();
      expect(tenderFailure(kind, 7)).toBeNull();
    }
  });

  it('leaves works, goods and services under the Tendering Law to the committee', () => {
    for (const kind of ['works', 'goods', 'services'] as const) expect(tenderFailure(kind, 2)).toBeNull();
    expect(() => tenderFailure('governmentGoods', -1)).toThrow(RangeError);
  });
});
