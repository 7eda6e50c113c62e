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
