import { z } from 'zod';

// The public log, timestamps and draws as the API serves them; server, web and CLI share these.

export const jsonSignature = z.object({ alg: z.enum(['SM2-SM3', 'ES256']), keyId: z.string(), sig: z.string() });

export const signedTreeHead = z.object({
  logId: z.string(),
  treeSize: z.number().int(),
  timestamp: z.number().int(),
  rootHash: z.string(),
  signature: jsonSignature,
});

export const timestampToken = z.object({
  version: z.literal(1),
  hashAlg: z.enum(['SM3', 'SHA-256']),
  messageImprint: z.string(),
  genTime: z.string(),
  serial: z.string(),
  tsa: z.string(),
  signature: jsonSignature,
});
export type TimestampTokenView = z.infer<typeof timestampToken>;

export const logKey = z.object({ keyId: z.string(), publicKeyPem: z.string() });
export type LogKey = z.infer<typeof logKey>;

export const logEntry = z.object({ index: z.number().int(), entry: z.string(), appendedAt: z.string() });
export type LogEntry = z.infer<typeof logEntry>;

export const logReceipt = z.object({
  index: z.number(),
  entry: z.string(),
  treeHead: signedTreeHead,
  auditPath: z.array(z.string()),
  timestamp: timestampToken,
});
export type LogReceipt = z.infer<typeof logReceipt>;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a 64-digit lower-case hex hash');

/** A witness's co-signature over one signed tree head (decision 0014), as the witness posts it. */
export const cosignature = z.strictObject({
  logId: z.string().min(1).max(100),
  treeSize: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  timestamp: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  rootHash: hex64,
  cosignedAt: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  witnessKeyPem: z.string().min(1).max(2000),
  signature: z.strictObject({ alg: z.enum(['SM2-SM3', 'ES256']), keyId: hex64, sig: z.string().min(1).max(400) }),
});
export type CosignatureInput = z.infer<typeof cosignature>;

export const cosignatureView = z.object({
  /** keyId() of the witness's key: how a witness is named. */
  witnessKeyId: z.string(),
  treeSize: z.number().int(),
  receivedAt: z.string(),
  cosignature: cosignature,
});
export type CosignatureView = z.infer<typeof cosignatureView>;

/** A head the platform published at its fixed interval, with the witnesses that co-signed it. */
export const publishedHeadView = z.object({
  head: signedTreeHead,
  publishedAt: z.string(),
  cosignatures: z.array(cosignatureView),
});
export type PublishedHeadView = z.infer<typeof publishedHeadView>;

export const drawConstraints = z.object({
  exclude: z.array(z.string()).optional(),
  maxPerGroup: z.object({ groupOf: z.record(z.string(), z.string()), max: z.number().int() }).optional(),
});

/** A draw as the public sees it; after the reveal, everything needed to reproduce it. */
export const drawView = z.object({
  id: z.uuid(),
  purpose: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  count: z.number(),
  poolHash: z.string(),
  commitment: z.string(),
  committedAt: z.string(),
  commitLogIndex: z.number(),
  state: z.enum(['committed', 'performed', 'revealed']),
  performedAt: z.string().nullable(),
  head: signedTreeHead.nullable(),
  /** Hex SM3 of the canonical selection; the selection itself only once revealed. */
  selectedHash: z.string().nullable(),
  selected: z.array(z.string()).nullable(),
  revealedAt: z.string().nullable(),
  secret: z.string().nullable(),
  pool: z.array(z.string()).nullable(),
  constraints: drawConstraints.nullable(),
});
export type DrawView = z.infer<typeof drawView>;
