import type { BidderEvaluationClarificationView, EvaluationClarificationAttachment, EvaluationClarificationItem, EvaluationClarificationStatus, EvaluationClarificationView } from '@bidhall/contracts';
import { json } from './evaluation.deps.ts';
import type { ClarificationTable, ClarificationUploadTable } from './clarification.tables.ts';

type Row = Pick<
  ClarificationTable,
  'id' | 'section_id' | 'bid_id' | 'entity_name' | 'items' | 'deadline' | 'requested_at' | 'withdrawn_at' | 'answers' | 'answers_sm3' | 'attachments' | 'answered_at' | 'certificate_fingerprint'
>;

export function statusOf(row: Pick<Row, 'withdrawn_at' | 'answered_at' | 'deadline'>, now: Date): EvaluationClarificationStatus {
  if (row.withdrawn_at) return 'withdrawn';
  if (row.answered_at) return 'answered';
  return now >= row.deadline ? 'expired' : 'awaiting';
}

export function attachmentOf(u: Pick<ClarificationUploadTable, 'sm3' | 'name' | 'media_type' | 'size'>): EvaluationClarificationAttachment {
  return { sm3: u.sm3, name: u.name, mediaType: u.media_type, size: u.size };
}

/** The request as the committee and officers read it. */
export function clarificationViewOf(row: Row, now: Date): EvaluationClarificationView {
  return {
    id: row.id,
    sectionId: row.section_id,
    bidId: row.bid_id,
    entityName: row.entity_name,
    items: json<EvaluationClarificationItem[]>(row.items),
    deadline: row.deadline.toISOString(),
    requestedAt: row.requested_at.toISOString(),
    status: statusOf(row, now),
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    answer: row.answered_at
      ? {
          items: json<EvaluationClarificationItem[]>(row.answers),
          answersSm3: row.answers_sm3!,
          attachments: json<EvaluationClarificationAttachment[]>(row.attachments),
          answeredAt: row.answered_at.toISOString(),
          certificateFingerprint: row.certificate_fingerprint!,
        }
      : null,
  };
}

/** The request as its bidder reads it: no other bidder's name, no count of anything. */
export function bidderViewOf(row: Row, section: { name: string; code: string }, uploads: EvaluationClarificationAttachment[], now: Date): BidderEvaluationClarificationView {
  const { entityName: _omitted, ...rest } = clarificationViewOf(row, now);
  return { ...rest, sectionName: section.name, sectionCode: section.code, uploads: row.answered_at ? [] : uploads, serverTime: now.toISOString() };
}
