import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { isStaffOf } from './access.ts';
import { type ProjectsDeps, tables } from './projects.deps.ts';
import type { ReviewTable } from './projects.tables.ts';

/**
 * Records a staff decision on the pending submission (round) of an entry form or a tendering plan: who
 * decided, when, and why (task 13, A-49). Only the staff of the subject's region decide.
 */
export async function decide(
  deps: Pick<ProjectsDeps, 'clock' | 'catalog'>,
  trx: Db,
  principal: Principal,
  subject: { type: ReviewTable['subject_type']; id: string; regionCode: string },
  decision: { decision: 'approve' | 'reject'; comment: string },
): Promise<{ round: number; reviewedAt: Date }> {
  if (principal.kind !== 'staff' || !isStaffOf(deps, principal, subject.regionCode)) {
    throw new DomainError('REVIEW_OUT_OF_SCOPE', `only trading-centre staff of region ${subject.regionCode} review this`);
  }
  if (decision.decision === 'reject' && !decision.comment) {
    throw new DomainError('VALIDATION_FAILED', 'a rejection states its reason (comment)');
  }
  const pending = await tables(trx)
    .selectFrom('projects.review')
    .selectAll()
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('decision', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!pending) throw new DomainError('VALIDATION_FAILED', 'nothing is pending review');
  const reviewedAt = deps.clock.now();
  await tables(trx)
    .updateTable('projects.review')
    .set({ decision: decision.decision, comment: decision.comment, reviewed_by: principal.userId, reviewer_name: principal.displayName, reviewed_at: reviewedAt })
    .where('id', '=', pending.id)
    .execute();
  return { round: pending.round, reviewedAt };
}
