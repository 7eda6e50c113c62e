import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';

interface Props {
  onClose: () => void;
  onDecide: (decision: 'approve' | 'reject', comment: string) => Promise<unknown>;
  onDone: () => void;
  initialDecision: 'approve' | 'reject';
}

/** Approve or return a submission, with a comment that a return must carry. */
export function ReviewModal({ onClose, onDecide, onDone, initialDecision }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ decision: 'approve' | 'reject'; comment: string }>();
  const decision = (Form.useWatch('decision', form) as 'approve' | 'reject' | undefined) ?? initialDecision;

  return (
    <FormModal
      form={form}
      initialValues={{ decision: initialDecision, comment: '' }}
      onSubmit={async (values) => {
        await onDecide(values.decision, (values.comment ?? '').trim());
        return t(values.decision === 'approve' ? 'projects.staff.approved' : 'projects.staff.rejected');
      }}
      onClose={onClose}
      onDone={onDone}
      fieldOf={(s) => (s[0] === 'comment' ? ['comment'] : undefined)}
      title={t('projects.staff.decisionTitle')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      data-testid="review-modal"
    >
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
        rules={[
          { required: decision === 'reject', whitespace: true, message: t('projects.staff.commentRequired') },
          { max: 2000 },
        ]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="review-comment" />
      </Form.Item>
    </FormModal>
  );
}
