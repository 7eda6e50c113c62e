// English: the installation itself — the clock checked against the national time service (F-07) and
// the sandbox banner. Same keys as system.zh-CN.ts (the type enforces it).
import type systemZhCN from './system.zh-CN.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const systemEn: Strings<typeof systemZhCN> = {
  system: {
    clock: {
      verified: 'Verified',
      unverified: 'Unverified',
      verifiedHint: 'The server clock agrees with the National Time Service Center within the limit',
      unverifiedHint: 'The server clock is not verified against the time servers',
      open: 'Time source',
    },
    sandbox: {
      title: 'Sandbox',
      body: 'This platform is connected to stand-ins of outside systems ({{systems}}): nothing is sent to the real systems. For demonstration and testing only.',
      systems: {
        approval: 'investment approval platform',
        publicService: 'public service platform',
        designatedMedia: 'national designated media',
        supervision: 'administrative supervision platform',
        bank: 'bond settlement bank',
      },
    },
    calendar: {
      nav: 'Working days',
      title: 'Working-day calendar',
      subtitle:
        'Every period the platform counts in working days (clarifications, answers to objections, bond refunds…) counts on this calendar: public holidays and make-up working days as the State Council notice sets them. Periods reaching into a year without data cannot be counted.',
      missing: 'The holidays of {{years}} have not been entered',
      missingHint: 'Working-day periods reaching into that year cannot be counted yet; ask the trading centre staff to enter it.',
      missingHintEditor:
        "Working-day periods reaching into that year cannot be counted yet. Enter the rest days and make-up working days from the State Council's notice for that year.",
      year: 'Year',
      source: 'Source',
      sources: { package: 'Shipped with the platform', staff: 'Entered by staff' },
      holidays: 'Rest days ({{n}})',
      workdays: 'Make-up working days ({{n}})',
      notice: 'Notice',
      enteredAt: 'entered {{at}}',
      day: '{{m}}/{{d}}',
      runSameMonth: '{{m}}/{{d1}}–{{d2}} ({{days}} days)',
      run: '{{m1}}/{{d1}}–{{m2}}/{{d2}} ({{days}} days)',
      form: {
        title: "Enter a year's holidays",
        replaces: 'This year has data: what you save replaces it (the audit trail keeps what was entered)',
        holidays: 'Rest periods (first and last day of each, as the notice states them)',
        holidaysRequired: 'Enter at least one rest period',
        rangeRequired: 'Choose the first and last day',
        addHoliday: 'Add a rest period',
        workdays: 'Make-up working days',
        dayRequired: 'Choose a day',
        addWorkday: 'Add a make-up working day',
        remove: 'Remove',
        sourcePlaceholder: "e.g. the State Council General Office's notice on the 2027 holidays (No. …)",
        problems: 'The data has problems',
        submit: 'Save',
        stored: 'The holidays of {{year}} were saved',
      },
      calc: {
        title: 'Count working days',
        from: 'From',
        days: 'Days',
        run: 'Count',
        isWorkingDay: '{{date}}',
        working: 'working day',
        rest: 'rest day',
        after: '{{n}} working days later',
        periodEnd: 'End of a {{n}}-day period (moved past rest days)',
      },
    },
    time: {
      title: 'Time source',
      subtitle:
        'The platform clock checked against the time servers (the National Time Service Center by default): while the offset is over the limit or the measurement is too old, actions that depend on deadlines (publishing notices, issuing clarifications, obtaining documents, timestamps) wait',
      state: 'State',
      states: {
        synchronised: 'Synchronised',
        skewed: 'Offset over the limit',
        stale: 'Measurement too old',
        unmeasured: 'Not measured yet',
      },
      mode: 'Mode',
      modes: {
        strict: 'Strict: deadline actions are refused while not synchronised',
        lenient: 'Lenient (demo, development): shown, not enforced',
      },
      actions: 'Deadline actions',
      allowed: 'Allowed',
      refused: 'Waiting',
      offset: 'Offset',
      offsetHint: 'Positive: the platform clock is behind the time server',
      delay: 'Round trip',
      server: 'Answering server',
      stratum: 'Stratum',
      measuredAt: 'Measured at',
      servers: 'Configured time servers',
      limits: 'Limits',
      limitsValue: 'Offset at most {{ms}} ms; a measurement counts for {{s}} s',
      lastFailure: 'Last measurement failed ({{at}})',
      measure: 'Measure now',
      measured: 'Measured: {{state}}',
      ms: '{{value}} ms',
    },
  },
};

export default systemEn;
