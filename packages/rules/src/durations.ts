import type { BusinessDate } from './business-date.ts';
import { parseBusinessDate } from './business-date.ts';
import { RuleNotInForceError } from './rules.errors.ts';

/**
 * Statutory durations as data (statutory-rules.md). A rule may have several versions; the one in
 * force on a date is the version with the latest `effectiveFrom` not after it, and a section is
 * evaluated against the versions in force on its creation date.
 *
 * `bound` says how the figure limits the platform: 'minimum' — at least this long (a period that
 * must stay open, a lead time before a deadline); 'maximum' — within this long (an answer, a
 * refund, a filing window). "days" are calendar days; periods are computed with
 * HolidayCalendar.periodEnd / addWorkingDays.
 */
export type DurationUnit = 'days' | 'workingDays';
export type DurationBound = 'minimum' | 'maximum';

export interface StatutoryDuration<C extends string = string> {
  readonly code: C;
  readonly value: number;
  readonly unit: DurationUnit;
  readonly bound: DurationBound;
  readonly description: string;
  readonly source: string;
  /** Conformance IDs (CTS checkpoints B-xxx, plan tasks task-n) the rule serves. */
  readonly refs: readonly string[];
  readonly effectiveFrom: BusinessDate;
}

type DurationInput<C extends string> = Omit<StatutoryDuration<C>, 'effectiveFrom'> & {
  readonly effectiveFrom: string;
};

function rule<const C extends string>(input: DurationInput<C>): StatutoryDuration<C> {
  return Object.freeze({
    ...input,
    refs: Object.freeze([...input.refs]),
    effectiveFrom: parseBusinessDate(input.effectiveFrom),
  });
}

const LAW = '2000-01-01'; // 招标投标法 (the 2017 amendment left these periods unchanged)
const REG = '2012-02-01'; // 招标投标法实施条例 (later amendments left these periods unchanged)
const GP_LAW = '2003-01-01'; // 政府采购法
const GP_REG = '2015-03-01'; // 政府采购法实施条例
const MOF_18 = '2004-09-11'; // 政府采购货物和服务招标投标管理办法 (财政部令第18号)
const MOF_87 = '2017-10-01'; // 政府采购货物和服务招标投标管理办法 (财政部令第87号), replacing Order 18
const CTS = '2016-01-01'; // CTS-EBS01-2016 (checkpoints without a statutory article of their own)
const PLAN = '2022-07-01'; // 2022 action plan, task 10 due by June 2022

