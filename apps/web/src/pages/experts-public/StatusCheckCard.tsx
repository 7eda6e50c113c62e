import type { ExpertApplicationStatus } from '@bidhall/contracts';
import { Button, Card, Descriptions, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { expertsApi } from '../../api/experts.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatTime } from '../../format.ts';
import { ExpertStateTag } from '../experts/tags.tsx';

interface Values {
  id: string;
  token: string;
}

/** Anyone with an application's number and token reads its state and the decision's note. */
export function StatusCheckCard({ initial }: { initial?: Values }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<ExpertApplicationStatus>();

  useEffect(() => {
    if (initial) form.setFieldsValue(initial);
  }, [form, initial]);

  const check = async ({ id, token }: Values) => {
    setBusy(true);
    setError(undefined);
    setStatus(undefined);
    try {
      setStatus(await expertsApi.applicationStatus(id.trim(), token.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('experts.status.title')} data-testid="expert-status-check">
      <Form form={form} layout="vertical" onFinish={(v) => void check(v)} requiredMark={false}>
        <Form.Item
          label={t('experts.status.id')}
          name="id"
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { pattern: /^\s*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s*$/i, message: t('experts.validation.applicationId') }]}
        >
          <Input className="mono" autoComplete="off" data-testid="status-id" />
        </Form.Item>
        <Form.Item label={t('experts.status.token')} name="token" rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.Password className="mono" autoComplete="off" data-testid="status-token" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="status-check">
          {t('experts.status.check')}
        </Button>
      </Form>
      {/* A malformed number or token is, to the applicant, just a wrong one. */}
      <ProblemAlert error={error} message={error instanceof ApiError && error.code === 'VALIDATION_FAILED' ? t('errors.EXPERT_APPLICATION_NOT_FOUND') : undefined} />
      {status && (
        <Descriptions
          className="expert-status-result"
          size="small"
          column={1}
          data-testid="status-result"
          items={[
            { key: 'state', label: t('experts.status.state'), children: <ExpertStateTag state={status.state} /> },
            { key: 'applied', label: t('experts.status.appliedAt'), children: formatTime(status.appliedAt, true) },
            { key: 'decided', label: t('experts.status.decidedAt'), children: formatTime(status.decidedAt, true) },
            ...(status.decisionNote ? [{ key: 'note', label: t('experts.status.note'), children: status.decisionNote }] : []),
          ]}
        />
      )}
    </Card>
  );
}
