import { z } from 'zod';
import { isoDateTime } from './common.ts';
import { jsonSignature } from './trust.ts';

/**
 * Evaluation clarifications (评标澄清, Tendering Law Implementing Regulations art. 52, decision 0029):
 * the committee's chair asks one bidder in writing to clarify obvious ambiguities or errors in its bid;
 * the bidder answers each item, with attachments, signed with its bound certificate. Not the tender
 * document's clarifications (答疑澄清) before the deadline.
 */

/** Limits the server holds the request and the answer to (the web shows the same). */
export const EVALUATION_CLARIFICATION_LIMITS = {
  items: 20,
  questionChars: 2000,
  answerChars: 5000,
  attachments: 10,
  attachmentBytes: 20 * 1024 * 1024,
  /** An answer deadline at least this far ahead of the request. */
  minLeadMinutes: 10,
} as const;

/** PDF and images only: the answer explains the bid, it does not replace parts of it. */
export const EVALUATION_CLARIFICATION_MEDIA_TYPES = { '.pdf': 'application/pdf', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' } as const;

const plain = (max: number) => z.string().trim().min(1).max(max);

export const evaluationClarificationRequestInput = z.strictObject({
  bidId: z.uuid(),
  /** The questions, numbered 1… in this order. */
  items: z.array(plain(EVALUATION_CLARIFICATION_LIMITS.questionChars)).min(1).max(EVALUATION_CLARIFICATION_LIMITS.items),
  deadline: isoDateTime,
});
export type EvaluationClarificationRequestInput = z.infer<typeof evaluationClarificationRequestInput>;

export const evaluationClarificationWithdrawInput = z.strictObject({});

export const evaluationClarificationStatus = z.enum(['awaiting', 'answered', 'withdrawn', 'expired']);
export type EvaluationClarificationStatus = z.infer<typeof evaluationClarificationStatus>;

export const evaluationClarificationItem = z.object({ number: z.number().int(), text: z.string() });
export type EvaluationClarificationItem = z.infer<typeof evaluationClarificationItem>;

export const evaluationClarificationAttachment = z.object({ sm3: z.string(), name: z.string(), mediaType: z.string(), size: z.number().int() });
export type EvaluationClarificationAttachment = z.infer<typeof evaluationClarificationAttachment>;

export const evaluationClarificationAnswerView = z.object({
  items: z.array(evaluationClarificationItem),
  answersSm3: z.string(),
  attachments: z.array(evaluationClarificationAttachment),
  answeredAt: isoDateTime,
  certificateFingerprint: z.string(),
});

/** A request as the committee and officers read it. */
export const evaluationClarificationView = z.object({
  id: z.uuid(),
  sectionId: z.uuid(),
  bidId: z.uuid(),
  entityName: z.string(),
  items: z.array(evaluationClarificationItem),
  deadline: isoDateTime,
  requestedAt: isoDateTime,
  status: evaluationClarificationStatus,
  withdrawnAt: isoDateTime.nullable(),
  answer: evaluationClarificationAnswerView.nullable(),
});
export type EvaluationClarificationView = z.infer<typeof evaluationClarificationView>;

/** A request as its bidder reads it: its own section and bid, nothing of other bidders or requests. */
export const bidderEvaluationClarificationView = evaluationClarificationView.omit({ entityName: true }).extend({
  sectionName: z.string(),
  sectionCode: z.string(),
  /** Files uploaded for the answer, not yet part of a signed one. */
  uploads: z.array(evaluationClarificationAttachment),
  /** The server's time when this was read: the countdown runs on it. */
  serverTime: isoDateTime,
});
export type BidderEvaluationClarificationView = z.infer<typeof bidderEvaluationClarificationView>;

export const evaluationClarificationUploadQuery = z.strictObject({
  name: z.string().trim().min(1).max(200).regex(/^[^/\\\0]+\.(pdf|jpe?g|png)$/i, 'a PDF or image file name without folders'),
});

export const evaluationClarificationFileParams = z.strictObject({ id: z.uuid(), sm3: z.string().regex(/^[0-9a-f]{64}$/) });

export const evaluationClarificationAnswerInput = z.strictObject({
  /** One answer per item, by its number. */
  answers: z.array(z.strictObject({ number: z.number().int().min(1).max(EVALUATION_CLARIFICATION_LIMITS.items), text: plain(EVALUATION_CLARIFICATION_LIMITS.answerChars) })).min(1).max(EVALUATION_CLARIFICATION_LIMITS.items),
  /** SM3s of files uploaded for this request, in the order signed. */
  attachments: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(EVALUATION_CLARIFICATION_LIMITS.attachments),
  certificatePem: z.string().min(100).max(20_000),
  signature: jsonSignature,
});
export type EvaluationClarificationAnswerInput = z.infer<typeof evaluationClarificationAnswerInput>;

/** What the bidder signs (canonical JSON): the answers by their SM3, the attachments by theirs. */
export function evaluationClarificationAnswerPayload(requestId: string, answersSm3: string, attachments: readonly string[]) {
  return { action: 'answerEvaluationClarification', requestId, answersSm3, attachments: [...attachments] };
}

/** The answers as hashed: sorted by number, only number and text (hex SM3 of their canonical JSON). */
export function evaluationClarificationAnswersForHash(answers: readonly { number: number; text: string }[]) {
  return [...answers].sort((a, b) => a.number - b.number).map((a) => ({ number: a.number, text: a.text }));
}
