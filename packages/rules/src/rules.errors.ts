/**
 * Refusals raised by @bidhall/rules. Each carries a stable `code` (the same shape as the server's
 * DomainError: code, message, details) so the server can map it to a problem+json response.
 */
export const rulesErrorCodes = [
  'BUSINESS_DATE_INVALID',
  'CALENDAR_YEAR_MISSING',
  'CALENDAR_DATA_INVALID',
  'RULE_NOT_IN_FORCE',
  'SCORE_OUT_OF_RANGE',
  'EVALUATION_INPUT_INVALID',
] as const;

export type RulesErrorCode = (typeof rulesErrorCodes)[number];

export class RulesError extends Error {
  readonly code: RulesErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: RulesErrorCode, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.name = 'RulesError';
    this.code = code;
    this.details = details;
  }
}

/** A string that is not a real 'YYYY-MM-DD' date. */
export class InvalidBusinessDateError extends RulesError {
  declare readonly code: 'BUSINESS_DATE_INVALID';
  readonly input: string;

  constructor(input: string, reason: string) {
    super('BUSINESS_DATE_INVALID', `invalid business date ${JSON.stringify(input)}: ${reason}`, {
      input,
      reason,
    });
    this.name = 'InvalidBusinessDateError';
    this.input = input;
  }
}

/**
 * A computation touched a date in a year the calendar has no holiday data for. The platform never
 * guesses such a year as "weekdays only": staff must add the State Council notice first.
 */
export class CalendarDataMissingError extends RulesError {
  declare readonly code: 'CALENDAR_YEAR_MISSING';
  readonly year: number;

  constructor(year: number) {
    super(
      'CALENDAR_YEAR_MISSING',
      `no holiday data for ${year}: add the year's holidays and make-up working days`,
      {
        year,
      },
    );
    this.name = 'CalendarDataMissingError';
    this.year = year;
  }
}

/** Holiday data staff supplied for a year is inconsistent; `problems` lists every fault found. */
export class InvalidCalendarDataError extends RulesError {
  declare readonly code: 'CALENDAR_DATA_INVALID';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super('CALENDAR_DATA_INVALID', `invalid holiday data: ${problems.join('; ')}`, { problems });
    this.name = 'InvalidCalendarDataError';
    this.problems = problems;
  }
}

/** No version of a statutory rule was in force on the date asked about. */
export class RuleNotInForceError extends RulesError {
  declare readonly code: 'RULE_NOT_IN_FORCE';
  readonly ruleCode: string;
  readonly onDate: string;

  constructor(ruleCode: string, onDate: string) {
    super('RULE_NOT_IN_FORCE', `rule ${ruleCode} was not in force on ${onDate}`, { ruleCode, onDate });
    this.name = 'RuleNotInForceError';
    this.ruleCode = ruleCode;
    this.onDate = onDate;
  }
}
