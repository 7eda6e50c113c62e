export type { Clock } from './clock.ts';
export { fixedClock, ManualClock, OffsetClock, systemClock } from './clock.ts';

export type { BusinessDate, Weekday } from './business-date.ts';
export {
  addDays,
  compareBusinessDates,
  dayOfWeek,
  daysBetween,
  isBusinessDate,
  isWeekend,
  parseBusinessDate,
  yearOf,
} from './business-date.ts';
export {
  businessToday,
  endOfBusinessDay,
  formatShanghaiDateTime,
  SHANGHAI_OFFSET_MS,
  startOfBusinessDay,
  toBusinessDate,
} from './shanghai-time.ts';

export type { YearHolidayData, YearHolidayInput } from './year-holiday-data.ts';
export { validateYearHolidayData } from './year-holiday-data.ts';
export { HolidayCalendar } from './holiday-calendar.ts';
export { chineseDaysYears, defaultHolidayCalendar } from './chinese-days-data.ts';
export type { WorkingDayOracle } from './working-days.ts';

export type { DurationBound, DurationCode, DurationUnit, StatutoryDuration } from './durations.ts';
export {
  ruleInForce,
  ruleVersions,
  selectRuleInForce,
  selectRuleVersions,
  STATUTORY_DURATIONS,
} from './durations.ts';
export type { RuleProfile, RuleProfileCode } from './rule-profiles.ts';
export { isRuleProfileCode, RULE_PROFILE_CODES, RULE_PROFILES } from './rule-profiles.ts';
export { durationEnd } from './duration-end.ts';
export { bondInterestFen, DEMAND_DEPOSIT_RATE_BP, refundDueDate } from './bond-refund.ts';
export { GUARANTEE_VAT_RATE_BP, guaranteePremiumFen, vatSplitFen } from './guarantee-premium.ts';
export { PERFORMANCE_BOND_MAX_BP, perMilleFeeFen, perMilleToPpm, performanceBondCapFen, ppmToPerMille } from './fees.ts';
export type { UnsealFault, UnsealOutcome, HallFacts, HallStage, QuorumFailure } from './opening-hall.ts';
export { unsealFailureOutcome, unsealingOpen, unsealWindowEnd, hallStage, MIN_BIDS_TO_OPEN, openingQuorum } from './opening-hall.ts';

export type { TimetableField } from './timetable-fields.ts';
export { PREQUALIFICATION_FIELDS, TIMETABLE_FIELDS } from './timetable-fields.ts';
export type {
  ClarificationEffect,
  ClarificationOptions,
  ClarifiedDocuments,
  LawfulBound,
  LawfulDate,
  ProcurementKind,
  SectionTimetable,
  TenderMethod,
  TimetableInstant,
  TimetableOptions,
  TimetableValidation,
  TimetableViolation,
  TimetableViolationCode,
} from './timetable.ts';
export { clarificationEffect, isGovernmentProcurement, validateTimetable } from './timetable.ts';

export type { RulesErrorCode } from './rules.errors.ts';
export {
  CalendarDataMissingError,
  InvalidBusinessDateError,
  InvalidCalendarDataError,
  RuleNotInForceError,
  RulesError,
  rulesErrorCodes,
} from './rules.errors.ts';

export type { Avoidance, CommitteeIssue, CommitteePlanFacts, CommitteeRule, DrawCriteria, EligibleExperts, PoolExpert, UnitRef } from './committee.ts';
export { committeeIssues, eligibleExperts, FORMER_EMPLOYER_YEARS, normaliseUnitName } from './committee.ts';

export * from './evaluation/index.ts';
export type { Ballot, VoteTally } from './award/separated-award.ts';
export { checkAwardCommittee, lowestPriceCandidates, MIN_AWARD_COMMITTEE, tallyVotes, voteShortlist } from './award/separated-award.ts';
