import { z } from 'zod';
import { isoDateTime, uuid } from './common.ts';
import { jsonSignature } from './trust.ts';
import { bidSummaryField } from './documents.ts';
import { recordTemplateUsed } from './record-templates.ts';
import { sitting } from './bidding.ts';

/**
 * The remote opening hall (module `opening`, decision 0021; 不见面开标): at the deadline the bidder
 * list appears, bidders sign in and unseal (解密) their bids inside a window, the bidSummary items are
 * read out to everyone present, objections are raised and answered on the spot (Regulations art. 44).
 */

const hex32 = z.string().regex(/^[0-9a-f]{32}$/, 'a 32-digit lower-case hex id');
const base64 = z.string().min(4).max(4096).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');

export const HALL_STAGES = ['waiting', 'signIn', 'unsealing', 'readout', 'record', 'closed', 'failed'] as const;
export const hallStage = z.enum(HALL_STAGES);

/** sealed 未解密, unsealed 解密成功, failed 解密失败 (then revoked/withdrawn by its outcome), remedied: opened by the custodians. */
export const UNSEAL_STATUSES = ['sealed', 'unsealed', 'failed', 'remedied'] as const;
export const unsealStatus = z.enum(UNSEAL_STATUSES);
export type UnsealStatus = z.infer<typeof unsealStatus>;

/** Why a bid did not open: a stable code; the hall and the record say it in the reader's language. */
export const UNSEAL_FAILURE_CODES = [
  'keyMissing',
  'keyNotWrapped',
  'keyDoesNotOpen',
  'summaryMissing',
  'summaryNotInManifest',
  'summaryDoesNotOpen',
  'summaryNotSigned',
  'windowClosed',
  'remedyDoesNotOpen',
] as const;
export const unsealFailureCode = z.enum(UNSEAL_FAILURE_CODES);
export type UnsealFailureCode = z.infer<typeof unsealFailureCode>;

export const hallBidView = z.object({
  bidId: uuid,
  /** position by receipt time (1 = first received). */
  order: z.number().int().min(1),
  entityName: z.string(),
  receivedAt: isoDateTime,
  signedInAt: isoDateTime.nullable(),
  unseal: z.object({
    status: unsealStatus,
    at: isoDateTime.nullable(),
    /** Why unsealing failed: the code, and the detail (which part, what the check said). */
    code: unsealFailureCode.nullable(),
    reason: z.string().nullable(),
    /** E-bidding Measures art. 31: what a failure led to. */
    outcome: z.enum(['remedy', 'revoked', 'withdrawn']).nullable(),
  }),
  /** the bid bond as bidding checked it at submission. */
  bond: z.object({ form: z.string().nullable(), status: z.string().nullable() }),
});
export type HallBidView = z.infer<typeof hallBidView>;

export const readoutRow = z.object({
  bidId: uuid,
  order: z.number().int(),
  entityName: z.string(),
  /** The document's bidSummary fields as the bidder sealed them (money in fen, as a decimal string). */
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  bondStatus: z.string().nullable(),
  /** Applications: when it was received and what it contains, as the applicant's signed manifest lists it. */
  receivedAt: isoDateTime.optional(),
  files: z.array(z.object({ name: z.string(), size: z.number().int(), plaintextHash: z.string() })).optional(),
});
export type ReadoutRow = z.infer<typeof readoutRow>;

export const objectionView = z.object({
  id: uuid,
  entityName: z.string(),
  text: z.string(),
  raisedAt: isoDateTime,
  answer: z.string().nullable(),
  answeredAt: isoDateTime.nullable(),
});
export type ObjectionView = z.infer<typeof objectionView>;

/** The readout: the document's summary fields and a row per opened bid; also the `readout` event's data, so a client shows it at once. */
export const readoutTable = z.object({ at: isoDateTime, fields: z.array(bidSummaryField), rows: z.array(readoutRow) });
export type ReadoutTable = z.infer<typeof readoutTable>;

/** Why a hall did not proceed: fewer than 3 bids or signed-in bidders (A-109, B-033), fewer than 3 applications (A-119, B-044). */
export const HALL_FAILURE_REASONS = ['fewerThanThreeBids', 'fewerThanThreeSignedIn', 'fewerThanThreeApplications'] as const;
export const hallFailureReason = z.enum(HALL_FAILURE_REASONS);
export type HallFailureReason = z.infer<typeof hallFailureReason>;

