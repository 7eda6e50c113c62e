import type { ContractInput } from '@bidhall/contracts';
import { defaultHolidayCalendar as calendar } from '@bidhall/rules';
import { describe, expect, it } from 'vitest';
import { buildContent, contentSm3 } from './contract-content.ts';
import { changeHtml, conclusionHtml, performanceHtml } from './contract-html.ts';
import type { AwardedSection } from './contract.deps.ts';
import { deadlinePhase, dueDateOrNull, signingDueDate } from './signing-deadline.ts';

const awarded: AwardedSection = {
  sectionId: '00000000-0000-4000-8000-000000000001',
  round: 1,
  regionCode: '150602',
  tendererEntityId: '00000000-0000-4000-8000-000000000002',
  winnerBidId: '00000000-0000-4000-8000-000000000003',
  winnerEntityId: '00000000-0000-4000-8000-000000000004',
  winnerEntityName: '鄂尔多斯市示范建筑工程有限公司',
  priceFen: '123456789',
  awardNoticeAt: new Date('2026-03-02T02:00:00Z'),
};
const section = { id: awarded.sectionId, code: 'BD-01', name: '一标段', projectName: '示范道路工程', tendererName: '示范招标人' };
const terms = {
  documentId: '00000000-0000-4000-8000-000000000005',
  version: 2,
  contentSm3: 'a'.repeat(64),
  paymentTerms: '按月进度付款',
  specialTerms: null,
  durationDays: '200',
  qualityStandard: '合格',
};
const input: ContractInput = { title: '施工合同', projectManager: '', clauses: [{ title: '第一条', text: '双方约定……' }] };
const build = (over: Partial<Parameters<typeof buildContent>[0]> = {}) =>
  buildContent({ contractId: '00000000-0000-4000-8000-000000000006', section, awarded, terms, bid: null, input, ...over });

describe('the contract drafted from the award, the bid and the document (A-180)', () => {
  it('[A-180] parties and price come from the award, never from what the tenderer types', () => {
    const c = build();
    expect(c.priceFen).toBe('123456789');
    expect(c.winner).toEqual({ entityId: awarded.winnerEntityId, name: awarded.winnerEntityName, bidId: awarded.winnerBidId });
    expect(c.tenderer).toEqual({ entityId: awarded.tendererEntityId, name: '示范招标人' });
    expect(c.document).toEqual({ id: terms.documentId, version: 2, contentSm3: terms.contentSm3 });
    expect(c.terms.paymentTerms).toBe('按月进度付款');
  });

  it('the bid’s read-out duration and quality win over the document’s requirement; the typed manager over the readout’s', () => {
    expect([build().durationDays, build().quality]).toEqual(['200', '合格']);
    const c = build({ bid: { durationDays: '180', quality: '优良', projectManager: '张三' } });
    expect([c.durationDays, c.quality, c.projectManager]).toEqual(['180', '优良', '张三']);
    expect(
      build({ bid: { durationDays: null, quality: null, projectManager: '张三' }, input: { ...input, projectManager: '李四' } })
        .projectManager,
    ).toBe('李四');
  });

  it('[A-181] any edit changes the SM3 the sides sign; the same content hashes the same', () => {
    const a = contentSm3(build());
    expect(contentSm3(build())).toBe(a);
    expect(contentSm3(build({ input: { ...input, clauses: [{ title: '第一条', text: '双方约定。' }] } }))).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('Law 46: signed within 30 days of the award notice', () => {
  it('a due day in a year whose holidays are not entered yet is unknown, not an error', () => {
    expect(dueDateOrNull(calendar, new Date('2026-12-20T02:00:00Z'))).toBeNull();
    expect(dueDateOrNull(calendar, new Date('2026-03-02T02:00:00Z'))).toBe('2026-04-01');
  });

  it('the due day is 30 calendar days after the notice’s day in Shanghai', () => {
    expect(signingDueDate(calendar, new Date('2026-03-02T02:00:00Z'))).toBe('2026-04-01');
    // 23:30 UTC is the next morning in Shanghai.
    expect(signingDueDate(calendar, new Date('2026-03-01T23:30:00Z'))).toBe('2026-04-01');
  });

  it('a due day on a rest day moves to the next working day (National Day)', () => {
    // 2025-09-01 + 30 = 2025-10-01, inside the National Day holiday (10-01…10-08).
    expect(signingDueDate(calendar, new Date('2025-09-01T02:00:00Z'))).toBe('2025-10-09');
  });

  it('warned within 5 days of the due day, and once it has passed', () => {
    expect(deadlinePhase('2026-04-01', '2026-03-26')).toBe('ok');
    expect(deadlinePhase('2026-04-01', '2026-03-27')).toBe('dueSoon');
    expect(deadlinePhase('2026-04-01', '2026-04-01')).toBe('dueSoon');
    expect(deadlinePhase('2026-04-01', '2026-04-02')).toBe('overdue');
  });
});

describe('what is published (A-184, A-185, A-186)', () => {
  it('every string the parties wrote is escaped', () => {
    const content = build({
      input: { title: '<script>x</script>', projectManager: '王<b>', clauses: [{ title: 'a&b', text: '<img src=x onerror=1>' }] },
    });
    const html = conclusionHtml({
      content,
      contentSm3: 'b'.repeat(64),
      signatures: [{ side: 'winner', entityName: '<i>w</i>', signedAt: new Date('2026-03-10T02:00:00Z') }],
      verifiedAt: new Date('2026-03-09T02:00:00Z'),
    });
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(html).toContain('1,234,567.89 元');
    expect(html).toContain('b'.repeat(64));
    const perf = performanceHtml({
      content,
      side: 'winner',
      entityName: 'w',
      day: '2026-04-01',
      milestone: '<u>',
      text: 'x\ny',
      attachmentSm3: null,
    });
    expect(perf).toContain('x<br>y');
    expect(perf).not.toContain('<u>');
    const change = changeHtml({
      content,
      number: 1,
      reason: '设计变更',
      text: '增加工程量',
      previousPriceFen: '100',
      newPriceFen: '250',
      verifiedAt: new Date(),
    });
    expect(change).toContain('1.00 元');
    expect(change).toContain('2.50 元');
  });
});
