import { z } from 'zod';
import { isoDateTime, uuid } from './common.ts';
import { bidPart, bidSummaryField } from './documents.ts';
import { jsonSignature, logReceipt, timestampToken } from './trust.ts';

/**
 * Bidding (module `bidding`, decision 0019): sealed bids prepared and sealed where the bidder is,
 * uploaded resumably (tus), submitted with a signed manifest, answered with a signed receipt
 * (A-87…A-104, B-016, B-042). Before the opening nobody but the bidder learns that a bid exists.
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a 64-digit lower-case hex hash');
const hex32 = z.string().regex(/^[0-9a-f]{32}$/, 'a 32-digit lower-case hex id');

// ---------------------------------------------------------------------------------------------------
// What the document requires: read by a bidder who obtained the document

/** An opening custodian's key: the content keys' k-of-n shares are wrapped to these. */
export const custodianKeyView = z.object({
  /** 1-based slot in the envelope, in this order. */
  index: z.number().int().min(1),
  label: z.string(),
  /** keyId(): hex SM3 of the key's SubjectPublicKeyInfo. */
  keyId: hex64,
  publicKeyPem: z.string(),
  holder: z.enum(['centre', 'supervisor', 'tenderer']),
});
export type CustodianKeyView = z.infer<typeof custodianKeyView>;

/**
 * What a section takes sealed submissions for (decision 0023): prequalification applications until the
 * application deadline (资格预审申请文件), then bids until the bid deadline. A section tendered without
 * prequalification has only the 'bid' sitting.
 */
export const SITTINGS = ['application', 'bid'] as const;
export const sitting = z.enum(SITTINGS);
export type Sitting = z.infer<typeof sitting>;

export const BOND_FORMS = ['deposit', 'guarantee'] as const;
export const bondForm = z.enum(BOND_FORMS);
export type BondForm = z.infer<typeof bondForm>;

export const biddingRequirements = z.object({
  sectionId: uuid,
  sectionCode: z.string(),
  sectionName: z.string(),
  round: z.number().int(),
  tendererName: z.string(),
  /** Applications (the prequalification document answers) or bids (the tender document). */
  sitting,
  document: z.object({
    kind: z.enum(['tender', 'prequalification']),
    id: uuid,
    version: z.number().int(),
    contentSm3: hex64,
    parts: z.array(bidPart),
    bidSummaryFields: z.array(bidSummaryField),
    /** The instructions chapter's fields the bidder must meet (durationDays, qualityStandard …), as label → value. */
    requirements: z.array(z.object({ key: z.string(), label: z.string(), value: z.string().nullable() })),
  }),
  /** The sitting's deadline (the application deadline for applications); the server's clock decides. */
  bidDeadline: isoDateTime,
  serverTime: isoDateTime,
  /** Submissions, changes and withdrawals are accepted now. */
  open: z.boolean(),
  sealing: z.object({
    suites: z.array(z.enum(['gm', 'intl'])),
    custodians: z.array(custodianKeyView),
    threshold: z.number().int().min(2),
    /** Hex SM3 of the canonical JSON of [{index, keyId}] and the threshold: a sealed part must match. */
    custodianSetSm3: hex64,
  }),
  bond: z.object({
    required: z.boolean(),
    /** Integer fen, as a decimal string; null when no bond is required. */
    amountFen: z.string().nullable(),
    forms: z.array(bondForm),
  }),
});
export type BiddingRequirements = z.infer<typeof biddingRequirements>;

// ---------------------------------------------------------------------------------------------------
// The signed manifest (bidhall-bid-manifest/1, docs/sealed-bid-format.md) as the API carries it

export const manifestPartShape = z.strictObject({
  partId: hex32,
  name: z.string().min(1).max(200),
  role: z.enum(['bidSummary', 'file']),
  size: z.number().int().min(0),
  plaintextHash: hex64,
  ciphertextSize: z.number().int().min(1),
  ciphertextHash: hex64,
  /** The document's part key this file answers (commercial, technical …); absent for the bidSummary. */
  partKey: z.string().min(1).max(40).optional(),
  /** Media type of the plaintext (application/pdf …), from the tool. */
  mediaType: z.string().min(1).max(100).optional(),
});

