import { z } from 'zod';
import { sitting } from './bidding.ts';
import { isoDateTime, uuid } from './common.ts';
import { chapterView, documentKind, evaluationMethodShape, reviewMethodShape } from './documents.ts';

/**
 * the effective documents a committee evaluates against — the issued document's current version
 * (its manifest, which lists every clarification and modification by SM3) and each clarification, as
 * the platform stored and published them. The bytes come base64 so that the reader hashes them itself.
 */
export const evaluationDocumentsView = z.object({
  sectionId: uuid,
  sitting,
  documentId: uuid,
  kind: documentKind,
  version: z.number().int().min(1),
  /** SM3 of the manifest's bytes: what every download receipt of this version names. */
  versionSm3: z.string(),
  manifestBase64: z.string(),
  clarifications: z.array(z.object({ number: z.number().int(), contentSm3: z.string(), contentBase64: z.string() })),
  /**
   * SM3 of the canonical JSON of the method the evaluation opened with — the committee's forms
   * are made from it — and of the method in the manifest; null before the evaluation is opened.
   */
  evaluationMethodSm3: z.string().nullable(),
  documentMethodSm3: z.string(),
});
export type EvaluationDocumentsView = z.infer<typeof evaluationDocumentsView>;

/** The parts of a document manifest (bidhall.tenderDocument/1) a reader shows. */
export const effectiveManifest = z.object({
  format: z.literal('bidhall.tenderDocument/1'),
  documentId: uuid,
  kind: documentKind,
  version: z.number().int(),
  section: z.object({ code: z.string(), name: z.string(), projectName: z.string() }),
  tenderer: z.object({ name: z.string() }),
  chapters: z.array(chapterView),
  method: z.union([evaluationMethodShape, reviewMethodShape]),
  attachments: z.array(z.object({ name: z.string(), sm3: z.string(), size: z.number() })),
  packagedAt: isoDateTime,
  clarifications: z
    .array(
      z.object({ number: z.number().int(), kind: z.string(), title: z.string(), contentSm3: z.string(), issuedAt: isoDateTime }),
    )
    .optional(),
});
export type EffectiveManifest = z.infer<typeof effectiveManifest>;

/** The parts of a clarification's content (bidhall.clarification/1) a reader shows. */
export const effectiveClarification = z.object({
  format: z.literal('bidhall.clarification/1'),
  documentId: uuid,
  number: z.number().int(),
  label: z.string(),
  kind: z.enum(['clarification', 'modification']),
  title: z.string(),
  bodyHtml: z.string(),
  issuedAt: isoDateTime,
});
export type EffectiveClarification = z.infer<typeof effectiveClarification>;
