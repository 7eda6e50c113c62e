import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { EVALUATION_CLARIFICATION_LIMITS, type EvaluationClarificationView } from '@bidhall/contracts';
import { App, Button, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clarificationsApi } from '../../../api/evaluationClarifications.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { useServerClock } from '../../../hooks/useServerClock.tsx';

interface Values {
  bidId: string;
  items: string[];
  deadline: Dayjs;
}

/**
 * The chair writes a request to one bid's bidder: numbered items in plain text and an answer deadline
 * inside the window (the server holds the same limits and refuses anything else).
 */
export function RequestModal({ sectionId, bids, windowEndsAt, bidId, onClose, onSent }: {
  sectionId: string;
  bids: { bidId: string; entityName: string }[];
  windowEndsAt: string;
  bidId?: string;
  onClose: () => void;
  onSent: (v: EvaluationClarificationView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { now } = useServerClock();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const end = dayjs(windowEndsAt);
  const earliest = dayjs(now()).add(EVALUATION_CLARIFICATION_LIMITS.minLeadMinutes, 'minute');

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const sent = await clarificationsApi.request(sectionId, { bidId: values.bidId, items: values.items.map((s) => s.trim()), deadline: values.deadline.toISOString() });
      message.success(t('evaluationClarify.sent'));
      onSent(sent);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('evaluationClarify.requestTitle')} onCancel={busy ? undefined : onClose} maskClosable={false} width={720} okText={t('evaluationClarify.request')} confirmLoading={busy} onOk={() => void submit()} data-testid="clarify-request-modal">
      <Typography.Paragraph type="secondary">{t('evaluationClarify.lead')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ bidId, items: [''], deadline: dayjs(Math.min(end.valueOf(), earliest.add(2, 'hour').valueOf())) }}>
        <Form.Item name="bidId" label={t('evaluationClarify.bid')} rules={[{ required: true }]}>
          <Select data-testid="clarify-bid" options={bids.map((b) => ({ value: b.bidId, label: b.entityName }))} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Form.Item key={f.key} label={t('evaluationClarify.item', { n: i + 1 })} required>
                  <div className="clarify-item-row">
                    <Form.Item name={f.name} noStyle rules={[{ required: true, whitespace: true, max: EVALUATION_CLARIFICATION_LIMITS.questionChars }]}>
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={EVALUATION_CLARIFICATION_LIMITS.questionChars} showCount placeholder={t('evaluationClarify.itemPlaceholder')} data-testid={`clarify-item-${i}`} />
                    </Form.Item>
                    {fields.length > 1 && <Button type="text" icon={<DeleteOutlined />} aria-label={t('evaluationClarify.removeItem')} onClick={() => remove(f.name)} />}
                  </div>
                </Form.Item>
              ))}
              {fields.length < EVALUATION_CLARIFICATION_LIMITS.items && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} data-testid="clarify-add-item">
                  {t('evaluationClarify.addItem')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="deadline" label={t('evaluationClarify.deadline')} extra={t('evaluationClarify.deadlineHelp', { end: formatTime(windowEndsAt) })} rules={[{ required: true }]} style={{ marginTop: 16 }}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(earliest, 'day') || d.isAfter(end, 'day')} data-testid="clarify-deadline" />
        </Form.Item>
      </Form>
      {error !== undefined && <ProblemAlert error={error} testId="clarify-request-error" />}
    </Modal>
  );
}
