import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { toApplication, toEdit, toFacts, toFormValues } from './expertForm.ts';

const values = {
  name: ' 张三 ',
  idNumber: '11010519491231002x',
  phone: '13800000000',
  employer: { name: ' 示范设计院 ', creditCode: '' },
  title: '高级工程师',
  level: 'senior' as const,
  regionCode: '150602',
  specialties: ['A03', 'C02'],
  conflicts: {
    employers: [{ name: '示范路桥', creditCode: '91150602ma0000000x', from: dayjs('2023-03-01'), until: null }],
    relativesEmployers: [{ relation: '配偶', name: ' 示范医院 ' }],
  },
};

describe('expert form', () => {
  it('turns the form into an application: trimmed, upper-cased codes, dates as days, blank codes left out', () => {
    const a = toApplication(values);
    expect(a.name).toBe('张三');
    expect(a.idNumber).toBe('11010519491231002X');
    expect(a.employer).toEqual({ name: '示范设计院' });
    expect(a.conflicts.employers).toEqual([{ name: '示范路桥', creditCode: '91150602MA0000000X', from: '2023-03-01', until: null }]);
    expect(a.conflicts.relativesEmployers).toEqual([{ relation: '配偶', name: '示范医院' }]);
  });

  it('round-trips an expert through the form unchanged', () => {
    const facts = toFacts(values);
    expect(toFacts(toFormValues(facts))).toEqual(facts);
    expect(toEdit(facts, toFacts(toFormValues(facts)), 'x')).toBeNull();
  });

  it('sends only the fields that changed, with the reason', () => {
    const before = toFacts(values);
    const after = { ...before, title: '正高级工程师', level: 'professorSenior' as const };
    expect(toEdit(before, after, ' 证书更新 ')).toEqual({ title: '正高级工程师', level: 'professorSenior', reason: '证书更新' });
  });
});
