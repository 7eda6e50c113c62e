import { Alert, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { requiredText } from '../../components/rules.ts';

/** One required note (a reason, a rejection) before an action; `onSubmit` resolves with the success message. */
export function ReasonModal({
  title,
  lead,
  label,
  placeholder,
  danger,
  onSubmit,
  onClose,
  onDone,
  testId,
}: {
  title: string;
  lead?: ReactNode;
  label: string;
  placeholder?: string;
  danger?: boolean;
  onSubmit: (note: string) => Promise<string>;
  onClose: () => void;
  onDone: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <FormModal
      form={form}
      onSubmit={async (v) => onSubmit(v.note.trim())}
      onClose={onClose}
      onDone={onDone}
      fieldOf={(s) => (s[0] === 'reason' || s[0] === 'note' ? ['note'] : undefined)}
      title={title}
      okText={t('common.confirm')}
      okButtonProps={{ danger }}
      destroyOnHidden
      lead={lead ? <Alert type={danger ? 'warning' : 'info'} showIcon title={lead} className="form-alert" /> : undefined}
      data-testid={testId}
    >
      <Form.Item name="note" label={label} rules={requiredText(t, 500)}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={placeholder} />
      </Form.Item>
    </FormModal>
  );
}
