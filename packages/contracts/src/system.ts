import { z } from 'zod';

/**
 * What the platform's clock is worth (F-07, decision 0015), judged by its last SNTP measurement:
 * `synchronised` within the limit and fresh; `skewed` beyond the limit; `stale` when the last good
 * measurement is too old; `unmeasured` before any answer.
 */
export const timeSourceState = z.enum(['synchronised', 'skewed', 'stale', 'unmeasured']);
export type TimeSourceState = z.infer<typeof timeSourceState>;

/** GET /api/v1/time: server time for clocks and countdowns, and whether it is vouched for. */
export const serverTimeView = z.object({
  now: z.string(),
  epochMs: z.number(),
  timeZone: z.literal('Asia/Shanghai'),
  /** The clock agrees with the configured time servers (the National Time Service Center by default). */
  synchronised: z.boolean(),
});
export type ServerTimeView = z.infer<typeof serverTimeView>;

/** GET /api/v1/time/source: the measurement behind `synchronised`, for staff. */
export const timeSourceView = z.object({
  state: timeSourceState,
  /** `strict`: deadline-critical actions are refused unless synchronised; `lenient` (demo, dev): shown, not enforced. */
  mode: z.enum(['strict', 'lenient']),
  /** Whether deadline-critical actions are allowed now. */
  trusted: z.boolean(),
  servers: z.array(z.string()),
  maxOffsetMs: z.number(),
  maxAgeSeconds: z.number(),
  /** The last answer a server gave. */
  last: z
    .object({ server: z.string(), offsetMs: z.number(), delayMs: z.number(), stratum: z.number().int(), at: z.string() })
    .nullable(),
  /** The last attempt, when it failed: every server tried and why each did not answer. */
  lastFailure: z.object({ at: z.string(), reasons: z.array(z.string()) }).nullable(),
});
export type TimeSourceView = z.infer<typeof timeSourceView>;

/** GET /api/v1/platform: facts about this installation every page may show. */
export const platformInfoView = z.object({
  version: z.string(),
  /**
   * Outside systems this installation reaches through its own sandbox stand-ins rather than the real
   * ones (the portal shows a banner while any is listed).
   */
  sandboxes: z.array(z.enum(['approval', 'publicService', 'designatedMedia', 'supervision', 'bank'])),
});
export type PlatformInfoView = z.infer<typeof platformInfoView>;
