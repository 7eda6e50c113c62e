import type { ReviewEventView } from '@bidhall/contracts';
import { Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../format.ts';

const COLOURS: Partial<Record<ReviewEventView['action'], string>> = {
  reviewApproved: 'green',
  verified: 'green',
  published: 'green',
  sent: 'green',
  reviewRejected: 'red',
  verificationRejected: 'red',
  withdrawn: 'gray',
};

/** Who did what and when to a notice or an invitation. */
export function HistoryTimeline({ history }: { history: ReviewEventView[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="review-history"
      items={history.map((e, i) => ({
        key: i,
        color: COLOURS[e.action] ?? 'blue',
        content: (
          <div data-action={e.action}>
            <strong>{t(`desk.history.${e.action}`)}</strong>
            <div className="muted">
              {e.actorName ?? t('desk.history.platform')} · {formatTime(e.occurredAt, true)}
            </div>
            {e.reason && <div className="desk-history-reason">{e.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
