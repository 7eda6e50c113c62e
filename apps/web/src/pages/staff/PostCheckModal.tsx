import { Form, Input, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { staffApi, type PostCheckInput } from '../../api/staff.ts';
import type { CheckKind, EntityView } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';

const KINDS: CheckKind[] = ['creditCode', 'businessLicence', 'creditBlacklist', 'qualification', 'other'];

/** Records a check made after instant admission; a failure suspends the entity unless staff say not to. */
export function PostCheckModal({
  entity,
  onClose,
  onDone,
}: {
  entity: EntityView;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PostCheckInput>();
  const result = Form.useWatch('result', form);

  return (
    <FormModal
      form={form}
      initialValues={{ checkKind: 'creditCode', result: 'passed', suspendOnFailure: true, note: '' }}
      onSubmit={async (values) => {
        const updated = await staffApi.recordPostCheck(entity.id, { ...values, note: values.note.trim() });
        return t(
          updated.status === 'suspended' && entity.status !== 'suspended'
            ? 'staff.postCheck.savedSuspended'
            : 'staff.postCheck.saved',
        );
      }}
      onClose={onClose}
      onDone={onDone}
      fieldOf={(s) => (s.length === 1 ? s : undefined)}
      title={t('staff.postCheck.title')}
      okText={t('common.save')}
    >
      <Form.Item name="checkKind" label={t('staff.postCheck.kind')} rules={[{ required: true }]}>
        <Select options={KINDS.map((k) => ({ value: k, label: t(`checkKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="result" label={t('staff.postCheck.result')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'passed', label: t('postCheck.passed') },
            { value: 'failed', label: t('postCheck.failed') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('staff.postCheck.note')}
        rules={[
          { required: true, whitespace: true, message: t('staff.postCheck.noteRequired') },
          { min: 2, message: t('staff.postCheck.noteRequired') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      {result === 'failed' && entity.status === 'active' && (
        <Form.Item
          name="suspendOnFailure"
          label={t('staff.postCheck.suspendOnFailure')}
          valuePropName="checked"
          extra={t('staff.postCheck.suspendHint')}
        >
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}
