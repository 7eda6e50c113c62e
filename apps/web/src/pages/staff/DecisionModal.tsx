import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';

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
  const [form] = Form.useForm<{ decision: 'approve' | 'reject'; note: string }>();
  const decision = Form.useWatch('decision', form) ?? initialDecision;

  return (
    <FormModal
      form={form}
      initialValues={{ decision: initialDecision, note: '' }}
      onSubmit={async (values) => {
        await onDecide(values.decision, (values.note ?? '').trim());
        return t(values.decision === 'approve' ? 'staff.decision.approved' : 'staff.decision.rejected');
      }}
      onClose={onClose}
      onDone={onDone}
      fieldOf={(s) => (s[0] === 'note' ? ['note'] : undefined)}
      title={t(`staff.decision.title.${target}`)}
      okText={t('common.confirm')}
      data-testid="decision-modal"
    >
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
    </FormModal>
  );
}
