import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem.ts';
import { ReasonModal } from '../pages/admin/ReasonModal.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';

/** What staff's verification says, from one i18n block (`t('….verify', { returnObjects: true })`). */
export interface VerifyLabels {
  approve: string;
  approveConfirm: string;
  approved: string;
  reject: string;
  rejectTitle: string;
  rejectReason: string;
  rejected: string;
}

/**
 * Staff verify what a tenderer submitted (notices, results, a contract): approve after a confirmation,
 * or send it back with a reason. `testId` prefixes `-approve`, `-reject`, `-verify-error`, `-reject-modal`.
 */
export function VerifyActions({
  labels,
  approve,
  reject,
  onChanged,
  testId,
}: {
  labels: VerifyLabels;
  approve: () => Promise<unknown>;
  reject: (reason: string) => Promise<unknown>;
  onChanged: () => Promise<void> | void;
  testId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<unknown>();

  const onApprove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await approve();
      message.success(labels.approved);
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
          title={labels.approveConfirm}
          onConfirm={() => onApprove()}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button type="primary" icon={<CheckOutlined />} loading={busy} data-testid={`${testId}-approve`}>
            {labels.approve}
          </Button>
        </Popconfirm>
        <Button
          danger
          icon={<RollbackOutlined />}
          disabled={busy}
          onClick={() => setRejecting(true)}
          data-testid={`${testId}-reject`}
        >
          {labels.reject}
        </Button>
      </Space>
      <ProblemAlert error={error} testId={`${testId}-verify-error`} />
      {rejecting && (
        <ReasonModal
          title={labels.rejectTitle}
          label={labels.rejectReason}
          danger
          onSubmit={async (reason) => {
            await reject(reason);
            return labels.rejected;
          }}
          onClose={() => setRejecting(false)}
          onDone={() => void onChanged()}
          testId={`${testId}-reject-modal`}
        />
      )}
    </>
  );
}
