import { z } from 'zod';

export const uuid = z.uuid();
export const regionCode = z.string().regex(/^[1-9]\d{5}$/, 'a six-digit GB/T 2260 region code');
export const isoDateTime = z.iso.datetime({ offset: true });

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

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const okResponse = z.object({ ok: z.literal(true) });

/** The body of an action that takes no input: nothing, or an empty object — never unknown fields. */
export const emptyBody = z.strictObject({}).optional();
