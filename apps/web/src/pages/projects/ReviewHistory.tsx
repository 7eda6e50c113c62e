import type { EntryFormView } from '@bidhall/contracts';
import { Empty, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../format.ts';

type Review = EntryFormView['reviews'][number];

/** Every submission and its review: who decided, when, and why (A-52-style record of the verifier). */
export function ReviewHistory({ reviews }: { reviews: Review[] }) {
  const { t } = useTranslation();
  if (reviews.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.reviews.none')} />;
  return (
    <Timeline
      data-testid="review-history"
      items={[...reviews].reverse().map((r) => ({
        key: r.round,
        color: r.decision === 'approve' ? 'green' : r.decision === 'reject' ? 'red' : 'blue',
        content: (
          <div>
            <div>
              <strong>{t('projects.reviews.round', { round: r.round })}</strong>
              <span className="muted small">
                {' '}
                · {t('projects.reviews.submittedAt')} {formatTime(r.submittedAt)}
              </span>
            </div>
            {r.decision ? (
              <div>
                <Tag color={r.decision === 'approve' ? 'success' : 'error'}>{t(`projects.reviews.${r.decision}`)}</Tag>
                <span className="muted small">
                  {t('projects.reviews.reviewer')} {r.reviewerName ?? r.reviewedBy ?? '—'} · {t('projects.reviews.reviewedAt')}{' '}
                  {formatTime(r.reviewedAt)}
                </span>
                {r.comment && <div className="review-comment">{r.comment}</div>}
              </div>
            ) : (
              <Tag color="processing">{t('projects.reviews.awaiting')}</Tag>
            )}
          </div>
        ),
      }))}
    />
  );
}
