import { describe, expect, it } from 'vitest';
import { parseBusinessDate } from './business-date.ts';
import type { StatutoryDuration } from './durations.ts';
import { ruleInForce, ruleVersions, selectRuleInForce, STATUTORY_DURATIONS } from './durations.ts';
import { RuleNotInForceError } from './rules.errors.ts';

const d = parseBusinessDate;
const TODAY = d('2026-11-26');

describe('statutory durations as data', () => {
  it('every rule is well formed and no code has two versions starting the same day', () => {
    const seen = new Set<string>();
    for (const rule of STATUTORY_DURATIONS) {
      expect(rule.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(Number.isInteger(rule.value) && rule.value > 0, rule.code).toBe(true);
      expect(rule.description.length, rule.code).toBeGreaterThan(0);
      expect(rule.source.length, rule.code).toBeGreaterThan(0);
      const key = `${rule.code}@${rule.effectiveFrom}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it.each([
    ['TENDER_PERIOD_MIN', 20, 'days', 'minimum'],
    ['GP_TENDER_PERIOD_MIN', 20, 'days', 'minimum'],
    ['DOCUMENT_AVAILABILITY_MIN', 5, 'days', 'minimum'],
    ['PREQUALIFICATION_APPLICATION_PERIOD_MIN', 5, 'days', 'minimum'],
    ['CLARIFICATION_LEAD_MIN', 15, 'days', 'minimum'],
    ['PREQUALIFICATION_CLARIFICATION_LEAD_MIN', 3, 'days', 'minimum'],
    ['QUESTION_LEAD_MIN', 10, 'days', 'minimum'],
    ['OBJECTION_PREQUALIFICATION_LEAD_MIN', 2, 'days', 'minimum'],
    ['OBJECTION_TENDER_DOCUMENT_LEAD_MIN', 10, 'days', 'minimum'],
    ['OBJECTION_ANSWER_MAX', 3, 'days', 'maximum'],
    ['PUBLICITY_START_MAX', 3, 'days', 'maximum'],
    ['PUBLICITY_DURATION_MIN', 3, 'days', 'minimum'],
    ['BID_BOND_REFUND_AFTER_CONTRACT_MAX', 5, 'days', 'maximum'],
    ['BID_BOND_REFUND_AFTER_REQUEST_MAX', 2, 'workingDays', 'maximum'],
    ['CONTRACT_SIGNING_MAX', 30, 'days', 'maximum'],
    ['AWARD_REPORT_MAX', 15, 'days', 'maximum'],
    ['COMPLAINT_FILING_MAX', 10, 'days', 'maximum'],
    ['COMPLAINT_ACCEPTANCE_MAX', 3, 'workingDays', 'maximum'],
    ['COMPLAINT_DECISION_MAX', 30, 'workingDays', 'maximum'],
    ['GP_OBJECTION_FILING_MAX', 7, 'workingDays', 'maximum'],
    ['GP_OBJECTION_ANSWER_MAX', 7, 'workingDays', 'maximum'],
    ['GP_PREQUALIFICATION_NOTICE_MIN', 5, 'workingDays', 'minimum'],
    ['GP_DOCUMENT_SALE_MIN', 5, 'workingDays', 'minimum'],
  ] as const)('%s in force today is %i %s (%s)', (code, value, unit, bound) => {
    const rule = ruleInForce(code, TODAY);
    expect({ value: rule.value, unit: rule.unit, bound: rule.bound }).toEqual({ value, unit, bound });
  });

  it('[B-004] the tender period is at least 20 calendar days (Law 24)', () => {
    const rule = ruleInForce('TENDER_PERIOD_MIN', TODAY);
    expect(rule).toMatchObject({ value: 20, unit: 'days', bound: 'minimum', source: '招标投标法 第24条' });
    expect(rule.refs).toContain('B-004');
  });

  it('a bid bond refund is due within 2 working days of the request', () => {
    expect(ruleInForce('BID_BOND_REFUND_AFTER_REQUEST_MAX', TODAY)).toMatchObject({
      value: 2,
      unit: 'workingDays',
    });
  });

  it('a rule is not in force before its effective date', () => {
    expect(() => ruleInForce('BID_BOND_REFUND_AFTER_REQUEST_MAX', d('2021-12-31'))).toThrow(
      RuleNotInForceError,
    );
    expect(() => ruleInForce('OBJECTION_ANSWER_MAX', d('2012-01-31'))).toThrow(RuleNotInForceError);
    expect(ruleInForce('OBJECTION_ANSWER_MAX', d('2012-02-01')).value).toBe(3);
    expect(ruleVersions('TENDER_PERIOD_MIN')).toHaveLength(1);
  });
});

describe('choosing the version in force', () => {
  const versions: StatutoryDuration<'X'>[] = [
    {
      code: 'X',
      value: 7,
      unit: 'workingDays',
      bound: 'minimum',
      description: 'new',
      source: 'B',
      refs: [],
      effectiveFrom: d('2017-10-01'),
    },
    {
      code: 'X',
      value: 5,
      unit: 'workingDays',
      bound: 'minimum',
      description: 'old',
      source: 'A',
      refs: [],
      effectiveFrom: d('2004-09-11'),
    },
  ];

  it('picks the latest version effective on or before the date', () => {
    expect(selectRuleInForce(versions, 'X', d('2004-09-11')).value).toBe(5);
    expect(selectRuleInForce(versions, 'X', d('2017-09-30')).value).toBe(5);
    expect(selectRuleInForce(versions, 'X', d('2017-10-01')).value).toBe(7);
    expect(selectRuleInForce(versions, 'X', d('2026-01-01')).value).toBe(7);
  });

  it('refuses a date before every version with a typed error', () => {
    try {
      selectRuleInForce(versions, 'X', d('2004-09-10'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleNotInForceError);
      expect(error).toMatchObject({ code: 'RULE_NOT_IN_FORCE', ruleCode: 'X', onDate: '2004-09-10' });
    }
  });
});

describe('durations are read-only', () => {
  it('the table and its rules are frozen', () => {
    expect(Object.isFrozen(STATUTORY_DURATIONS)).toBe(true);
    expect(STATUTORY_DURATIONS.every((rule) => Object.isFrozen(rule) && Object.isFrozen(rule.refs))).toBe(
      true,
    );
  });
});
