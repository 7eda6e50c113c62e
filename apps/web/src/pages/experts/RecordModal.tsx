import { EXPERT_RECORD_KINDS, type ExpertDetailView } from '@bidhall/contracts';
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { expertsApi } from '../../api/experts.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { requiredText } from '../../components/rules.ts';

type Kind = (typeof EXPERT_RECORD_KINDS)[number];

/** A reward, penalty, training or violation; a violation is published with the name masked. */
export function RecordModal({ expertId, onSaved, onClose }: { expertId: string; onSaved: (e: ExpertDetailView) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ kind: Kind; date: Dayjs; description: string }>();
  const kind = Form.useWatch('kind', form);
  return (
    <FormModal
      form={form}
      title={t('experts.actions.record')}
      destroyOnHidden
      fieldOf={(s) => s}
      onClose={onClose}
      onSubmit={async (v) => {
        onSaved(await expertsApi.addRecord(expertId, { kind: v.kind, date: v.date.format('YYYY-MM-DD'), description: v.description.trim() }));
        return t('experts.actions.done');
      }}
      data-testid="expert-record-modal"
    >
      <Form.Item name="kind" label={t('experts.records.kind')} rules={[{ required: true, message: t('validation.required') }]} extra={kind === 'violation' ? t('experts.records.publicHint') : undefined}>
        <Select options={EXPERT_RECORD_KINDS.map((k) => ({ value: k, label: t(`experts.records.kinds.${k}`) }))} data-testid="record-kind" />
      </Form.Item>
      <Form.Item name="date" label={t('experts.records.date')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker data-testid="record-date" />
      </Form.Item>
      <Form.Item name="description" label={t('experts.records.description')} rules={requiredText(t, 2000)}>
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="record-description" />
      </Form.Item>
    </FormModal>
  );
}
