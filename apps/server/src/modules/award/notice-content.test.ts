import type { SectionSnapshotView } from '@bidhall/contracts';
import { describe, expect, it } from 'vitest';
import { contentSm3, defaultReason, noticeContent, resultNoticeHtml } from './notice-content.ts';

const section = { id: 's1', round: 1, projectName: '示范道路', name: '第1标段' } as SectionSnapshotView;
const decision = { bid_id: 'b1', entity_name: '甲公司', price_fen: '123456', rank: 1, method: null, decided_at: new Date('2026-12-01T02:00:00Z') };
const separated = { ...decision, rank: null, method: 'voteThenLot' as const };
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

  it('under the separated award says the award committee chose by the document’s method, and publishes the count, the lot and the reasons', () => {
    const won = defaultReason({ bidId: 'b1', entityId: 'e1', entityName: '甲公司', rank: null, failing: [] }, separated, section);
    expect(won).toContain('票决抽签法');
    expect(won).not.toContain('第 null 名');
    expect(defaultReason({ bidId: 'b2', entityId: 'e2', entityName: '乙公司', rank: null, failing: [] }, separated, section)).toContain('未被确定为中标人');
    const html = resultNoticeHtml({
      section: { ...section, code: 'S1', tendererName: '招标人' } as SectionSnapshotView,
      decision: separated,
      remarks: '',
      contentSm3: 'ab',
      bidders: 3,
      proceeding: {
        names: new Map([['b1', '甲公司'], ['b2', '乙<公司>']]),
        view: {
          method: 'voteThenLot',
          shortlist: 2,
          members: ['张三', '李四', '王五', '赵六', '钱七'],
          rounds: [{ candidates: ['b1', 'b2'], ballots: [], counts: [{ bidId: 'b1', entityName: '甲公司', votes: 3 }, { bidId: 'b2', entityName: '乙<公司>', votes: 2 }] }],
          deliberation: null,
          lot: { drawId: 'd-1', pool: ['b1', 'b2'], selected: 'b1' },
          reason: '按票决抽签产生',
          state: 'decided',
          recordedAt: '2026-12-01T02:00:00.000Z',
        },
      },
    });
    expect(html).toContain('评定分离，票决抽签法');
    expect(html).toContain('甲公司 3 票');
    expect(html).toContain('乙&lt;公司&gt;');
    expect(html).toContain('d-1');
    expect(html).toContain('定标理由：按票决抽签产生');
    expect(html).not.toContain('评审排序');
  });
});
