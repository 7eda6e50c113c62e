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
