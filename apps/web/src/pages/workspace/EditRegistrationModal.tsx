import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { registrationApi } from '../../api/registration.ts';
import type { EntityProfile, EntityView } from '../../api/types.ts';
import { EntityProfileFields } from '../../components/EntityProfileFields.tsx';
import { FormModal } from '../../components/FormModal.tsx';
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
  const [form] = Form.useForm<EntityProfile>();

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

  return (
    <FormModal
      form={form}
      open={open}
      initialValues={initial}
      onSubmit={async (values) => {
        await registrationApi.editRegistration(trimProfile(values));
        return t('workspace.edit.saved');
      }}
      onClose={onClose}
      onDone={onSaved}
      fieldOf={(s) => (s[0] === 'entity' ? s.slice(1) : s)}
      title={t('workspace.edit.title')}
      width={880}
      okText={t('common.save')}
      destroyOnHidden
    >
      <EntityProfileFields />
    </FormModal>
  );
}
