import { z } from 'zod';
import { isoDateTime, uuid } from './common.ts';
import { pricedBillComparison } from './priced-boq.ts';
import { fenDecimal } from './projects.ts';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a 64-digit lower-case hex hash');
/** A part's id in a sealed bid (32 hex digits). */
const partId = z.string().regex(/^[0-9a-f]{32}$/, 'a part id: 32 lower-case hex digits');

/**
 * The committee reads and compares the bids (issue 12 §4, decision 0028): each read-out bid's files
 * the read-out values against the document's requirements and across bids, the price
 * checks and the red flags of collusion.
 */

// ---------------------------------------------------------------------------------------------------
// Bid files

export const bidFilePart = z.object({
  partId,
  name: z.string(),
  role: z.enum(['bidSummary', 'file']),
  /** The document's part this file answers (commercial, technical …); null for the bidSummary. */
  partKey: z.string().nullable(),
  /** The document's name of that part (商务文件 …), when it has one. */
  partName: z.string().nullable(),
  mediaType: z.string().nullable(),
  /** Plaintext bytes, as the bidder signed them. */
  size: z.number().int(),
  /** The evaluation copy exists (the bulk decryption has done this part). */
  available: z.boolean(),
});
export type BidFilePart = z.infer<typeof bidFilePart>;

export const bidFilesView = z.object({
  /** The bulk decryption has finished: every part of every opened bid has its copy. */
  finished: z.boolean(),
  bids: z.array(z.object({ bidId: uuid, entityName: z.string(), receivedAt: isoDateTime, parts: z.array(bidFilePart) })),
});
export type BidFilesView = z.infer<typeof bidFilesView>;

export const bidFileParams = z.strictObject({ id: uuid, bidId: uuid, partId });
/** `attachment` asks for a download; by default a PDF opens inline and anything else downloads. */
export const bidFileQuery = z.strictObject({ disposition: z.enum(['inline', 'attachment']).optional() });

// ---------------------------------------------------------------------------------------------------
// Comparison and price checks

export const COMPARISON_DEVIATIONS = ['missing', 'aboveControl', 'overDuration', 'belowQuality', 'bondMissing'] as const;
export const comparisonDeviation = z.object({
  /** The read-out field (price, durationDays, quality) or `bond`. */
  field: z.string(),
  kind: z.enum(COMPARISON_DEVIATIONS),
  /** What the document requires (fen, days, the standard), as text. */
  required: z.string().nullable(),
  actual: z.string().nullable(),
});
export type ComparisonDeviation = z.infer<typeof comparisonDeviation>;

export const comparisonView = z.object({
  /** The document's requirements: the control price (最高投标限价), the longest duration, the quality standard, the bond. */
  requirements: z.object({ controlPriceFen: fenDecimal.nullable(), maxDurationDays: z.number().int().nullable(), qualityStandard: z.string().nullable(), bidBondFen: fenDecimal.nullable() }),
  /** The bidSummary fields read out, in the document's order. */
  fields: z.array(z.object({ key: z.string(), label: z.string(), type: z.enum(['money', 'integer', 'text', 'select']), unit: z.string().nullable() })),
  bids: z.array(
    z.object({
      bidId: uuid,
      entityName: z.string(),
      receivedAt: isoDateTime,
      values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
      bond: z.object({ form: z.string().nullable(), status: z.string().nullable() }),
      deviations: z.array(comparisonDeviation),
    }),
  ),
  /** Per numeric field: across the bids, and each bid's difference from the mean (fen or units; percent of the mean). */
  statistics: z.array(
    z.object({
      field: z.string(),
      count: z.number().int(),
      min: z.string(),
      max: z.string(),
      mean: z.number(),
      bids: z.array(z.object({ bidId: uuid, fromMean: z.number(), fromMeanPercent: z.number().nullable() })),
    }),
  ),
  priceChecks: z
    .object({
      controlPriceFen: fenDecimal,
      bids: z.array(z.object({ bidId: uuid, priceFen: fenDecimal, differenceFen: z.string(), differencePercent: z.number(), aboveControl: z.boolean() })),
    })
    .nullable(),
  /** The priced bills of quantities against the tender bill and across the bids; null when the document has no bill. */
  pricedBill: pricedBillComparison.nullable(),
});
export type ComparisonView = z.infer<typeof comparisonView>;

// ---------------------------------------------------------------------------------------------------
// Red flags

export const RED_FLAG_KINDS = ['sharedDevice', 'sharedFileMetadata', 'identicalFile', 'identicalPrice', 'arithmeticPrices', 'closeSubmissions'] as const;
const flagged = { bidIds: z.array(uuid), entityNames: z.array(z.string()) };
export const redFlagView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sharedDevice'), ...flagged, evidence: z.object({ deviceHash: hex64 }) }),
  z.object({ kind: z.literal('sharedFileMetadata'), ...flagged, evidence: z.object({ fileMetaHash: hex64 }) }),
  z.object({ kind: z.literal('identicalFile'), ...flagged, evidence: z.object({ plaintextHash: z.string(), size: z.number().int(), files: z.array(z.object({ bidId: uuid, name: z.string() })) }) }),
  z.object({ kind: z.literal('identicalPrice'), ...flagged, evidence: z.object({ priceFen: fenDecimal }) }),
  z.object({ kind: z.literal('arithmeticPrices'), ...flagged, evidence: z.object({ stepFen: fenDecimal, pricesFen: z.array(fenDecimal) }) }),
  z.object({ kind: z.literal('closeSubmissions'), ...flagged, evidence: z.object({ deviceHash: hex64, spanSeconds: z.number(), receivedAt: z.array(isoDateTime) }) }),
]);
export type RedFlagView = z.infer<typeof redFlagView>;

export const redFlagsView = z.object({
  /** Bids whose manifest carries no preparation fingerprint: the device and metadata checks could not look at them. */
  withoutFingerprint: z.array(uuid),
  flags: z.array(redFlagView),
});
export type RedFlagsView = z.infer<typeof redFlagsView>;
