import { describe, expect, it } from 'vitest';
import { noticeTypeFits } from './notice.service.ts';
import { chineseDateTime, DEFAULT_PLATFORM, fenToYuan, standardBody, statesPlatformAddress } from './standard-text.ts';
import type { SectionSnapshot } from './tendering.deps.ts';

const section: SectionSnapshot = {
  id: '00000000-0000-4000-8000-000000000001',
  code: '001',
  name: '第1标段<b>',
  round: 1,
  stage: 'registered',
  tenderingProjectId: '00000000-0000-4000-8000-000000000002',
  tenderingProjectName: '天骄路改造工程施工招标',
  projectId: '00000000-0000-4000-8000-000000000003',
  projectName: '天骄路改造工程',
  approvalCode: '2026-150602-48-01-000123',
  regionCode: '150602',
  category: 'works',
  kind: 'works',
  mandatory: true,
  stateFunded: false,
  method: 'open',
  budgetFen: '123456789',
  tendererEntityId: '00000000-0000-4000-8000-000000000004',
  tendererName: '东胜区城投公司',
  agencyEntityId: null,
  agencyName: null,
  timetable: { documentIssueStart: '2026-03-03T01:00:00Z', documentIssueEnd: '2026-03-14T09:00:00Z', bidDeadline: '2026-04-02T01:30:00Z' },
  createdOn: '2026-03-02',
};
const platform = { ...DEFAULT_PLATFORM, baseUrl: 'https://ggzy.example.cn' };

describe('standard notice texts', () => {
  it('[B-005] [B-002] the tender notice has the standard sections, the platform address and its use, escaped values and Beijing times', () => {
    const html = standardBody('tenderNotice', [section], platform);
    const order = ['招标条件', '项目概况与招标范围', '投标人资格要求', '招标文件的获取', '投标文件的递交', '电子交易平台及使用方法', '发布公告的媒介', '联系方式'];
    const positions = order.map((h) => html.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(statesPlatformAddress(html, platform.baseUrl)).toBe(true);
    expect(html).toContain('第1标段&lt;b&gt;');
    expect(html).toContain('1,234,567.89');
    expect(html).toContain('2026年04月02日09时30分');
    expect(html).toContain('中国招标投标公共服务平台');
  });

  it('[B-008] the invitation asks for a reply on the platform before the deadline', () => {
    const html = standardBody('invitation', [{ ...section, method: 'invitation' }], platform, '2026-03-05T08:00:00Z');
    expect(html).toContain('2026年03月05日16时00分前通过');
    expect(statesPlatformAddress(html, platform.baseUrl)).toBe(true);
    expect(html).not.toContain('发布公告的媒介');
  });

  it('[A-50] the notice type follows the section method', () => {
    expect(noticeTypeFits('tenderNotice', { method: 'open', kind: 'works' })).toBe(true);
    expect(noticeTypeFits('prequalificationNotice', { method: 'open', kind: 'works' })).toBe(false);
    expect(noticeTypeFits('prequalificationNotice', { method: 'prequalification', kind: 'works' })).toBe(true);
    expect(noticeTypeFits('tenderNotice', { method: 'invitation', kind: 'works' })).toBe(false);
    expect(noticeTypeFits('prequalificationNotice', { method: 'invitation', kind: 'governmentGoods' })).toBe(true);
  });

  it('money and dates are formatted without floating point', () => {
    expect(fenToYuan('0')).toBe('0.00');
    expect(fenToYuan('100000000000000001')).toBe('1,000,000,000,000,000.01');
    expect(chineseDateTime(undefined)).toBe('（待定）');
  });
});