export const hallView = z.object({
  sectionId: uuid,
  round: z.number().int(),
  /** 'application': the prequalification applications' opening (A-116…A-128) at /application-hall; 'bid': the bid opening at /hall. */
  sitting,
  sectionCode: z.string(),
  sectionName: z.string(),
  tendererName: z.string(),
  stage: hallStage,
  serverTime: isoDateTime,
  /** The hall's last event as of this view: a stream opened with `?after=` this misses nothing and replays nothing. */
  lastSeq: z.number().int(),
  /** The sitting's deadline: the bid deadline, or the application deadline in an application hall. */
  bidDeadline: isoDateTime,
  unsealStartedAt: isoDateTime.nullable(),
  unsealWindowMinutes: z.number().int(),
  unsealWindowEnd: isoDateTime.nullable(),
  /** The document lets the custodians open a bid whose bidder could not (art. 31 remedy). */
  remedyAllowed: z.boolean(),
  failure: z.object({ reason: hallFailureReason, at: isoDateTime }).nullable(),
  /** Empty before the deadline: nobody learns who has bid until the hall opens. */
  bidders: z.array(hallBidView),
  readout: readoutTable.nullable(),
  objections: z.array(objectionView),
  /** The price coefficient K the method draws at opening: the verifiable draw and, once performed, its value; null when the method draws none. */
  coefficient: z.object({ drawId: uuid.nullable(), value: z.string().nullable() }).nullable(),
  /** The caller's own bid in this hall, when the caller's entity bid. */
  mine: z.object({ bidId: uuid, signedIn: z.boolean(), unseal: unsealStatus }).nullable(),
  /** Bulk decryption after the readout (§7): parts decrypted and re-sealed for evaluation of all parts of the opened bids. */
  bulk: z.object({ done: z.number().int(), total: z.number().int(), finishedAt: isoDateTime.nullable() }).nullable(),
  /** The opening record once drawn up: its SM3, how many bidders signed, whether it is published. */
  record: z.object({ recordSm3: z.string(), drawnUpAt: isoDateTime, signatures: z.number().int(), signedByMe: z.boolean(), publishedAt: isoDateTime.nullable() }).nullable(),
  /** What the caller may do now (the UI shows the buttons these name). */
  can: z.object({
    signIn: z.boolean(),
    startUnsealing: z.boolean(),
    unseal: z.boolean(),
    object: z.boolean(),
    answer: z.boolean(),
    drawUpRecord: z.boolean(),
    signRecord: z.boolean(),
    publishRecord: z.boolean(),
  }),
});
export type HallView = z.infer<typeof hallView>;

/** What a bidder needs to unseal in the browser or the CLI: its parts' sealed headers and the key to wrap content keys to. */
export const unsealKit = z.object({
  bidId: uuid,
  /** The platform's opening key (SM2): each content key goes to the server wrapped to it. */
  openingKeyPem: z.string(),
  openingKeyId: z.string(),
  parts: z.array(z.object({ partId: hex32, name: z.string(), role: z.enum(['bidSummary', 'file']), header: z.record(z.string(), z.unknown()) })),
});
export type UnsealKit = z.infer<typeof unsealKit>;

export const unsealRequest = z.strictObject({
  /** One entry per part of the bid: its content key, wrapped to the opening key (base64). */
  keys: z.array(z.strictObject({ partId: hex32, wrappedKey: base64 })).min(1).max(100),
});
export type UnsealRequest = z.infer<typeof unsealRequest>;

/** What an opening custodian needs for the remedy: the bids awaiting it with their parts' sealed headers, and the opening key. */
export const remedyKit = z.object({
  openingKeyPem: z.string(),
  bids: z.array(
    z.object({
      bidId: uuid,
      entityName: z.string(),
      /** The caller has released a share of every part of this bid already (releasing again changes nothing). */
      releasedByMe: z.boolean(),
      parts: z.array(z.object({ partId: hex32, name: z.string(), header: z.record(z.string(), z.unknown()) })),
    }),
  ),
});
export type RemedyKit = z.infer<typeof remedyKit>;

