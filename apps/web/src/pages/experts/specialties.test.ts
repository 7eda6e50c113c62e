import { describe, expect, it } from 'vitest';
import { EXPERT_SPECIALTIES } from '@bidhall/contracts';
import { specialtyName, specialtyTree } from './specialties.ts';
import { splitRemaining } from './countdown.ts';

describe('specialty tree', () => {
  it('puts every specialty under its parent, roots in list order', () => {
    const tree = specialtyTree('zh-CN');
    expect(tree.map((n) => n.value)).toEqual(['A', 'B', 'C']);
    expect(tree[0]?.children?.map((n) => n.value)).toEqual(['A01', 'A02', 'A03', 'A04', 'A05']);
    const count = (nodes: ReturnType<typeof specialtyTree>): number => nodes.reduce((n, x) => n + 1 + count(x.children ?? []), 0);
    expect(count(tree)).toBe(EXPERT_SPECIALTIES.length);
    expect(tree[0]?.children?.[2]?.title).toBe('A03 公路');
  });

  it('keeps a node whose parent is missing as a root', () => {
    const tree = specialtyTree('en', [{ code: 'X01', nameZh: '甲', nameEn: 'X', parent: 'X' }]);
    expect(tree).toEqual([{ value: 'X01', title: 'X01 X' }]);
  });

  it('names a specialty with its parent, and an unknown code as itself', () => {
    expect(specialtyName('A03', 'zh-CN')).toBe('工程 / 公路');
    expect(specialtyName('B', 'en')).toBe('Goods');
    expect(specialtyName('Z9', 'zh-CN')).toBe('Z9');
  });
});

describe('countdown', () => {
  it('splits the time left into days and a clock', () => {
    expect(splitRemaining(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000 + 999)).toEqual({ days: 2, clock: '03:04:05', seconds: 2 * 86_400 + 3 * 3600 + 245 });
    expect(splitRemaining(59_000)?.clock).toBe('00:00:59');
  });
  it('is null at and after the deadline', () => {
    expect(splitRemaining(0)).toBeNull();
    expect(splitRemaining(-5)).toBeNull();
    expect(splitRemaining(Number.NaN)).toBeNull();
  });
});
