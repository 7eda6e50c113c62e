import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noticesApi, type NoticeDetail } from '../../../api/notices.ts';
import { formatTime } from '../../../format.ts';
import { DeskProblem } from '../DeskProblem.tsx';
import { useDesk } from '../deskContext.ts';

/** the tenderer approves (or sends back) what its agency drafted. */
export function ReviewCard({ notice, onReviewed }: { notice: NoticeDetail; onReviewed: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { isTenderer } = useDesk();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (notice.status !== 'pendingReview') return null;

  const decide = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    setError(undefined);
    try {
      await noticesApi.review(notice.id, decision === 'approve' ? { decision } : { decision, reason: reason.trim() });
      void message.success(t(`desk.review.done.${decision}`));
      setRejecting(false);
      await onReviewed();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('desk.review.title')} className="desk-review-card" data-testid="notice-review">
      <Typography.Paragraph type="secondary">
        {t('desk.review.submittedAt', { time: formatTime(notice.submittedAt, true) })}
      </Typography.Paragraph>
      {isTenderer ? (
        <Space>
          <Button type="primary" icon={<CheckOutlined />} loading={busy && !rejecting} onClick={() => void decide('approve')} data-testid="review-approve">
            {t('desk.review.approve')}
          </Button>
          <Button danger icon={<CloseOutlined />} onClick={() => setRejecting(true)} data-testid="review-reject">
            {t('desk.review.reject')}
          </Button>
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('desk.review.waiting')}</Typography.Text>
      )}
      <DeskProblem error={error} />
      <Modal
        open={rejecting}
        title={t('desk.review.reject')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
        onOk={() => void decide('reject')}
        onCancel={() => setRejecting(false)}
        okText={t('desk.review.reject')}
        cancelText={t('common.cancel')}
      >
        <Input.TextArea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('desk.review.reason')} data-testid="review-reason" />
      </Modal>
    </Card>
  );
}