/** Collusion screening later (task 4): hashes only, never the identifiers themselves. */
export const preparationFingerprint = z.strictObject({
  tool: z.enum(['web', 'cli']),
  toolVersion: z.string().min(1).max(40),
  /** Hex SM3 of device identifiers (CLI: host name, MAC addresses, machine id; web: a per-browser random id kept in IndexedDB). */
  deviceHash: hex64,
  /** Hex SM3 of each file's creator/producer/author metadata, where the tool could read it. */
  fileMetaHashes: z.array(hex64).max(100),
});
export type PreparationFingerprint = z.infer<typeof preparationFingerprint>;

export const bidManifestShape = z.strictObject({
  format: z.literal('bidhall-bid-manifest/1'),
  sectionId: uuid,
  bidderId: uuid,
  createdAt: isoDateTime,
  suite: z.enum(['gm', 'intl']),
  hashAlg: z.enum(['sm3', 'sha256']),
  parts: z.array(manifestPartShape).min(1).max(100),
  /** The document version the bid answers (a clarification after sealing asks the bidder to confirm or replace). */
  document: z.strictObject({ id: uuid, version: z.number().int().min(1), contentSm3: hex64 }).optional(),
  bond: z.strictObject({ form: bondForm, reference: z.string().min(1).max(100).optional() }).optional(),
  preparation: preparationFingerprint.optional(),
});
export type BidManifestInput = z.infer<typeof bidManifestShape>;

export const signedManifestShape = z.strictObject({ manifest: bidManifestShape, signature: jsonSignature });

// ---------------------------------------------------------------------------------------------------
// Uploads (tus 1.0 at /api/v1/bid-uploads): Upload-Metadata carries sectionId, partId, name

export const bidUploadMetadata = z.strictObject({
  sectionId: uuid,
  partId: hex32,
  /** The part name in the manifest (file name within the bid, or "bidSummary"). */
  name: z.string().min(1).max(200),
  filetype: z.string().max(100).optional(),
  filename: z.string().max(200).optional(),
});
export type BidUploadMetadata = z.infer<typeof bidUploadMetadata>;

// ---------------------------------------------------------------------------------------------------
// Submission

export const bidSubmitRequest = z.strictObject({
  signedManifest: signedManifestShape,
  /** The bidder's signing certificate (PEM), bound to its entity; its key must be the manifest signer's and the parts' bidder key. */
  certificatePem: z.string().min(100).max(20_000),
  /** For each manifest part: the finished upload that carries it, or the same part kept from the bid this one replaces. */
  parts: z
    .array(z.strictObject({ partId: hex32, uploadId: z.string().min(1).max(100).optional(), keep: z.literal(true).optional() }))
    .min(1)
    .max(100),
  /** The bid this submission replaces (modify or supplement); absent for the first. */
  replaces: uuid.optional(),
});
export type BidSubmitRequest = z.infer<typeof bidSubmitRequest>;

export const BID_STATUSES = ['submitted', 'superseded', 'withdrawn'] as const;
export const bidStatus = z.enum(BID_STATUSES);

/** What the platform signs: the server's receipt time, the manifest's SM3, the log entry committing to it. */
export const bidReceipt = z.object({
  type: z.literal('bidhall.bidReceipt/1'),
  event: z.enum(['submitted', 'withdrawn']),
  receiptId: uuid,
  bidId: uuid,
  sectionId: uuid,
  round: z.number().int(),
  /** Present for a prequalification application only: a receipt without it is for a bid. */
  sitting: z.literal('application').optional(),
  entity: z.object({ id: uuid, name: z.string() }),
  userId: uuid,
  /** Hex SM3 of the canonical JSON of the signed manifest (manifest and signature). */
  manifestSm3: hex64,
  parts: z.number().int(),
  ciphertextBytes: z.number().int(),
  receivedAt: isoDateTime,
  /** The public log entry: it carries only `commitment`, so the log does not tell who bid where. */
  logIndex: z.number().int(),
  /** Hex SM3(salt || canonical JSON of this receipt without commitment, salt, logIndex, timestamp, signature). */
  commitment: hex64,
  /** Hex salt of the commitment; given to the bidder only. */
  salt: hex32,
  timestamp: timestampToken,
  signature: jsonSignature,
});
export type BidReceipt = z.infer<typeof bidReceipt>;

