import { z } from 'zod';

export const uuid = z.uuid();
export const regionCode = z.string().regex(/^[1-9]\d{5}$/, 'a six-digit GB/T 2260 region code');
/**
 * The span of dates the platform accepts (issue 9 §4): wide enough for any project, a CRL or a
 * certificate, narrow enough that date arithmetic on them (a 366-day period, a year's working days)
 * never leaves the range the rules and the database compute in.
 */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2199-12-31';
const INSTANT_MIN = Date.parse(`${DATE_MIN}T00:00:00Z`);
const INSTANT_MAX = Date.parse(`${DATE_MAX}T23:59:59.999Z`);
const dateRange = `between ${DATE_MIN} and ${DATE_MAX}`;

/** An instant with its offset, e.g. 2026-03-02T09:30:00+08:00, within the platform's date span. */
export const isoDateTime = z.iso.datetime({ offset: true }).refine((s) => {
  const ms = Date.parse(s);
  return ms >= INSTANT_MIN && ms <= INSTANT_MAX;
}, `an instant ${dateRange}`);

/** A calendar date 'YYYY-MM-DD' (a Shanghai business date) within the platform's date span. */
export const businessDate = z.iso.date().refine((s) => s >= DATE_MIN && s <= DATE_MAX, `a date ${dateRange}`);

/** An ISO date or instant that parses and lies within the platform's date span (for free-form fields). */
export function withinDateSpan(value: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value >= DATE_MIN && value <= DATE_MAX;
  const ms = Date.parse(value);
  return ms >= INSTANT_MIN && ms <= INSTANT_MAX;
}

/** RFC 9457 problem details as every error of the API is returned. */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type Problem = z.infer<typeof problem>;

/** Where an offset-paged list starts: bounded, as every count a route takes (issue 9 §4). */
export const listOffset = z.coerce.number().int().min(0).max(100_000).default(0);

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const okResponse = z.object({ ok: z.literal(true) });

/**
 * In the answer to a write of rich text only: what the allow-list took out of it (`<div> element`,
 * `class attribute on <p>`), for the editor to show the author. Absent when nothing was removed.
 */
export const removedMarkup = z.array(z.string()).optional();

/** The body of an action that takes no input: nothing, or an empty object — never unknown fields. */
export const emptyBody = z.strictObject({}).optional();

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;

/** Plain text, trimmed, `min`…`max` long: line breaks and tabs allowed, no other control character. */
export const plainText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !CONTROL.test(s), 'no control characters');

