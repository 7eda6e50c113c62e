import { z } from 'zod';
import { isoDateTime, regionCode, uuid } from './common.ts';
import { evaluationMethod, evaluationMethodShape, templateScope } from './documents.ts';

// Evaluation method templates (评标办法模板, A-147): per project type (works, goods, services) and
// method (scoring, lowest evaluated price); the platform's standard ones and each region's own.

const plainName = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine((s) => !/\p{Cc}/u.test(s), 'no control characters');

export const methodTemplateView = z.object({
  /** A region's template: its id; a standard one: its code. */
  id: z.string(),
  name: z.string(),
  /** null: the platform's standard template, the same everywhere. */
  regionCode: regionCode.nullable(),
  scope: templateScope,
  methodType: z.enum(['scoring', 'lowestEvaluatedPrice']),
  method: evaluationMethodShape,
  version: z.number().int(),
  /** Sections' documents whose method was set from it. */
  documents: z.number().int(),
  updatedAt: isoDateTime.nullable(),
});
export type MethodTemplateView = z.infer<typeof methodTemplateView>;

export const methodTemplateQuery = z.strictObject({
  scope: templateScope.optional(),
  methodType: z.enum(['scoring', 'lowestEvaluatedPrice']).optional(),
});
export type MethodTemplateQuery = z.infer<typeof methodTemplateQuery>;

/** A region's template: a checked method (weights add up to 100, clause numbers unique …). */
export const methodTemplateRequest = z.strictObject({
  name: plainName,
  regionCode,
  scope: templateScope,
  method: evaluationMethod,
});
export type MethodTemplateRequest = z.infer<typeof methodTemplateRequest>;

/** Set a document's method from a template (standard code or region template id). */
export const methodFromTemplateRequest = z.strictObject({
  templateId: z.union([uuid, z.string().regex(/^[a-z][a-z0-9-]{2,60}$/)]),
});
export type MethodFromTemplateRequest = z.infer<typeof methodFromTemplateRequest>;
