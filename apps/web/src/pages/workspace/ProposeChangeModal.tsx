import { Alert, App, Button, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { registrationApi, type ProposedChange } from '../../api/registration.ts';
import type { EntityProfile, EntityView } from '../../api/types.ts';
import { EntityProfileFields } from '../../components/EntityProfileFields.tsx';
import { FormModal } from '../../components/FormModal.tsx';

type Editable = Omit<EntityProfile, 'creditCode'>;
const FIELDS: (keyof Editable)[] = [
  'name',
  'roles',
  'regionCode',
  'legalRepresentative',
  'contactName',
  'contactPhone',
  'contactEmail',
  'address',
];

function current(entity: EntityView): Editable {
  return {
    name: entity.name,
    roles: entity.roles,
    regionCode: entity.regionCode,
    legalRepresentative: entity.legalRepresentative,
    contactName: entity.contactName,
    contactPhone: entity.contactPhone,
    contactEmail: entity.contactEmail ?? undefined,
    address: entity.address,
  };
}

/**
 * Only the fields that differ from the data in force are proposed. An e-mail address emptied by the
 * user is proposed as null, which clears it once approved.
 */
function diff(before: Editable, after: Editable): ProposedChange {
  const out: Record<string, unknown> = {};
  const norm = (v: unknown) => (Array.isArray(v) ? [...v].sort().join(',') : typeof v === 'string' ? v.trim() : (v ?? ''));
  for (const f of FIELDS) {
    const a = after[f];
    const b = before[f];
    if (norm(a) === norm(b)) continue;
    if (f === 'contactEmail' && norm(a) === '') out[f] = null;
    else out[f] = typeof a === 'string' ? a.trim() : a;
  }
  return out as ProposedChange;
}

interface Props {
  open: boolean;
  entity: EntityView;
  onClose: () => void;
  onProposed: () => Promise<void>;
}

export function ProposeChangeModal({ open, entity, onClose, onProposed }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Editable>();

  return (
    <FormModal<Editable, 'submit' | 'draft'>
      form={form}
      open={open}
      initialValues={current(entity)}
      onSubmit={async (values, intent) => {
        const proposed = diff(current(entity), values);
        if (Object.keys(proposed).length === 0) {
          message.warning(t('changes.nothingChanged'));
          return false;
        }
        await registrationApi.proposeChange(proposed, intent === 'submit');
        return t(intent === 'submit' ? 'changes.submitted' : 'changes.draftSaved');
      }}
      onClose={onClose}
      onDone={onProposed}
      fieldOf={(s) => (s[0] === 'proposed' || s[0] === 'entity' ? s.slice(1) : s)}
      title={t('changes.proposeTitle')}
      width={880}
      destroyOnHidden
      lead={<Alert type="info" showIcon title={t('changes.proposeLead')} className="form-alert" />}
      footer={(send, busy) => (
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => send('draft')} loading={busy === 'draft'}>
            {t('changes.saveDraft')}
          </Button>
          <Button type="primary" onClick={() => send('submit')} loading={busy === 'submit'} data-testid="propose-submit">
            {t('changes.submitForReview')}
          </Button>
        </Space>
      )}
    >
      <EntityProfileFields withCreditCode={false} />
    </FormModal>
  );
}
