import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exceptionsApi, type SectionDetail } from '../../api/notices.ts';
import { applyProblemToForm } from '../../api/problem.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

type Kind = 'termination' | 'retender';

/** A-197 (terminate) and A-198 (re-tender): irreversible, so behind a confirmation with a reason. */
export function ExceptionActions({ section, onDone }: { section: SectionDetail; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind>();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (section.stage === 'terminated' || section.stage === 'draft' || section.stage === 'submitted') return null;

  const open = (k: Kind) => {
    setKind(k);
    setError(undefined);
    form.resetFields();
  };
  const submit = async ({ reason }: { reason: string }) => {
    if (!kind) return;
    setBusy(true);
    setError(undefined);
    try {
      await exceptionsApi.create(section.id, { kind, reason });
      void message.success(t(`desk.exceptions.done.${kind}`));
      setKind(undefined);
      await onDone();
    } catch (err) {
      if (!applyProblemToForm(t, form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space>
      <Button danger onClick={() => open('retender')} data-testid="retender-open">
        {t('desk.exceptions.retender')}
      </Button>
      <Button danger type="primary" onClick={() => open('termination')} data-testid="terminate-open">
        {t('desk.exceptions.terminate')}
      </Button>
      <Modal
        open={!!kind}
        title={
          <>
            <ExclamationCircleOutlined className="danger-icon" /> {kind && t(`desk.exceptions.confirmTitle.${kind}`)}
          </>
        }
        okText={kind && t(`desk.exceptions.confirm.${kind}`)}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'exception-confirm' } as never}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setKind(undefined)}
        destroyOnHidden
      >
        <Alert type="warning" showIcon className="form-alert" title={kind && t(`desk.exceptions.warning.${kind}`)} />
        <ProblemAlert error={error} />
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="reason" label={t('desk.exceptions.reason')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
            <Input.TextArea rows={4} data-testid="exception-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