export const STATUTORY_DURATIONS = Object.freeze([
  rule({
    code: 'TENDER_PERIOD_MIN',
    value: 20,
    unit: 'days',
    bound: 'minimum',
    description: 'From the day tender documents are first issued to the bid deadline (mandatory tenders)',
    source: '招标投标法 第24条',
    refs: ['B-004'],
    effectiveFrom: LAW,
  }),
  rule({
    code: 'GP_TENDER_PERIOD_MIN',
    value: 20,
    unit: 'days',
    bound: 'minimum',
    description: 'Government procurement of goods and services: from document issue to the bid deadline',
    source: '政府采购法 第35条',
    refs: ['B-004'],
    effectiveFrom: GP_LAW,
  }),
  rule({
    code: 'DOCUMENT_AVAILABILITY_MIN',
    value: 5,
    unit: 'days',
    bound: 'minimum',
    description: 'Tender or prequalification documents stay available (sale period)',
    source: '招标投标法实施条例 第16条',
    refs: ['B-009', 'B-039'],
    effectiveFrom: REG,
  }),
  rule({
    code: 'PREQUALIFICATION_NOTICE_MIN',
    value: 5,
    unit: 'days',
    bound: 'minimum',
    description: 'Prequalification notice period',
    source: 'CTS-EBS01-2016 B-038',
    refs: ['B-038'],
    effectiveFrom: CTS,
  }),
  rule({
    code: 'PREQUALIFICATION_APPLICATION_PERIOD_MIN',
    value: 5,
    unit: 'days',
    bound: 'minimum',
    description:
      'Prequalification application deadline after the documents stop being issued (mandatory projects)',
    source: '招标投标法实施条例 第17条',
    refs: ['B-043'],
    effectiveFrom: REG,
  }),
  rule({
    code: 'CLARIFICATION_LEAD_MIN',
    value: 15,
    unit: 'days',
    bound: 'minimum',
    description:
      'A clarification or modification that may affect bids is issued before the bid deadline, else the deadline moves',
    source: '招标投标法实施条例 第21条',
    refs: ['B-012'],
    effectiveFrom: REG,
  }),
  rule({
    code: 'PREQUALIFICATION_CLARIFICATION_LEAD_MIN',
    value: 3,
    unit: 'days',
    bound: 'minimum',
    description:
      'A clarification of prequalification documents is issued before the application deadline, else the deadline moves',
    source: '招标投标法实施条例 第21条',
    refs: ['B-041'],
    effectiveFrom: REG,
  }),
  rule({
    code: 'QUESTION_LEAD_MIN',
    value: 10,
    unit: 'days',
    bound: 'minimum',
    description: 'Questions on the tender documents are raised before the bid deadline',
    source: 'CTS-EBS01-2016 B-011',
    refs: ['B-011'],
    effectiveFrom: CTS,
  }),
  rule({
    code: 'PREQUALIFICATION_QUESTION_LEAD_MIN',
    value: 2,
    unit: 'days',
    bound: 'minimum',
    description: 'Questions on the prequalification documents are raised before the application deadline',
    source: 'CTS-EBS01-2016 B-041',
    refs: ['B-041'],
    effectiveFrom: CTS,
  }),
  rule({
    code: 'OBJECTION_PREQUALIFICATION_LEAD_MIN',
    value: 2,
    unit: 'days',
    bound: 'minimum',
    description: 'An objection to prequalification documents is raised before the application deadline',
    source: '招标投标法实施条例 第22条',
    refs: ['B-030'],
    effectiveFrom: REG,
  }),
  rule({
    code: 'OBJECTION_TENDER_DOCUMENT_LEAD_MIN',
    value: 10,
    unit: 'days',
    bound: 'minimum',
    description: 'An objection to tender documents is raised before the bid deadline',
    source: '招标投标法实施条例 第22条',
    refs: ['B-030'],
    effectiveFrom: REG,
  }),
  rule({
    code: 'OBJECTION_ANSWER_MAX',
    value: 3,
    unit: 'days',
    bound: 'maximum',
    description: 'The tenderer answers an objection; the procedure is suspended until it does',
    source: '招标投标法实施条例 第22条、第54条',
    refs: ['B-031'],
    effectiveFrom: REG,
  }),
  rule({
    code: 'PUBLICITY_START_MAX',
    value: 3,
    unit: 'days',
    bound: 'maximum',
    description: 'Candidate publicity starts after the tenderer receives the evaluation report',
    source: '招标投标法实施条例 第54条',
    refs: ['B-028'],
    effectiveFrom: REG,
  }),
  rule({
    code: 'PUBLICITY_DURATION_MIN',
    value: 3,
    unit: 'days',
    bound: 'minimum',
    description: 'Candidate publicity lasts',
    source: '招标投标法实施条例 第54条',
    refs: ['B-028'],
    effectiveFrom: REG,
  }),
  rule({
    code: 'BID_BOND_REFUND_AFTER_CONTRACT_MAX',
    value: 5,
    unit: 'days',
    bound: 'maximum',
    description: 'Bid bonds are refunded with bank interest after the contract is signed',
    source: '招标投标法实施条例 第57条',
    refs: ['B-047'],
    effectiveFrom: REG,
  }),
  rule({
    code: 'BID_BOND_REFUND_AFTER_REQUEST_MAX',
    value: 2,
    unit: 'workingDays',
    bound: 'maximum',
    description: 'A bid bond refund is completed after the tenderer requests it',
    source: '2022年度行动方案 任务10',
    refs: ['task-10'],
    effectiveFrom: PLAN,
  }),
  rule({
    code: 'CONTRACT_SIGNING_MAX',
    value: 30,
    unit: 'days',
    bound: 'maximum',
    description: 'The contract is signed after the award notice is issued',
    source: '招标投标法 第46条',
    refs: [],
    effectiveFrom: LAW,
  }),
  rule({
    code: 'AWARD_REPORT_MAX',
    value: 15,
    unit: 'days',
    bound: 'maximum',
    description: 'The tenderer reports to the supervisor after deciding the winner',
    source: '招标投标法 第47条',
    refs: [],
    effectiveFrom: LAW,
  }),
  rule({
    code: 'COMPLAINT_FILING_MAX',
    value: 10,
    unit: 'days',
    bound: 'maximum',
    description: 'A complaint is filed after the complainant knew or should have known of the matter',
    source: '招标投标法实施条例 第60条',
    refs: [],
    effectiveFrom: REG,
  }),
  rule({
    code: 'COMPLAINT_ACCEPTANCE_MAX',
    value: 3,
    unit: 'workingDays',
    bound: 'maximum',
    description: 'The supervisor decides whether to accept a complaint after receiving it',
    source: '招标投标法实施条例 第61条',
    refs: [],
    effectiveFrom: REG,
  }),
  rule({
    code: 'COMPLAINT_DECISION_MAX',
    value: 30,
    unit: 'workingDays',
    bound: 'maximum',
    description: 'The supervisor decides an accepted complaint after accepting it',
    source: '招标投标法实施条例 第61条',
    refs: [],
    effectiveFrom: REG,
  }),
  rule({
    code: 'GP_OBJECTION_FILING_MAX',
    value: 7,
    unit: 'workingDays',
    bound: 'maximum',
    description: 'Government procurement: a supplier raises an objection (质疑) after knowing of the matter',
    source: '政府采购法 第52条',
    refs: ['B-030'],
    effectiveFrom: GP_LAW,
  }),
  rule({
    code: 'GP_OBJECTION_ANSWER_MAX',
    value: 7,
    unit: 'workingDays',
    bound: 'maximum',
    description: 'Government procurement: the purchaser answers an objection after receiving it',
    source: '政府采购法 第53条',
    refs: ['B-032'],
    effectiveFrom: GP_LAW,
  }),
  // The 7 working days of CTS-EBS01-2016 B-040 are MOF Order 18's; Order 87 replaced them with 5 from
  // 2017-10-01. The CTS figure stays selectable as the 'cts-ebs01-2016' rule profile (rule-profiles.ts).
  rule({
    code: 'GP_PREQUALIFICATION_NOTICE_MIN',
    value: 7,
    unit: 'workingDays',
    bound: 'minimum',
    description: 'Government procurement: prequalification notice period',
    source: '政府采购货物和服务招标投标管理办法（财政部令第18号）第16条',
    refs: ['B-040'],
    effectiveFrom: MOF_18,
  }),
  rule({
    code: 'GP_PREQUALIFICATION_NOTICE_MIN',
    value: 5,
    unit: 'workingDays',
    bound: 'minimum',
    description: 'Government procurement: prequalification notice period',
    source: '政府采购货物和服务招标投标管理办法（财政部令第87号）第16条',
    refs: ['B-040'],
    effectiveFrom: MOF_87,
  }),
  rule({
    code: 'GP_DOCUMENT_SALE_MIN',
    value: 5,
    unit: 'workingDays',
    bound: 'minimum',
    description: 'Government procurement and international M&E tenders: documents stay available',
    source: '政府采购法实施条例 第31条; CTS-EBS01-2016 B-010',
    refs: ['B-010'],
    effectiveFrom: GP_REG,
  }),
] as const);

