import { Alert, App, Button, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, problemMessage } from '../../api/problem.ts';
import { registrationApi, type ProposedChange } from '../../api/registration.ts';
import type { EntityProfile, EntityView } from '../../api/types.ts';
import { EntityProfileFields } from '../../components/EntityProfileFields.tsx';

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
  const [busy, setBusy] = useState<'submit' | 'draft'>();

  const send = async (submit: boolean) => {
    const values = await form.validateFields();
    const proposed = diff(current(entity), values);
    if (Object.keys(proposed).length === 0) {
      message.warning(t('changes.nothingChanged'));
      return;
    }
    setBusy(submit ? 'submit' : 'draft');
    try {
      await registrationApi.proposeChange(proposed, submit);
      message.success(t(submit ? 'changes.submitted' : 'changes.draftSaved'));
      onClose();
      await onProposed();
    } catch (err) {
      applyProblemToForm(t, form, err, (s) => (s[0] === 'proposed' || s[0] === 'entity' ? s.slice(1) : s));
      message.error(problemMessage(t, err));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Modal
      open={open}
      title={t('changes.proposeTitle')}
      width={880}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => void send(false)} loading={busy === 'draft'}>
            {t('changes.saveDraft')}
          </Button>
          <Button type="primary" onClick={() => void send(true)} loading={busy === 'submit'} data-testid="propose-submit">
            {t('changes.submitForReview')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={t('changes.proposeLead')} className="form-alert" />
      <Form form={form} layout="vertical" initialValues={current(entity)}>
        <EntityProfileFields withCreditCode={false} />
      </Form>
    </Modal>
  );
}
