import { describe, expect, it } from 'vitest';
import type { SectionSnapshot } from './documents.deps.ts';
import { inconsistencies, valueIssue, withSectionValues } from './section-fields.ts';
import { STANDARD_TEMPLATES } from './standard-templates.ts';

/** A section as the projects port hands it out (an in-memory stand-in for the other module). */
const section = (over: Partial<SectionSnapshot> = {}): SectionSnapshot => ({
  id: '00000000-0000-4000-8000-000000000001',
  code: '001',
  name: '第1标段',
  round: 1,
  stage: 'registered',
  tenderingProjectId: '00000000-0000-4000-8000-000000000002',
  tenderingProjectName: '道路改造工程施工招标',
  projectId: '00000000-0000-4000-8000-000000000003',
  projectName: '道路改造工程',
  approvalCode: '2026-150602-48-01-900001',
  regionCode: '150602',
  category: 'works',
  kind: 'works',
  mandatory: true,
  stateFunded: false,
  method: 'open',
  budgetFen: '120000000',
  tendererEntityId: '00000000-0000-4000-8000-000000000004',
  tendererName: '测试招标人有限公司',
  agencyEntityId: null,
  agencyName: null,
  timetable: { bidDeadline: '2026-04-02T01:30:00.000Z' },
  createdOn: '2026-03-02',
  ...over,
});

const works = STANDARD_TEMPLATES.find((t) => t.code === 'tender-works-2007')!;

describe('section-derived fields (A-61, A-69)', () => {
  it('pulls every fromSection field, keeping what was typed', () => {
    const v = withSectionValues(works.chapters, { instructions: { durationDays: '180' } }, section());
    expect(v.notice).toMatchObject({ sectionName: '第1标段', ceilingPriceFen: '120000000', agencyName: null, bidDeadline: '2026-04-02T01:30:00.000Z', documentIssueStart: null });
    expect(v.instructions!.durationDays).toBe('180');
  });

  it('names the fields that no longer equal the section', () => {
    const v = withSectionValues(works.chapters, {}, section());
    expect(inconsistencies(works.chapters, v, section())).toEqual([]);
    const found = inconsistencies(works.chapters, v, section({ budgetFen: '110000000', name: '第一标段' }));
    expect(found.map((f) => `${f.chapter}.${f.field}: ${f.documentValue} → ${f.sectionValue}`)).toEqual([
      'notice.sectionName: 第1标段 → 第一标段',
      'notice.ceilingPriceFen: 120000000 → 110000000',
    ]);
  });

  it('checks values against their types', () => {
    const field = (type: 'money' | 'number' | 'date' | 'select') => ({ key: 'x', label: 'x', type, required: true, options: ['合格'] });
    expect(valueIssue(field('money'), '12.5')).toBe('an amount in integer fen');
    expect(valueIssue(field('money'), '1250')).toBeNull();
    expect(valueIssue(field('number'), '1e5')).toBe('a decimal number');
    expect(valueIssue(field('date'), '2026-02-28T00:00:00+08:00')).toBeNull();
    expect(valueIssue(field('date'), '2026-02-30')).toBe('an ISO date or instant between 1900-01-01 and 2199-12-31');
    expect(valueIssue(field('date'), 'tomorrow')).toBe('an ISO date or instant between 1900-01-01 and 2199-12-31');
    expect(valueIssue(field('select'), '优良')).toBe('one of 合格');
  });
});
