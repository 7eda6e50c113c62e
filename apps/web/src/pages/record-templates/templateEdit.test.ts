import { STANDARD_RECORD_TEMPLATE } from '@bidhall/contracts';
import { describe, expect, it } from 'vitest';
import { add, fill, insertPlaceholder, missing, move, remove } from './templateEdit.ts';

const blocks = STANDARD_RECORD_TEMPLATE.content.blocks;

describe('editing a record template', () => {
  it('moves a part up and down, and not past either end', () => {
    expect(move(blocks, 1, -1).map((b) => b.block)).toEqual(['readout', 'bidders', 'coefficient', 'objections', 'signatures']);
    expect(move(blocks, 0, -1)).toBe(blocks);
    expect(move(blocks, blocks.length - 1, 1)).toBe(blocks);
  });

  it('removes the coefficient but never a part the law requires, and adds it back once', () => {
    const without = remove(blocks, 2);
    expect(without.map((b) => b.block)).not.toContain('coefficient');
    expect(remove(without, 0)).toBe(without);
    expect(missing(without)).toEqual(['coefficient']);
    const again = add(without, 'coefficient', '系数');
    expect(again.at(-1)).toEqual({ block: 'coefficient', heading: '系数' });
    expect(add(again, 'coefficient', '再加')).toBe(again);
  });

  it('inserts a placeholder at the caret and fills placeholders for the preview', () => {
    expect(insertPlaceholder('招标人：', 'tendererName')).toEqual({ text: '招标人：{{tendererName}}', caret: 20 });
    expect(insertPlaceholder('AB', 'round', 1).text).toBe('A{{round}}B');
    expect(fill('{{ sectionName }}（{{sectionCode}}）{{nope}}', { sectionName: '施工一标段', sectionCode: '001' })).toBe('施工一标段（001）{{nope}}');
  });
});
