import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { staffApi, type StatusAction } from '../../api/staff.ts';
import type { EntityView } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';

interface Props {
  entity: EntityView;
  action: StatusAction;
  onClose: () => void;
  onDone: () => Promise<void>;
}

/** Suspend, reinstate or cancel an entity, always with a reason the entity will read. */
export function StatusActionModal({ entity, action, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();

  return (
    <FormModal
      form={form}
      onSubmit={async ({ reason }) => {
        await staffApi.changeStatus(entity.id, action, reason.trim());
        return t(`staff.status.done.${action}`);
      }}
      onClose={onClose}
      onDone={onDone}
      fieldOf={(s) => (s[0] === 'reason' ? ['reason'] : undefined)}
      title={t(`staff.status.title.${action}`)}
      okText={t(`staff.actions.${action}`)}
      okButtonProps={{ danger: action !== 'reinstate', 'data-testid': 'status-confirm' }}
      data-testid="status-modal"
      lead={
        <Alert
          type={action === 'reinstate' ? 'info' : 'warning'}
          showIcon
          title={t(`staff.status.warning.${action}`, { name: entity.name })}
          className="form-alert"
        />
      }
    >
      <Form.Item
        name="reason"
        label={t('staff.status.reason')}
        rules={[
          { required: true, whitespace: true, message: t('staff.status.reasonRequired') },
          { min: 2, message: t('staff.status.reasonRequired') },
          { max: 500, message: t('validation.max', { max: 500 }) },
        ]}
        extra={t('staff.status.reasonHint')}
      >
        <Input.TextArea rows={4} maxLength={500} showCount data-testid="status-reason" />
      </Form.Item>
    </FormModal>
  );
}