/** A receipt with the log's inclusion proof at the moment it was issued. */
export const bidReceiptResponse = z.object({ receipt: bidReceipt, logReceipt: logReceipt });
export type BidReceiptResponse = z.infer<typeof bidReceiptResponse>;

export const bidView = z.object({
  id: uuid,
  sectionId: uuid,
  sectionCode: z.string(),
  sectionName: z.string(),
  round: z.number().int(),
  sitting,
  status: bidStatus,
  /** 1 for the first submission; each replacement adds one. */
  sequence: z.number().int(),
  replaces: uuid.nullable(),
  receivedAt: isoDateTime,
  withdrawnAt: isoDateTime.nullable(),
  documentVersion: z.number().int().nullable(),
  /** The document changed after the bid was sealed: confirm or replace it. */
  documentChanged: z.boolean(),
  confirmedDocumentVersion: z.number().int().nullable(),
  /** The sitting's deadline (the application deadline for an application). */
  bidDeadline: isoDateTime,
  parts: z.array(z.object({ partId: hex32, name: z.string(), role: z.enum(['bidSummary', 'file']), ciphertextSize: z.number().int(), ciphertextSm3: hex64 })),
  bond: z.object({ form: bondForm, reference: z.string().nullable(), status: z.enum(['ok', 'missing', 'short', 'late', 'notRequired', 'invalid']), detail: z.string().nullable() }).nullable(),
  receipts: z.array(bidReceiptResponse),
});
export type BidView = z.infer<typeof bidView>;

export const bidConfirmRequest = z.strictObject({
  /** The document version now confirmed; must be the current one. */
  documentVersion: z.number().int().min(1),
  /** JSON signature by the certificate's key over {bidId, documentVersion, documentSm3}. */
  signature: jsonSignature,
  certificatePem: z.string().min(100).max(20_000),
});

// ---------------------------------------------------------------------------------------------------
// Custodian key registry (the centre and the supervisor per region, a tenderer for its entity)

export const custodianKeyRequest = z.strictObject({
  label: z.string().trim().min(1).max(100),
  /** An SM2 or P-256 public key (SubjectPublicKeyInfo PEM); or give certificatePem. */
  publicKeyPem: z.string().min(50).max(10_000).optional(),
  certificatePem: z.string().min(100).max(20_000).optional(),
  /** Staff and supervisors: a region they answer for (default their own); tenderers name none. */
  regionCode: z.string().regex(/^[1-9][0-9]{5}$/).optional(),
});
export type CustodianKeyRequest = z.infer<typeof custodianKeyRequest>;

export const registeredCustodianKey = z.object({
  id: uuid,
  holder: z.enum(['centre', 'supervisor', 'tenderer']),
  regionCode: z.string().nullable(),
  entityId: uuid.nullable(),
  label: z.string(),
  keyId: hex64,
  keyAlg: z.string(),
  publicKeyPem: z.string(),
  registeredAt: isoDateTime,
  retiredAt: isoDateTime.nullable(),
});
export type RegisteredCustodianKey = z.infer<typeof registeredCustodianKey>;

/** A withdrawal: signed by the bidder's bound certificate over the canonical JSON {bidId, action: 'withdraw'}. */
export const bidWithdrawRequest = z.strictObject({
  certificatePem: z.string().min(100).max(20_000),
  signature: jsonSignature,
});
export type BidWithdrawRequest = z.infer<typeof bidWithdrawRequest>;

// ---------------------------------------------------------------------------------------------------
// The bidSummary part's plaintext (bidhall-bid-summary/1): what the web app and `bidhall bid` seal, and
// what the opening reads out once it is unsealed.

export const BID_SUMMARY_FORMAT = 'bidhall-bid-summary/1';

export interface BidPerson {
  name: string;
  residentId: string;
  role?: string;
}

/** What is sealed as the bidSummary part: the field values (money in fen), the team, the bond reference. */
export interface BidSummaryPayload {
  format: typeof BID_SUMMARY_FORMAT;
  sectionId: string;
  fields: Record<string, string | number>;
  projectManager: BidPerson | null;
  team: BidPerson[];
  bond: { form: 'deposit' | 'guarantee'; reference: string | null } | null;
}