export type DurationCode = (typeof STATUTORY_DURATIONS)[number]['code'];

/** Every version of rule `code` in `rules`, oldest first. */
export function selectRuleVersions<C extends string>(
  rules: readonly StatutoryDuration<C>[],
  code: C,
): StatutoryDuration<C>[] {
  return rules.filter((r) => r.code === code).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
}

/** The version of `code` in force on `onDate` among `rules`; throws RuleNotInForceError if none. */
export function selectRuleInForce<C extends string>(
  rules: readonly StatutoryDuration<C>[],
  code: C,
  onDate: BusinessDate,
): StatutoryDuration<C> {
  const inForce = selectRuleVersions(rules, code).filter((r) => r.effectiveFrom <= onDate);
  const latest = inForce[inForce.length - 1];
  if (latest === undefined) throw new RuleNotInForceError(code, onDate);
  return latest;
}

export function ruleVersions(code: DurationCode): StatutoryDuration<DurationCode>[] {
  return selectRuleVersions<DurationCode>(STATUTORY_DURATIONS, code);
}

/** The version of a statutory duration in force on `onDate` (e.g. a section's creation date). */
export function ruleInForce(code: DurationCode, onDate: BusinessDate): StatutoryDuration<DurationCode> {
  return selectRuleInForce<DurationCode>(STATUTORY_DURATIONS, code, onDate);
}
