import { App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, problemMessage } from '../../api/problem.ts';

interface Props {
  onClose: () => void;
  onDecide: (decision: 'approve' | 'reject', comment: string) => Promise<unknown>;
  onDone: () => void;
  initialDecision: 'approve' | 'reject';
}

/** Approve or return a submission, with a comment that a return must carry. */
export function ReviewModal({ onClose, onDecide, onDone, initialDecision }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: 'approve' | 'reject'; comment: string }>();
  const decision = (Form.useWatch('decision', form) as 'approve' | 'reject' | undefined) ?? initialDecision;
  const [busy, setBusy] = useState(false);

  const ok = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await onDecide(values.decision, (values.comment ?? '').trim());
      message.success(t(values.decision === 'approve' ? 'projects.staff.approved' : 'projects.staff.rejected'));
      onDone();
    } catch (err) {
      applyProblemToForm(t, form, err, (s) => (s[0] === 'comment' ? ['comment'] : undefined));
      message.error(problemMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('projects.staff.decisionTitle')}
      onOk={() => void ok()}
      confirmLoading={busy}
      onCancel={onClose}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      data-testid="review-modal"
    >
      <Form form={form} layout="vertical" initialValues={{ decision: initialDecision, comment: '' }}>
        <Form.Item name="decision" label={t('projects.staff.decision')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'approve', label: t('projects.staff.approve') },
              { value: 'reject', label: t('projects.staff.reject') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('projects.staff.comment')}
          rules={[{ required: decision === 'reject', whitespace: true, message: t('projects.staff.commentRequired') }, { max: 2000 }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="review-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
