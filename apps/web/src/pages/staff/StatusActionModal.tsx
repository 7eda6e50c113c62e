import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, problemMessage } from '../../api/problem.ts';
import { staffApi, type StatusAction } from '../../api/staff.ts';
import type { EntityView } from '../../api/types.ts';

interface Props {
  entity: EntityView;
  action: StatusAction;
  onClose: () => void;
  onDone: () => Promise<void>;
}

/** Suspend, reinstate or cancel an entity, always with a reason the entity will read. */
export function StatusActionModal({ entity, action, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  const ok = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      await staffApi.changeStatus(entity.id, action, reason.trim());
      message.success(t(`staff.status.done.${action}`));
      await onDone();
    } catch (err) {
      applyProblemToForm(t, form, err, (s) => (s[0] === 'reason' ? ['reason'] : undefined));
      message.error(problemMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(`staff.status.title.${action}`)}
      onOk={() => void ok()}
      okText={t(`staff.actions.${action}`)}
      okButtonProps={{ danger: action !== 'reinstate', 'data-testid': 'status-confirm' }}
      confirmLoading={busy}
      onCancel={onClose}
      data-testid="status-modal"
    >
      <Alert
        type={action === 'reinstate' ? 'info' : 'warning'}
        showIcon
        title={t(`staff.status.warning.${action}`, { name: entity.name })}
        className="form-alert"
      />
      <Form form={form} layout="vertical">
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
      </Form>
    </Modal>
  );
}
