import { App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, problemMessage } from '../../api/problem.ts';

interface Props {
  target: 'entity' | 'change';
  onClose: () => void;
  onDecide: (decision: 'approve' | 'reject', note: string) => Promise<unknown>;
  onDone: () => Promise<void> | void;
  initialDecision?: 'approve' | 'reject';
}

/** Approve or reject, with a note that a rejection must carry. */
export function DecisionModal({ target, onClose, onDecide, onDone, initialDecision = 'approve' }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: 'approve' | 'reject'; note: string }>();
  const decision = Form.useWatch('decision', form) ?? initialDecision;
  const [busy, setBusy] = useState(false);

  const ok = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await onDecide(values.decision, (values.note ?? '').trim());
      message.success(t(values.decision === 'approve' ? 'staff.decision.approved' : 'staff.decision.rejected'));
      await onDone();
    } catch (err) {
      applyProblemToForm(t, form, err, (s) => (s[0] === 'note' ? ['note'] : undefined));
      message.error(problemMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(`staff.decision.title.${target}`)}
      onOk={() => void ok()}
      confirmLoading={busy}
      onCancel={onClose}
      okText={t('common.confirm')}
      data-testid="decision-modal"
    >
      <Form form={form} layout="vertical" initialValues={{ decision: initialDecision, note: '' }}>
        <Form.Item name="decision" label={t('staff.decision.decision')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'approve', label: t('staff.decision.approve') },
              { value: 'reject', label: t('staff.decision.reject') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('staff.decision.note')}
          rules={[
            { required: decision === 'reject', whitespace: true, message: t('staff.decision.noteRequired') },
            { max: 500, message: t('validation.max', { max: 500 }) },
          ]}
        >
          <Input.TextArea
            rows={4}
            maxLength={500}
            showCount
            placeholder={t(decision === 'reject' ? 'staff.decision.rejectPlaceholder' : 'staff.decision.approvePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
