import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awardApi } from '../../../api/award.ts';
import { problemMessage } from '../../../api/problem.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ReasonModal } from '../../admin/ReasonModal.tsx';

/** Staff verify the signed notices: approved, they are published and issued; sent back with a reason. */
export function NoticeVerify({ sectionId, onChanged }: { sectionId: string; onChanged: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<unknown>();

  const approve = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await awardApi.verifyNotices(sectionId, { decision: 'approve' });
      message.success(t('award.notices.verify.approved'));
      await onChanged();
    } catch (err) {
      setError(err);
      message.error(problemMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Space wrap>
        <Popconfirm
          title={t('award.notices.verify.approveConfirm')}
          onConfirm={() => approve()}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button type="primary" icon={<CheckOutlined />} loading={busy} data-testid="notices-approve">
            {t('award.notices.verify.approve')}
          </Button>
        </Popconfirm>
        <Button
          danger
          icon={<RollbackOutlined />}
          disabled={busy}
          onClick={() => setRejecting(true)}
          data-testid="notices-reject"
        >
          {t('award.notices.verify.reject')}
        </Button>
      </Space>
      <ProblemAlert error={error} testId="notices-verify-error" />
      {rejecting && (
        <ReasonModal
          title={t('award.notices.verify.rejectTitle')}
          label={t('award.notices.verify.rejectReason')}
          danger
          onSubmit={async (reason) => {
            await awardApi.verifyNotices(sectionId, { decision: 'reject', reason });
            return t('award.notices.verify.rejected');
          }}
          onClose={() => setRejecting(false)}
          onDone={() => void onChanged()}
          testId="notices-reject-modal"
        />
      )}
    </>
  );
}
