import { App, Form, Modal, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogApi } from '../../api/catalog.ts';
import { problemMessage } from '../../api/problem.ts';
import { registrationApi } from '../../api/registration.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { CommitmentStep } from '../register/CommitmentStep.tsx';

interface Props {
  open: boolean;
  onClose: () => void;
  onSubmitted: () => Promise<void>;
}

/** Submits a draft or resubmits a rejected registration: sign the commitment now, or ask for review. */
export function SubmitRegistrationModal({ open, onClose, onSubmitted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ mode: 'sign' | 'review'; commitmentSigned?: boolean }>();
  const texts = useLoader(() => (open ? catalogApi.registrationTexts() : Promise.resolve(undefined)), [open]);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    if (!texts.data) return;
    setBusy(true);
    try {
      const entity = await registrationApi.submit({
        version: texts.data.commitment.version,
        accepted: values.mode === 'sign' && values.commitmentSigned === true,
      });
      message.success(t(entity.status === 'active' ? 'workspace.submit.admitted' : 'workspace.submit.pending'));
      onClose();
      await onSubmitted();
    } catch (err) {
      message.error(problemMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('workspace.submit.title')}
      width={760}
      okText={t('workspace.submit.ok')}
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      {texts.data ? (
        <Form form={form} layout="vertical" initialValues={{ mode: 'sign' }}>
          <CommitmentStep text={texts.data.commitment} />
        </Form>
      ) : (
        <Skeleton active />
      )}
    </Modal>
  );
}
