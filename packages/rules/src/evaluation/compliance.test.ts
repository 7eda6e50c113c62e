import { describe, expect, it } from 'vitest';
import { type ComplianceVerdicts, complianceVerdicts } from './compliance.ts';
import { EvaluationInputError } from './evaluation.errors.ts';

const all = (v: 'pass' | 'fail') => ({ '1.1': v, '1.2': v });

describe('pass/fail reviews by the majority of the committee', () => {
  it('a criterion fails when more than half find it unmet; one dissent does not fail it', () => {
    const verdicts: ComplianceVerdicts = {
      e1: { A: all('pass'), B: { '1.1': 'fail', '1.2': 'pass' }, C: { '1.1': 'pass', '1.2': 'fail' } },
      e2: { A: all('pass'), B: { '1.1': 'fail', '1.2': 'pass' }, C: all('pass') },
      e3: { A: all('pass'), B: all('pass'), C: all('pass') },
    };
    expect(complianceVerdicts(['1.1', '1.2'], verdicts)).toEqual([
      { bidId: 'A', passed: true, failing: [], votes: { '1.1': { pass: 3, fail: 0 }, '1.2': { pass: 3, fail: 0 } } },
      { bidId: 'B', passed: false, failing: ['1.1'], votes: { '1.1': { pass: 1, fail: 2 }, '1.2': { pass: 3, fail: 0 } } },
      { bidId: 'C', passed: true, failing: [], votes: { '1.1': { pass: 3, fail: 0 }, '1.2': { pass: 2, fail: 1 } } },
    ]);
  });

  it('an even split is no majority for "pass": the criterion fails', () => {
    const verdicts: ComplianceVerdicts = { e1: { A: all('pass') }, e2: { A: all('pass') }, e3: { A: all('fail') }, e4: { A: { '1.1': 'fail', '1.2': 'pass' } } };
    const [a] = complianceVerdicts(['1.1', '1.2'], verdicts);
    expect(a).toMatchObject({ passed: false, failing: ['1.1'] });
  });

  it('refuses a review with a verdict missing, naming who, which bid and which criterion', () => {
    const verdicts: ComplianceVerdicts = { e1: { A: all('pass') }, e2: { A: { '1.1': 'pass' } } };
    expect(() => complianceVerdicts(['1.1', '1.2'], verdicts)).toThrow(EvaluationInputError);
    expect(() => complianceVerdicts(['1.1', '1.2'], verdicts)).toThrow('evaluator e2 has no verdict on criterion 1.2 for bid A');
  });
});
