import { describe, expect, it } from 'vitest';
import { searchLexemes, tsqueryLiteral, tsvectorLiteral } from './search-text.ts';

describe('Chinese search text', () => {
  it('cuts Han text into characters and overlapping bigrams, ASCII into lower-case words', () => {
    expect(searchLexemes('道路改造 EPC-2026')).toEqual(['道', '道路', '路', '路改', '改', '改造', '造', 'epc', '2026']);
  });

  it('weights the title A and the body B, with positions that keep phrases apart across punctuation', () => {
    const v = tsvectorLiteral('道路', '道路，改造');
    expect(v).toContain("'道路':1A,");
    expect(v).toMatch(/'道路':1A,\d+B/);
    expect(v).not.toContain("'路改'");
  });

  it('makes a phrase of bigrams for a Han query and prefixes for words', () => {
    expect(tsqueryLiteral('道路改造')).toBe("('道路' <-> '路改' <-> '改造')");
    expect(tsqueryLiteral('道路 EPC')).toBe("'道路' & 'epc':*");
    expect(tsqueryLiteral('路')).toBe("'路'");
    expect(tsqueryLiteral('  ，。 ')).toBeNull();
  });

  it('quotes full-width and odd input safely', () => {
    expect(tsqueryLiteral("Ａ'B")).toBe("'a':* & 'b':*");
  });
});
