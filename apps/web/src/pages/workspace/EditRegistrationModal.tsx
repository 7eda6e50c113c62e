import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, problemMessage } from '../../api/problem.ts';
import { registrationApi } from '../../api/registration.ts';
import type { EntityProfile, EntityView } from '../../api/types.ts';
import { EntityProfileFields } from '../../components/EntityProfileFields.tsx';
import { trimProfile } from '../register/buildRequest.ts';

interface Props {
  open: boolean;
  entity: EntityView;
  onClose: () => void;
  onSaved: () => Promise<void>;
}

/** Edits a draft or rejected registration before it is (re)submitted. */
export function EditRegistrationModal({ open, entity, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntityProfile>();
  const [busy, setBusy] = useState(false);

  const initial: EntityProfile = {
    name: entity.name,
    creditCode: entity.creditCode,
    roles: entity.roles,
    regionCode: entity.regionCode,
    legalRepresentative: entity.legalRepresentative,
    contactName: entity.contactName,
    contactPhone: entity.contactPhone,
    contactEmail: entity.contactEmail ?? undefined,
    address: entity.address,
  };

  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await registrationApi.editRegistration(trimProfile(values));
      message.success(t('workspace.edit.saved'));
      onClose();
      await onSaved();
    } catch (err) {
      applyProblemToForm(t, form, err, (s) => (s[0] === 'entity' ? s.slice(1) : s));
      message.error(problemMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('workspace.edit.title')}
      width={880}
      okText={t('common.save')}
      onOk={() => void save()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <EntityProfileFields />
      </Form>
    </Modal>
  );
}