/** A custodian's shares for the bids the remedy opens: each opened share's JSON wrapped to the opening key. */
export const shareReleaseRequest = z.strictObject({
  shares: z.array(z.strictObject({ bidId: uuid, partId: hex32, wrappedShare: base64 })).min(1).max(2000),
});
export type ShareReleaseRequest = z.infer<typeof shareReleaseRequest>;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'no control characters');

export const objectionRequest = z.strictObject({ text: text(2000) });
export const objectionAnswerRequest = z.strictObject({ answer: text(2000) });

/**
 * Every `event:` name of the hall's stream besides `time` (EventSource delivers a named event only to a
 * listener for that name, so clients listen for each of these).
 */
export const HALL_EVENT_KINDS = [
  'opened',
  'signedIn',
  'unsealingStarted',
  'unsealed',
  'unsealFailed',
  'shareReleased',
  'remedied',
  'readout',
  'coefficientDrawn',
  'objectionRaised',
  'objectionAnswered',
  'failed',
  'bulkProgress',
  'bulkUnsealed',
  'recordDrawnUp',
  'recordSigned',
  'recordPublished',
] as const;
export const hallEventKind = z.enum(HALL_EVENT_KINDS);
export type HallEventKind = z.infer<typeof hallEventKind>;

/** One event of the hall's stream; `seq` is the SSE id a reconnecting client sends back as Last-Event-ID. */
export const hallEvent = z.object({ seq: z.number().int(), kind: hallEventKind, at: isoDateTime, data: z.record(z.string(), z.unknown()) });
export type HallEvent = z.infer<typeof hallEvent>;

export const OPENING_RECORD_FORMAT = 'bidhall-opening-record/1';

/** The opening record (开标记录, A-115) as frozen: what bidders sign and the portal publishes. */
export const openingRecord = z.object({
  format: z.literal(OPENING_RECORD_FORMAT),
  sectionId: uuid,
  round: z.number().int(),
  /** Present for the opening of prequalification applications (资格预审申请文件开启记录) only. */
  sitting: z.literal('application').optional(),
  sectionCode: z.string(),
  sectionName: z.string(),
  projectName: z.string(),
  tendererName: z.string(),
  bidDeadline: isoDateTime,
  openedAt: isoDateTime,
  unsealStartedAt: isoDateTime.nullable(),
  unsealWindowEnd: isoDateTime.nullable(),
  bidders: z.array(
    z.object({
      order: z.number().int(),
      entityName: z.string(),
      receivedAt: isoDateTime,
      signedInAt: isoDateTime.nullable(),
      unseal: z.object({ status: unsealStatus, at: isoDateTime.nullable(), code: unsealFailureCode.nullable().optional(), reason: z.string().nullable(), outcome: z.string().nullable() }),
      bondStatus: z.string().nullable(),
    }),
  ),
  fields: z.array(bidSummaryField),
  readout: z.array(readoutRow),
  coefficient: z.object({ drawId: uuid.nullable(), value: z.string() }).nullable(),
  objections: z.array(z.object({ entityName: z.string(), text: z.string(), raisedAt: isoDateTime, answer: z.string().nullable(), answeredAt: isoDateTime.nullable() })),
  frozenAt: isoDateTime,
  /** The template it was drawn up from, as it stood then; absent, the platform's standard one. */
  template: recordTemplateUsed.optional(),
});
export type OpeningRecord = z.infer<typeof openingRecord>;

export const openingRecordView = z.object({
  record: openingRecord,
  /** Hex SM3 of the record's canonical JSON: what each signature covers. */
  recordSm3: z.string(),
  signatures: z.array(z.object({ entityName: z.string(), signedAt: isoDateTime })),
  publishedAt: isoDateTime.nullable(),
  publicationId: uuid.nullable(),
});
export type OpeningRecordView = z.infer<typeof openingRecordView>;

/** A bidder signs {action: 'signOpeningRecord', sectionId, round, recordSm3} with its bound certificate. */
export const recordSignRequest = z.strictObject({ certificatePem: z.string().min(100).max(20_000), signature: jsonSignature });
export type RecordSignRequest = z.infer<typeof recordSignRequest>;
