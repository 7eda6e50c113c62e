import type { SectionSnapshotView } from '@bidhall/contracts';
import { describe, expect, it } from 'vitest';
import { contentSm3, defaultReason, noticeContent } from './notice-content.ts';

const section = { id: 's1', round: 1, projectName: '示范道路', name: '第1标段' } as SectionSnapshotView;
const decision = { bid_id: 'b1', entity_name: '甲公司', price_fen: '123456', rank: 1, decided_at: new Date('2026-12-01T02:00:00Z') };
const letter = (bid: string, kind: 'award' | 'result', reason: string) => ({ bid_id: bid, entity_name: bid, kind, rank: null, reason });

describe('award notice content (A-173)', () => {
  it('starts each letter from the evaluation: the winner’s price, a loser’s rank or the criteria it failed', () => {
    expect(defaultReason({ bidId: 'b1', entityId: 'e1', entityName: '甲公司', rank: 1, failing: [] }, decision, section)).toContain('1,234.56 元');
    expect(defaultReason({ bidId: 'b2', entityId: 'e2', entityName: '乙公司', rank: 2, failing: [] }, decision, section)).toContain('排序第 2 名');
    const failed = defaultReason({ bidId: 'b3', entityId: 'e3', entityName: '丙公司', rank: null, failing: [{ number: '2.1', title: '营业执照' }] }, decision, section);
    expect(failed).toContain('2.1 营业执照');
    expect(failed).toContain('甲公司');
  });

  it('signs one SM3 over winner, remarks and letters whatever the letters’ order, and any edit changes it', () => {
    const a = [letter('b1', 'award', 'x'), letter('b2', 'result', 'y')];
    const sm3 = contentSm3(noticeContent(section, decision, '', a));
    expect(sm3).toMatch(/^[0-9a-f]{64}$/);
    expect(contentSm3(noticeContent(section, decision, '', [...a].reverse()))).toBe(sm3);
    expect(contentSm3(noticeContent(section, decision, '', [letter('b1', 'award', 'x'), letter('b2', 'result', 'y.')]))).not.toBe(sm3);
    expect(contentSm3(noticeContent(section, decision, '备注', a))).not.toBe(sm3);
  });
});
