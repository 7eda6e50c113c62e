import { Form, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { catalogApi } from '../../api/catalog.ts';
import { registrationApi } from '../../api/registration.ts';
import { FormModal } from '../../components/FormModal.tsx';
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
  const [form] = Form.useForm<{ mode: 'sign' | 'review'; commitmentSigned?: boolean }>();
  const texts = useLoader(() => (open ? catalogApi.registrationTexts() : Promise.resolve(undefined)), [open]);

  return (
    <FormModal
      form={form}
      open={open}
      initialValues={{ mode: 'sign' }}
      onSubmit={async (values) => {
        if (!texts.data) return false;
        const entity = await registrationApi.submit({
          version: texts.data.commitment.version,
          accepted: values.mode === 'sign' && values.commitmentSigned === true,
        });
        return t(entity.status === 'active' ? 'workspace.submit.admitted' : 'workspace.submit.pending');
      }}
      onClose={onClose}
      onDone={onSubmitted}
      title={t('workspace.submit.title')}
      width={760}
      okText={t('workspace.submit.ok')}
      destroyOnHidden
    >
      {texts.data ? <CommitmentStep text={texts.data.commitment} /> : <Skeleton active />}
    </FormModal>
  );
}
