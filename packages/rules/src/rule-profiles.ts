import { parseBusinessDate } from './business-date.ts';
import type { DurationCode, StatutoryDuration } from './durations.ts';
import { STATUTORY_DURATIONS } from './durations.ts';

/**
 * A rule profile: the statutory durations with some rules replaced, for a platform that must apply
 * figures other than the law in force. 'statutory' (the default) is the law in force on each
 * section's creation date. 'cts-ebs01-2016' applies CTS-EBS01-2016's figures where they differ from
 * the law: the certification of trading platforms tests them, and the standard was written under MOF
 * Order 18 (B-040: a government procurement prequalification notice of 7 working days, 5 since MOF
 * Order 87 of 2017). A replaced rule applies whatever the section's creation date.
 */
export const RULE_PROFILE_CODES = ['statutory', 'cts-ebs01-2016'] as const;
export type RuleProfileCode = (typeof RULE_PROFILE_CODES)[number];

export interface RuleProfile {
  readonly code: RuleProfileCode;
  readonly description: string;
  /** The rules this profile puts in place of every statutory version of the same code. */
  readonly replaces: readonly StatutoryDuration<DurationCode>[];
  /** The rule set to evaluate timetables against (TimetableOptions.rules). */
  readonly rules: readonly StatutoryDuration<DurationCode>[];
}

function profile(code: RuleProfileCode, description: string, replaces: StatutoryDuration<DurationCode>[]): RuleProfile {
  const replaced = new Set(replaces.map((r) => r.code));
  return Object.freeze({
    code,
    description,
    replaces: Object.freeze(replaces.map((r) => Object.freeze({ ...r, refs: Object.freeze([...r.refs]) }))),
    rules: Object.freeze([...STATUTORY_DURATIONS.filter((r) => !replaced.has(r.code)), ...replaces]),
  });
}

export const RULE_PROFILES: Readonly<Record<RuleProfileCode, RuleProfile>> = Object.freeze({
  statutory: profile('statutory', 'The law in force on the day each section was created', []),
  'cts-ebs01-2016': profile('cts-ebs01-2016', 'CTS-EBS01-2016 where its figures differ from the law in force', [
    {
      code: 'GP_PREQUALIFICATION_NOTICE_MIN',
      value: 7,
      unit: 'workingDays',
      bound: 'minimum',
      description: 'Government procurement: prequalification notice period',
      source: 'CTS-EBS01-2016 B-040',
      refs: ['B-040'],
      // From the first statutory version (MOF Order 18): the profile holds for every section since.
      effectiveFrom: parseBusinessDate('2004-09-11'),
    },
  ]),
});

export function isRuleProfileCode(value: string): value is RuleProfileCode {
  return (RULE_PROFILE_CODES as readonly string[]).includes(value);
}
